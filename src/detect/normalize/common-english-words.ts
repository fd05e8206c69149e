// About two hundred frequent English words, plus the vocabulary of attacks, to tell rot13 text from plain text.

export const commonEnglishWords: ReadonlySet<string> = new Set(
  (
    'the be to of and a in that have i it for not on with he as you do at this but his by ' +
    'from they we say her she or an will my one all would there their what so up out if about ' +
    'who get which go me when make can like time no just him know take people into year your ' +
    'good some could them see other than then now look only come its over think also back ' +
    'after use two how our work first well way even new want because any these give day most ' +
    'us is are was were been has had did said very much more many such where why here those ' +
    'should must may might need tell ask show find let put keep help start stop try call ' +
    'write read run thing nothing something anything everything someone anyone world life ' +
    'hand part place week number problem please always never every before again same own ' +
    'while through down off too under last long great little right old big high small large ' +
    'next early young important few public bad able kill bomb weapon gun knife poison drug ' +
    'explosive attack hack steal money bank account card ignore previous instructions ' +
    'instruction system prompt rules rule password secret reveal forget above below act ' +
    'pretend answer question message user assistant model safe jailbreak mode developer admin ' +
    'access data code file send email private key token build create'
  ).split(' '),
);
