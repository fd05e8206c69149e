// OpenAI's moderation result, put onto our hazard codes with its own scores.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnjeonError } from '../../../src/errors.js';
import { BackendUnavailable } from '../../../src/guard/backend.js';
import {
  OpenAiModerationBackend,
  openAiCategoryCodes,
  type OpenAiModerationConfig,
} from '../../../src/guard/backends/openai-moderation.js';
import { startFakeGuardServer, type FakeGuardServer } from '../fakes/fake-guard-server.js';
import { openAiCategoryNames, openAiModeration } from '../fakes/protocol-bodies.js';

const keyEnv = 'ANJEON_TEST_OPENAI_KEY';
const key = 'sk-proj-test-0a1b2c3d4e5f60718293a4b5c6d7e8f9';

let server: FakeGuardServer;
beforeAll(async () => {
  server = await startFakeGuardServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
  delete process.env[keyEnv];
});

function moderation(overrides: Partial<OpenAiModerationConfig> = {}) {
  process.env[keyEnv] = key;
  return new OpenAiModerationBackend({ url: server.url, apiKeyEnv: keyEnv, ...overrides });
}

// A threat against a person, as omni-moderation-latest scores it.
const threat = openAiModeration(
  {
    harassment: 0.5215635299682617,
    'harassment/threatening': 0.5694745779037476,
    hate: 0.0003141,
    illicit: 0.0102,
    'illicit/violent': 0.0087,
    violence: 0.9971134662628174,
    'violence/graphic': 0.000_018,
  },
  ['harassment', 'harassment/threatening', 'violence'],
);

describe('OpenAiModerationBackend', () => {
  it('posts the text to /v1/moderations with the default model and a bearer key', async () => {
    server.next({ moderation: threat });
    await moderation().check({ text: "I'm going to find you and hurt you.", role: 'user' });
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/moderations');
    expect(request?.headers.authorization).toBe(`Bearer ${key}`);
    expect(request?.json).toEqual({
      model: 'omni-moderation-latest',
      input: "I'm going to find you and hurt you.",
    });
  });

  it('reports the flagged categories on our codes, each with the highest score mapped onto it', async () => {
    server.next({ moderation: threat });
    const verdict = await moderation().check({ text: 'threat', role: 'user' });
    expect(verdict.backend).toBe('openai-moderation');
    expect(verdict.categories).toEqual([
      { code: 'X1', score: 0.5694745779037476 },
      { code: 'S1', score: 0.9971134662628174 },
    ]);
    expect(JSON.parse(verdict.raw ?? '')).toEqual(threat);
  });

  it('reports nothing for an unflagged result', async () => {
    server.next({ moderation: openAiModeration() });
    const verdict = await moderation().check({ text: 'Good morning!', role: 'user' });
    expect(verdict.categories).toEqual([]);
  });

  it('uses a threshold on the scores instead of OpenAI flags when one is set', async () => {
    server.next({ moderation: threat });
    const verdict = await moderation({ threshold: 0.01 }).check({ text: 'threat', role: 'user' });
    expect(verdict.categories).toEqual([
      { code: 'X1', score: 0.5694745779037476 },
      { code: 'S1', score: 0.9971134662628174 },
      { code: 'S2', score: 0.0102 },
    ]);
  });

  it('maps every omni-moderation category, sexual/minors onto S4 and self-harm onto S11', () => {
    expect(Object.keys(openAiCategoryCodes).sort()).toEqual([...openAiCategoryNames].sort());
    expect(openAiCategoryCodes['sexual/minors']).toEqual(['S4']);
    expect(openAiCategoryCodes['self-harm/instructions']).toEqual(['S11']);
    expect(openAiCategoryCodes.hate).toEqual(['S10']);
  });

  it('accepts the nulls a legacy text-moderation model sends for categories it lacks', async () => {
    const legacy = openAiModeration({ 'self-harm/intent': 0.91 }, [
      'self-harm',
      'self-harm/intent',
    ]);
    const result = legacy.results[0] as unknown as Record<string, Record<string, unknown>>;
    result.categories!.illicit = null;
    result.category_scores!.illicit = null;
    server.next({ moderation: { ...legacy, model: 'text-moderation-007' } });
    const verdict = await moderation({ model: 'text-moderation-latest' }).check({
      text: 'x',
      role: 'user',
    });
    expect(verdict.categories).toEqual([{ code: 'S11', score: 0.91 }]);
    expect(server.requests[0]?.json?.model).toBe('text-moderation-latest');
  });

  it('treats a result flagged only under a category it cannot map as unusable, not safe', async () => {
    const novel = openAiModeration();
    novel.results[0]!.flagged = true;
    novel.results[0]!.categories['weapons/novel'] = true;
    server.next({ moderation: novel });
    await expect(moderation().check({ text: 'x', role: 'user' })).rejects.toThrow(
      'flagged only under categories anjeon does not map: weapons/novel',
    );
  });

  it('turns HTTP errors and malformed answers into BackendUnavailable without the key', async () => {
    server.next(
      {
        status: 429,
        body: JSON.stringify({ error: { message: `Rate limit reached for key ${key}` } }),
      },
      { status: 200, body: JSON.stringify({ id: 'modr-1', results: [] }) },
    );
    const first = moderation().check({ text: 'x', role: 'user' });
    await expect(first).rejects.toBeInstanceOf(BackendUnavailable);
    await expect(first).rejects.toThrow('HTTP 429');
    await expect(first).rejects.not.toThrow(key);
    await expect(moderation().check({ text: 'x', role: 'user' })).rejects.toThrow(
      'is not a moderation result',
    );
  });

  it('rejects a threshold outside 0..1 at construction', () => {
    expect(() => moderation({ threshold: 2 })).toThrow(AnjeonError);
  });
});
