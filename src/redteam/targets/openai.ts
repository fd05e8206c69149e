// An OpenAI-compatible chat server as a red-team target: vLLM, llama.cpp, Ollama's /v1, OpenAI, Azure.

import { chatMessages } from './chat-messages.js';
import { z } from 'zod';
import { endpointUrl } from '../../guard/backends/post-json.js';
import type { Target, TargetReply, TargetRequest } from '../types.js';
import { httpRequest, snippet, targetError } from './http-request.js';
import { displayUrl } from './target-url.js';

export interface OpenAiTargetOptions {
  /** With or without /v1; a URL that already ends in /chat/completions is used as it is. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer ...`; never shown. */
  apiKey?: string;
  timeoutMs: number;
  maxTokens: number;
}

/** The variable a key for any OpenAI-compatible target is read from. */
export const targetApiKeyEnv = 'ANJEON_TARGET_API_KEY';

/**
 * The key for a base URL. OPENAI_API_KEY is read only for api.openai.com: a developer's OpenAI key
 * must not travel to whatever server a suite happens to be pointed at.
 */
export function openAiApiKey(
  baseUrl: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (env[targetApiKeyEnv]) return env[targetApiKeyEnv];
  return hostOf(baseUrl) === 'api.openai.com' ? env.OPENAI_API_KEY || undefined : undefined;
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const chatCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z
          .object({
            content: z.string().nullish(),
            // Set instead of content when an OpenAI model declines under structured outputs.
            refusal: z.string().nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

/** Azure answers a prompt its filter stops with HTTP 400 and this code (OpenAI itself never does). */
function isContentFilterError(status: number, body: unknown): boolean {
  if (status !== 400 || body === null || typeof body !== 'object') return false;
  const error = (body as { error?: unknown }).error;
  if (error === null || typeof error !== 'object') return false;
  const { code, innererror } = error as { code?: unknown; innererror?: { code?: unknown } };
  return code === 'content_filter' || innererror?.code === 'ResponsibleAIPolicyViolation';
}

export class OpenAiCompatibleTarget implements Target {
  readonly display: string;
  readonly identity: Record<string, unknown>;
  private readonly url: string;
  private readonly where: string;

  constructor(private readonly options: OpenAiTargetOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    this.url = /\/chat\/completions$/.test(base) ? base : endpointUrl(base, '/v1/chat/completions');
    this.where = displayUrl(this.url);
    this.display = `openai:${displayUrl(options.baseUrl)}#${options.model}`;
    this.identity = {
      kind: 'openai',
      url: this.where,
      model: options.model,
      temperature: 0,
      max_tokens: options.maxTokens,
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
        temperature: 0,
        max_tokens: this.options.maxTokens,
      },
      timeoutMs: this.options.timeoutMs,
      signal,
      where: this.where,
      secrets,
      acceptStatus: isContentFilterError,
    });
    if (answer.status === 400) return { text: '', blocked: true };
    const parsed = chatCompletion.safeParse(answer.body);
    if (!parsed.success) {
      throw targetError(
        'bad_reply',
        `the answer from ${this.where} is not a chat completion (no choices[0].message): ${snippet(answer.text)}`,
        secrets,
        answer.status,
      );
    }
    const choice = parsed.data.choices[0]!;
    if (choice.finish_reason === 'content_filter') return { text: '', blocked: true };
    return { text: choice.message?.content ?? choice.message?.refusal ?? '' };
  }
}
