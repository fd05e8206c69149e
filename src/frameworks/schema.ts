// The framework definition format: one zod schema that is the type, the validator and the error text.

import { z } from 'zod';
import { dateProblem } from './dates.js';
import { capabilityIds, commonSafeguardIds } from './capabilities.js';

export const actions = ['develop', 'deploy'] as const;
export type Action = (typeof actions)[number];

export const frameworkKinds = ['capability', 'classification'] as const;

const idPattern = /^[a-z0-9][a-z0-9_.-]*$/;
export const idSchema = z
  .string({ error: 'expected an id (text)' })
  .regex(idPattern, { error: 'expected an id: lower-case letters, digits, "-", "_" or "."' });

/** Level ids may be written as numbers (security level 2); they are compared as text. */
export const levelIdSchema = z
  .union([z.string().min(1), z.int().nonnegative()], {
    error: 'expected a level id (text or a whole number)',
  })
  .transform(String);

export const dateSchema = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .superRefine((text, ctx) => {
    const problem = dateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const actionSchema = z.enum(actions, { error: 'expected an action: develop or deploy' });
const text = z.string();

const levelDefinition = z.union(
  [
    levelIdSchema,
    z.strictObject({
      id: levelIdSchema,
      name: text.optional(),
      name_ko: text.optional(),
      description: text.optional(),
    }),
  ],
  { error: 'expected a level id, or {id, name, description}' },
);

const scaleSchema = z.strictObject({
  name: text.optional(),
  description: text.optional(),
  levels: z.array(levelDefinition).min(2, { error: 'a scale needs at least two levels' }),
});

const metricThreshold = z
  .strictObject({
    metric: idSchema,
    at_least: z.number().optional(),
    greater_than: z.number().optional(),
    level: levelIdSchema,
    source: text.optional(),
  })
  .refine((t) => (t.at_least === undefined) !== (t.greater_than === undefined), {
    error: 'give exactly one of at_least or greater_than',
  });

const domainSchema = z.strictObject({
  id: idSchema,
  name: text,
  name_ko: text.optional(),
  description: text.optional(),
  scale: idSchema,
  result: z
    .enum(['level', 'pre_post'], { error: 'expected result: level or pre_post' })
    .default('level'),
  gating: z.boolean().default(true),
  metrics: z.array(metricThreshold).default([]),
  levels: z.record(z.string(), text).optional(),
});

const levelField = z.enum(['level', 'pre', 'post'], {
  error: 'expected field: level, pre or post',
});
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const levelTest = {
  field: levelField.default('level'),
  at_least: levelIdSchema.optional(),
  at_most: levelIdSchema.optional(),
  equals: levelIdSchema.optional(),
};
function oneLevelTest(t: { at_least?: string; at_most?: string; equals?: string }) {
  return [t.at_least, t.at_most, t.equals].filter((v) => v !== undefined).length === 1;
}
const oneLevelTestError = { error: 'give exactly one of at_least, at_most or equals' };

export interface Condition {
  always?: true;
  domain?: {
    field: 'level' | 'pre' | 'post';
    domains?: string[];
    at_least?: string;
    at_most?: string;
    equals?: string;
  };
  overall?: {
    field: 'level' | 'pre' | 'post';
    at_least?: string;
    at_most?: string;
    equals?: string;
  };
  context?: ContextTest;
  classification?: { tier?: string; tier_at_least?: string; flag?: string };
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}

const contextTest = z
  .strictObject({
    path: z.string().min(1),
    equals: scalar.optional(),
    in: z.array(scalar).optional(),
    present: z.boolean().optional(),
    nonempty: z.boolean().optional(),
    at_least: z.number().optional(),
    greater_than: z.number().optional(),
  })
  .refine(
    (t) =>
      [t.equals, t.in, t.present, t.nonempty, t.at_least, t.greater_than].filter(
        (v) => v !== undefined,
      ).length === 1,
    { error: 'give exactly one of equals, in, present, nonempty, at_least or greater_than' },
  );
export type ContextTest = z.infer<typeof contextTest>;

const conditionKeys = [
  'always',
  'domain',
  'overall',
  'context',
  'classification',
  'all',
  'any',
  'not',
];

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      always: z.literal(true).optional(),
      domain: z
        .strictObject({ ...levelTest, domains: z.array(idSchema).min(1).optional() })
        .refine(oneLevelTest, oneLevelTestError)
        .optional(),
      overall: z.strictObject(levelTest).refine(oneLevelTest, oneLevelTestError).optional(),
      context: contextTest.optional(),
      classification: z
        .strictObject({
          tier: idSchema.optional(),
          tier_at_least: idSchema.optional(),
          flag: idSchema.optional(),
        })
        .refine((c) => [c.tier, c.tier_at_least, c.flag].filter(Boolean).length === 1, {
          error: 'give exactly one of tier, tier_at_least or flag',
        })
        .optional(),
      all: z.array(conditionSchema).min(1).optional(),
      any: z.array(conditionSchema).min(1).optional(),
      not: conditionSchema.optional(),
    })
    .refine((c) => Object.keys(c).filter((k) => conditionKeys.includes(k)).length === 1, {
      error: `a condition has exactly one of: ${conditionKeys.join(', ')}`,
    }),
);

