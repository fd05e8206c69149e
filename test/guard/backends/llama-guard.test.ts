// What the Llama Guard backend concludes from what a server answers, and how it fails.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnjeonError } from '../../../src/errors.js';
import { BackendUnavailable } from '../../../src/guard/backend.js';
import {
  LlamaGuardBackend,
  type LlamaGuardConfig,
} from '../../../src/guard/backends/llama-guard.js';
import {
  refusedUrl,
  startFakeGuardServer,
  type FakeGuardServer,
  type Script,
} from '../fakes/fake-guard-server.js';

const keyEnv = 'ANJEON_TEST_LLAMA_GUARD_KEY';
const key = 'sk-test-6f0c1d2e3b4a59687766554433221100';

let server: FakeGuardServer;
beforeAll(async () => {
  server = await startFakeGuardServer({ model: 'meta-llama/Llama-Guard-3-8B' });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
  delete process.env[keyEnv];
});

function guard(overrides: Partial<LlamaGuardConfig> = {}): LlamaGuardBackend {
  return new LlamaGuardBackend({
    url: server.url,
    model: 'meta-llama/Llama-Guard-3-8B',
    api: 'openai-chat',
    version: 3,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<BackendUnavailable> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendUnavailable);
  return error as BackendUnavailable;
}

const question = { text: 'How do I hotwire a car?', role: 'user' } as const;

describe('verdicts', () => {
  it.each([
    ['safe', []],
    ['unsafe\nS1,S10', ['S1', 'S10']],
    ['\n\nunsafe\nS2', ['S2']],
    ['unsafe\nS1, S9', ['S1', 'S9']],
  ])('%j gives categories %j with score 1', async (reply, codes) => {
    server.next({ reply });
    const verdict = await guard().check(question);
    expect(verdict).toEqual({
      backend: 'llama-guard',
      categories: codes.map((code) => ({ code, score: 1 })),
      raw: reply,
    });
  });
});

describe('answers that are not a verdict are an outage, not a pass', () => {
  it.each<[string, Script, string]>([
    ['maybe', { reply: 'maybe' }, 'gave no verdict: the first line is "maybe"'],
    ['unsafe and junk', { reply: 'unsafe\nviolence' }, '"violence" in "violence" is not one of'],
    [
      'HTTP 500',
      { status: 500, body: 'Internal Server Error', contentType: 'text/plain' },
      'HTTP 500 from',
    ],
    [
      'HTML instead of JSON',
      { status: 200, body: '<html>502</html>', contentType: 'text/html' },
      'is not JSON',
    ],
    [
      'JSON of another shape',
      { status: 200, body: '{"choices":[]}' },
      'is not an openai-chat completion',
    ],
    ['a dropped connection', { close: true }, 'cannot reach http://127.0.0.1:'],
  ])('%s', async (_label, script, message) => {
    server.next(script);
    const error = await failure(guard().check(question));
    expect(error.backend).toBe('llama-guard');
    expect(error.message).toContain(message);
  });

  it('an unknown model name (vLLM answers 404)', async () => {
    const error = await failure(guard({ model: 'meta-llama/Llama-Guard-9' }).check(question));
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('does not exist');
  });

  it('a server slower than the timeout', async () => {
    server.next({ delayMs: 2_000, then: { reply: 'safe' } });
    const started = Date.now();
    const error = await failure(guard({ timeoutMs: 150 }).check(question));
    expect(error.message).toContain('within 150 ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a caller that gives up', async () => {
    server.next({ delayMs: 2_000, then: { reply: 'safe' } });
    const controller = new AbortController();
    const pending = guard().check(question, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).message).toContain('was cancelled');
  });

  it('a refused connection', async () => {
    const url = await refusedUrl();
    const error = await failure(guard({ url }).check(question));
    expect(error.message).toContain(`cannot reach ${url}/v1/chat/completions`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('Ollama streaming instead of one object is caught (we always ask for stream: false)', async () => {
    server.next({
      status: 200,
      body: '{"model":"m","response":"safe","done":false}\n{"model":"m","response":"","done":true}',
      contentType: 'application/x-ndjson',
    });
    const error = await failure(guard({ api: 'ollama-generate' }).check(question));
    expect(error.message).toContain('is not JSON');
  });
});

describe('the API key', () => {
  it('is sent as a bearer token', async () => {
    process.env[keyEnv] = key;
    await guard({ apiKeyEnv: keyEnv }).check(question);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it('is not sent when no variable is named', async () => {
    await guard().check(question);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('never appears in an error message, even when the server echoes it', async () => {
    process.env[keyEnv] = key;
    server.next({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${key}` } }),
    });
    const error = await failure(guard({ apiKeyEnv: keyEnv }).check(question));
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(key);
    expect(String(error.stack)).not.toContain(key);
  });

  it('never appears in raw or in a reply quoted back in an error', async () => {
    process.env[keyEnv] = key;
    server.next({ reply: `unsafe\nS7 ${key}` });
    const error = await failure(guard({ apiKeyEnv: keyEnv }).check(question));
    expect(error.message).toContain('"S7 [redacted]"');
    expect(error.message).not.toContain(key);
  });

  it('missing from the environment is an outage that names the variable', async () => {
    const error = await failure(guard({ apiKeyEnv: keyEnv }).check(question));
    expect(error.message).toContain(keyEnv);
    expect(server.requests).toHaveLength(0);
  });
});

describe('configuration mistakes are input errors at construction', () => {
  it.each<[string, Partial<LlamaGuardConfig>, string]>([
    [
      'custom categories with a chat API',
      { categories: [{ code: 'S1', name: 'Violent Crimes' }] },
      'custom categories need a raw API',
    ],
    [
      'a code of its own without a hazard',
      { api: 'openai-completions', categories: [{ code: 'C1', name: 'Gambling' }] },
      'categories[0].code "C1" is not one of our hazard codes',
    ],
    [
      'the same code twice',
      {
        api: 'ollama-generate',
        categories: [
          { code: 'S1', name: 'Violent Crimes' },
          { code: 's1', name: 'Violence' },
        ],
      },
      'appears twice',
    ],
    ['a URL that is not http', { url: 'ftp://127.0.0.1/' }, 'not valid'],
    ['an unknown api', { api: 'grpc' as LlamaGuardConfig['api'] }, 'not valid'],
  ])('%s', (_label, overrides, message) => {
    expect(() => guard(overrides)).toThrow(AnjeonError);
    expect(() => guard(overrides)).toThrow(message);
  });
});
