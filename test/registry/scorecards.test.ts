// The engine on the record: the same answer as on the evidence file, dated safeguards, and `due`.
import { afterEach, describe, expect, it } from 'vitest';
import { assessFramework } from '../../src/frameworks/assess.js';
import type { IsoDate } from '../../src/frameworks/dates.js';
import { presets } from '../../src/frameworks/files.js';
import { recordEvidence } from '../../src/registry/evaluations.js';
import { addIncident, listIncidents } from '../../src/registry/incidents.js';
import { addModel, addVersion } from '../../src/registry/models.js';
import { addRisk, listRisks } from '../../src/registry/risks.js';
import { endSafeguard } from '../../src/registry/safeguards.js';
import { dueEvaluations, scorecards } from '../../src/registry/scorecards.js';
import { backends } from '../store/backends.js';
import { evidence, testRecord, type TestRecord } from './record.js';

const file = evidence({
  model: { id: 'acme-7b', effective_compute: 1.5e24 },
  as_of: '2025-01-15',
  evaluations: [
    {
      id: 'prep-2024-11',
      date: '2024-11-02',
      effective_compute: 8.0e23,
      results: {
        cybersecurity: { pre: 'medium', post: 'low' },
        cbrn: { pre: 'high', post: 'medium' },
        persuasion: { pre: 'medium', post: 'medium' },
        model_autonomy: { pre: 'low', post: 'low' },
      },
    },
  ],
  safeguards: { implemented: ['asset-protection'] },
});

describe.each(backends.map((b) => [b.name, b] as const))(
  'scorecards and due on %s',
  (_name, backend) => {
    let r: TestRecord;
    afterEach(async () => r?.close());

    it('judges the record exactly as assess judges the evidence file it came from', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'acme-7b', frameworks: ['openai-preparedness-2023'] });
      await recordEvidence(r.ctx, 'acme-7b', { evidence: file });
      const asOf = '2025-01-15' as IsoDate;
      const [card] = await scorecards(r.ctx, 'acme-7b', { asOf });
      const direct = assessFramework(presets().get('openai-preparedness-2023')!, file, asOf);
      // The record cites its own evaluation id beside the file's label; nothing else may differ.
      const fromRecord = JSON.stringify(card!.assessment).replaceAll(
        'ev-1: prep-2024-11',
        'prep-2024-11',
      );
      expect(JSON.parse(fromRecord)).toEqual(direct);
      expect(JSON.stringify(card!.assessment)).toContain(
        'evaluation \\"ev-1: prep-2024-11\\" of 2024-11-02',
      );
    });

    it('uses the safeguards in effect on the as-of date', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'acme-7b', frameworks: ['openai-preparedness-2023'] });
      await recordEvidence(r.ctx, 'acme-7b', { evidence: file });
      await endSafeguard(r.ctx, 'sg-1', '2025-03-01');
      const on = async (d: string) =>
        (await scorecards(r.ctx, 'acme-7b', { asOf: d as IsoDate }))[0]!.assessment.gates.deploy
          .allowed;
      expect(await on('2025-01-14')).toBe(false);
      expect(await on('2025-02-01')).toBe(true);
      expect(await on('2025-03-01')).toBe(false);
    });

    it('lists every model and framework, due ones first, soonest first', async () => {
      r = await testRecord(backend);
      for (const [id, date] of [
        ['a', '2024-10-01'],
        ['b', '2024-12-01'],
        ['c', '2024-11-01'],
      ] as const) {
        await addModel(r.ctx, { id, frameworks: ['anthropic-rsp-2023', 'eu-ai-act-2024'] });
        await recordEvidence(r.ctx, id, {
          evidence: evidence({
            model: { id },
            evaluations: [
              {
                date,
                results: {
                  cbrn: { level: 'asl-2' },
                  cyber: { level: 'asl-2' },
                  autonomy: { level: 'asl-2' },
                },
              },
            ],
          }),
          framework: 'anthropic-rsp-2023',
        });
      }
      await addModel(r.ctx, { id: 'never', frameworks: ['gdm-fsf-2024'] });
      const due = await dueEvaluations(r.ctx, '2025-01-15' as IsoDate);
      expect(due.map((d) => [d.model, d.framework, d.due, d.due_date])).toEqual([
        ['a', 'anthropic-rsp-2023', true, '2025-01-01'],
        ['never', 'gdm-fsf-2024', true, null],
        ['c', 'anthropic-rsp-2023', false, '2025-02-01'],
        ['b', 'anthropic-rsp-2023', false, '2025-03-01'],
      ]);
    });

    it('makes an evaluation due when a high-severity incident is recorded, and when compute grows', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'acme-7b', frameworks: ['openai-preparedness-2023'] });
      await recordEvidence(r.ctx, 'acme-7b', { evidence: file });
      const dueOn = async (d: string) => (await dueEvaluations(r.ctx, d as IsoDate))[0]!;
      expect((await dueOn('2025-01-15')).due).toBe(false);
      await addIncident(r.ctx, {
        model: 'acme-7b',
        severity: 'medium',
        title: 'minor',
        date: '2025-01-20',
      });
      expect((await dueOn('2025-01-21')).due).toBe(false);
      await addIncident(r.ctx, {
        model: 'acme-7b',
        severity: 'high',
        title: 'Jailbreak in production',
        date: '2025-01-22',
      });
      const after = await dueOn('2025-01-22');
      expect(after.due).toBe(true);
      expect(after.reasons[0]).toContain('incident inc-2: Jailbreak in production');
      expect((await dueOn('2025-01-21')).due).toBe(false);
      await addVersion(r.ctx, 'acme-7b', {
        version: 'v2',
        effective_compute: 1.7e24,
        date: '2025-01-18',
      });
      expect((await dueOn('2025-01-19')).due).toBe(true);
      expect(
        (await listIncidents(r.ctx, { model: 'acme-7b' })).map((i) => [i.id, i.evaluation_due]),
      ).toEqual([
        ['inc-2', true],
        ['inc-1', false],
      ]);
    });

    it('keeps the risk register ordered by likelihood x impact', async () => {
      r = await testRecord(backend);
      await addRisk(r.ctx, { title: 'low', likelihood: 1, impact: 2, stage: 'plan', owner: 'x' });
      await addRisk(r.ctx, {
        title: 'worst',
        likelihood: 4,
        impact: 5,
        stage: 'operate',
        owner: 'y',
      });
      await addRisk(r.ctx, {
        title: 'mid',
        likelihood: 3,
        impact: 3,
        stage: 'release',
        owner: 'z',
      });
      expect((await listRisks(r.ctx)).map((x) => [x.title, x.score, x.rating])).toEqual([
        ['worst', 20, 'critical'],
        ['mid', 9, 'medium'],
        ['low', 2, 'low'],
      ]);
      await expect(
        addRisk(r.ctx, { title: 'bad', likelihood: 6, impact: 1, stage: 'plan', owner: 'x' }),
      ).rejects.toThrow('--likelihood must be a whole number from 1 to 5, not 6');
      await expect(
        addRisk(r.ctx, { title: 'bad', likelihood: 1, impact: 1, stage: 'ship', owner: 'x' }),
      ).rejects.toThrow('--stage ship is not one of plan, develop, release, operate');
    });
  },
);
