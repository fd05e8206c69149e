// The guard: asks every configured backend, combines their answers under the policy, and returns the
// result of CONTRACTS.md §2. A backend that cannot answer blocks by default (fail closed).

import type { AttackScore, CategoryScore, HazardCode, PiiFinding } from '../detect/types.js';
import { BackendUnavailable, type GuardBackend, type GuardInput } from './backend.js';
import { BuiltinBackend } from './backends/builtin.js';
import { LlamaGuardBackend } from './backends/llama-guard.js';
import { OpenAiModerationBackend } from './backends/openai-moderation.js';
import type { BackendConfig, GuardPolicy } from './policy.js';

export interface BackendOutcome {
  name: string;
  verdict: 'safe' | 'unsafe' | 'unavailable';
  categories: CategoryScore[];
  error?: string;
}

export interface GuardResult {
  id?: string;
  verdict: 'safe' | 'unsafe';
  categories: CategoryScore[];
  attack: AttackScore;
  pii: Pick<PiiFinding, 'type' | 'value' | 'start' | 'end'>[];
  backend: string;
  /** Each backend's own answer, when more than one was asked or one failed. */
  backends?: BackendOutcome[];
}

export function createBackend(config: BackendConfig, policy: GuardPolicy): GuardBackend {
  switch (config.type) {
    case 'builtin':
      return new BuiltinBackend(policy.thresholds);
    case 'llama-guard':
      return new LlamaGuardBackend({
        url: config.url,
        model: config.model,
        api: config.api,
        version: config.version,
        categories: config.categories,
        apiKeyEnv: config.api_key_env,
        timeoutMs: config.timeout_ms,
      });
    case 'openai-moderation':
      return new OpenAiModerationBackend({
        url: config.url,
        model: config.model,
        apiKeyEnv: config.api_key_env,
        timeoutMs: config.timeout_ms,
      });
  }
}

const noAttack: AttackScore = { detected: false, type: null, score: 0 };

export class Guard {
  readonly backends: GuardBackend[];

  constructor(
    readonly policy: GuardPolicy,
    backends?: GuardBackend[],
  ) {
    this.backends = backends ?? policy.backends.map((b) => createBackend(b, policy));
  }

  get name(): string {
    return this.backends.map((b) => b.name).join('+');
  }

  private counts(code: string, score: number): boolean {
    const policy = this.policy;
    if (policy.ignore.includes(code)) return false;
    return score >= (policy.thresholds[code as HazardCode] ?? 0.5);
  }

  async check(input: GuardInput, signal?: AbortSignal): Promise<GuardResult> {
    const answers = await Promise.allSettled(this.backends.map((b) => b.check(input, signal)));
    const outcomes: BackendOutcome[] = [];
    let attack = noAttack;
    let pii: PiiFinding[] = [];
    answers.forEach((answer, i) => {
      const name = this.backends[i]!.name;
      if (answer.status === 'rejected') {
        const reason =
          answer.reason instanceof BackendUnavailable
            ? answer.reason.message
            : String((answer.reason as Error)?.message ?? answer.reason);
        outcomes.push({ name, verdict: 'unavailable', categories: [], error: reason });
        return;
      }
      const v = answer.value;
      const categories = v.categories.filter((c) => this.counts(c.code, c.score));
      const attacked =
        v.attack?.detected === true && !this.policy.ignore.includes(v.attack.type ?? '');
      if (v.attack && v.attack.score > attack.score)
        attack = attacked ? v.attack : { ...v.attack, detected: false, type: null };
      if (v.pii?.length) pii = v.pii;
      outcomes.push({
        name,
        verdict: categories.length || attacked ? 'unsafe' : 'safe',
        categories,
      });
    });
    const unsafe = this.combine(outcomes) || (this.policy.pii === 'block' && pii.length > 0);
    const result: GuardResult = {
      verdict: unsafe ? 'unsafe' : 'safe',
      categories: unsafe ? mergeCategories(outcomes) : [],
      attack,
      pii: pii.map(({ type, value, start, end }) => ({ type, value, start, end })),
      backend: this.name,
    };
    if (outcomes.length > 1 || outcomes.some((o) => o.verdict === 'unavailable'))
      result.backends = outcomes;
    return result;
  }

  private combine(outcomes: BackendOutcome[]): boolean {
    const { combine, on_unavailable } = this.policy;
    const down = outcomes.filter((o) => o.verdict === 'unavailable').length;
    if (down > 0 && on_unavailable === 'block') return true;
    const votes = outcomes
      .filter((o) => o.verdict !== 'unavailable')
      .map((o) => o.verdict === 'unsafe');
    if (on_unavailable === 'allow') for (let i = 0; i < down; i++) votes.push(false);
    // Nothing answered and nothing may be assumed: fail closed.
    if (votes.length === 0) return true;
    const yes = votes.filter(Boolean).length;
    if (combine === 'any') return yes > 0;
    if (combine === 'all') return yes === votes.length;
    return yes * 2 > votes.length;
  }
}

/** One entry per code, with the highest score any backend that voted unsafe gave it. */
function mergeCategories(outcomes: BackendOutcome[]): CategoryScore[] {
  const best = new Map<string, number>();
  for (const o of outcomes) {
    if (o.verdict !== 'unsafe') continue;
    for (const c of o.categories) best.set(c.code, Math.max(best.get(c.code) ?? 0, c.score));
  }
  return [...best]
    .map(([code, score]) => ({ code: code as HazardCode, score }))
    .sort((a, b) => b.score - a.score);
}
