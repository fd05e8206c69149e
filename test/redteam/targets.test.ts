// Red-team targets against loopback servers speaking the real protocols: request shape, replies, every
// failure kind, Retry-After, cancellation, and secrets that never reach a message, display or identity.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnjeonError } from '../../src/errors.js';
import { retryAfterMs } from '../../src/redteam/targets/http-request.js';
import { parseTargetSpec } from '../../src/redteam/targets/index.js';
import { openAiApiKey } from '../../src/redteam/targets/openai.js';
import { parseResponsePath } from '../../src/redteam/targets/response-path.js';
import { TargetError, type Target, type TargetErrorKind } from '../../src/redteam/types.js';
import { refusedUrl, startProtocolServer, type ProtocolServer } from './protocol-servers.js';

const key = 'sk-test-Zq81xPL0k3y';
const env = { ANJEON_TARGET_API_KEY: key };
const live = () => new AbortController().signal;

async function failure(target: Target, signal = live()): Promise<TargetError> {
  try {
    await target.send({ prompt: 'hi' }, signal);
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
  throw new Error('the send succeeded');
}

function expectNoSecret(target: Target, ...secrets: string[]) {
  const shown = `${target.display} ${JSON.stringify(target.identity)}`;
  for (const secret of secrets) expect(shown).not.toContain(secret);
}

let openai: ProtocolServer;
let ollama: ProtocolServer;
beforeAll(async () => {
  openai = await startProtocolServer('openai');
  ollama = await startProtocolServer('ollama', { models: ['llama3.1:8b'] });
});
afterAll(async () => {
  await openai.close();
  await ollama.close();
});
beforeEach(() => {
  openai.requests.length = 0;
  ollama.requests.length = 0;
  openai.otherwise({ reply: 'Hello.' });
});

describe('OpenAI-compatible target', () => {
  it('posts the chat completion request with the bearer key and reads choices[0].message.content', async () => {
    const target = parseTargetSpec(`openai:${openai.url}/v1#qwen2.5-7b`, { env, maxTokens: 99 });
    openai.next({ reply: '안녕하세요' });
    const reply = await target.send({ prompt: 'Say hi', system: 'Be brief.' }, live());
    expect(reply).toEqual({ text: '안녕하세요' });
    const [req] = openai.requests;
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe(`Bearer ${key}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.json).toEqual({
      model: 'qwen2.5-7b',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hi' },
      ],
      temperature: 0,
      max_tokens: 99,
    });
  });

  it('takes a base URL without /v1 and sends no system message or key when there is none', async () => {
    const target = parseTargetSpec(`openai:${openai.url}/#m`, { env: {} });
    await target.send({ prompt: 'x' }, live());
    const [req] = openai.requests;
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.json!.messages).toEqual([{ role: 'user', content: 'x' }]);
  });

  it('reads OPENAI_API_KEY only for api.openai.com', () => {
    const both = { OPENAI_API_KEY: 'sk-openai' };
    expect(openAiApiKey('http://127.0.0.1:8000/v1', both)).toBeUndefined();
    expect(openAiApiKey('https://api.openai.com/v1', both)).toBe('sk-openai');
    expect(openAiApiKey('https://api.openai.com', { ...both, ...env })).toBe(key);
    expect(() =>
      parseTargetSpec('openai:https://api.openai.com/v1#gpt-4o-mini', { env: {} }),
    ).toThrow(/needs an API key/);
  });

  it('reports a finish_reason content_filter and an Azure HTTP 400 content_filter as blocked', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env });
    openai.next({ contentFilter: 'finish_reason' }, { contentFilter: 'http_400' });
    expect(await target.send({ prompt: 'x' }, live())).toEqual({ text: '', blocked: true });
    expect(await target.send({ prompt: 'x' }, live())).toEqual({ text: '', blocked: true });
  });

  it('classifies every failure, with one request per send', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env, timeoutMs: 300 });
    const cases: [Parameters<ProtocolServer['next']>[0], TargetErrorKind, number | undefined][] = [
      [{ error: 400, message: "Invalid value for 'temperature'" }, 'client', 400],
      [{ error: 404, message: 'The model `m` does not exist' }, 'client', 404],
      [{ error: 500 }, 'server', 500],
      [{ error: 502 }, 'server', 502],
      [{ rateLimit: {} }, 'rate_limited', 429],
      [{ delayMs: 2_000, then: { reply: 'late' } }, 'timeout', undefined],
      [{ dropMidBody: true }, 'network', undefined],
      [{ hangUp: true }, 'network', undefined],
      [{ status: 200, body: '<html>gateway</html>', contentType: 'text/html' }, 'bad_reply', 200],
      [{ status: 200, body: '{"object":"list","data":[]}' }, 'bad_reply', 200],
      [{ status: 302, body: '', headers: { location: 'https://elsewhere/v1' } }, 'client', 302],
    ];
    for (const [script, kind, status] of cases) {
      openai.requests.length = 0;
      openai.next(script);
      const error = await failure(target);
      expect({ kind: error.kind, status: error.status }).toEqual({ kind, status });
      expect(error.retryable).toBe(kind !== 'client');
      expect(openai.count).toBe(1);
    }
  });

  it('puts the server error message in the failure, cut short', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env });
    openai.next({ error: 400, message: "Invalid value for 'max_tokens'" });
    expect((await failure(target)).message).toMatch(
      /^HTTP 400 from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: Invalid value for 'max_tokens'$/,
    );
    openai.next({
      status: 500,
      body: `<html>${'x'.repeat(5000)}</html>`,
      contentType: 'text/html',
    });
    expect((await failure(target)).message.length).toBeLessThan(320);
  });

  it('turns Retry-After (seconds or HTTP date) and retry-after-ms into retryAfterMs, also on 503', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env });
    openai.next({ rateLimit: { 'retry-after': '2' } });
    expect((await failure(target)).retryAfterMs).toBe(2000);
    openai.next({ rateLimit: { 'retry-after-ms': '150', 'retry-after': '1' } });
    expect((await failure(target)).retryAfterMs).toBe(150);
    openai.next({ rateLimit: { 'retry-after': new Date(Date.now() + 5_000).toUTCString() } });
    const dated = (await failure(target)).retryAfterMs!;
    expect(dated).toBeGreaterThan(3_000);
    expect(dated).toBeLessThanOrEqual(5_000);
    openai.next({ error: 503, headers: { 'retry-after': '7' } });
    const unavailable = await failure(target);
    expect([unavailable.kind, unavailable.retryAfterMs]).toEqual(['server', 7000]);
  });

  it('parses Retry-After forms on their own', () => {
    const now = Date.parse('2025-01-15T09:00:00Z');
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMs(h({ 'retry-after': 'Wed, 15 Jan 2025 09:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(h({ 'retry-after': 'Wed, 15 Jan 2025 08:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(h({}), now)).toBeUndefined();
  });

  it('surfaces a cancelled caller as an AbortError, not a TargetError', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env });
    openai.next({ delayMs: 5_000, then: { reply: 'late' } });
    const controller = new AbortController();
    const pending = target.send({ prompt: 'x' }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.not.toBeInstanceOf(TargetError);
    openai.requests.length = 0;
    await expect(target.send({ prompt: 'x' }, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(openai.count).toBe(0);
  });

  it('fails on a refused connection as network', async () => {
    const target = parseTargetSpec(`openai:${await refusedUrl()}#m`, { env });
    const error = await failure(target);
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('never shows the key: not in messages, display or identity, even when the server echoes it', async () => {
    const target = parseTargetSpec(`openai:${openai.url}#m`, { env });
    openai.next({ error: 401, message: `Incorrect API key provided: ${key}` });
    const error = await failure(target);
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(key);
    expectNoSecret(target, key);
    expect(target.identity).toEqual({
      kind: 'openai',
      url: `${openai.url}/v1/chat/completions`,
      model: 'm',
      temperature: 0,
      max_tokens: 512,
    });
  });

  it('sends URL credentials as Basic auth and shows them nowhere', async () => {
    const url = openai.url.replace('http://', 'http://alice:pa55w0rd@');
    const target = parseTargetSpec(`openai:${url}#m`, { env: {} });
    openai.next({ error: 403, message: 'denied for alice:pa55w0rd' });
    const error = await failure(target);
    expect(openai.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('alice:pa55w0rd').toString('base64')}`,
    );
    expect(error.message).not.toContain('pa55w0rd');
    expectNoSecret(target, 'pa55w0rd');
    expect(target.display).toBe(`openai:${openai.url}/#m`);
  });
});

describe('Ollama target', () => {
  it('posts /api/chat with stream false and options, and reads message.content', async () => {
    const target = parseTargetSpec(`ollama:${ollama.url}#llama3.1:8b`, { maxTokens: 64, env: {} });
    ollama.next({ reply: 'Hi there' });
    expect(await target.send({ prompt: 'Hello', system: 'S' }, live())).toEqual({
      text: 'Hi there',
    });
    const [req] = ollama.requests;
    expect(req!.path).toBe('/api/chat');
    expect(req!.json).toEqual({
      model: 'llama3.1:8b',
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'Hello' },
      ],
      stream: false,
      options: { temperature: 0, num_predict: 64 },
    });
    expect(target.display).toBe(`ollama:${ollama.url}#llama3.1:8b`);
  });

  it("reports Ollama's own error text: a model that is not pulled is a client error", async () => {
    const target = parseTargetSpec(`ollama:${ollama.url}#llama9`, { env: {} });
    const error = await failure(target);
    expect(error.kind).toBe('client');
    expect(error.message).toContain('model "llama9" not found, try pulling it first');
  });

  it('classifies server errors, streamed lines and wrong shapes', async () => {
    const target = parseTargetSpec(`ollama:${ollama.url}/#llama3.1:8b`, { env: {} });
    ollama.next({ error: 500, message: 'llama runner process has terminated' });
    const crashed = await failure(target);
    expect([crashed.kind, crashed.message]).toEqual([
      'server',
      `HTTP 500 from ${ollama.url}/api/chat: llama runner process has terminated`,
    ]);
    const lines =
      '{"message":{"content":"a"},"done":false}\n{"message":{"content":""},"done":true}';
    ollama.next({ status: 200, body: lines, contentType: 'application/x-ndjson' });
    expect((await failure(target)).kind).toBe('bad_reply');
    ollama.next({ status: 200, body: '{"response":"x","done":true}' });
    expect((await failure(target)).kind).toBe('bad_reply');
  });
});

