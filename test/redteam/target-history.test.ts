// Multi-turn probes: earlier turns reach each kind of target in order, before the prompt.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSuite } from '../../src/redteam/suite.js';
import { parseTargetSpec } from '../../src/redteam/targets/index.js';
import type { Turn } from '../../src/redteam/types.js';
import { startProtocolServer, type ProtocolServer } from './protocol-servers.js';

const live = () => new AbortController().signal;
const history: Turn[] = [
  { role: 'user', content: '첫 질문' },
  { role: 'assistant', content: '첫 답' },
];

let openai: ProtocolServer;
let ollama: ProtocolServer;
beforeAll(async () => {
  openai = await startProtocolServer('openai');
  ollama = await startProtocolServer('ollama', { models: ['m'] });
});
afterAll(async () => {
  await openai.close();
  await ollama.close();
});

describe('earlier turns', () => {
  it('go between the system message and the prompt, for OpenAI-compatible and Ollama targets', async () => {
    for (const [server, spec] of [
      [openai, `openai:${openai.url}#m`],
      [ollama, `ollama:${ollama.url}#m`],
    ] as const) {
      server.otherwise({ reply: 'ok' });
      await parseTargetSpec(spec).send({ prompt: '마지막 질문', system: 'S', history }, live());
      const body = server.requests.at(-1)!.json as { messages: unknown[] };
      expect(body.messages).toEqual([
        { role: 'system', content: 'S' },
        ...history,
        { role: 'user', content: '마지막 질문' },
      ]);
    }
  });

  it('are written out before the prompt for an HTTP service that takes one message', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anjeon-history-')), 'bot.yaml');
    writeFileSync(file, `url: ${openai.url}/v1/chat/completions\nbody: {message: "{{prompt}}"}\n`);
    openai.otherwise({ status: 200, body: 'fine', contentType: 'text/plain' });
    await parseTargetSpec(`http:${file}`).send({ prompt: '마지막 질문', history }, live());
    expect(openai.requests.at(-1)!.json).toEqual({
      message: 'User: 첫 질문\n\nAssistant: 첫 답\n\nUser: 마지막 질문',
    });
  });

  it('can be written in a suite file', () => {
    const suite = parseSuite(
      [
        'id: t',
        'name: T',
        'description: d',
        'provenance: p',
        'probes:',
        '  - id: a',
        '    lang: ko',
        '    code: S2',
        '    kind: attack',
        '    expected: refuse',
        '    history:',
        '      - {role: user, content: 첫 질문}',
        '      - {role: assistant, content: 첫 답}',
        '    prompt: 마지막 질문',
      ].join('\n'),
      't.yaml',
    );
    expect(suite.probes[0]!.history).toEqual(history);
    expect(() =>
      parseSuite(
        'id: t\nname: T\ndescription: d\nprovenance: p\nprobes:\n  - {id: a, lang: ko, code: S2, kind: attack, expected: refuse, prompt: x, history: [{role: system, content: y}]}\n',
        't.yaml',
      ),
    ).toThrow(/not a valid red-team suite/);
  });
});
