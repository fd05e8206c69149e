// The evidence file (CONTRACTS.md §1): its structure, checked before any framework looks at it.

import { z } from 'zod';
import { capabilityIds, commonSafeguardIds } from './capabilities.js';
import { dateSchema, idSchema, levelIdSchema } from './schema.js';

/** A FLOP count: a number, or text such as "3.2e24" (JSON writers sometimes quote big numbers). */
const flop = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?([eE][+]?\d+)?$/)], {
    error: 'expected a FLOP count such as 3.2e24',
  })
  .transform(Number)
  .refine((n) => Number.isFinite(n) && n > 0, { error: 'expected a positive FLOP count' });

const metrics = z.record(z.string(), z.number({ error: 'expected a number' }));

/** One domain's result; which fields are allowed depends on the framework, checked later. */
const domainResult = z.strictObject({
  level: levelIdSchema.optional(),
  pre: levelIdSchema.optional(),
  post: levelIdSchema.optional(),
  metrics: metrics.optional(),
  post_metrics: metrics.optional(),
  notes: z.string().optional(),
});
export type DomainResult = z.infer<typeof domainResult>;

const commonLevel = z.int().min(0).max(4, { error: 'expected a common level 0..4' });
const capabilityResult = z.union(
  [commonLevel, z.strictObject({ pre: commonLevel, post: commonLevel.optional() })],
  { error: 'expected a common level 0..4, or {pre, post} with levels 0..4' },
);

const evaluation = z.strictObject({
  id: z.string().optional(),
  date: dateSchema,
  framework: idSchema.optional(),
  /** Which version (checkpoint) of the model was evaluated, as registered in the record. */
  checkpoint: z.string().min(1).optional(),
  effective_compute: flop.optional(),
  evaluator: z.string().optional(),
  method: z.string().optional(),
  notes: z.string().optional(),
  results: z.record(z.string(), domainResult).default({}),
  capabilities: z
    .partialRecord(
      z.enum(capabilityIds, { error: `expected a common capability: ${capabilityIds.join(', ')}` }),
      capabilityResult,
    )
    .default({}),
});
export type Evaluation = z.infer<typeof evaluation>;

const frameworkSafeguards = z.strictObject({
  security: levelIdSchema.optional(),
  deployment: levelIdSchema.optional(),
  implemented: z.array(idSchema).default([]),
});
export type FrameworkSafeguards = z.infer<typeof frameworkSafeguards>;

const safeguards = frameworkSafeguards.extend({
  common: z
    .strictObject({
      security: z
        .int()
        .min(0)
        .max(5, { error: 'expected a common security level 0..5' })
        .optional(),
      deployment: z
        .int()
        .min(0)
        .max(3, { error: 'expected a common deployment level 0..3' })
        .optional(),
      implemented: z
        .array(
          z.enum(commonSafeguardIds, {
            error: `expected a common safeguard: ${commonSafeguardIds.join(', ')}`,
          }),
        )
        .default([]),
    })
    .optional(),
  by_framework: z.record(idSchema, frameworkSafeguards).default({}),
});

export const evidenceSchema = z.strictObject({
  model: z.strictObject({
    id: z.string().min(1, { error: 'expected a model id' }),
    name: z.string().optional(),
    effective_compute: flop.optional(),
  }),
  as_of: dateSchema.optional(),
  evaluations: z.array(evaluation).default([]),
  safeguards: safeguards.default({ implemented: [], by_framework: {} }),
  events: z
    .array(z.strictObject({ date: dateSchema, type: idSchema, note: z.string().optional() }))
    .default([]),
  context: z.record(z.string(), z.unknown()).default({}),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceInput = z.input<typeof evidenceSchema>;

/** Parses evidence given as a plain object (an API body, a test); throws a zod error when malformed. */
export function parseEvidence(input: EvidenceInput): Evidence {
  return evidenceSchema.parse(input);
}
