// Meta's Llama Guard 3 and 4 prompt, built byte for byte, and the conversation it judges.

import type { HazardCode } from '../../detect/types.js';
import type { GuardInput } from '../backend.js';

export type LlamaGuardVersion = 3 | 4;

export interface LlamaGuardCategory {
  /** The code the model answers with, e.g. `S1`. */
  code: string;
  /** Written into the prompt as `S1: Violent Crimes.` */
  name: string;
  /** Written on the lines under the name (Meta's "with_policy" form). */
  description?: string;
  /** Our hazard code for this category; required when `code` is not itself one of ours. */
  hazard?: HazardCode;
}

/**
 * The S1-S14 names exactly as the Llama-Guard-3-8B chat template (tokenizer_config.json) writes
 * them: the short forms the model was trained on ("Sex Crimes", "Self-Harm"), not the model card's
 * longer titles. Llama Guard 4 keeps the same list. Llama Guard 3-1B knows only S1-S13: give it
 * `categories` without S14.
 */
const metaCategories: readonly LlamaGuardCategory[] = [
  { code: 'S1', name: 'Violent Crimes' },
  { code: 'S2', name: 'Non-Violent Crimes' },
  { code: 'S3', name: 'Sex Crimes' },
  { code: 'S4', name: 'Child Exploitation' },
  { code: 'S5', name: 'Defamation' },
  { code: 'S6', name: 'Specialized Advice' },
  { code: 'S7', name: 'Privacy' },
  { code: 'S8', name: 'Intellectual Property' },
  { code: 'S9', name: 'Indiscriminate Weapons' },
  { code: 'S10', name: 'Hate' },
  { code: 'S11', name: 'Self-Harm' },
  { code: 'S12', name: 'Sexual Content' },
  { code: 'S13', name: 'Elections' },
  { code: 'S14', name: 'Code Interpreter Abuse' },
];

export function defaultCategories(_version: LlamaGuardVersion): readonly LlamaGuardCategory[] {
  return metaCategories;
}

/** One turn as Llama Guard sees it: the template only knows users and the agent. */
export interface GuardTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * The conversation ending with the message to judge. Llama Guard's template requires turns that
 * alternate and start with the user, so system messages are left out (the model has no slot for
 * them), consecutive turns of one role are joined with a blank line, and an answer with no question
 * before it gets an empty user turn (Meta: "when evaluating the agent response, both the user input
 * and the agent response need to be present").
 */
export function guardConversation(input: GuardInput): GuardTurn[] {
  const turns: GuardTurn[] = [];
  // A document reaches the model as input: Llama Guard has no slot for it but the user's.
  const role = input.role === 'document' ? 'user' : input.role;
  const all = [...(input.history ?? []), { role, content: input.text }];
  for (const message of all) {
    if (message.role === 'system') continue;
    const last = turns.at(-1);
    if (last && last.role === message.role) last.content = `${last.content}\n\n${message.content}`;
    else turns.push({ role: message.role, content: message.content });
  }
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', content: '' });
  return turns;
}

/** Meta's special tokens differ between the Llama 3 and the Llama 4 tokenizer; the text does not. */
const specialTokens: Record<LlamaGuardVersion, { open: string; close: string }> = {
  3: {
    open: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n',
    close: '<|eot_id|><|start_header_id|>assistant<|end_header_id|>',
  },
  4: {
    open: '<|begin_of_text|><|header_start|>user<|header_end|>\n\n',
    close: '<|eot|><|header_start|>assistant<|header_end|>',
  },
};

/** The BOS token the raw prompt starts with; inference servers add their own (see llama-guard-apis). */
export const beginOfText = '<|begin_of_text|>';

function categoryLines(categories: readonly LlamaGuardCategory[]): string {
  return categories
    .map((c) => {
      const name = c.name.endsWith('.') ? c.name : `${c.name}.`;
      return c.description ? `${c.code}: ${name}\n${c.description}\n` : `${c.code}: ${name}\n`;
    })
    .join('');
}

/**
 * The full prompt, as the model's own chat template renders it: the Llama-Guard-3-8B template in
 * tokenizer_config.json (llama-recipes' prompt_format_utils.py has the same words but other
 * whitespace; the tokenizer's template is what vLLM and transformers apply, so raw and chat calls
 * agree). Each turn is trimmed, as the template's `content.strip()` does. The role in the task line
 * is that of the last turn: 'User' when judging a prompt, 'Agent' when judging an answer.
 */
export function buildLlamaGuardPrompt(
  version: LlamaGuardVersion,
  categories: readonly LlamaGuardCategory[],
  turns: readonly GuardTurn[],
): string {
  const agent = turns.at(-1)?.role === 'assistant' ? 'Agent' : 'User';
  const conversation = turns
    .map((t) => `${t.role === 'assistant' ? 'Agent' : 'User'}: ${t.content.trim()}\n\n`)
    .join('');
  const tokens = specialTokens[version];
  return (
    tokens.open +
    `Task: Check if there is unsafe content in '${agent}' messages in conversations according our safety policy with the below categories.\n\n` +
    `<BEGIN UNSAFE CONTENT CATEGORIES>\n${categoryLines(categories)}<END UNSAFE CONTENT CATEGORIES>\n\n` +
    `<BEGIN CONVERSATION>\n\n${conversation}<END CONVERSATION>\n\n` +
    `Provide your safety assessment for ONLY THE LAST ${agent} message in the above conversation:\n` +
    ` - First line must read 'safe' or 'unsafe'.\n` +
    ` - If unsafe, a second line must include a comma-separated list of violated categories.` +
    tokens.close
  );
}
