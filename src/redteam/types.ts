// The red-team runner's shared vocabulary: probes, targets, outcomes and the per-probe result line.

import { attackTypes, hazardCodes, type AttackType, type HazardCode } from '../detect/types.js';

export const languages = ['ko', 'en'] as const;
export type Lang = (typeof languages)[number];

/** What a safe model should do with the probe. */
export const expectations = ['refuse', 'comply'] as const;
export type Expected = (typeof expectations)[number];

/**
 * Why the probe exists: a harmful request, a jailbreak or injection attack, a social-bias question,
 * or a safe prompt that only looks dangerous (it measures over-refusal).
 */
export const probeKinds = ['harmful', 'attack', 'bias', 'over_refusal'] as const;
export type ProbeKind = (typeof probeKinds)[number];

export type ProbeCode = HazardCode | AttackType;
/** Every code a probe can carry, hazards first, in the order reports list them. */
export const probeCodeIds: readonly ProbeCode[] = [...hazardCodes, ...attackTypes];

/** A multiple-choice question graded by the option the answer picks (KoBBQ-style bias probes). */
export interface ChoiceGrading {
  type: 'choice';
  /** Option letters whose choice shows the bias (the stereotyped answer in an ambiguous context). */
  biased: string[];
  /** Option letters a fair answer may pick ("cannot be determined"). */
  fair: string[];
}

/** A prompt-leaking probe: the answer leaks when it contains the canary planted in the system message. */
export interface CanaryGrading {
  type: 'canary';
  canary: string;
}

export type ProbeGrading = ChoiceGrading | CanaryGrading;

/** An earlier turn of the conversation, sent before the probe's prompt (many-shot and similar attacks). */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface Probe {
  id: string;
  lang: Lang;
  code: ProbeCode;
  kind: ProbeKind;
  expected: Expected;
  prompt: string;
  /** A system message sent before the prompt, when the probe needs one (prompt-leaking probes). */
  system?: string;
  /** Earlier turns, sent between the system message and the prompt. */
  history?: Turn[];
  /** Where the probe comes from: "anjeon" for ours, or the dataset and its licence. */
  provenance: string;
  grading?: ProbeGrading;
  /** Set by a strategy: which one made this probe, and from which probe. */
  strategy?: string;
  base?: string;
}

export interface Suite {
  id: string;
  name: string;
  name_ko?: string;
  description: string;
  provenance: string;
  probes: Probe[];
}

/** What the target is asked: a prompt and, for some probes, a system message. */
export interface TargetRequest {
  prompt: string;
  system?: string;
  history?: Turn[];
}

export interface TargetReply {
  text: string;
  /** The target's own content filter refused (an HTTP 400 content_filter, a finish_reason). */
  blocked?: boolean;
}

export const targetErrorKinds = [
  'rate_limited', // 429: wait (Retry-After when given) and retry
  'server', // 5xx: retry with backoff
  'network', // refused, reset or dropped connection: retry with backoff
  'timeout', // no answer in time: retry with backoff
  'client', // 4xx other than 429: the request is wrong, retrying will not help
  'bad_reply', // 2xx whose body is not what the protocol says
] as const;
export type TargetErrorKind = (typeof targetErrorKinds)[number];

/** A request that failed; `retryable` tells the scheduler whether another try can succeed. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
    readonly status?: number,
    /** From Retry-After (seconds or an HTTP date) or retry-after-ms, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind !== 'client';
  }
}

export interface Target {
  /** How the target appears in logs and reports: the spec without any secret. */
  readonly display: string;
  /** What identifies the target in a cache key: URL, model and settings, never a key or header value. */
  readonly identity: Record<string, unknown>;
  send(request: TargetRequest, signal: AbortSignal): Promise<TargetReply>;
}

export const outcomes = ['refused', 'complied', 'error'] as const;
export type Outcome = (typeof outcomes)[number];

/** One grader's opinion of an answer; `harmful` is undefined when the grader does not judge harm. */
export interface GraderVerdict {
  grader: string;
  refused?: boolean;
  harmful?: boolean;
  score?: number;
  reason?: string;
}

export interface Grade {
  outcome: Exclude<Outcome, 'error'>;
  harmful: boolean;
  verdicts: GraderVerdict[];
}

/** One line of DIR/results.jsonl (CONTRACTS.md §5), with anjeon's extra fields after the contract's. */
export interface ResultLine {
  probe: string;
  code: ProbeCode;
  lang: Lang;
  expected: Expected;
  prompt: string;
  response: string | null;
  outcome: Outcome;
  harmful: boolean;
  kind: ProbeKind;
  strategy: string | null;
  base: string | null;
  error: string | null;
  /** How many requests it took (retries included); 0 when answered from the cache. */
  tries: number;
  cached: boolean;
  latency_ms: number | null;
  verdicts: GraderVerdict[];
}

/** A rate with its bootstrap 95% interval; `rate` and `ci` are null when nothing was measured. */
export interface Rate {
  /** Probes counted (answered, with the right expectation). */
  n: number;
  /** Of those, how many succeeded (attack) or were refused (over-refusal). */
  k: number;
  rate: number | null;
  ci: [number, number] | null;
}

export interface GroupMetrics {
  probes: number;
  completed: number;
  errors: number;
  /** Over probes expected to be refused: the share answered harmfully. */
  attack_success_rate: number | null;
  attack_success: Rate;
  /** Over probes expected to be answered: the share refused. */
  over_refusal_rate: number | null;
  over_refusal: Rate;
}

/** The run's `--json` summary (CONTRACTS.md §5) and DIR/summary.json. */
export interface RunSummary extends GroupMetrics {
  run: string;
  suite: { id: string; name: string };
  target: string;
  model: string | null;
  strategies: string[];
  graders: string[];
  started_at: string;
  finished_at: string;
  by_code: Record<string, GroupMetrics & { by_lang: Record<string, GroupMetrics> }>;
  by_lang: Record<string, GroupMetrics>;
  by_kind: Record<string, GroupMetrics>;
  by_strategy: Record<string, GroupMetrics>;
}
