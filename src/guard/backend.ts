// One interface for every guard backend: the built-in detector, Llama Guard served somewhere, OpenAI moderation.

import type { AttackScore, CategoryScore, PiiFinding } from '../detect/types.js';

/**
 * Who wrote the text. `document` is third-party content that reaches the model: a pasted email or
 * page, a retrieved passage, a tool's output (the proxy checks `tool` messages as documents).
 */
export type Role = 'user' | 'assistant' | 'document';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GuardInput {
  /** The text to judge: the last user message, a tool's output, or the assistant's answer. */
  text: string;
  role: Role;
  /** The conversation before `text`, for backends that judge in context (Llama Guard). */
  history?: ChatMessage[];
}

export interface BackendVerdict {
  backend: string;
  /** Hazard categories the backend flagged, with scores (1 for backends that only say yes or no). */
  categories: CategoryScore[];
  /** Prompt-attack judgement, when the backend gives one. */
  attack?: AttackScore;
  /** PII found, when the backend looks for it. */
  pii?: PiiFinding[];
  /** The backend's own output, for debugging (never logged with secrets). */
  raw?: string;
}

export interface GuardBackend {
  readonly name: string;
  check(input: GuardInput, signal?: AbortSignal): Promise<BackendVerdict>;
}

/** A backend that could not answer (down, timed out, malformed reply): the policy decides what follows. */
export class BackendUnavailable extends Error {
  constructor(
    readonly backend: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`${backend}: ${message}`);
  }
}
