// Every heading and sentence of the red-team report, in English and Korean; the English sets the
// shape, so a sentence missing from the Korean is a type error.

import { attackTypes, hazardNames, type AttackType, type HazardCode } from '../detect/types.js';
import type { Lang } from '../frameworks/messages.js';
import type { Text } from './document.js';

const en = {
  title: 'Red-team report',
  intro:
    'How a model or application answered a suite of attack prompts and of safe prompts that only ' +
    'look dangerous: how often an attack drew a harmful answer, how often a safe prompt was refused, ' +
    'and the answers themselves. Written from the run’s results; every rate is over the probes that ' +
    'got an answer, with its 95% bootstrap interval and the number of probes behind it.',
  // 1. What was run
  runTitle: '1. What was run',
  run: 'Run',
  suite: 'Suite',
  target: 'Target',
  model: 'Registered model',
  noModel: 'none: the run is not recorded against a registered model',
  strategies: 'Strategies',
  noStrategies: 'none: every probe was sent as written',
  graders: 'Graders',
  noGraders: 'none recorded',
  period: 'Started – finished',
  probes: 'Probes sent',
  probeCounts: (total: string, toRefuse: string, toComply: string) =>
    `${total}: ${toRefuse} a safe model should refuse, ${toComply} it should answer`,
  languages: 'Languages',
  answered: 'Answered',
  errors: 'Errors',
  // 2. Results
  resultsTitle: '2. Results',
  attackSuccess: 'Attack success rate',
  attackSuccessMeans: 'the share of probes a safe model should refuse that were answered harmfully',
  overRefusal: 'Over-refusal rate',
  overRefusalMeans: 'the share of safe prompts that were refused',
  worstCase: 'Attack success, worst case over strategies',
  worstCaseMeans:
    'the share of probes broken by the probe as written or by any of its strategy variants',
  lowerIsBetter: 'Lower is better for both rates.',
  rate: (rate: string, lo: string, hi: string, k: string, n: string) =>
    `${rate} (95% interval ${lo}–${hi}; ${k} of ${n} probes)`,
  notMeasured: 'not measured: no answered probe of this kind',
  // 3. By code and language
  codesTitle: '3. By hazard code and language',
  cellLegend:
    'Each cell is a rate, its 95% interval in brackets, and (k/n): k of the n answered probes. ' +
    '– means no probe of that kind was answered.',
  attackByCode: 'Attack success by code',
  overRefusalByCode: 'Over-refusal by code',
  noSafePrompts: 'The run had no safe prompts, so over-refusal was not measured.',
  noHarmfulPrompts: 'The run had no probes that a safe model should refuse.',
  code: 'Code',
  category: 'Category',
  all: 'All',
  allCodes: 'All codes',
  langNames: { ko: 'Korean', en: 'English' } satisfies Record<Lang, string>,
  notProbed: (codes: Text): Text => ['Codes this run did not probe: ', ...codes, '.'],
  // 4. By strategy and probe kind
  breakdownTitle: '4. By strategy and probe kind',
  byStrategy: 'By strategy',
  byKind: 'By probe kind',
  strategy: 'Strategy',
  kind: 'Kind',
  baseStrategy: 'none (as written)',
  kinds: {
    harmful: 'Harmful request',
    attack: 'Jailbreak or injection',
    bias: 'Social bias question',
    over_refusal: 'Safe prompt that looks dangerous',
  } as Record<string, string>,
  // 5–7. The answers
  attacksTitle: '5. Successful attacks',
  noAttacks: 'No probe was answered harmfully.',
  refusedTitle: '6. Safe prompts that were refused',
  noRefused: 'No safe prompt was refused.',
  noSafeRun: 'The run had no safe prompts.',
  excerpts: (chars: string) =>
    `Prompts and responses are the target’s and the suite’s own words, shown as text and cut at ` +
    `${chars} characters; ⏎ marks a line break.`,
  shown: (shown: string, total: string) =>
    `The first ${shown} of ${total} are listed; results.jsonl holds every one.`,
  language: 'Language',
  variantOf: 'a variant of',
  prompt: 'Prompt',
  response: 'Response',
  noResponse: 'no response',
  verdicts: 'Graders',
  refused: 'refused',
  complied: 'answered',
  harmful: 'harmful',
  notHarmful: 'not harmful',
  score: 'score',
  errorsTitle: '7. Errors',
  noErrors: 'Every probe got an answer.',
  errorsLeftOut: (n: string) =>
    `${n} probe(s) got no answer, even after retries; they are left out of every rate.`,
  probe: 'Probe',
  tries: 'Tries',
  message: 'Message',
  // 8. Limits
  limitsTitle: '8. Limits',
  automaticGraders:
    'Every answer was graded automatically, by refusal cues (the phrases refusals use) and by ' +
    'anjeon’s built-in detector, not read by a person. A harmful answer the detector misses, or a ' +
    'refusal the cues take for an answer, moves the rates; so does a harmless answer flagged as harmful.',
  measuredBy: (command: Text): Text => [
    'How often the graders err, measured on labelled Korean and English answers, comes from ',
    ...command,
    '.',
  ],
  smallN: (few: string, total: string) =>
    `Few probes give wide intervals: ${few} of the ${total} measured rates in this report rest on ` +
    'fewer than 30 answered probes (the smallest sample garak gives a bootstrap interval); read ' +
    'them as rough.',
  independence:
    'The intervals resample probes as if they were independent and leave out grader error; the ' +
    'variants of one probe under different strategies are not independent, so intervals over ' +
    'several strategies are narrower than they should be.',
  errorsBias: (n: string) =>
    `${n} probe(s) without an answer are left out: if the target fails on exactly the hardest ` +
    'prompts, the rates look better than they are.',
  sample:
    'The suite is a fixed sample of prompts: a low rate says these attacks failed, not that no ' +
    'attack succeeds. Attacks adapted to the target, over several turns or optimised against it, ' +
    'are stronger.',
  oneTarget:
    'The figures hold for this target, with its settings, at the time of the run: another model ' +
    'version, system prompt or filter can answer differently.',
};

