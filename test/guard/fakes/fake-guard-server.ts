// A loopback HTTP server that answers like vLLM, Ollama and OpenAI moderation, and records what it got.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ollamaChat,
  ollamaGenerate,
  ollamaStreamLines,
  openAiModeration,
  vllmChatCompletion,
  vllmCompletion,
  vllmError,
} from './protocol-bodies.js';

/** What the next request gets. */
export type Script =
  /** The model's output, wrapped in the protocol of whichever endpoint was called. */
  | { reply: string }
  /** A whole JSON body for /v1/moderations (see openAiModeration). */
  | { moderation: unknown }
  /** Any status and body, sent as is (garbage, HTML error pages, truncated JSON). */
  | { status: number; body: string; contentType?: string }
  /** Wait, then do `then` (or nothing, if the client has gone). */
  | { delayMs: number; then: Script }
  /** Drop the connection without answering. */
  | { close: true };

export type JsonObject = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body exactly as received. */
  text: string;
  /** The body parsed, or undefined when it is not a JSON object. */
  json: JsonObject | undefined;
}

export interface FakeGuardServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** Queues scripts for the next requests, in order. */
  next(...scripts: Script[]): void;
  /** What every request gets once the queue is empty (default: `{ reply: 'safe' }`). */
  otherwise(script: Script): void;
  close(): Promise<void>;
}

interface Route {
  wrap(
    model: string,
    text: string,
    request: JsonObject | undefined,
  ): { body: string; contentType: string };
}

const jsonType = 'application/json';
const ollamaType = 'application/json; charset=utf-8';

const routes: Record<string, Route> = {
  '/v1/chat/completions': {
    wrap: (model, text) => ({
      body: JSON.stringify(vllmChatCompletion(model, text)),
      contentType: jsonType,
    }),
  },
  '/v1/completions': {
    wrap: (model, text) => ({
      body: JSON.stringify(vllmCompletion(model, text)),
      contentType: jsonType,
    }),
  },
  '/api/chat': {
    wrap: (model, text, request) =>
      request?.stream === false
        ? { body: JSON.stringify(ollamaChat(model, text)), contentType: ollamaType }
        : { body: ollamaStreamLines(model, 'message', text), contentType: 'application/x-ndjson' },
  },
  '/api/generate': {
    wrap: (model, text, request) =>
      request?.stream === false
        ? { body: JSON.stringify(ollamaGenerate(model, text)), contentType: ollamaType }
        : { body: ollamaStreamLines(model, 'response', text), contentType: 'application/x-ndjson' },
  },
  '/v1/moderations': {
    wrap: () => ({ body: JSON.stringify(openAiModeration()), contentType: jsonType }),
  },
};

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function answer(req: RecordedRequest, res: ServerResponse, script: Script): void {
  if ('close' in script) {
    res.socket?.destroy();
    return;
  }
  if ('delayMs' in script) {
    const timer = setTimeout(() => {
      if (!res.destroyed) answer(req, res, script.then);
    }, script.delayMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if ('status' in script) {
    send(res, script.status, script.body, script.contentType ?? jsonType);
    return;
  }
  const route = routes[req.path];
  if (!route) {
    send(res, 404, JSON.stringify({ detail: 'Not Found' }), jsonType);
    return;
  }
  if ('moderation' in script) {
    send(res, 200, JSON.stringify(script.moderation), jsonType);
    return;
  }
  const model = typeof req.json?.model === 'string' ? req.json.model : '';
  const { body, contentType } = route.wrap(model, script.reply, req.json);
  send(res, 200, body, contentType);
}

/** Starts the server on 127.0.0.1 and a free port; `model` makes other model names a 404. */
export async function startFakeGuardServer(
  options: { model?: string } = {},
): Promise<FakeGuardServer> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script = { reply: 'safe' };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: JsonObject | undefined;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed !== null && typeof parsed === 'object') json = parsed as JsonObject;
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
      if (options.model !== undefined && json?.model !== options.model && routes[recorded.path]) {
        const missing = String(json?.model);
        const body = recorded.path.startsWith('/api/')
          ? { error: `model "${missing}" not found, try pulling it first` }
          : vllmError(`The model \`${missing}\` does not exist.`, 'NotFoundError', 404);
        send(res, 404, JSON.stringify(body), jsonType);
        return;
      }
      answer(recorded, res, queue.shift() ?? fallback);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
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

/** A loopback URL where nothing listens: a server started and closed again. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
