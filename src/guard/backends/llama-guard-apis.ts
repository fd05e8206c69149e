// The four ways a Llama Guard server can be asked: what to POST where, and where the answer text is.

import { z } from 'zod';
import { beginOfText, type GuardTurn } from './llama-guard-prompt.js';

export const llamaGuardApis = [
  'openai-chat',
  'openai-completions',
  'ollama-chat',
  'ollama-generate',
] as const;
export type LlamaGuardApi = (typeof llamaGuardApis)[number];

/** The verdict is at most "unsafe" and fourteen codes; a longer answer is already wrong. */
const maxTokens = 64;

export interface LlamaGuardRequest {
  model: string;
  turns: readonly GuardTurn[];
  /** Meta's full prompt text, used by the raw APIs. */
  prompt: string;
}

interface ApiShape {
  path: string;
  /** True when the server applies the model's chat template and we send messages. */
  chat: boolean;
  body(request: LlamaGuardRequest): unknown;
  /** The schema of a non-streaming answer, and where the model's text sits in it. */
  answer: z.ZodType<string>;
}

const messages = (turns: readonly GuardTurn[]) =>
  turns.map((t) => ({ role: t.role, content: t.content }));

/**
 * vLLM's /v1/completions, llama.cpp's server and Ollama's raw /api/generate all tokenize the prompt
 * with the tokenizer's own BOS added, so the template's `<|begin_of_text|>` is dropped from what is
 * sent: the model then sees exactly one BOS, as with the chat template.
 */
const withoutBos = (prompt: string) =>
  prompt.startsWith(beginOfText) ? prompt.slice(beginOfText.length) : prompt;

const choiceMessage = z
  .object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) })
  .transform((r) => r.choices[0]!.message.content);
const choiceText = z
  .object({ choices: z.array(z.object({ text: z.string() })).min(1) })
  .transform((r) => r.choices[0]!.text);
const ollamaMessage = z
  .object({ message: z.object({ content: z.string() }), done: z.literal(true) })
  .transform((r) => r.message.content);
const ollamaResponse = z
  .object({ response: z.string(), done: z.literal(true) })
  .transform((r) => r.response);

/**
 * With the chat APIs the server renders the model's own chat template, which carries Meta's
 * default category list; custom categories therefore need a raw API, where we build the prompt.
 * Temperature 0: a classifier should give the same verdict for the same text.
 */
export const apiShapes: Record<LlamaGuardApi, ApiShape> = {
  'openai-chat': {
    path: '/v1/chat/completions',
    chat: true,
    body: (r) => ({
      model: r.model,
      messages: messages(r.turns),
      temperature: 0,
      max_tokens: maxTokens,
    }),
    answer: choiceMessage,
  },
  'openai-completions': {
    path: '/v1/completions',
    chat: false,
    body: (r) => ({
      model: r.model,
      prompt: withoutBos(r.prompt),
      temperature: 0,
      max_tokens: maxTokens,
    }),
    answer: choiceText,
  },
  'ollama-chat': {
    path: '/api/chat',
    chat: true,
    body: (r) => ({
      model: r.model,
      messages: messages(r.turns),
      stream: false,
      options: { temperature: 0, num_predict: maxTokens },
    }),
    answer: ollamaMessage,
  },
  'ollama-generate': {
    path: '/api/generate',
    chat: false,
    body: (r) => ({
      model: r.model,
      prompt: withoutBos(r.prompt),
      raw: true,
      stream: false,
      options: { temperature: 0, num_predict: maxTokens },
    }),
    answer: ollamaResponse,
  },
};
