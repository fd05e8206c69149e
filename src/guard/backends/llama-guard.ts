// Llama Guard 3 or 4 served by vLLM, Ollama or any OpenAI-compatible server, as a guard backend.

import { z } from 'zod';
import { hazardCodes, type CategoryScore, type HazardCode } from '../../detect/types.js';
import { inputError } from '../../errors.js';
import {
  BackendUnavailable,
  type BackendVerdict,
  type GuardBackend,
  type GuardInput,
} from '../backend.js';
import { apiShapes, llamaGuardApis, type LlamaGuardApi } from './llama-guard-apis.js';
import {
  buildLlamaGuardPrompt,
  defaultCategories,
  guardConversation,
  type LlamaGuardCategory,
  type LlamaGuardVersion,
} from './llama-guard-prompt.js';
import { parseLlamaGuardReply } from './llama-guard-reply.js';
import { apiKeyFrom, endpointUrl, postJson, redact } from './post-json.js';

export interface LlamaGuardConfig {
  /** Server root, e.g. http://localhost:8000 (vLLM) or http://localhost:11434 (Ollama). */
  url: string;
  model: string;
  api: LlamaGuardApi;
  version: LlamaGuardVersion;
  /** Custom policy; only with 'openai-completions' or 'ollama-generate' (see llama-guard-apis). */
  categories?: LlamaGuardCategory[];
  /** Name of the environment variable holding a bearer token (never the token itself). */
  apiKeyEnv?: string;
  timeoutMs?: number;
}

const hazardCode = z.enum(hazardCodes);
const categorySchema = z
  .object({
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be letters and digits, like S1'),
    name: z
      .string()
      .min(1)
      .regex(/^[^\r\n]+$/, 'must be one line'),
    description: z.string().min(1).optional(),
    hazard: hazardCode.optional(),
  })
  .strict();
const configSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    model: z.string().min(1),
    api: z.enum(llamaGuardApis),
    version: z.union([z.literal(3), z.literal(4)]),
    categories: z.array(categorySchema).min(1).optional(),
    apiKeyEnv: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();

function isHazardCode(code: string): code is HazardCode {
  return (hazardCodes as readonly string[]).includes(code);
}

/**
 * Every category must land on one of our hazard codes, so that an `unsafe` answer can never turn
 * into an empty category list (which the policy would read as safe). A code that is already ours
 * (S1-S14, X1-X4) maps to itself; any other code must say which of ours it is with `hazard`.
 */
function hazardByCode(categories: readonly LlamaGuardCategory[]): Map<string, HazardCode> {
  const map = new Map<string, HazardCode>();
  const seen = new Set<string>();
  for (const [i, c] of categories.entries()) {
    if (seen.has(c.code.toUpperCase())) {
      throw inputError(`llama-guard: categories[${i}].code "${c.code}" appears twice`);
    }
    seen.add(c.code.toUpperCase());
    const hazard = c.hazard ?? (isHazardCode(c.code) ? c.code : undefined);
    if (hazard === undefined) {
      throw inputError(
        `llama-guard: categories[${i}].code "${c.code}" is not one of our hazard codes`,
        `add "hazard" naming the one it stands for (${hazardCodes.join(', ')})`,
      );
    }
    map.set(c.code, hazard);
  }
  return map;
}

function validConfig(config: LlamaGuardConfig): LlamaGuardConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(config)'}: ${i.message}`,
    );
    throw inputError('llama-guard: the backend configuration is not valid', undefined, details);
  }
  if (config.categories && apiShapes[config.api].chat) {
    throw inputError(
      `llama-guard: custom categories need a raw API, not "${config.api}"`,
      'the chat template on the server carries the default categories; use "openai-completions" or "ollama-generate"',
    );
  }
  return config;
}

export class LlamaGuardBackend implements GuardBackend {
  readonly name = 'llama-guard';
  private readonly config: LlamaGuardConfig;
  private readonly categories: readonly LlamaGuardCategory[];
  private readonly hazards: Map<string, HazardCode>;

  constructor(config: LlamaGuardConfig) {
    this.config = validConfig(config);
    this.categories = config.categories ?? defaultCategories(config.version);
    this.hazards = hazardByCode(this.categories);
  }

  /** The exact prompt a raw API sends for this input (before the server adds its BOS token). */
  prompt(input: GuardInput): string {
    return buildLlamaGuardPrompt(this.config.version, this.categories, guardConversation(input));
  }

  async check(input: GuardInput, signal?: AbortSignal): Promise<BackendVerdict> {
    const apiKey = apiKeyFrom(this.name, this.config.apiKeyEnv);
    const shape = apiShapes[this.config.api];
    const turns = guardConversation(input);
    const body = shape.body({
      model: this.config.model,
      turns,
      prompt: buildLlamaGuardPrompt(this.config.version, this.categories, turns),
    });
    const url = endpointUrl(this.config.url, shape.path);
    const json = await postJson(url, body, {
      backend: this.name,
      apiKey,
      timeoutMs: this.config.timeoutMs ?? 10_000,
      signal,
    });
    const answer = shape.answer.safeParse(json);
    if (!answer.success) {
      const issue = answer.error.issues[0];
      const where = `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
      throw new BackendUnavailable(
        this.name,
        `the answer from ${url} is not an ${this.config.api} completion: ${where}`,
      );
    }
    return this.verdict(redact(answer.data, apiKey));
  }

  private verdict(raw: string): BackendVerdict {
    const reply = parseLlamaGuardReply(
      raw,
      this.categories.map((c) => c.code),
    );
    if (reply.verdict === 'malformed') {
      throw new BackendUnavailable(
        this.name,
        `${this.config.model} gave no verdict: ${reply.problem}`,
      );
    }
    if (reply.verdict === 'safe') return { backend: this.name, categories: [], raw };
    const categories: CategoryScore[] = [];
    for (const code of reply.codes) {
      const hazard = this.hazards.get(code);
      if (hazard !== undefined && !categories.some((c) => c.code === hazard)) {
        categories.push({ code: hazard, score: 1 });
      }
    }
    return { backend: this.name, categories, raw };
  }
}
