// The record through the CLI: the life of one model from registration to an approved deployment.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backends } from '../store/backends.js';
import { cli, example } from './run-cli.js';

describe.each(backends.map((b) => [b.name, b] as const))(
  'the record through the CLI on %s',
  (_name, backend) => {
    it('takes a model from registration to an approved deployment, with every step verified', async () => {
      const { env } = backend.fresh();
      const run = (args: string[], as?: string) =>
        cli(as ? ['--as', as, ...args] : args, {
          env: { ...env, ANJEON_NOW: '2025-01-15T09:00:00Z' },
        });

      expect((await run(['init'], 'alice')).stdout).toContain(
        'You are alice (admin), the first admin.',
      );
      expect((await run(['init'], 'alice')).stdout).toContain(
        'Every framework preset was already loaded.',
      );
      for (const [user, role] of [
        ['bob', 'safety-lead'],
        ['carol', 'executive'],
      ]) {
        expect(
          (await run(['user', 'add', user!, '--permission', 'approver', '--roles', role!], 'alice'))
            .code,
        ).toBe(0);
      }
      expect((await run(['user', 'add', 'dave', '--permission', 'viewer'], 'alice')).code).toBe(0);
      expect(
        (
          await run(
            [
              'model',
              'add',
              'acme-7b',
              '--name',
              'Acme 7B',
              '--frameworks',
              'openai-preparedness-2023',
            ],
            'alice',
          )
        ).code,
      ).toBe(0);

      const blocked = await run(
        ['gate', 'acme-7b', '--framework', 'openai-preparedness-2023', '--action', 'deploy'],
        'dave',
      );
      expect(blocked.code).toBe(3);
      expect(blocked.stdout).toContain('cybersecurity was not evaluated');

      const recorded = await run(
        ['eval', 'record', 'acme-7b', '--evidence', example('acme-7b.yaml'), '--json'],
        'alice',
      );
      expect(JSON.parse(recorded.stdout)).toMatchObject({
        recorded: ['ev-1'],
        safeguards: ['sg-1'],
        version: 'as-of-2025-01-15',
      });

      const card = JSON.parse(
        (
          await run(
            ['scorecard', 'acme-7b', '--framework', 'openai-preparedness-2023', '--json'],
            'dave',
          )
        ).stdout,
      );
      expect(card).toMatchObject({
        model: 'acme-7b',
        as_of: '2025-01-15',
        gates: { deploy: { allowed: true } },
        next_evaluation: { due_at_effective_compute: 1.6e24 },
      });
      expect(
        (
          await run(
            ['gate', 'acme-7b', '--framework', 'openai-preparedness-2023', '--action', 'deploy'],
            'dave',
          )
        ).code,
      ).toBe(0);

      const request = await run(
        [
          'decision',
          'request',
          'acme-7b',
          '--framework',
          'openai-preparedness-2023',
          '--action',
          'deploy',
          '--note',
          'launch',
        ],
        'alice',
      );
      expect(request.stdout).toContain(
        'dec-1  deploy acme-7b under openai-preparedness-2023: PENDING',
      );
      const viewer = await run(['decision', 'approve', 'dec-1'], 'dave');
      expect(viewer.code).toBe(2);
      expect(viewer.stderr).toContain('dave is a viewer and cannot approve');
      expect((await run(['decision', 'approve', 'dec-1'], 'bob')).stdout).toContain(
        'awaiting executive',
      );
      const approved = await run(
        ['decision', 'approve', 'dec-1', '--comment', 'go', '--json'],
        'carol',
      );
      expect(JSON.parse(approved.stdout)).toMatchObject({
        status: 'approved',
        approvals: [{ actor: 'bob' }, { actor: 'carol', comment: 'go' }],
      });

      const incident = await run(
        [
          'incident',
          'add',
          '--model',
          'acme-7b',
          '--severity',
          'high',
          '--title',
          'Jailbreak',
          '--harm',
          'hazardous text',
        ],
        'alice',
      );
      expect(incident.stdout).toContain("inc-1 recorded; acme-7b's next evaluation is now due");
      const due = JSON.parse((await run(['due', '--json'], 'dave')).stdout);
      expect(due).toEqual([
        expect.objectContaining({
          model: 'acme-7b',
          framework: 'openai-preparedness-2023',
          due: true,
          due_date: null,
          due_at_effective_compute: 1.6e24,
        }),
      ]);
      expect(
        (
          await run(
            [
              'risk',
              'add',
              '--title',
              'Weights leak',
              '--likelihood',
              '2',
              '--impact',
              '5',
              '--stage',
              'develop',
              '--owner',
              'ciso',
            ],
            'alice',
          )
        ).stdout,
      ).toContain('risk-1: score 10 (high)');

      const verify = await run(['audit', 'verify', '--json'], 'dave');
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ intact: true, first_bad: null });
      expect((await run(['model', 'show', 'acme-7b'], 'dave')).stdout).toMatch(
        /dec-1 {2}deploy under openai-preparedness-2023: approved/,
      );
    });

    it('judges a model registered without frameworks under the framework its evidence fits', async () => {
      const { env } = backend.fresh();
      const run = (args: string[]) =>
        cli(args, { env: { ...env, ANJEON_ACTOR: 'ops', ANJEON_NOW: '2025-01-15T09:00:00Z' } });
      expect((await run(['init'])).code).toBe(0);
      expect((await run(['model', 'add', 'acme-7b', '--effective-compute', '8e23'])).code).toBe(0);
      expect(
        (await run(['eval', 'record', 'acme-7b', '--evidence', example('acme-7b.yaml')])).code,
      ).toBe(0);
      const card = JSON.parse(
        (
          await run([
            'scorecard',
            'acme-7b',
            '--framework',
            'openai-preparedness-2023',
            '--as-of',
            '2025-01-15',
            '--json',
          ])
        ).stdout,
      );
      expect(card.domains.map((d: { pre: string }) => d.pre)).toEqual([
        'medium',
        'high',
        'medium',
        'low',
      ]);
      expect(
        (
          await run([
            'gate',
            'acme-7b',
            '--framework',
            'openai-preparedness-2023',
            '--action',
            'deploy',
            '--as-of',
            '2025-01-15',
          ])
        ).code,
      ).toBe(0);
      const none = await run(['scorecard', 'acme-7b']);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('no framework applies to acme-7b yet');
    });

    it("keeps an organisation's version of a preset, versioned, and judges by it", async () => {
      const { env } = backend.fresh();
      const run = (args: string[]) =>
        cli(['--as', 'alice', ...args], { env: { ...env, ANJEON_NOW: '2025-01-15T09:00:00Z' } });
      await run(['init']);
      const dir = mkdtempSync(join(tmpdir(), 'anjeon-own-'));
      const own = join(dir, 'openai.yaml');
      const preset = readFileSync(
        new URL('../../src/frameworks/presets/openai-preparedness-2023.yaml', import.meta.url),
        'utf8',
      );
      writeFileSync(
        own,
        preset.replace(
          'ceiling: { field: post, at_most: medium }',
          'ceiling: { field: post, at_most: low }',
        ),
      );
      expect((await run(['frameworks', 'add', own])).stdout).toMatch(
        /openai-preparedness-2023 version 2 stored/,
      );
      expect((await run(['frameworks', 'add', own])).stdout).toContain(
        'version 2 already holds this text',
      );
      const stored = JSON.parse((await run(['frameworks', 'list', '--record', '--json'])).stdout);
      expect(
        stored
          .filter((f: { id: string }) => f.id === 'openai-preparedness-2023')
          .map((f: { version: number; matches_preset: boolean }) => [f.version, f.matches_preset]),
      ).toEqual([
        [1, true],
        [2, false],
      ]);
      await run(['model', 'add', 'acme-7b', '--frameworks', 'openai-preparedness-2023']);
      await run(['eval', 'record', 'acme-7b', '--evidence', example('acme-7b.yaml')]);
      const gate = await run([
        'gate',
        'acme-7b',
        '--framework',
        'openai-preparedness-2023',
        '--action',
        'deploy',
        '--as-of',
        '2025-01-15',
      ]);
      expect(gate.code).toBe(3);
      expect(gate.stdout).toContain('deploy needs <= low');
      const viewerAdd = await cli(['--as', 'dave', 'frameworks', 'add', own], { env });
      expect(viewerAdd.code).toBe(2);
    });

    it('exports and imports a record byte for byte', async () => {
      const { env } = backend.fresh();
      const run = (args: string[], e = env) =>
        cli(['--as', 'alice', ...args], { env: { ...e, ANJEON_NOW: '2025-01-15T09:00:00Z' } });
      await run(['init']);
      await run(['model', 'add', 'acme-7b', '--frameworks', 'anthropic-rsp-2023']);
      expect(
        (await run(['eval', 'record', 'acme-7b', '--evidence', example('acme-7b-rsp.yaml')])).code,
      ).toBe(0);
      const dir = mkdtempSync(join(tmpdir(), 'anjeon-bundle-'));
      expect((await run(['export', join(dir, 'one.json')])).code).toBe(0);
      const target = backend.fresh().env;
      const imported = await run(['import', join(dir, 'one.json')], target);
      expect(imported.stdout).toMatch(/imported \d+ ledger entries/);
      expect((await run(['export', join(dir, 'two.json')], target)).code).toBe(0);
      expect(readFileSync(join(dir, 'two.json'))).toEqual(readFileSync(join(dir, 'one.json')));
      const again = await run(['import', join(dir, 'one.json')], target);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('is not empty');
    });
  },
);

