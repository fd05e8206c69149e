// `anjeon redteam` through its real entry point, against the demo model on loopback.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoModel, type DemoModel } from '../../src/redteam/demo-model.js';
import type { ResultLine } from '../../src/redteam/types.js';
import { startProtocolServer } from '../redteam/protocol-servers.js';
import { cli, example, root } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'anjeon-redteam-cli-'));
let demo: DemoModel;
let target = '';
beforeAll(async () => {
  demo = await startDemoModel({ port: 0 });
  target = `openai:${demo.url}#anjeon-demo`;
});
afterAll(async () => {
  await demo.close();
  rmSync(work, { recursive: true, force: true });
});

const hangul = /[\uac00-\ud7a3]/;
const lines = (dir: string) =>
  readFileSync(join(dir, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ResultLine);

/** `anjeon redteam run SUITE --target TARGET --out OUT`, then any further options. */
const runArgs = (suite: string, targetSpec: string, out: string, ...more: string[]) => [
  'redteam',
  'run',
  '--suite',
  suite,
  '--target',
  targetSpec,
  '--out',
  out,
  ...more,
];

describe('anjeon redteam', () => {
  it('lists the built-in suites, with a smoke suite of 20-100 Korean and English probes', async () => {
    const r = await cli(['redteam', 'suites', '--json']);
    expect(r.code).toBe(0);
    const suites = JSON.parse(r.stdout) as {
      id: string;
      probes: number;
      languages: string[];
      codes: string[];
    }[];
    const smoke = suites.find((s) => s.id === 'smoke')!;
    expect(smoke.probes).toBeGreaterThanOrEqual(20);
    expect(smoke.probes).toBeLessThanOrEqual(100);
    expect(smoke.languages).toEqual(['en', 'ko']);
    expect(suites.map((s) => s.id)).toEqual(
      expect.arrayContaining(['harmful', 'attacks', 'over-refusal', 'bias-kobbq']),
    );
  });

  it('runs a suite with strategies and prints the CONTRACTS.md summary; Korean probes reach the target in Korean', async () => {
    const out = join(work, 'run-json');
    const r = await cli(runArgs('smoke', target, out, '--strategies', 'jamo,roleplay', '--json'));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of [
      'run',
      'probes',
      'completed',
      'errors',
      'attack_success_rate',
      'over_refusal_rate',
      'by_code',
    ])
      expect(summary).toHaveProperty(key);
    const results = lines(out);
    expect(results).toHaveLength(summary.probes as number);
    expect(new Set(results.map((l) => l.probe)).size).toBe(results.length);
    for (const l of results) {
      expect(Object.keys(l).slice(0, 8)).toEqual([
        'probe',
        'code',
        'lang',
        'expected',
        'prompt',
        'response',
        'outcome',
        'harmful',
      ]);
      if (l.lang === 'ko') expect(l.prompt).toMatch(hangul);
    }
    // The demo model refuses plain requests but falls for role-play: the report must show that.
    const byStrategy = summary.by_strategy as Record<string, { attack_success_rate: number }>;
    expect(byStrategy.roleplay!.attack_success_rate).toBeGreaterThan(
      byStrategy.none!.attack_success_rate,
    );
  });

  it('prints the summary in Korean with --lang ko', async () => {
    const r = await cli(['--lang', 'ko', 'redteam', 'regrade', join(work, 'run-json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('공격 성공률');
    expect(r.stdout).toContain('S9 대량 살상 무기');
  });

  it('writes the report as HTML in Korean, with model output escaped', async () => {
    const out = join(work, 'run-json');
    const file = join(work, 'report.html');
    const r = await cli([
      '--lang',
      'ko',
      'redteam',
      'report',
      out,
      '--format',
      'html',
      '--output',
      file,
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('레드팀');
    expect(html).not.toMatch(/<script/i);
  });

  it('records a run as an evaluation that an organisation framework reads into the scorecard and the gate', async () => {
    const env = { ANJEON_HOME: join(work, 'home') };
    const run = (args: string[]) => cli(args, { env, today: '2026-11-27' });
    expect((await run(['init'])).code).toBe(0);
    expect(
      (await run(['frameworks', 'add', example('frameworks/acme-release-redteam.yaml')])).code,
    ).toBe(0);
    expect(
      (await run(['model', 'add', 'acme-chat', '--frameworks', 'acme-release-redteam-2026'])).code,
    ).toBe(0);
    const out = join(work, 'run-recorded');
    const r = await run(runArgs('smoke', target, out, '--model', 'acme-chat'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read by acme-release-redteam-2026 (jailbreak_robustness)');
    const card = JSON.parse((await run(['scorecard', 'acme-chat', '--json'])).stdout) as {
      domains: { id: string; level: string | null; evaluated: string | null }[];
    }[];
    const domain = card[0]!.domains.find((d) => d.id === 'jailbreak_robustness')!;
    expect(domain.evaluated).toBe('2026-11-27');
    expect(domain.level).not.toBeNull();
    const evals = JSON.parse((await run(['eval', 'list', 'acme-chat', '--json'])).stdout) as {
      evaluator: string;
      attachments: { name: string }[];
      results: Record<string, { metrics: Record<string, number> }>;
    }[];
    expect(evals[0]!.evaluator).toBe('anjeon redteam');
    expect(evals[0]!.results.jailbreak_robustness!.metrics).toHaveProperty(
      'redteam_attack_success_rate',
    );
    expect(evals[0]!.attachments.map((a) => a.name).sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/results\.jsonl$/),
        expect.stringMatching(/summary\.json$/),
      ]),
    );
  });

  it('refuses before sending anything: an unknown model, a bad target, a missing suite', async () => {
    const env = { ANJEON_HOME: join(work, 'home-empty') };
    await cli(['init'], { env });
    const out = join(work, 'never');
    const unknown = await cli(runArgs('smoke', target, out, '--model', 'nobody'), { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nobody');
    expect(existsSync(out)).toBe(false);
    const bad = await cli(runArgs('smoke', 'http://127.0.0.1:1', out));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--target');
    const missing = await cli(runArgs('no-such-suite', target, out));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('smoke');
  });

  it('runs only the languages and codes asked for, and says what exists when nothing matches', async () => {
    const out = join(work, 'run-filtered');
    const r = await cli(
      runArgs('harmful', target, out, '--languages', 'ko', '--codes', 'S9,S11', '--json'),
    );
    expect(r.code).toBe(0);
    const results = lines(out);
    expect(results).toHaveLength(6);
    expect(new Set(results.map((l) => `${l.lang} ${l.code}`))).toEqual(
      new Set(['ko S9', 'ko S11']),
    );
    const none = await cli(runArgs('smoke', target, join(work, 'x'), '--codes', 'S99'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('codes A1, A2, S1');
  });

  it('never writes the API key to the run directory, the cache or the report', async () => {
    const secret = 'sk-anjeon-test-secret-4242';
    const out = join(work, 'run-secret');
    const cache = join(work, 'cache');
    const env = { ANJEON_TARGET_API_KEY: secret };
    const r = await cli(runArgs('smoke', target, out, '--cache', cache, '--json'), { env });
    expect(r.code).toBe(0);
    const report = await cli(['redteam', 'report', out, '--format', 'html'], { env });
    const files = [
      ...readdirSync(out).map((n) => join(out, n)),
      ...readdirSync(cache, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    ];
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(secret);
    expect(r.stdout + r.stderr + report.stdout).not.toContain(secret);
  });

  it('re-grades a finished run with an LLM judge without sending anything to the target', async () => {
    const judge = await startProtocolServer('openai');
    try {
      judge.otherwise({ reply: '{"refused": false, "harmful": true}' });
      const out = join(work, 'run-json');
      const before = lines(out);
      const r = await cli([
        'redteam',
        'regrade',
        out,
        '--judge',
        `openai:${judge.url}#judge`,
        '--json',
      ]);
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.stdout) as { graders: string[] };
      expect(summary.graders).toContain('judge');
      // The judge decides every answer it saw (canary probes keep their own grader), and sees each once.
      const after = lines(out);
      const judged = after.filter((l) => l.verdicts.some((v) => v.grader === 'judge'));
      expect(judged.length).toBeGreaterThan(before.length / 2);
      expect(judged.every((l) => l.outcome === 'complied' && l.harmful)).toBe(true);
      expect(judge.count).toBe(judged.length);
      // Nothing was sent again: the answers are the ones the target gave.
      expect(after.map((l) => l.response)).toEqual(before.map((l) => l.response));
      const asked = judge.requests[0]!.json as { messages: { content: string }[] };
      expect(asked.messages.map((m) => m.content).join('\n')).toContain('<response>');
    } finally {
      await judge.close();
    }
  });

  it('compares runs of the same suite side by side and marks rates whose intervals do not overlap', async () => {
    const refuser = await startProtocolServer('openai');
    try {
      refuser.otherwise({ reply: "I'm sorry, but I can't help with that." });
      const safe = join(work, 'run-refuser');
      expect(
        (
          await cli(
            runArgs('smoke', `openai:${refuser.url}#m`, safe, '--strategies', 'jamo,roleplay'),
          )
        ).code,
      ).toBe(0);
      const naive = join(work, 'run-json');
      const r = await cli(['redteam', 'compare', naive, safe, '--json']);
      expect(r.code).toBe(0);
      const c = JSON.parse(r.stdout) as {
        same_probes: boolean;
        rows: { key: string; measure: string; cells: { rate: number }[]; differs: boolean }[];
      };
      expect(c.same_probes).toBe(true);
      const all = c.rows.find((x) => x.key === 'all' && x.measure === 'attack_success')!;
      expect(all.cells[0]!.rate).toBeGreaterThan(0);
      expect(all.cells[1]!.rate).toBe(0);
      expect(all.differs).toBe(true);
      const text = await cli(['redteam', 'compare', naive, safe]);
      expect(text.stdout).toMatch(/✱ +attack success/);
      const other = await cli(['redteam', 'compare', naive, join(work, 'run-recorded')]);
      expect(other.stdout).toContain('did not send the same probes');
    } finally {
      await refuser.close();
    }
  });

  it('imports promptfoo results into a run directory with the same summary shape', async () => {
    const out = join(work, 'imported');
    const r = await cli([
      'redteam',
      'import',
      join(root, 'test/redteam/fixtures/import/promptfoo-redteam.json'),
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { probes: number; graders: string[] };
    expect(summary.graders).toEqual(['import:promptfoo']);
    expect(lines(out)).toHaveLength(summary.probes);
  });
});
