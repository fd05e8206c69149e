// Recording evidence into the record: scoping, deduplication, checks, files, versions, safeguards.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { presetTexts } from '../../src/frameworks/files.js';
import { addFrameworkFile } from '../../src/registry/framework-store.js';
import { recordEvidence, listEvaluations } from '../../src/registry/evaluations.js';
import { addModel, getModel } from '../../src/registry/models.js';
import { listSafeguards } from '../../src/registry/safeguards.js';
import { scorecards } from '../../src/registry/scorecards.js';
import type { IsoDate } from '../../src/frameworks/dates.js';
import { verifyLedger } from '../../src/store/verify.js';
import { backends } from '../store/backends.js';
import { evidence, testRecord, type TestRecord } from './record.js';

const rsp = (date = '2024-11-02', cbrn = 'asl-2') =>
  evidence({
    model: { id: 'm' },
    as_of: '2025-01-15',
    evaluations: [
      {
        date,
        id: 'sweep',
        results: { cbrn: { level: cbrn }, cyber: { level: 'asl-2' }, autonomy: { level: 'asl-2' } },
      },
    ],
    safeguards: { security: 'asl-2', implemented: ['named-thing'] },
  });

describe.each(backends.map((b) => [b.name, b] as const))(
  'recording evidence on %s',
  (_name, backend) => {
    let r: TestRecord;
    afterEach(async () => r?.close());

    it("stores the file's evaluations under the model's framework, once, with the file itself", async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      const source = { name: 'sweep.yaml', bytes: Buffer.from('model: {id: m}\n') };
      const first = await recordEvidence(r.ctx, 'm', { evidence: rsp(), source });
      expect(first.recorded).toEqual(['ev-1']);
      expect(first.source_sha256).toMatch(/^[0-9a-f]{64}$/);
      const again = await recordEvidence(r.ctx, 'm', { evidence: rsp(), source });
      expect(again).toMatchObject({ recorded: [], already_recorded: ['ev-1'], safeguards: [] });
      const [stored] = await listEvaluations(r.ctx, 'm');
      expect(stored).toMatchObject({
        id: 'ev-1',
        framework_id: 'anthropic-rsp-2023',
        label: 'sweep',
        source_sha256: first.source_sha256,
      });
      expect(await r.ctx.store.db.selectFrom('blobs').select('sha256').execute()).toHaveLength(1);
      expect((await verifyLedger(r.ctx.store)).intact).toBe(true);
    });

    it('puts results under the one framework of the model they fit, and refuses results that fit none', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023', 'gdm-fsf-2024'] });
      await recordEvidence(r.ctx, 'm', { evidence: rsp() });
      expect((await listEvaluations(r.ctx, 'm'))[0]!.framework_id).toBe('anthropic-rsp-2023');
      const nowhere = evidence({
        model: { id: 'm' },
        evaluations: [{ date: '2024-12-01', results: { cbrn: { pre: 'high', post: 'low' } } }],
      });
      await expect(recordEvidence(r.ctx, 'm', { evidence: nowhere })).rejects.toMatchObject({
        details: [
          expect.stringContaining(
            'these results fit no framework of m (anthropic-rsp-2023, gdm-fsf-2024)',
          ),
        ],
      });
      const named = await recordEvidence(r.ctx, 'm', {
        evidence: nowhere,
        framework: 'openai-preparedness-2023',
      });
      expect(named.recorded).toHaveLength(1);
    });

    it('records results for a model with no framework yet, read by every framework they fit', async () => {
      r = await testRecord(backend);
      const copy = join(mkdtempSync(join(tmpdir(), 'anjeon-fw-')), 'acme-rsp.yaml');
      writeFileSync(
        copy,
        presetTexts().get('anthropic-rsp-2023')!.replace('id: anthropic-rsp-2023', 'id: acme-rsp'),
      );
      await addFrameworkFile(r.ctx, copy);
      await addModel(r.ctx, { id: 'm' });
      const e = evidence({
        model: { id: 'm' },
        evaluations: [{ date: '2024-12-01', results: { cbrn: { level: 'asl-2' } } }],
        safeguards: { security: 'asl-2' },
      });
      await recordEvidence(r.ctx, 'm', { evidence: e });
      expect((await listEvaluations(r.ctx, 'm'))[0]!.framework_id).toBeNull();
      const asOf = '2025-01-15' as IsoDate;
      for (const framework of ['anthropic-rsp-2023', 'acme-rsp']) {
        const [card] = await scorecards(r.ctx, 'm', { framework, asOf });
        expect(card!.assessment.domains.find((d) => d.id === 'cbrn')!.level).toBe('asl-2');
        expect(card!.assessment.required_safeguards.find((s) => s.id === 'security')).toMatchObject(
          { actual: 'asl-2', met: true },
        );
      }
      const [openai] = await scorecards(r.ctx, 'm', {
        framework: 'openai-preparedness-2023',
        asOf,
      });
      expect(openai!.assessment.domains.every((d) => d.level === null)).toBe(true);
    });

    it('rejects results that do not fit, recording nothing at all', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      const bad = evidence({
        model: { id: 'm' },
        evaluations: [
          { date: '2024-10-01', results: { cbrn: { level: 'asl-2' } } },
          { date: '2024-11-01', results: { cbrn: { level: 'asl-9' } } },
        ],
      });
      await expect(recordEvidence(r.ctx, 'm', { evidence: bad })).rejects.toMatchObject({
        details: [
          expect.stringContaining(
            'evaluations[1].results.cbrn.level: "asl-9" is not a level of cbrn',
          ),
        ],
      });
      expect(await listEvaluations(r.ctx, 'm')).toEqual([]);
      expect(
        await r.ctx.store.db
          .selectFrom('ledger')
          .select('action')
          .where('action', '=', 'evaluation.record')
          .execute(),
      ).toEqual([]);
    });

    it('rejects evidence written for another model', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      await expect(
        recordEvidence(r.ctx, 'm', { evidence: evidence({ model: { id: 'other' } }) }),
      ).rejects.toThrow('the evidence is for model "other", not m');
    });

    it('records a new version when the file states a different effective compute', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      const e = rsp();
      e.model.effective_compute = 3.2e24;
      expect((await recordEvidence(r.ctx, 'm', { evidence: e })).version).toBe('as-of-2025-01-15');
      expect((await getModel(r.ctx, 'm')).versions).toEqual([
        expect.objectContaining({
          version: 'as-of-2025-01-15',
          date: '2025-01-15',
          effective_compute: 3.2e24,
        }),
      ]);
      expect((await recordEvidence(r.ctx, 'm', { evidence: e })).version).toBeNull();
    });

    it('keeps safeguards as dated facts, scoping levels to the framework', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      await recordEvidence(r.ctx, 'm', { evidence: rsp() });
      const rows = await listSafeguards(r.ctx, 'm', '2025-01-15' as never);
      expect(rows.map((s) => [s.kind, s.value, s.framework_id, s.since, s.in_effect])).toEqual([
        ['security', 'asl-2', 'anthropic-rsp-2023', '2025-01-15', true],
        ['implemented', 'named-thing', null, '2025-01-15', true],
      ]);
      const before = await listSafeguards(r.ctx, 'm', '2025-01-14' as never);
      expect(before.every((s) => !s.in_effect)).toBe(true);
    });

    it('ties an evaluation to a registered checkpoint and takes its effective compute', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, {
        id: 'm',
        frameworks: ['anthropic-rsp-2023'],
        version: 'base',
        effective_compute: 4e23,
      });
      const e = rsp();
      e.evaluations[0]!.checkpoint = 'base';
      await recordEvidence(r.ctx, 'm', { evidence: e });
      expect((await listEvaluations(r.ctx, 'm'))[0]).toMatchObject({
        model_version: 'base',
        effective_compute: 4e23,
      });
      e.evaluations[0]!.checkpoint = 'nope';
      await expect(recordEvidence(r.ctx, 'm', { evidence: e })).rejects.toMatchObject({
        details: [expect.stringContaining('evaluations[0].checkpoint: m has no version "nope"')],
      });
    });

    it('refuses a file above the size limit', async () => {
      r = await testRecord(backend, { policy: { max_file_bytes: 10 } });
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      await expect(
        recordEvidence(r.ctx, 'm', {
          evidence: rsp(),
          source: { name: 'big.yaml', bytes: Buffer.alloc(11) },
        }),
      ).rejects.toThrow('big.yaml is 11 bytes; the record accepts files up to 10');
    });

    it('keeps attached files with each evaluation, stored once by content', async () => {
      r = await testRecord(backend);
      await addModel(r.ctx, { id: 'm', frameworks: ['anthropic-rsp-2023'] });
      const report = { name: 'report.pdf', bytes: Buffer.from('%PDF-1.4 fake') };
      await recordEvidence(r.ctx, 'm', { evidence: rsp('2024-11-02'), attachments: [report] });
      await recordEvidence(r.ctx, 'm', { evidence: rsp('2024-12-02'), attachments: [report] });
      const evals = await listEvaluations(r.ctx, 'm');
      expect(evals.map((e) => e.attachments.map((a) => a.name))).toEqual([
        ['report.pdf'],
        ['report.pdf'],
      ]);
      expect(
        await r.ctx.store.db.selectFrom('blobs').select(['sha256', 'media_type']).execute(),
      ).toEqual([{ sha256: evals[0]!.attachments[0]!.sha256, media_type: 'application/pdf' }]);
    });
  },
);