describe('the SQLite record edited behind anjeon’s back', () => {
  it('fails audit verify with exit 4, naming the first bad entry', async () => {
    const home = mkdtempSync(join(tmpdir(), 'anjeon-tamper-'));
    const run = (args: string[]) =>
      cli(['--as', 'alice', ...args], {
        env: { ANJEON_HOME: home, ANJEON_NOW: '2025-01-15T09:00:00Z' },
      });
    await run(['init']);
    await run(['model', 'add', 'acme-7b', '--frameworks', 'anthropic-rsp-2023']);
    expect(
      (await run(['eval', 'record', 'acme-7b', '--evidence', example('acme-7b-rsp.yaml')])).code,
    ).toBe(0);
    expect((await run(['audit', 'verify'])).code).toBe(0);

    const db = new BetterSqlite3(join(home, 'anjeon.db'));
    db.prepare(`update evaluations set results = replace(results, 'asl-3', 'asl-2')`).run();
    db.close();

    const r = await run(['audit', 'verify']);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(
      /BROKEN: first bad entry \d+: evaluations ev-1 no longer matches entry \d+: it was changed outside anjeon/,
    );
  });

  it('refuses an import whose ledger does not verify, leaving no store behind', async () => {
    const home = mkdtempSync(join(tmpdir(), 'anjeon-badimport-'));
    const run = (args: string[], h = home) =>
      cli(['--as', 'alice', ...args], {
        env: { ANJEON_HOME: h, ANJEON_NOW: '2025-01-15T09:00:00Z' },
      });
    await run(['init']);
    await run(['model', 'add', 'm']);
    const file = join(home, 'b.json');
    await run(['export', file]);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('"name": "m"', '"name": "tampered"')
        .replace('"name": null', '"name": "tampered"'),
    );
    const target = join(mkdtempSync(join(tmpdir(), 'anjeon-target-')), 'home');
    const r = await run(['import', file], target);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('was not imported');
    const after = await run(['model', 'list'], target);
    expect(after.stderr).toContain('no anjeon store at');
  });
});
