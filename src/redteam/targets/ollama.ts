// Ollama's native chat API as a red-team target: POST /api/chat, one non-streamed answer.

import { chatMessages } from './chat-messages.js';
import { z } from 'zod';
import type { Target, TargetReply, TargetRequest } from '../types.js';
import { httpRequest, snippet, targetError } from './http-request.js';
import { displayUrl } from './target-url.js';

export interface OllamaTargetOptions {
  /** Where Ollama listens, e.g. http://localhost:11434 (a trailing /api is tolerated). */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token: Ollama's cloud and proxies in front of a local Ollama ask for one. */
  apiKey?: string;
  timeoutMs: number;
  maxTokens: number;
}

const chatAnswer = z.object({
  message: z.object({ content: z.string() }),
  done: z.literal(true),
});

export class OllamaTarget implements Target {
  readonly display: string;
  readonly identity: Record<string, unknown>;
  private readonly url: string;
  private readonly where: string;

  constructor(private readonly options: OllamaTargetOptions) {
    const base = options.baseUrl.replace(/\/+$/, '').replace(/\/api$/, '');
    this.url = `${base}/api/chat`;
    this.where = displayUrl(this.url);
    this.display = `ollama:${displayUrl(options.baseUrl)}#${options.model}`;
    this.identity = {
      kind: 'ollama',
      url: this.where,
      model: options.model,
      temperature: 0,
      num_predict: options.maxTokens,
    };
  }

  async send(request: TargetRequest, signal: AbortSignal): Promise<TargetReply> {
    const { apiKey } = this.options;
    const secrets = apiKey ? [apiKey] : [];
    const answer = await httpRequest({
      url: this.url,
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      body: {
        model: this.options.model,
        messages: chatMessages(request),
        // Without this Ollama streams one JSON object per line.
        stream: false,
        options: { temperature: 0, num_predict: this.options.maxTokens },
      },
      timeoutMs: this.options.timeoutMs,
      signal,
      where: this.where,
      secrets,
    });
    const parsed = chatAnswer.safeParse(answer.body);
    if (!parsed.success) {
      throw targetError(
        'bad_reply',
        `the answer from ${this.where} is not an Ollama chat reply (message.content, done: true): ${snippet(answer.text)}`,
        secrets,
        answer.status,
      );
    }
    return { text: parsed.data.message.content };
  }
}
