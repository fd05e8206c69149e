// The guard's policy file: which backends, how their verdicts combine, thresholds, what to do when a
// backend is down (fail closed by default), PII handling, request limits and the refusal message.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { inputError } from '../errors.js';
import { locateProblems, parseSourceDocument, zodProblems } from '../frameworks/yaml-document.js';
import { attackTypes, hazardCodes } from '../detect/types.js';
import { generalHeads } from '../detect/model.js';

const codes = [...hazardCodes, ...attackTypes, ...generalHeads];
const code = z.enum(codes as [string, ...string[]], {
  error: `expected a code: ${codes.join(', ')}`,
});
/** A threshold may also be set for `document`: the built-in document check on tool outputs. */
const thresholdKeys = [...codes, 'document'];
const thresholdKey = z.enum(thresholdKeys as [string, ...string[]], {
  error: `expected a code or document: ${thresholdKeys.join(', ')}`,
});

const backendSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('builtin'), name: z.string().default('builtin') }),
    z.strictObject({
      type: z.literal('llama-guard'),
      name: z.string().default('llama-guard'),
      url: z.url({ protocol: /^https?$/ }),
      model: z.string().min(1),
      api: z
        .enum(['openai-chat', 'openai-completions', 'ollama-chat', 'ollama-generate'])
        .default('openai-chat'),
      version: z.union([z.literal(3), z.literal(4)]).default(3),
      categories: z
        .array(
          z.strictObject({
            code: z.string(),
            name: z.string(),
            description: z.string().optional(),
            hazard: z.enum(hazardCodes).optional(),
          }),
        )
        .optional(),
      api_key_env: z.string().optional(),
      timeout_ms: z.int().positive().default(10_000),
    }),
    z.strictObject({
      type: z.literal('openai-moderation'),
      name: z.string().default('openai-moderation'),
      url: z.url({ protocol: /^https?$/ }).default('https://api.openai.com'),
      model: z.string().default('omni-moderation-latest'),
      api_key_env: z.string().default('OPENAI_API_KEY'),
      timeout_ms: z.int().positive().default(10_000),
    }),
  ],
  { error: 'expected a backend with type builtin, llama-guard or openai-moderation' },
);
export type BackendConfig = z.infer<typeof backendSchema>;

export const guardPolicySchema = z.strictObject({
  backends: z
    .array(backendSchema)
    .min(1)
    .default([{ type: 'builtin', name: 'builtin' }]),
  /** any: unsafe when one backend says so; all: when every backend that answered does; majority. */
  combine: z.enum(['any', 'all', 'majority']).default('any'),
  /** block: a backend that cannot answer makes the verdict unsafe (fail closed); allow: it counts as safe; skip: it is left out. */
  on_unavailable: z.enum(['block', 'allow', 'skip']).default('block'),
  /**
   * Calibrated score at which a category counts (0.5 is the built-in detector's trained
   * threshold); `document` is the built-in check of tool outputs and documents, A1's unless set.
   */
  thresholds: z.partialRecord(thresholdKey, z.number().min(0).max(1)).default({}),
  /** Categories reported but never acted on. */
  ignore: z.array(code).default([]),
  /** report: PII is listed in the result; block: PII in a message makes it unsafe. */
  pii: z.enum(['report', 'block']).default('report'),
  /**
   * What the proxy checks: the last user message, the tool outputs after it (as documents, where
   * an instruction to the model is an injection), and the answer.
   */
  check: z
    .strictObject({
      user: z.boolean().default(true),
      tools: z.boolean().default(true),
      assistant: z.boolean().default(true),
    })
    .default({ user: true, tools: true, assistant: true }),
  max_request_bytes: z.int().positive().default(1_048_576),
  refusal: z.strictObject({ en: z.string(), ko: z.string() }).default({
    en: "I can't help with that request.",
    ko: '죄송하지만 이 요청은 도와드릴 수 없습니다.',
  }),
});
export type GuardPolicy = z.infer<typeof guardPolicySchema>;

export const defaultGuardPolicy: GuardPolicy = guardPolicySchema.parse({});

export function readGuardPolicy(file: string): GuardPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw inputError(`--config ${file}: cannot read the file`);
  }
  const doc = parseSourceDocument(text, file);
  const parsed = guardPolicySchema.safeParse(doc.value ?? {});
  if (!parsed.success) {
    throw inputError(
      `${file} is not a valid guard policy`,
      'see docs/guard.md for the format',
      locateProblems(doc, zodProblems(parsed.error)),
    );
  }
  return parsed.data;
}
