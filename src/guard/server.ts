// `anjeon guard serve`: the check API, the guarding chat-completions proxy, health and Prometheus metrics.

import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Guard } from './guard.js';
import { GuardMetrics } from './metrics.js';
import { GuardingProxy, type ChatRequest } from './proxy.js';

export interface ServeOptions {
  guard: Guard;
  /** Base URL of an OpenAI-compatible server; enables POST /v1/chat/completions. */
  upstream?: string;
  fetchImpl?: typeof fetch;
  logger?: boolean;
}

const checkBody = z.strictObject({
  text: z.string({ error: 'expected "text": the text to check' }),
  role: z
    .enum(['user', 'assistant', 'document'], {
      error: 'expected "role": user, assistant or document',
    })
    .default('user'),
  id: z.string().optional(),
});

export function buildGuardServer(options: ServeOptions): {
  app: FastifyInstance;
  metrics: GuardMetrics;
} {
  const { guard } = options;
  const metrics = new GuardMetrics();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: guard.policy.max_request_bytes,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') metrics.rejected.inc({ reason: 'too_large' });
    else if (status < 500) metrics.rejected.inc({ reason: 'bad_request' });
    return reply.status(status).send({
      error: {
        message: error.message,
        type:
          status === 413 ? 'request_too_large' : status < 500 ? 'invalid_request' : 'server_error',
      },
    });
  });

  app.get('/healthz', () => ({
    ok: true,
    backends: guard.name,
    upstream: options.upstream ?? null,
  }));

  app.get('/metrics', async (_request, reply) => {
    return reply
      .header('content-type', metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });

  app.post('/v1/guard/check', async (request, reply) => {
    const parsed = checkBody.safeParse(request.body);
    if (!parsed.success) {
      metrics.rejected.inc({ reason: 'bad_request' });
      return reply.status(400).send({
        error: {
          message: parsed.error.issues
            .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
            .join('; '),
          type: 'invalid_request',
        },
      });
    }
    const start = performance.now();
    const result = await guard.check({ text: parsed.data.text, role: parsed.data.role });
    metrics.record(parsed.data.role, result, (performance.now() - start) / 1000);
    return parsed.data.id ? { id: parsed.data.id, ...result } : result;
  });

  if (options.upstream) {
    const proxy = new GuardingProxy(guard, options.upstream, metrics, options.fetchImpl);
    // Clients list models before they chat; the list is the upstream's.
    const upstream = options.upstream.replace(/\/$/, '');
    const fetchImpl = options.fetchImpl ?? fetch;
    app.get('/v1/models', async (request, reply) => {
      const auth = request.headers.authorization;
      try {
        const r = await fetchImpl(`${upstream}/v1/models`, {
          headers: auth ? { authorization: auth } : {},
        });
        return reply
          .status(r.status)
          .header('content-type', r.headers.get('content-type') ?? 'application/json')
          .send(await r.text());
      } catch (error) {
        return reply.status(502).send({
          error: {
            message: `upstream unreachable: ${(error as Error).message}`,
            type: 'anjeon_upstream_error',
          },
        });
      }
    });
    app.post('/v1/chat/completions', async (request, reply) => {
      const body = request.body as ChatRequest | undefined;
      if (!body || !Array.isArray(body.messages)) {
        metrics.rejected.inc({ reason: 'bad_request' });
        return reply.status(400).send({
          error: {
            message: 'expected a chat completion request with "messages"',
            type: 'invalid_request',
          },
        });
      }
      const answer = await proxy.handle(
        body,
        request.headers as Record<string, string | undefined>,
      );
      reply.status(answer.status).headers(answer.headers);
      if (answer.body && typeof answer.body === 'object' && Symbol.asyncIterator in answer.body) {
        reply.hijack();
        reply.raw.writeHead(answer.status, answer.headers);
        for await (const event of answer.body as AsyncIterable<string>) reply.raw.write(event);
        reply.raw.end();
        return reply;
      }
      return reply.send(answer.body);
    });
  }
  return { app, metrics };
}