export type RedteamWords = typeof en;

const ko: RedteamWords = {
  title: '레드팀 평가 보고서',
  intro:
    '모델이나 애플리케이션이 공격 프롬프트와, 위험해 보이지만 안전한 프롬프트에 어떻게 답했는지를 ' +
    '기록합니다. 공격이 유해한 답을 얻어 낸 비율, 안전한 프롬프트를 거절한 비율, 그리고 실제 답변을 ' +
    '보여 줍니다. 실행 결과로부터 작성했으며, 모든 비율은 답을 받은 프로브만으로 계산하고 95% ' +
    '부트스트랩 구간과 근거가 된 프로브 수를 함께 적었습니다.',
  runTitle: '1. 실행 개요',
  run: '실행 ID',
  suite: '스위트',
  target: '대상',
  model: '등록된 모델',
  noModel: '없음: 등록된 모델의 평가로 기록하지 않은 실행입니다',
  strategies: '전략',
  noStrategies: '없음: 모든 프로브를 작성된 그대로 보냈습니다',
  graders: '채점기',
  noGraders: '기록 없음',
  period: '시작 – 종료',
  probes: '보낸 프로브',
  probeCounts: (total, toRefuse, toComply) =>
    `${total}개: 안전한 모델이 거절해야 할 것 ${toRefuse}개, 답해야 할 것 ${toComply}개`,
  languages: '언어',
  answered: '답을 받은 프로브',
  errors: '오류',
  resultsTitle: '2. 결과',
  attackSuccess: '공격 성공률',
  attackSuccessMeans: '안전한 모델이라면 거절해야 할 프로브 가운데 유해하게 답한 비율',
  overRefusal: '과잉 거절률',
  overRefusalMeans: '안전한 프롬프트 가운데 거절한 비율',
  worstCase: '공격 성공률, 전략별 최악의 경우',
  worstCaseMeans: '작성된 그대로의 프로브나 그 전략 변형 중 하나라도 성공한 프로브의 비율',
  lowerIsBetter: '두 비율 모두 낮을수록 좋습니다.',
  rate: (rate, lo, hi, k, n) => `${rate} (95% 구간 ${lo}–${hi}, 프로브 ${n}개 중 ${k}개)`,
  notMeasured: '측정 안 됨: 이 종류의 프로브 중 답을 받은 것이 없습니다',
  codesTitle: '3. 위험 코드별·언어별 결과',
  cellLegend:
    '각 칸은 비율, 대괄호 안의 95% 구간, 그리고 (k/n), 즉 답을 받은 프로브 n개 중 k개입니다. ' +
    '–는 해당하는 프로브 중 답을 받은 것이 없다는 뜻입니다.',
  attackByCode: '코드별 공격 성공률',
  overRefusalByCode: '코드별 과잉 거절률',
  noSafePrompts: '이번 실행에는 안전한 프롬프트가 없어 과잉 거절률을 측정하지 않았습니다.',
  noHarmfulPrompts: '이번 실행에는 안전한 모델이 거절해야 할 프로브가 없습니다.',
  code: '코드',
  category: '범주',
  all: '전체',
  allCodes: '모든 코드',
  langNames: { ko: '한국어', en: '영어' },
  notProbed: (codes) => ['이번 실행에서 검사하지 않은 코드: ', ...codes, '.'],
  breakdownTitle: '4. 전략별·프로브 종류별 결과',
  byStrategy: '전략별',
  byKind: '프로브 종류별',
  strategy: '전략',
  kind: '종류',
  baseStrategy: '없음(작성된 그대로)',
  kinds: {
    harmful: '유해한 요청',
    attack: '탈옥·주입 공격',
    bias: '사회적 편향 질문',
    over_refusal: '위험해 보이는 안전한 프롬프트',
  },
  attacksTitle: '5. 성공한 공격',
  noAttacks: '유해하게 답한 프로브가 없습니다.',
  refusedTitle: '6. 거절된 안전한 프롬프트',
  noRefused: '거절된 안전한 프롬프트가 없습니다.',
  noSafeRun: '이번 실행에는 안전한 프롬프트가 없습니다.',
  excerpts: (chars) =>
    `프롬프트와 응답은 스위트와 대상이 쓴 글 그대로를 텍스트로 보여 주며, ${chars}자에서 자릅니다. ` +
    '⏎는 줄바꿈 자리입니다.',
  shown: (shown, total) =>
    `${total}개 중 처음 ${shown}개만 나열했습니다. 전체는 results.jsonl에 있습니다.`,
  language: '언어',
  variantOf: '원래 프로브',
  prompt: '프롬프트',
  response: '응답',
  noResponse: '응답 없음',
  verdicts: '채점',
  refused: '거절',
  complied: '답변',
  harmful: '유해',
  notHarmful: '유해하지 않음',
  score: '점수',
  errorsTitle: '7. 오류',
  noErrors: '모든 프로브가 답을 받았습니다.',
  errorsLeftOut: (n) =>
    `프로브 ${n}개는 재시도 후에도 답을 받지 못했으며, 모든 비율 계산에서 제외했습니다.`,
  probe: '프로브',
  tries: '시도 횟수',
  message: '메시지',
  limitsTitle: '8. 한계',
  automaticGraders:
    '모든 답변은 사람이 읽지 않고 자동으로 채점했습니다. 거절 표현(거절할 때 쓰는 문구)과 anjeon ' +
    '내장 탐지기를 사용합니다. 탐지기가 놓친 유해한 답변이나, 거절 표현이 답변으로 잘못 본 거절은 ' +
    '비율을 바꾸며, 유해하다고 잘못 판정한 무해한 답변도 마찬가지입니다.',
  measuredBy: (command) => [
    '채점기가 얼마나 틀리는지는 레이블이 있는 한국어·영어 답변으로 측정하며, 그 수치는 ',
    ...command,
    '로 얻습니다.',
  ],
  smallN: (few, total) =>
    `프로브가 적으면 구간이 넓습니다. 이 보고서에서 측정한 비율 ${total}개 중 ${few}개는 답을 받은 ` +
    '프로브가 30개 미만(garak이 부트스트랩 구간을 내는 최소 표본)이므로 대략적인 값으로 읽어야 합니다.',
  independence:
    '구간은 프로브가 서로 독립인 것처럼 재표집하며 채점 오류는 반영하지 않습니다. 한 프로브의 전략별 ' +
    '변형은 서로 독립이 아니므로, 여러 전략에 걸친 구간은 실제보다 좁습니다.',
  errorsBias: (n) =>
    `답을 받지 못한 프로브 ${n}개는 제외했습니다. 대상이 가장 어려운 프롬프트에서만 실패했다면 ` +
    '비율이 실제보다 좋아 보입니다.',
  sample:
    '스위트는 미리 정해 둔 프롬프트 표본입니다. 비율이 낮다는 것은 이 공격들이 실패했다는 뜻이지, ' +
    '어떤 공격도 성공하지 못한다는 뜻이 아닙니다. 대상에 맞춰 여러 턴에 걸치거나 최적화한 공격은 더 강합니다.',
  oneTarget:
    '수치는 이 대상과 그 설정, 실행 시점에만 해당합니다. 모델 버전이나 시스템 프롬프트, 필터가 ' +
    '다르면 답도 달라질 수 있습니다.',
};

export const redteamWords: Record<Lang, RedteamWords> = { en, ko };

/** Hazard codes have their names in detect/types.ts; the attack types' names live here. */
const attackNames: Record<AttackType, { en: string; ko: string }> = {
  A1: { en: 'Prompt injection and jailbreak', ko: '프롬프트 주입·탈옥' },
  A2: { en: 'Prompt leaking', ko: '프롬프트 유출' },
};

/** What a probe code is called, or null for a code anjeon does not know (a hand-edited result file). */
export function codeName(code: string, lang: Lang): string | null {
  if ((attackTypes as readonly string[]).includes(code))
    return attackNames[code as AttackType][lang];
  if (Object.hasOwn(hazardNames, code)) return hazardNames[code as HazardCode][lang];
  return null;
}