describe('HTTP target from a YAML config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjeon-http-target-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const secretEnv = { BOT_TOKEN: 'tok-Secret-991', TENANT: 'acme' };

  it('fills the body as a structure, substitutes ${ENV} headers and reads response_path', async () => {
    const file = write(
      'chat.yaml',
      [
        `url: ${openai.url}/v1/chat/completions`,
        'headers:',
        '  Authorization: Bearer ${BOT_TOKEN}',
        '  X-Tenant: ${TENANT}',
        'body:',
        '  model: bot',
        '  messages:',
        '    - {role: system, content: "{{system}}"}',
        '    - {role: user, content: "Q: {{ prompt }}"}',
        'response_path: choices[0].message.content',
      ].join('\n'),
    );
    const target = parseTargetSpec(`http:${file}`, { env: secretEnv });
    const tricky = 'say "hi"\n\\ and }{ {{system}}';
    openai.next({ reply: 'ok' });
    expect(await target.send({ prompt: tricky }, live())).toEqual({ text: 'ok' });
    const [req] = openai.requests;
    expect(req!.headers.authorization).toBe('Bearer tok-Secret-991');
    expect(req!.headers['x-tenant']).toBe('acme');
    // No system message: its list item is left out; the prompt's own "{{system}}" is not a placeholder.
    expect(req!.json!.messages).toEqual([{ role: 'user', content: `Q: ${tricky}` }]);
    await target.send({ prompt: 'p', system: 'sys' }, live());
    expect(openai.requests[1]!.json!.messages).toEqual([
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'Q: p' },
    ]);
    expect(target.display).toBe(`http:${file}`);
    expectNoSecret(target, 'tok-Secret-991');
    expect(target.identity).toMatchObject({
      kind: 'http',
      method: 'POST',
      headers: { authorization: 'Bearer ${BOT_TOKEN}', 'x-tenant': '${TENANT}' },
      response_path: 'choices[0].message.content',
    });
  });

  it('scrubs header values from failures, including literal credentials', async () => {
    const file = write(
      'literal.yaml',
      `url: ${openai.url}/v1/chat/completions\nheaders:\n  X-Api-Key: lit-Key-42\n  X-Env: \${BOT_TOKEN}\nbody: {q: "{{prompt}}"}\nresponse_path: a\n`,
    );
    const target = parseTargetSpec(`http:${file}`, { env: secretEnv });
    openai.next({ error: 401, message: 'bad key lit-Key-42 or tok-Secret-991' });
    const error = await failure(target);
    expect(error.kind).toBe('client');
    expect(error.message).not.toMatch(/lit-Key-42|tok-Secret-991/);
    expectNoSecret(target, 'lit-Key-42', 'tok-Secret-991');

    // A value that cannot be a header is the config's fault: a client error, sent nowhere.
    openai.requests.length = 0;
    const broken = parseTargetSpec(`http:${file}`, { env: { BOT_TOKEN: 'tok-Secret-991\nX: y' } });
    const refused = await failure(broken);
    expect([refused.kind, openai.count]).toEqual(['client', 0]);
    expect(refused.message).toMatch(/header X-Env .*cannot be sent/);
    expect(refused.message).not.toContain('tok-Secret-991');
  });

  it('reads nested and quoted paths, raw text without a path, and blocked_when', async () => {
    const cfg = (extra: string) =>
      write(
        `p${Math.random().toString(36).slice(2)}.yaml`,
        `url: ${openai.url}/v1/chat/completions\nbody: {input: "{{prompt}}"}\n${extra}`,
      );
    const send = (file: string) =>
      parseTargetSpec(`http:${file}`, { env: {} }).send({ prompt: 'x' }, live());
    openai.next({ status: 200, body: '{"output":{"text":"nested"}}' });
    expect(await send(cfg('response_path: output.text\n'))).toEqual({ text: 'nested' });
    openai.next({ status: 200, body: '{"data":{"reply-text":"quoted"}}' });
    expect(await send(cfg('response_path: data["reply-text"]\n'))).toEqual({ text: 'quoted' });
    openai.next({ status: 200, body: 'plain words', contentType: 'text/plain' });
    expect(await send(cfg(''))).toEqual({ text: 'plain words' });
    openai.next({ status: 200, body: '{"output":{}}' });
    await expect(send(cfg('response_path: output.text\n'))).rejects.toMatchObject({
      kind: 'bad_reply',
    });

    const flagged = cfg(
      'response_path: reply\nblocked_when: {path: moderation.flagged, equals: true}\n',
    );
    openai.next({ status: 200, body: '{"reply":"","moderation":{"flagged":true}}' });
    expect(await send(flagged)).toEqual({ text: '', blocked: true });
    openai.next({ status: 200, body: '{"reply":"fine","moderation":{"flagged":false}}' });
    expect(await send(flagged)).toEqual({ text: 'fine' });

    const azure = cfg(
      'response_path: reply\nblocked_when: {status: 400, path: error.code, equals: content_filter}\n',
    );
    openai.next({ contentFilter: 'http_400' });
    expect(await send(azure)).toEqual({ text: '', blocked: true });
    openai.next({ error: 400, message: 'bad request' });
    await expect(send(azure)).rejects.toMatchObject({ kind: 'client' });
  });

  it('puts {{prompt}} in a GET URL encoded', async () => {
    const file = write(
      'get.yaml',
      `url: ${openai.url}/v1/chat/completions?q={{prompt}}\nmethod: get\n`,
    );
    await parseTargetSpec(`http:${file}`, { env: {} }).send({ prompt: 'a&b=c d' }, live());
    expect(openai.requests[0]!.method).toBe('GET');
    expect(openai.requests[0]!.path).toBe('/v1/chat/completions?q=a%26b%3Dc%20d');
  });

  it('reports config problems with file:line:col', () => {
    const file = write(
      'bad.yaml',
      [
        'url: not a url',
        'method: DELETE',
        'body:',
        '  text: hello',
        'response_path: choices[0]..content',
        'headers:',
        '  Authorization: Bearer ${NOT_SET_ANYWHERE}',
        'retries: 3',
      ].join('\n'),
    );
    let error: AnjeonError | undefined;
    try {
      parseTargetSpec(`http:${file}`, { env: {} });
    } catch (e) {
      error = e as AnjeonError;
    }
    expect(error).toBeInstanceOf(AnjeonError);
    expect(error!.exitCode).toBe(2);
    expect(error!.details).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2:9: method: expected POST, PUT, PATCH or GET`)),
      expect.stringMatching(new RegExp(`^${file}:8:10: retries: unknown field "retries"`)),
    ]);

    // Once the shape is right, what zod cannot see is reported the same way.
    const second = write(
      'bad2.yaml',
      [
        'url: not a url',
        'body:',
        '  text: hello',
        'response_path: choices[0]..content',
        'headers:',
        '  Authorization: Bearer ${NOT_SET_ANYWHERE}',
      ].join('\n'),
    );
    try {
      parseTargetSpec(`http:${second}`, { env: {} });
    } catch (e) {
      error = e as AnjeonError;
    }
    expect(error!.details).toEqual([
      `${second}:1:6: url: "not a url" is not a URL`,
      `${second}:3:3: body: nothing sends the prompt: put "{{prompt}}" in the body (or the url)`,
      expect.stringMatching(new RegExp(`^${second}:4:16: response_path: cannot read`)),
      `${second}:6:18: headers.Authorization: the environment variable NOT_SET_ANYWHERE is not set`,
    ]);
  });
});

describe('--target specs', () => {
  const inputMessage = (spec: string) => {
    try {
      parseTargetSpec(spec, { env: {} });
    } catch (error) {
      expect(error).toBeInstanceOf(AnjeonError);
      const e = error as AnjeonError;
      return `${e.message} | ${e.hint ?? ''}`;
    }
    throw new Error(`${spec} was accepted`);
  };

  it('names --target and shows an example of each form', () => {
    const message = inputMessage('vllm:http://h:8000#m');
    expect(message).toMatch(/^--target: unknown kind "vllm"/);
    expect(message).toContain('openai:BASE_URL#MODEL');
    expect(message).toContain('ollama:BASE_URL#MODEL');
    expect(message).toContain('http:CONFIG.yaml');
    expect(inputMessage('gpt-4o')).toMatch(/^--target: "gpt-4o" has no kind/);
  });

  it('explains a missing model, a bad URL, a URL given to http: and a missing config', () => {
    expect(inputMessage('openai:http://localhost:8000/v1')).toMatch(/names no model .*add #MODEL/);
    expect(inputMessage('ollama:localhost:11434#llama3')).toMatch(/must start with http/);
    expect(inputMessage('http://localhost:8000/v1#m')).toMatch(
      /is a URL, but http: takes the path .*openai:http/,
    );
    expect(inputMessage('http:/nonexistent/target.yaml')).toMatch(/no such file/);
  });

  it('keeps URL credentials out of every spec error', () => {
    expect(inputMessage('openai:http://bob:hunter2@localhost:8000/v1')).not.toContain('hunter2');
    expect(inputMessage('thing:http://bob:hunter2@h#m')).not.toContain('hunter2');
  });

  it('parses response paths', () => {
    expect(parseResponsePath('choices[0].message.content')).toEqual([
      'choices',
      0,
      'message',
      'content',
    ]);
    expect(parseResponsePath("$.a['b.c'][2]")).toEqual(['a', 'b.c', 2]);
    expect(parseResponsePath('a..b')).toMatch(/cannot read/);
  });
});
