// The scanner finds exactly what the detector finds: its PII figures on pii/dev.jsonl are the
// detection issue's figures, through every worker and writer.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePii } from '../../evaluation/pii.js';
import type { PiiFinding } from '../../src/detect/types.js';
import { runScan } from '../../src/scan/scan.js';
import { jsonLines, scanOptions, tempDir } from './options.js';

const datasetPath = resolve(
  fileURLToPath(new URL('../../', import.meta.url)),
  '../shared/datasets/pii/dev.jsonl',
);
const present = existsSync(datasetPath);
const dir = tempDir();
if (!present)
  console.warn(`\n  PII dataset not found at ${datasetPath}: the scan figures check is SKIPPED.\n`);

describe('scan on pii/dev.jsonl', () => {
  it.skipIf(!present)(
    'gives the detector’s precision, recall and decoy count on the held-out split',
    async () => {
      const findings = join(dir, 'dev.findings.jsonl');
      await runScan(
        scanOptions(datasetPath, { findings, hazards: false, workers: 2, chunkBytes: 8192 }),
      );
      const byRecord = new Map<number, PiiFinding[]>();
      for (const f of jsonLines(findings)) {
        const list = byRecord.get(f.record as number) ?? [];
        list.push(f as unknown as PiiFinding);
        byRecord.set(f.record as number, list);
      }
      const scanned = evaluatePii('test', datasetPath, (_r, i) => byRecord.get(i) ?? []);
      const direct = evaluatePii('test', datasetPath);
      expect(scanned.overall).toEqual(direct.overall);
      expect(scanned.perType).toEqual(direct.perType);
      expect(scanned.decoysReported).toBe(direct.decoysReported);
      expect(scanned.overall.precision).toBeGreaterThanOrEqual(0.98);
      expect(scanned.overall.recall).toBeGreaterThanOrEqual(0.98);
      expect(scanned.decoysReported).toBe(0);
    },
  );
});
