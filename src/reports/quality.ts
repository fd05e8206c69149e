// The built-in detector's measured quality, as `npm run eval:guard` wrote it next to the model.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AnjeonError } from '../errors.js';

const rate = z.number().min(0).max(1);

export const qualityRowSchema = z.object({
  task: z.string(),
  dataset: z.string(),
  lang: z.string(),
  /** What the row measures: the hazard heads (what a dataset scan uses) or the attack heads. */
  detects: z.enum(['hazards', 'prompt attacks']),
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  precision: rate.nullable(),
  recall: rate.nullable(),
  f1: rate.nullable(),
  fpr: rate.nullable(),
  threshold: z.string(),
});
export type QualityRow = z.infer<typeof qualityRowSchema>;

export const detectionQualitySchema = z.object({
  /** YYYY-MM-DD, the day the figures were measured. */
  generated_at: z.string(),
  /** Which texts the figures come from (the held-out split, and what was excluded from it). */
  split: z.object({ en: z.string(), ko: z.string() }),
  rows: z.array(qualityRowSchema),
  pii: z.object({
    dataset: z.object({ en: z.string(), ko: z.string() }),
    records: z.number().int().nonnegative(),
    precision: rate,
    recall: rate,
    decoys_reported: z.number().int().nonnegative(),
  }),
});
export type DetectionQuality = z.infer<typeof detectionQualitySchema>;

export const qualityFile = new URL('../detect/model/quality.json', import.meta.url);

/** The figures, or null when they were never measured (a build without quality.json). */
export function detectionQuality(file: URL = qualityFile): DetectionQuality | null {
  if (!existsSync(file)) return null;
  const path = fileURLToPath(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AnjeonError(
      'runtime',
      `${path} is not JSON: ${(error as Error).message}`,
      'run `npm run eval:guard` to write it again',
    );
  }
  const parsed = detectionQualitySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AnjeonError(
      'runtime',
      `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      'run `npm run eval:guard` to write it again',
    );
  }
  return parsed.data;
}
