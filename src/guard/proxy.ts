// The guarding OpenAI-compatible proxy: checks the last user message and the tool outputs after it
// before the upstream call, and the answer after it; a streamed answer is held back until the text
// released so far has been checked.

import type { ChatMessage, Role } from './backend.js';
import type { Guard, GuardResult } from './guard.js';
import type { GuardMetrics } from './metrics.js';

export interface ChatRequest {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  [key: string]: unknown;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON body, or an async stream of server-sent-event text. */
  body: unknown;
}

/** Message content as text: a string, or the text parts of a multi-part message. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: unknown) =>
        p && typeof p === 'object' && 'text' in p && typeof p.text === 'string' ? p.text : '',
      )
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

function history(messages: ChatRequest['messages'], upTo: number): ChatMessage[] {
  return (messages ?? []).slice(0, upTo).flatMap((m) => {
    const role =
      m.role === 'system' || m.role === 'assistant' ? m.role : m.role === 'user' ? 'user' : null;
    return role ? [{ role, content: contentText(m.content) }] : [];
  });
}

function isKorean(text: string) {
  return /\p{Script=Hangul}/u.test(text);
}

export class GuardingProxy {
  constructor(
    private readonly guard: Guard,
    private readonly upstream: string,
    private readonly metrics: GuardMetrics,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private refusalText(prompt: string) {
    return isKorean(prompt) ? this.guard.policy.refusal.ko : this.guard.policy.refusal.en;
  }

  private async timed(text: string, role: Role, past: ChatMessage[]): Promise<GuardResult> {
    const start = performance.now();
    const result = await this.guard.check({ text, role, history: past });
    this.metrics.record(role, result, (performance.now() - start) / 1000);
    return result;
  }

  async handle(
    request: ChatRequest,
    headers: Record<string, string | undefined>,
  ): Promise<ProxyResponse> {
    const messages = request.messages ?? [];
    const lastUser = messages.map((m) => m.role).lastIndexOf('user');
    const prompt = lastUser >= 0 ? contentText(messages[lastUser]!.content) : '';
    if (this.guard.policy.check.user && lastUser >= 0) {
      const verdict = await this.timed(prompt, 'user', history(messages, lastUser));
      if (verdict.verdict === 'unsafe') {
        this.metrics.proxied.inc({ outcome: 'blocked_input' });
        return this.refusal(request, prompt, verdict);
      }
    }
    // The tool outputs of this turn come from outside (pages, files, APIs): checked as documents,
    // where an instruction to the model is an injection. `function` is the older API's name.
    if (this.guard.policy.check.tools)
      for (let i = lastUser + 1; i < messages.length; i++) {
        if (messages[i]!.role !== 'tool' && messages[i]!.role !== 'function') continue;
        const output = contentText(messages[i]!.content);
        if (!output.trim()) continue;
        const verdict = await this.timed(output, 'document', history(messages, i));
        if (verdict.verdict === 'unsafe') {
          this.metrics.proxied.inc({ outcome: 'blocked_tool_output' });
          return this.refusal(request, prompt, verdict);
        }
      }
    const started = performance.now();
    let upstream: Response;
    try {
      upstream = await this.fetchImpl(`${this.upstream.replace(/\/$/, '')}/v1/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(headers.authorization ? { authorization: headers.authorization } : {}),
        },
        body: JSON.stringify(request),
      });
    } catch (error) {
      this.metrics.proxied.inc({ outcome: 'upstream_error' });
      return {
        status: 502,
        headers: { 'content-type': 'application/json' },
        body: {
          error: {
            message: `upstream unreachable: ${(error as Error).message}`,
            type: 'anjeon_upstream_error',
          },
        },
      };
    }
    if (!upstream.ok) {
      this.metrics.proxied.inc({ outcome: 'upstream_error' });
      return {
        status: upstream.status,
        headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
        body: await upstream.text(),
      };
    }
    if (request.stream)
      return this.stream(request, upstream, prompt, history(messages, messages.length), started);
    const body = (await upstream.json()) as { choices?: { message?: { content?: unknown } }[] };
    this.metrics.upstream.observe((performance.now() - started) / 1000);
    const answer = contentText(body.choices?.[0]?.message?.content);
    if (this.guard.policy.check.assistant && answer) {
      const verdict = await this.timed(answer, 'assistant', history(messages, messages.length));
      if (verdict.verdict === 'unsafe') {
        this.metrics.proxied.inc({ outcome: 'blocked_output' });
        return this.refusal(request, prompt, verdict, body);
      }
    }
    this.metrics.proxied.inc({ outcome: 'forwarded' });
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-anjeon-verdict': 'safe' },
      body,
    };
  }

  private refusal(
    request: ChatRequest,
    prompt: string,
    result: GuardResult,
    upstream?: Record<string, unknown>,
  ): ProxyResponse {
    const text = this.refusalText(prompt);
    const base = {
      id:
        typeof upstream?.id === 'string'
          ? upstream.id
          : `chatcmpl-anjeon-${Date.now().toString(36)}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model ?? 'anjeon-guard',
    };
    const headers = { 'x-anjeon-verdict': 'unsafe' };
    if (request.stream) {
      return {
        status: 200,
        headers: { ...headers, 'content-type': 'text/event-stream' },
        body: refusalEvents(base, text, result),
      };
    }
    return {
      status: 200,
      headers: { ...headers, 'content-type': 'application/json' },
      body: {
        ...base,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: text },
            finish_reason: 'content_filter',
          },
        ],
        anjeon: result,
      },
    };
  }

  /** Passes the upstream stream through, releasing text only once everything up to it was checked. */
  private stream(
    request: ChatRequest,
    upstream: Response,
    prompt: string,
    past: ChatMessage[],
    started: number,
  ): ProxyResponse {
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      body: this.relay(request, upstream, prompt, past, started),
    };
  }

  private async *relay(
    request: ChatRequest,
    upstream: Response,
    prompt: string,
    past: ChatMessage[],
    started: number,
  ): AsyncGenerator<string> {
    // Remote backends are too slow to ask at every sentence: then the whole answer is held and checked once.
    const incremental = this.guard.backends.every((b) => b.name === 'builtin');
    const checking = this.guard.policy.check.assistant;
    let released = '';
    let pending = '';
    let queue: string[] = [];
    for await (const event of sseEvents(upstream)) {
      if (event === '[DONE]') break;
      if (!checking) {
        yield `data: ${event}\n\n`;
        continue;
      }
      // Check at each sentence end, everything received so far; what is released has always been
      // seen by the guard, and never a part of a sentence the guard has not seen whole. An event
      // that carries a sentence end and the start of the next one is split there.
      const [head, tail] = incremental ? splitAtSentenceEnd(event) : [event, undefined];
      queue.push(`data: ${head}\n\n`);
      pending += deltaText(head);
      if (tail !== undefined && pending.length >= 20) {
        const verdict = await this.timed(released + pending, 'assistant', past);
        if (verdict.verdict === 'unsafe') {
          yield* this.blocked(request, prompt, verdict);
          return;
        }
        released += pending;
        pending = '';
        yield* queue;
        queue = [];
      }
      if (tail) {
        queue.push(`data: ${tail}\n\n`);
        pending += deltaText(tail);
      }
    }
    this.metrics.upstream.observe((performance.now() - started) / 1000);
    if (checking && (released + pending).length > 0) {
      const verdict = await this.timed(released + pending, 'assistant', past);
      if (verdict.verdict === 'unsafe') {
        yield* this.blocked(request, prompt, verdict);
        return;
      }
    }
    this.metrics.proxied.inc({ outcome: 'forwarded' });
    yield* queue;
    yield 'data: [DONE]\n\n';
  }

  private *blocked(request: ChatRequest, prompt: string, result: GuardResult): Generator<string> {
    this.metrics.proxied.inc({ outcome: 'blocked_output' });
    const base = {
      id: `chatcmpl-anjeon-${Date.now().toString(36)}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: request.model ?? 'anjeon-guard',
    };
    yield* refusalEvents(base, this.refusalText(prompt), result, true);
  }
}

interface StreamChunk {
  choices?: { delta?: { content?: unknown; role?: unknown }; finish_reason?: unknown }[];
}

/**
 * Splits a chunk after the last sentence end in its text: [head, tail]. The tail is '' when the
 * text ends a sentence, and undefined when there is no sentence end to split at.
 */
export function splitAtSentenceEnd(event: string): [string, string | undefined] {
  let chunk: StreamChunk;
  try {
    chunk = JSON.parse(event) as StreamChunk;
  } catch {
    return [event, undefined];
  }
  const choice = chunk.choices?.[0];
  const content = choice?.delta?.content;
  if (!choice || typeof content !== 'string') return [event, undefined];
  let at = -1;
  for (const m of content.matchAll(/[.!?。\n]+\s*/gu)) at = m.index + m[0].length;
  if (at < 0) return [event, undefined];
  if (at === content.length) return [event, ''];
  const head = {
    ...chunk,
    choices: [
      { ...choice, delta: { ...choice.delta, content: content.slice(0, at) }, finish_reason: null },
    ],
  };
  const tailDelta: Record<string, unknown> = { ...choice.delta, content: content.slice(at) };
  delete tailDelta.role;
  const tail = { ...chunk, choices: [{ ...choice, delta: tailDelta }] };
  return [JSON.stringify(head), JSON.stringify(tail)];
}

function deltaText(event: string): string {
  try {
    const chunk = JSON.parse(event) as { choices?: { delta?: { content?: unknown } }[] };
    return contentText(chunk.choices?.[0]?.delta?.content);
  } catch {
    return '';
  }
}

/** The `data:` payloads of an upstream server-sent-event stream, in order. */
async function* sseEvents(response: Response): AsyncGenerator<string> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = raw
        .split(/\r?\n/)
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (data) yield data;
    }
  }
}

function* refusalEvents(
  base: Record<string, unknown>,
  text: string,
  result: GuardResult,
  afterStart = false,
): Generator<string> {
  const chunk = (
    delta: Record<string, unknown>,
    finish: string | null,
    extra: Record<string, unknown> = {},
  ) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  if (!afterStart) yield chunk({ role: 'assistant', content: '' }, null);
  yield chunk({ content: afterStart ? `\n\n${text}` : text }, null);
  yield chunk({}, 'content_filter', { anjeon: result });
  yield 'data: [DONE]\n\n';
}
