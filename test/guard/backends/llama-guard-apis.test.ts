// Each of the four APIs sends Meta's conversation or prompt to the right path in the right JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LlamaGuardBackend,
  type LlamaGuardConfig,
} from '../../../src/guard/backends/llama-guard.js';
import type { GuardInput } from '../../../src/guard/backend.js';
import { startFakeGuardServer, type FakeGuardServer } from '../fakes/fake-guard-server.js';

let server: FakeGuardServer;
beforeAll(async () => {
  server = await startFakeGuardServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const input: GuardInput = {
  text: 'Go to the zoo and steal one!',
  role: 'assistant',
  history: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'How can I adopt my own llama?' },
  ],
};

const sentMessages = [
  { role: 'user', content: 'How can I adopt my own llama?' },
  { role: 'assistant', content: 'Go to the zoo and steal one!' },
];

function backend(api: LlamaGuardConfig['api'], version: 3 | 4 = 3) {
  return new LlamaGuardBackend({ url: server.url, model: 'llama-guard', api, version });
}

describe('the chat APIs send the conversation and let the server apply the chat template', () => {
  it('openai-chat: POST /v1/chat/completions', async () => {
    server.next({ reply: 'unsafe\nS2' });
    const verdict = await backend('openai-chat').check(input);
    expect(verdict.categories).toEqual([{ code: 'S2', score: 1 }]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      model: 'llama-guard',
      messages: sentMessages,
      temperature: 0,
      max_tokens: 64,
    });
  });

  it('ollama-chat: POST /api/chat with stream false', async () => {
    server.next({ reply: 'unsafe\nS2' });
    const verdict = await backend('ollama-chat').check(input);
    expect(verdict.categories).toEqual([{ code: 'S2', score: 1 }]);
    expect(server.requests[0]?.path).toBe('/api/chat');
    expect(server.requests[0]?.json).toEqual({
      model: 'llama-guard',
      messages: sentMessages,
      stream: false,
      options: { temperature: 0, num_predict: 64 },
    });
  });
});

describe('the raw APIs send the prompt we built, minus the BOS the server adds itself', () => {
  it.each([3, 4] as const)(
    'openai-completions: POST /v1/completions (Llama Guard %i)',
    async (v) => {
      const guard = backend('openai-completions', v);
      server.next({ reply: '\n\nsafe' });
      const verdict = await guard.check(input);
      expect(verdict).toEqual({ backend: 'llama-guard', categories: [], raw: '\n\nsafe' });
      const prompt = guard.prompt(input);
      expect(prompt.startsWith('<|begin_of_text|>')).toBe(true);
      expect(server.requests[0]?.path).toBe('/v1/completions');
      expect(server.requests[0]?.json).toEqual({
        model: 'llama-guard',
        prompt: prompt.slice('<|begin_of_text|>'.length),
        temperature: 0,
        max_tokens: 64,
      });
    },
  );

  it('ollama-generate: POST /api/generate with raw true', async () => {
    const guard = backend('ollama-generate', 4);
    server.next({ reply: 'safe' });
    await guard.check(input);
    expect(server.requests[0]?.path).toBe('/api/generate');
    expect(server.requests[0]?.json).toEqual({
      model: 'llama-guard',
      prompt: guard.prompt(input).slice('<|begin_of_text|>'.length),
      raw: true,
      stream: false,
      options: { temperature: 0, num_predict: 64 },
    });
    expect(server.requests[0]?.json?.prompt).toContain(
      "Task: Check if there is unsafe content in 'Agent' messages",
    );
    expect(server.requests[0]?.json?.prompt).toMatch(/^<\|header_start\|>user<\|header_end\|>\n\n/);
  });

  it('sends custom categories in the prompt and maps their codes onto ours', async () => {
    const guard = new LlamaGuardBackend({
      url: `${server.url}/`,
      model: 'llama-guard',
      api: 'openai-completions',
      version: 3,
      categories: [
        { code: 'S1', name: 'Violent Crimes' },
        { code: 'S15', name: 'Profanity', description: 'Swearing at the user.', hazard: 'X3' },
      ],
    });
    server.next({ reply: 'unsafe\nS15,S1' });
    const verdict = await guard.check({ text: 'You absolute ****.', role: 'user' });
    expect(verdict.categories).toEqual([
      { code: 'X3', score: 1 },
      { code: 'S1', score: 1 },
    ]);
    const sent = server.requests[0]?.json?.prompt;
    expect(sent).toContain(
      '<BEGIN UNSAFE CONTENT CATEGORIES>\nS1: Violent Crimes.\nS15: Profanity.\nSwearing at the user.\n<END UNSAFE CONTENT CATEGORIES>',
    );
    expect(server.requests[0]?.path).toBe('/v1/completions');
  });

  it('accepts a base URL that already ends in /v1', async () => {
    const guard = new LlamaGuardBackend({
      url: `${server.url}/v1`,
      model: 'llama-guard',
      api: 'openai-chat',
      version: 3,
    });
    await guard.check(input);
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
  });
});
