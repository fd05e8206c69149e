// OpenAI's /v1/moderations (omni-moderation-latest) as a guard backend, its categories put onto ours.

import { z } from 'zod';
import type { CategoryScore, HazardCode } from '../../detect/types.js';
import { inputError } from '../../errors.js';
import {
  BackendUnavailable,
  type BackendVerdict,
  type GuardBackend,
  type GuardInput,
} from '../backend.js';
import { apiKeyFrom, endpointUrl, postJson, redact } from './post-json.js';

export interface OpenAiModerationConfig {
  /** API root, e.g. https://api.openai.com */
  url: string;
  /** Default `omni-moderation-latest`. */
  model?: string;
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv?: string;
  timeoutMs?: number;
  /**
   * Report a category when its score reaches this value. Without it, a category is reported when
   * OpenAI flags it (`categories[name] === true`), with its `category_scores` value as the score.
   */
  threshold?: number;
}

/**
 * OpenAI category → our codes. Where OpenAI's category is wider or narrower than ours, the choice:
 *
 * | OpenAI                  | ours     | why                                                        |
 * |-------------------------|----------|------------------------------------------------------------|
 * | harassment              | X1       | harassment/bullying is our X1; Llama Guard has no such code |
 * | harassment/threatening  | X1, S1   | a threat of violence is also violent-crime content          |
 * | hate                    | S10      | same definition (protected characteristics)                 |
 * | hate/threatening        | S10, S1  | hate plus violence                                          |
 * | illicit                 | S2       | advice for non-violent wrongdoing                           |
 * | illicit/violent         | S1       | violent wrongdoing; weapon procurement is S2 and comes with |
 * |                         |          | `illicit`; not S9, which is CBRNE only and OpenAI has none  |
 * | self-harm (all three)   | S11      | suicide and self-harm                                       |
 * | sexual                  | S12      | sexual content                                              |
 * | sexual/minors           | S4       | child sexual exploitation                                   |
 * | violence, .../graphic   | S1       | depictions of violence; the nearest of ours                 |
 *
 * A flagged category this table does not know (OpenAI adds some now and then) is ignored when a
 * known one is reported too; when it is the only one, the answer is treated as unusable rather than
 * as safe (see `categories`).
 */
export const openAiCategoryCodes: Readonly<Record<string, readonly HazardCode[]>> = {
  harassment: ['X1'],
  'harassment/threatening': ['X1', 'S1'],
  hate: ['S10'],
  'hate/threatening': ['S10', 'S1'],
  illicit: ['S2'],
  'illicit/violent': ['S1'],
  'self-harm': ['S11'],
  'self-harm/intent': ['S11'],
  'self-harm/instructions': ['S11'],
  sexual: ['S12'],
  'sexual/minors': ['S4'],
  violence: ['S1'],
  'violence/graphic': ['S1'],
};

/** Legacy text-moderation models send `null` for categories they do not have (illicit). */
const moderationResponse = z.object({
  results: z
    .array(
      z.object({
        flagged: z.boolean(),
        categories: z.record(z.string(), z.boolean().nullable()),
        category_scores: z.record(z.string(), z.number().nullable()),
      }),
    )
    .min(1),
});
type ModerationResult = z.infer<typeof moderationResponse>['results'][number];

const configSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    model: z.string().min(1).optional(),
    apiKeyEnv: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict();

export class OpenAiModerationBackend implements GuardBackend {
  readonly name = 'openai-moderation';
  private readonly config: OpenAiModerationConfig;

  constructor(config: OpenAiModerationConfig) {
    const parsed = configSchema.safeParse(config);
    if (!parsed.success) {
      const details = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(config)'}: ${i.message}`,
      );
      throw inputError(
        'openai-moderation: the backend configuration is not valid',
        undefined,
        details,
      );
    }
    this.config = config;
  }

  /** Judges `input.text` alone: the moderation endpoint has no notion of a conversation. */
  async check(input: GuardInput, signal?: AbortSignal): Promise<BackendVerdict> {
    const apiKey = apiKeyFrom(this.name, this.config.apiKeyEnv);
    const url = endpointUrl(this.config.url, '/v1/moderations');
    const json = await postJson(
      url,
      { model: this.config.model ?? 'omni-moderation-latest', input: input.text },
      { backend: this.name, apiKey, timeoutMs: this.config.timeoutMs ?? 10_000, signal },
    );
    const parsed = moderationResponse.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BackendUnavailable(
        this.name,
        `the answer from ${url} is not a moderation result: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    const result = parsed.data.results[0]!;
    return {
      backend: this.name,
      categories: this.categories(result),
      raw: redact(JSON.stringify(json), apiKey),
    };
  }

  /**
   * One score per code: the highest of the OpenAI categories that map onto it. A result flagged
   * only under categories we cannot map would otherwise come back empty, which reads as safe.
   */
  private categories(result: ModerationResult): CategoryScore[] {
    const best = new Map<HazardCode, number>();
    for (const [name, codes] of Object.entries(openAiCategoryCodes)) {
      const score = result.category_scores[name] ?? 0;
      const reported =
        this.config.threshold === undefined
          ? result.categories[name] === true
          : score >= this.config.threshold;
      if (!reported) continue;
      for (const code of codes) best.set(code, Math.max(best.get(code) ?? 0, score));
    }
    const unknown = Object.entries(result.categories)
      .filter(([name, flagged]) => flagged === true && !(name in openAiCategoryCodes))
      .map(([name]) => name);
    if (best.size === 0 && unknown.length > 0) {
      throw new BackendUnavailable(
        this.name,
        `flagged only under categories anjeon does not map: ${unknown.join(', ')}`,
      );
    }
    return [...best].map(([code, score]) => ({ code, score }));
  }
}
