// Test support: loopback servers that answer like OpenAI (and Azure's filter) and Ollama, byte for byte,
// with faults scripted per request (429 with Retry-After, 5xx, slow answers, dropped connections).
//
// Modelled on: OpenAI's API reference for POST /v1/chat/completions (response object, error object,
// rate-limit headers), Azure OpenAI's content-filtering docs (HTTP 400 code content_filter,
// finish_reason content_filter) and Ollama's docs/api.md (non-streaming /api/chat, {"error": ...}).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ollamaChat } from '../guard/fakes/protocol-bodies.js';

export { refusedUrl } from '../guard/fakes/fake-guard-server.js';

/** What one request gets. */
export type Script =
  /** The model's answer in the server's protocol. */
  | { reply: string }
  /** A 200 whose finish_reason is content_filter (OpenAI/Azure), or Azure's HTTP 400 for a filtered prompt. */
  | { contentFilter: 'finish_reason' | 'http_400' }
  /** 429 with the headers given, e.g. {'retry-after': '2'} or {'retry-after-ms': '150'}. */
  | { rateLimit: Record<string, string> }
  /** Any status with the protocol's error body, plus headers. */
  | { error: number; message?: string; headers?: Record<string, string> }
  /** Any status and body as is (HTML pages, truncated JSON, a wrong shape). */
  | { status: number; body: string; contentType?: string; headers?: Record<string, string> }
  /** Wait, then do `then` (nothing, if the client has gone). */
  | { delayMs: number; then: Script }
  /** Send the headers and half of the body, then destroy the socket. */
  | { dropMidBody: true }
  /** Destroy the socket before answering. */
  | { hangUp: true };

export type Protocol = 'openai' | 'ollama';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  text: string;
  json: Record<string, unknown> | undefined;
}

export interface ProtocolServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** How many requests reached the server. */
  readonly count: number;
  /** Queues scripts for the next requests, in order. */
  next(...scripts: Script[]): void;
  /** What every request gets once the queue is empty (default: a reply "Hello."). */
  otherwise(script: Script): void;
  close(): Promise<void>;
}

const created = 1_735_689_600;

/** POST /v1/chat/completions, as api.openai.com sends it. */
export function openAiCompletion(
  model: string,
  content: string | null,
  finishReason = 'stop',
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
        ...extra,
      },
    ],
    usage: {
      prompt_tokens: 19,
      completion_tokens: 10,
      total_tokens: 29,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_eb9dce56a8',
  };
}

export function openAiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

const severities = (filtered: string) =>
  Object.fromEntries(
    ['hate', 'self_harm', 'sexual', 'violence'].map((c) => [
      c,
      { filtered: c === filtered, severity: c === filtered ? 'high' : 'safe' },
    ]),
  );

/** Azure's answer when its filter stops the prompt. */
export function azureContentFilter400() {
  return {
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: {
          ...severities('violence'),
          jailbreak: { filtered: false, detected: false },
        },
      },
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

const jsonType = 'application/json';
const ollamaType = 'application/json; charset=utf-8';

function errorBody(protocol: Protocol, status: number, message: string): string {
  if (protocol === 'ollama') return JSON.stringify({ error: message });
  const type =
    status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  const code = status === 429 ? 'rate_limit_exceeded' : null;
  return JSON.stringify(openAiError(message, type, code));
}

function replyBody(protocol: Protocol, model: string, text: string): string {
  return JSON.stringify(
    protocol === 'openai' ? openAiCompletion(model, text) : ollamaChat(model, text),
  );
}

function answer(protocol: Protocol, req: RecordedRequest, res: ServerResponse, script: Script) {
  const model = typeof req.json?.model === 'string' ? req.json.model : '';
  const type = protocol === 'openai' ? jsonType : ollamaType;
  if ('hangUp' in script) return void res.socket?.destroy();
  if ('delayMs' in script) {
    const timer = setTimeout(() => {
      if (!res.destroyed) answer(protocol, req, res, script.then);
    }, script.delayMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if ('dropMidBody' in script) {
    const body = replyBody(protocol, model, 'This answer never arrives whole.');
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  if ('status' in script)
    return send(res, script.status, script.body, script.contentType ?? jsonType, script.headers);
  if ('rateLimit' in script) {
    const message = 'Rate limit reached for requests. Please try again in 2s.';
    return send(res, 429, errorBody(protocol, 429, message), type, script.rateLimit);
  }
  if ('error' in script) {
    const message = script.message ?? `the server had an error (${script.error})`;
    return send(
      res,
      script.error,
      errorBody(protocol, script.error, message),
      type,
      script.headers,
    );
  }
  if ('contentFilter' in script) {
    if (script.contentFilter === 'http_400')
      return send(res, 400, JSON.stringify(azureContentFilter400()), jsonType);
    const filtered = openAiCompletion(model, null, 'content_filter', {
      content_filter_results: severities('violence'),
    });
    return send(res, 200, JSON.stringify(filtered), jsonType);
  }
  send(res, 200, replyBody(protocol, model, script.reply), type);
}

const paths: Record<Protocol, string> = { openai: '/v1/chat/completions', ollama: '/api/chat' };

/** Starts a server on 127.0.0.1; with `models`, other model names get the protocol's 404. */
export async function startProtocolServer(
  protocol: Protocol,
  options: { models?: string[] } = {},
): Promise<ProtocolServer> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script = { reply: 'Hello.' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        text,
        json,
      };
      requests.push(recorded);
      if (recorded.path.split('?')[0] !== paths[protocol]) {
        const body =
          protocol === 'ollama'
            ? '404 page not found'
            : errorBody(protocol, 404, `Invalid URL (POST ${recorded.path})`);
        return send(res, 404, body, protocol === 'ollama' ? 'text/plain' : jsonType);
      }
      if (options.models && !options.models.includes(String(json?.model))) {
        const message =
          protocol === 'ollama'
            ? `model "${String(json?.model)}" not found, try pulling it first`
            : `The model \`${String(json?.model)}\` does not exist or you do not have access to it.`;
        return send(res, 404, errorBody(protocol, 404, message), jsonType);
      }
      answer(protocol, recorded, res, queue.shift() ?? fallback);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get count() {
      return requests.length;
    },
    next: (...scripts) => queue.push(...scripts),
    otherwise: (script) => {
      fallback = script;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