const provenanceSchema = z.strictObject({
  organisation: text,
  source_url: z.url({ error: 'expected a URL' }),
  other_sources: z.array(text).default([]),
  source_quality: z.enum(['primary', 'secondary', 'mixed'], {
    error: 'expected source_quality: primary, secondary or mixed',
  }),
  notes: text.optional(),
  assumptions: z
    .array(
      z.strictObject({
        open: text,
        assumed: text,
      }),
    )
    .default([]),
});

const ceilingRule = z.strictObject({
  id: idSchema,
  ceiling: z.strictObject({
    field: levelField.default('level'),
    at_most: levelIdSchema,
    domains: z.array(idSchema).min(1).optional(),
  }),
  source: text.optional(),
});

const blockRule = z.strictObject({
  id: idSchema,
  block_when: conditionSchema,
  message: text,
  message_ko: text.optional(),
  source: text.optional(),
});

const gateRule = z.union([ceilingRule, blockRule], {
  error: 'expected a gate rule with {id, ceiling} or {id, block_when, message}',
});
export type GateRule = z.infer<typeof gateRule>;

const requirementSchema = z.strictObject({
  id: idSchema,
  when: conditionSchema,
  require: z
    .strictObject({
      safeguards: z.array(idSchema).min(1).optional(),
      security: z.strictObject({ at_least: levelIdSchema }).optional(),
      deployment: z.strictObject({ at_least: levelIdSchema }).optional(),
    })
    .refine((r) => r.safeguards || r.security || r.deployment, {
      error: 'require needs safeguards, security or deployment',
    }),
  blocks: z.array(actionSchema),
  source: text.optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

const triggerSchema = z
  .strictObject({
    id: idSchema,
    months: z.int().positive().optional(),
    days: z.int().positive().optional(),
    effective_compute_multiple: z
      .number()
      .gt(1, { error: 'a compute multiple must be greater than 1' })
      .optional(),
    strictly_greater: z.boolean().default(false),
    events: z.array(idSchema).min(1).optional(),
    source: text.optional(),
  })
  .refine(
    (t) => [t.months, t.days, t.effective_compute_multiple, t.events].filter(Boolean).length === 1,
    { error: 'a trigger has exactly one of months, days, effective_compute_multiple or events' },
  );
export type Trigger = z.infer<typeof triggerSchema>;

const warningSchema = z.strictObject({
  id: idSchema,
  when: conditionSchema,
  message: text,
  message_ko: text.optional(),
  source: text.optional(),
});

const contextInput = z.strictObject({
  path: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, {
    error: 'expected a dotted path of lower-case ids, like eu_ai_act.annex_iii_area',
  }),
  type: z.enum(['string', 'list', 'boolean', 'number', 'object'], {
    error: 'expected type: string, list, boolean, number or object',
  }),
  values: z.array(z.string()).optional(),
  nullable: z.boolean().default(false),
  required_for: z.array(actionSchema).default([]),
  description: text.optional(),
});
export type ContextInput = z.infer<typeof contextInput>;

const classificationSchema = z.strictObject({
  requires: z.string().min(1),
  required_for: z.array(actionSchema).default(['deploy']),
  tiers: z.array(idSchema).min(2),
  default: idSchema,
  rules: z.array(
    z.strictObject({ tier: idSchema, when: conditionSchema, source: text.optional() }),
  ),
  flags: z
    .array(z.strictObject({ id: idSchema, when: conditionSchema, source: text.optional() }))
    .default([]),
});

const fiveLevels = z
  .array(levelIdSchema)
  .length(5, { error: 'expected 5 levels, one for each common level 0..4' });

const capabilityMapping = z.strictObject({
  domain: idSchema,
  levels: fiveLevels,
  /** Which common level a single-level domain reads: the capability (pre) or the mitigated risk (post). */
  use: z.enum(['pre', 'post'], { error: 'expected use: pre or post' }).default('pre'),
});

const crosswalkSchema = z.strictObject({
  capabilities: z.partialRecord(
    z.enum(capabilityIds, { error: `expected a common capability: ${capabilityIds.join(', ')}` }),
    z.union([capabilityMapping, z.array(capabilityMapping).min(1)], {
      error: 'expected {domain, levels} or a list of them',
    }),
  ),
  security: z
    .array(levelIdSchema)
    .length(6, { error: 'expected 6 levels, one for each common security level 0..5' })
    .optional(),
  deployment: z
    .array(levelIdSchema)
    .length(4, { error: 'expected 4 levels, one for each common deployment level 0..3' })
    .optional(),
  safeguards: z
    .record(
      idSchema,
      z.array(
        z.enum(commonSafeguardIds, {
          error: `expected a common safeguard: ${commonSafeguardIds.join(', ')}`,
        }),
      ),
    )
    .default({}),
  notes: text.optional(),
});

const safeguardLevel = z.strictObject({
  scale: idSchema,
  missing: levelIdSchema.optional(),
  description: text.optional(),
});

export const frameworkSchema = z.strictObject({
  id: idSchema,
  name: text,
  name_ko: text.optional(),
  version: z.union([z.string(), z.number()]).transform(String),
  published: dateSchema,
  kind: z.enum(frameworkKinds, { error: 'expected kind: capability or classification' }),
  summary: text.optional(),
  provenance: provenanceSchema,
  scales: z.record(idSchema, scaleSchema).default({}),
  domains: z.array(domainSchema).default([]),
  overall: z
    .strictObject({
      scale: idSchema,
      map: z.record(idSchema, z.record(z.string(), levelIdSchema)).default({}),
    })
    .optional(),
  safeguard_levels: z
    .strictObject({ security: safeguardLevel.optional(), deployment: safeguardLevel.optional() })
    .default({}),
  safeguards: z
    .array(
      z.strictObject({
        id: idSchema,
        name: text,
        name_ko: text.optional(),
        description: text.optional(),
      }),
    )
    .default([]),
  gates: z
    .strictObject({
      develop: z.array(gateRule).default([]),
      deploy: z.array(gateRule).default([]),
    })
    .default({ develop: [], deploy: [] }),
  requirements: z.array(requirementSchema).default([]),
  triggers: z.array(triggerSchema).default([]),
  warnings: z.array(warningSchema).default([]),
  context: z.array(contextInput).default([]),
  classification: classificationSchema.optional(),
  crosswalk: crosswalkSchema.optional(),
  stale_evidence_blocks: z.array(actionSchema).default([]),
});

export type FrameworkDefinition = z.infer<typeof frameworkSchema>;
export type DomainDefinition = FrameworkDefinition['domains'][number];
export type WarningDefinition = FrameworkDefinition['warnings'][number];
export type CapabilityMapping = z.infer<typeof capabilityMapping>;
