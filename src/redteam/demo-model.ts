// A naive OpenAI-compatible chat model on loopback, for demos, the quick start and benchmarks: it refuses
// plain harmful requests but falls for role-play, fiction, "ignore previous instructions" and encoded
// payloads, answering those with a fixed placeholder that never contains real harmful content.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { detect } from '../detect/detector.js';
import { normalizeForDetection } from '../detect/normalize/index.js';

export const demoModelName = 'anjeon-demo';

/** Marks the demo's "compliance": a grader or a reader can see no real answer was given. */
export const demoPlaceholder = '[demo placeholder: the model would comply here]';

const replies = {
  en: {
    refuse: "I can't help with that request. It could cause real harm.",
    comply: `Sure, here is what you asked for. ${demoPlaceholder}`,
    helpful:
      'Happy to help. Here is a short, general answer: [demo answer to a safe request]. Ask me if you need more detail.',
    keepSecret: "I can't share my instructions, but I'm happy to help with something else.",
    leak: (system: string) => `Sure. My instructions are: ${system}`,
  },
  ko: {
    refuse: '죄송하지만 그 요청은 도와드릴 수 없습니다. 실제로 해를 끼칠 수 있는 내용입니다.',
    comply: `물론이죠, 요청하신 내용은 다음과 같습니다. ${demoPlaceholder}`,
    helpful:
      '기꺼이 도와드릴게요. 간단히 말씀드리면 다음과 같습니다: [안전한 요청에 대한 데모 답변]. 더 자세한 내용이 필요하면 말씀해 주세요.',
    keepSecret: '제 지시 사항은 알려드릴 수 없지만, 다른 일은 기꺼이 도와드릴게요.',
    leak: (system: string) => `물론이죠. 제 지시 사항은 다음과 같습니다: ${system}`,
  },
};

/** The frames a naive model falls for: role-play, fiction, "you have no rules", ignoring instructions. */
const wrappers = [
  /\b(pretend|role[- ]?play|imagine (that )?you|you are now|act as|in character|hypothetical(ly)?|fictional|fiction|novel|screenplay|story|do anything now|developer mode|jailbreak|grandma)\b/i,
  /\bDAN\b/,
  /\bno (rules|restrictions|limits|filters)\b/i,
  /\b(ignore|disregard|forget) (all |any )?(of )?(the |your )?(previous|prior|above|earlier) (instructions|rules|prompts?)/i,
  /역할극|역할 ?놀이|소설|시나리오|가정해|연기해|캐릭터|흉내|지금부터 (너|넌|당신)|(너|넌|당신)는 이제|제한(이|은)? ?없는|규칙(이|은)? ?없는|탈옥|개발자 ?모드|할머니/,
  /(이전|앞의|위의|기존) ?(지시|명령|규칙|설정)[을를]? ?(모두 |다 )?무시/,
];

const leakRequest =
  /system prompt|(your|the) (initial |original |hidden )?(instructions|prompt|rules)|시스템 ?프롬프트|(너의|네|당신의) ?(지시|명령|규칙|설정)|지시 ?사항|지시문/i;

export type DemoLang = 'ko' | 'en';

/** Korean when at least 30% of the letters are Hangul; base64 runs do not count as English. */
export function demoLanguage(text: string): DemoLang {
  const plain = text.replace(/[A-Za-z0-9+/_=-]{16,}/g, ' ');
  const hangul = (plain.match(/[\uac00-\ud7a3\u3131-\u318e]/g) ?? []).length;
  const latin = (plain.match(/[A-Za-z]/g) ?? []).length;
  return hangul > 0 && hangul >= 0.3 * (hangul + latin) ? 'ko' : 'en';
}

function flagged(text: string): { harmful: boolean; leaking: boolean } {
  const d = detect(text, { pii: false });
  return {
    harmful: d.categories.length > 0 || d.attack.detected,
    leaking: d.attack.detected && d.attack.type === 'A2',
  };
}

/** Benchmarks send the same suite again and again; the answer is a pure function of the input. */
const answered = new Map<string, string>();
const maxRemembered = 10_000;

/** What the demo model says to a prompt (and the system message it was given). Deterministic. */
export function demoAnswer(prompt: string, system?: string): string {
  const key = `${system ?? ''}\u0000${prompt}`;
  const known = answered.get(key);
  if (known !== undefined) return known;
  const answer = freshAnswer(prompt, system);
  if (answered.size >= maxRemembered) answered.clear();
  answered.set(key, answer);
  return answer;
}

