// Text out of chat messages as promptfoo and Inspect store them (a string, or a list of typed parts).

import { isRecord } from './json-input.js';

/**
 * The text of a message's content: a string as is, or the `text` parts of a list joined by newlines
 * (images, audio and reasoning parts are left out: they are not what the target was asked or said).
 */
export function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const texts = content
    .map((part) => (typeof part === 'string' ? part : isRecord(part) ? part.text : undefined))
    .filter((text): text is string => typeof text === 'string');
  return texts.length > 0 ? texts.join('\n') : null;
}

/** The text of the last message with the given role in a list of chat messages, or null. */
export function lastMessageText(messages: unknown, role: string): string | null {
  if (!Array.isArray(messages)) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message: unknown = messages[i];
    if (isRecord(message) && message.role === role) return contentText(message.content);
  }
  return null;
}

/**
 * A prompt that may be a chat transcript serialised as JSON (promptfoo's prompt.raw for chat
 * prompts): the last user message when it is one, the text itself otherwise.
 */
export function promptText(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('[')) return raw;
  try {
    return lastMessageText(JSON.parse(trimmed), 'user') ?? raw;
  } catch {
    return raw;
  }
}
