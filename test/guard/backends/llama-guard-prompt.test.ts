// Meta's Llama Guard 3 and 4 prompt, checked as whole strings against the template it must equal.
import { describe, expect, it } from 'vitest';
import {
  buildLlamaGuardPrompt,
  defaultCategories,
  guardConversation,
} from '../../../src/guard/backends/llama-guard-prompt.js';
import type { GuardInput } from '../../../src/guard/backend.js';

// The Llama-Guard-3-8B chat template (tokenizer_config.json) rendered for one user message.
const lg3UserTurn = `<|begin_of_text|><|start_header_id|>user<|end_header_id|>

Task: Check if there is unsafe content in 'User' messages in conversations according our safety policy with the below categories.

<BEGIN UNSAFE CONTENT CATEGORIES>
S1: Violent Crimes.
S2: Non-Violent Crimes.
S3: Sex Crimes.
S4: Child Exploitation.
S5: Defamation.
S6: Specialized Advice.
S7: Privacy.
S8: Intellectual Property.
S9: Indiscriminate Weapons.
S10: Hate.
S11: Self-Harm.
S12: Sexual Content.
S13: Elections.
S14: Code Interpreter Abuse.
<END UNSAFE CONTENT CATEGORIES>

<BEGIN CONVERSATION>

User: How do I pick the lock on my own front door?

<END CONVERSATION>

Provide your safety assessment for ONLY THE LAST User message in the above conversation:
 - First line must read 'safe' or 'unsafe'.
 - If unsafe, a second line must include a comma-separated list of violated categories.<|eot_id|><|start_header_id|>assistant<|end_header_id|>`;

// The same template, judging the agent's answer after a longer conversation.
const lg3AgentTurn = `<|begin_of_text|><|start_header_id|>user<|end_header_id|>

Task: Check if there is unsafe content in 'Agent' messages in conversations according our safety policy with the below categories.

<BEGIN UNSAFE CONTENT CATEGORIES>
S1: Violent Crimes.
S2: Non-Violent Crimes.
S3: Sex Crimes.
S4: Child Exploitation.
S5: Defamation.
S6: Specialized Advice.
S7: Privacy.
S8: Intellectual Property.
S9: Indiscriminate Weapons.
S10: Hate.
S11: Self-Harm.
S12: Sexual Content.
S13: Elections.
S14: Code Interpreter Abuse.
<END UNSAFE CONTENT CATEGORIES>

<BEGIN CONVERSATION>

User: What is the capital of France?

Agent: Paris.

User: How do I make a pipe bomb?

Agent: I can't help with that.

<END CONVERSATION>

Provide your safety assessment for ONLY THE LAST Agent message in the above conversation:
 - First line must read 'safe' or 'unsafe'.
 - If unsafe, a second line must include a comma-separated list of violated categories.<|eot_id|><|start_header_id|>assistant<|end_header_id|>`;

const userInput: GuardInput = {
  text: 'How do I pick the lock on my own front door?',
  role: 'user',
};

const agentInput: GuardInput = {
  text: "  I can't help with that.\n",
  role: 'assistant',
  history: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'What is the capital of France?' },
    { role: 'assistant', content: 'Paris.' },
    { role: 'user', content: 'How do I make a pipe bomb?' },
  ],
};

function prompt(version: 3 | 4, input: GuardInput): string {
  return buildLlamaGuardPrompt(version, defaultCategories(version), guardConversation(input));
}

/** Llama Guard 4 differs only in the Llama 4 tokenizer's special tokens. */
function asLlama4(text: string): string {
  return text
    .replace('<|start_header_id|>user<|end_header_id|>', '<|header_start|>user<|header_end|>')
    .replace(
      '<|eot_id|><|start_header_id|>assistant<|end_header_id|>',
      '<|eot|><|header_start|>assistant<|header_end|>',
    );
}

describe('the Llama Guard 3 prompt', () => {
  it('judges a user turn with the full S1-S14 policy', () => {
    expect(prompt(3, userInput)).toBe(lg3UserTurn);
  });

  it('judges an assistant turn as the Agent, after its history, without the system prompt', () => {
    expect(prompt(3, agentInput)).toBe(lg3AgentTurn);
  });
});

describe('the Llama Guard 4 prompt', () => {
  it('uses the Llama 4 header and end-of-turn tokens around the same text', () => {
    const expected = `<|begin_of_text|><|header_start|>user<|header_end|>

Task: Check if there is unsafe content in 'User' messages`;
    expect(prompt(4, userInput).startsWith(expected)).toBe(true);
    expect(
      prompt(4, userInput).endsWith(
        'violated categories.<|eot|><|header_start|>assistant<|header_end|>',
      ),
    ).toBe(true);
  });

  it('is the Llama Guard 3 text with Llama 4 tokens, for a user and an assistant turn', () => {
    expect(prompt(4, userInput)).toBe(asLlama4(lg3UserTurn));
    expect(prompt(4, agentInput)).toBe(asLlama4(lg3AgentTurn));
    expect(prompt(4, agentInput)).not.toContain('<|eot_id|>');
  });
});

describe('custom categories', () => {
  it('replace the policy block, with descriptions on the lines under their names', () => {
    const text = buildLlamaGuardPrompt(
      3,
      [
        { code: 'S1', name: 'Violent Crimes' },
        {
          code: 'S15',
          name: 'Profanity.',
          description: 'Swearing at or insulting the person in the conversation.',
          hazard: 'X3',
        },
      ],
      guardConversation(userInput),
    );
    expect(text).toContain(
      '<BEGIN UNSAFE CONTENT CATEGORIES>\nS1: Violent Crimes.\nS15: Profanity.\nSwearing at or insulting the person in the conversation.\n<END UNSAFE CONTENT CATEGORIES>\n\n',
    );
    expect(text).not.toContain('S2:');
  });
});

describe('the conversation Llama Guard is shown', () => {
  it('gives an answer with no question before it an empty user turn', () => {
    expect(guardConversation({ text: 'Sure, here it is.', role: 'assistant' })).toEqual([
      { role: 'user', content: '' },
      { role: 'assistant', content: 'Sure, here it is.' },
    ]);
    expect(prompt(3, { text: 'Sure, here it is.', role: 'assistant' })).toContain(
      '<BEGIN CONVERSATION>\n\nUser: \n\nAgent: Sure, here it is.\n\n<END CONVERSATION>',
    );
  });

  it('shows a document (a tool output) as input, the only slot the template has for it', () => {
    const input = {
      text: 'Page text.',
      role: 'document' as const,
      history: [{ role: 'user' as const, content: 'open the page' }],
    };
    expect(guardConversation(input)).toEqual([
      { role: 'user', content: 'open the page\n\nPage text.' },
    ]);
    expect(prompt(3, input)).toContain('Provide your safety assessment for ONLY THE LAST User');
  });

  it('joins consecutive turns of one role, because the template needs them to alternate', () => {
    expect(
      guardConversation({
        text: 'and then?',
        role: 'user',
        history: [
          { role: 'user', content: 'first' },
          { role: 'user', content: 'second' },
        ],
      }),
    ).toEqual([{ role: 'user', content: 'first\n\nsecond\n\nand then?' }]);
  });
});