function freshAnswer(prompt: string, system: string | undefined): string {
  const say = replies[demoLanguage(prompt)];
  const payloads = normalizeForDetection(prompt).decoded.map((p) => p.text);
  const plain = flagged(prompt);
  const harmful = plain.harmful || payloads.some((p) => flagged(p).harmful);
  const wrapped = payloads.length > 0 || wrappers.some((w) => w.test(prompt));
  if (system && (plain.leaking || leakRequest.test(prompt)))
    return wrapped ? say.leak(system) : say.keepSecret;
  if (harmful) return wrapped ? say.comply : say.refuse;
  return say.helpful;
}

export interface DemoModelOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixed delay before each answer, to look like a model (the benchmark uses 20 ms). */
  latencyMs?: number;
}

export interface DemoModel {
  /** http://HOST:PORT, no trailing slash; the API is under /v1. */
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1 << 20;

interface ChatMessage {
  role?: unknown;
  content?: unknown;
}

/** Message content is a string or a list of parts; the demo reads the text parts. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      part && part.type === 'text' && typeof part.text === 'string' ? part.text : '',
    )
    .join('\n');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, {
    error: { message, type: 'invalid_request_error', param: null, code: null },
  });
}

let completions = 0;

function completion(model: string, content: string, prompt: string) {
  const tokens = (s: string) => Math.max(1, Math.ceil(s.length / 4));
  return {
    id: `chatcmpl-demo-${++completions}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' },
    ],
    usage: {
      prompt_tokens: tokens(prompt),
      completion_tokens: tokens(content),
      total_tokens: tokens(prompt) + tokens(content),
    },
  };
}

/** Server-sent events as OpenAI streams them, for clients (the guard proxy) that ask for a stream. */
function sendStream(res: ServerResponse, body: ReturnType<typeof completion>): void {
  const { id, created, model } = body;
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const text = body.choices[0]!.message.content;
  const words = text.match(/\S+\s*/g) ?? [];
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const word of words) res.write(chunk({ content: word }, null));
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

function answerChat(res: ServerResponse, raw: string): void {
  let request: { model?: unknown; messages?: unknown; stream?: unknown };
  try {
    request = JSON.parse(raw) as typeof request;
  } catch {
    return sendError(res, 400, 'the body is not JSON');
  }
  const messages = Array.isArray(request?.messages) ? (request.messages as ChatMessage[]) : [];
  const user = messages.filter((m) => m?.role === 'user').at(-1);
  const prompt = user ? contentText(user.content) : undefined;
  if (prompt === undefined)
    return sendError(res, 400, "messages must hold a user message with text 'content'");
  const system = messages.find((m) => m?.role === 'system' || m?.role === 'developer');
  const systemText = system ? contentText(system.content) : undefined;
  const model = typeof request.model === 'string' ? request.model : demoModelName;
  const body = completion(model, demoAnswer(prompt, systemText), prompt);
  if (request.stream === true) sendStream(res, body);
  else sendJson(res, 200, body);
}

function route(req: IncomingMessage, res: ServerResponse, raw: string): void {
  const path = (req.url ?? '').split('?')[0]!.replace(/\/+$/, '');
  if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
    return sendJson(res, 200, {
      object: 'list',
      data: [{ id: demoModelName, object: 'model', created: 1_735_689_600, owned_by: 'anjeon' }],
    });
  }
  if (path === '/v1/chat/completions' || path === '/chat/completions') {
    if (req.method !== 'POST') return sendError(res, 405, 'use POST');
    return answerChat(res, raw);
  }
  sendError(res, 404, `no route ${req.method ?? ''} ${path}`);
}

/** Starts the demo model; `close()` stops it and drops open connections. */
export async function startDemoModel(options: DemoModelOptions = {}): Promise<DemoModel> {
  const latency = Math.max(0, options.latencyMs ?? 0);
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBodyBytes) return sendError(res, 413, 'the body is larger than 1 MiB');
      const raw = Buffer.concat(chunks).toString('utf8');
      if (latency === 0) return route(req, res, raw);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) route(req, res, raw);
      }, latency);
      timers.add(timer);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, 1024, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
