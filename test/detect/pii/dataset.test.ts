// The held-out half of the labelled PII dataset: the precision, recall and decoy targets.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePii } from '../../../evaluation/pii.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const datasetPath = resolve(repoRoot, '../shared/datasets/pii/dev.jsonl');
const present = existsSync(datasetPath);

if (!present)
  console.warn(`\n  PII dataset not found at ${datasetPath}: the dataset check is SKIPPED.\n`);

describe('PII dataset, test split', () => {
  it.skipIf(!present)('meets precision and recall of 0.98 with no decoy reported', () => {
    const result = evaluatePii('test', datasetPath);
    expect(result.records).toBeGreaterThan(0);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(result.decoysReported).toBe(0);
  });
});
