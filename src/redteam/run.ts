// Runs a suite against a target: sends each probe once through the scheduler, grades the answer,
// logs every step, and turns the log into results.jsonl and the summary when every probe has one.

import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { ResponseCache } from './cache.js';
import { summarize } from './metrics.js';
import {
  createRunDir,
  identityHash,
  probesHash,
  readManifest,
  readProbes,
  writeResults,
  type RunManifest,
} from './run-dir.js';
import { RunLog, type ProbeState } from './run-log.js';
import { Lane, RetriesExhausted, type LaneOptions } from './scheduler.js';
import type { Grade, Probe, ResultLine, RunSummary, Suite, Target, TargetReply } from './types.js';

/** Grades one answer; the runner does not care which graders are behind it. */
export interface AnswerGrader {
  readonly names: string[];
  grade(probe: Probe, reply: TargetReply, signal: AbortSignal): Promise<Grade>;
}

export interface RunProgress {
  total: number;
  done: number;
  errors: number;
  /** Answered in this session (not from the log of an earlier one). */
  sent: number;
  retries: number;
  rateLimited: number;
  /** Requests allowed in flight now: below the run's --concurrency after 429s. */
  concurrency: number;
}

export interface NewRun {
  dir: string;
  run: string;
  suite: Suite;
  probes: Probe[];
  strategies: string[];
  targetSpec: string;
  model: string | null;
  maxTokens: number;
  timeoutMs: number;
}

export interface ExecuteOptions {
  dir: string;
  target: Target;
  grader: AnswerGrader;
  lane: LaneOptions;
  cache?: ResponseCache;
  /** run: send what has no answer and grade what has no grade; regrade: send nothing, grade every answer again. */
  mode?: 'run' | 'regrade';
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  now?: () => Date;
}

export interface RunOutcome {
  manifest: RunManifest;
  /** Null when the run stopped before every probe had an outcome (see `progress`). */
  summary: RunSummary | null;
  lines: ResultLine[];
  progress: RunProgress;
  /** Torn log lines cut off on resume (a kill mid-write). */
  dropped: number;
  cacheHits: number;
}

export function startRun(r: NewRun, target: Target, now: Date): RunManifest {
  const manifest: RunManifest = {
    format: 'anjeon-redteam-run/1',
    run: r.run,
    suite: { id: r.suite.id, name: r.suite.name },
    strategies: r.strategies,
    target: r.targetSpec,
    target_display: target.display,
    target_sha256: identityHash(target.identity),
    probes: r.probes.length,
    probes_sha256: probesHash(r.probes),
    model: r.model,
    created_at: now.toISOString(),
    settings: { max_tokens: r.maxTokens, timeout_ms: r.timeoutMs },
  };
  createRunDir(r.dir, manifest, r.probes);
  return manifest;
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/** Sends what has no answer yet (never sent, or failed), grades what has no grade, then summarises. */
export async function executeRun(o: ExecuteOptions): Promise<RunOutcome> {
  const manifest = readManifest(o.dir);
  const probes = readProbes(o.dir, manifest);
  const now = o.now ?? (() => new Date());
  // Stops every worker when the caller cancels or when one of them meets an unexpected error.
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  let fatal: Error | undefined;
  // Every request, wait and backoff listens on the run's signal; that is not a leak.
  setMaxListeners(0, signal);
  const lane = new Lane(o.lane);
  const log = new RunLog(o.dir);
  const progress: RunProgress = {
    total: probes.length,
    done: 0,
    errors: 0,
    sent: 0,
    retries: 0,
    rateLimited: 0,
    concurrency: o.lane.concurrency,
  };
  const report = () => {
    progress.retries = lane.stats.retries;
    progress.rateLimited = lane.stats.rateLimited;
    progress.concurrency = lane.concurrency;
    o.onProgress?.({ ...progress });
  };
  const settled = (s: ProbeState | undefined) => Boolean(s?.grade);

  const handle = async (probe: Probe) => {
    let state = log.states.get(probe.id);
    const regrade = o.mode === 'regrade';
    if (!state?.answer && !regrade) {
      await answer(probe, o, lane, log, signal, now);
      state = log.states.get(probe.id);
      if (state?.answer) progress.sent++;
    }
    if (state?.answer && (!state.grade || regrade))
      await grade(probe, state, o.grader, log, signal, now);
    const final = log.states.get(probe.id);
    progress.done++;
    if (!settled(final)) progress.errors++;
    report();
  };

  const queue = [...probes];
  const workers = Array.from({ length: Math.min(o.lane.concurrency, queue.length) }, async () => {
    for (let p = queue.shift(); p && !signal.aborted; p = queue.shift()) {
      try {
        await handle(p);
      } catch (error) {
        if (isAbort(error) && signal.aborted) continue;
        fatal ??= error instanceof Error ? error : new Error(String(error));
        stop.abort();
      }
    }
  });
  // Every worker has stopped writing before the log is closed, whatever happened.
  await Promise.allSettled(workers);
  log.close();
  if (fatal !== undefined) throw fatal;
  report();
  const outcome: RunOutcome = {
    manifest,
    summary: null,
    lines: [],
    progress,
    dropped: log.dropped,
    cacheHits: o.cache?.hits ?? 0,
  };
  if (signal.aborted) return outcome;
  outcome.lines = resultLines(probes, log);
  outcome.summary = summarize(outcome.lines, {
    run: manifest.run,
    suite: manifest.suite,
    target: manifest.target_display,
    model: manifest.model,
    strategies: manifest.strategies,
    graders: o.grader.names,
    started_at: manifest.created_at,
    finished_at: now().toISOString(),
  });
  writeResults(o.dir, outcome.lines, outcome.summary);
  return outcome;
}

async function answer(
  probe: Probe,
  o: ExecuteOptions,
  lane: Lane,
  log: RunLog,
  signal: AbortSignal,
  now: () => Date,
): Promise<void> {
  const request = {
    prompt: probe.prompt,
    ...(probe.system ? { system: probe.system } : {}),
    ...(probe.history ? { history: probe.history } : {}),
  };
  const key = o.cache?.keyOf(o.target.identity, request);
  const hit = key ? o.cache!.get(key) : undefined;
  if (hit) {
    log.append({
      type: 'answer',
      probe: probe.id,
      response: hit.text,
      blocked: hit.blocked === true,
      tries: 0,
      cached: true,
      latency_ms: 0,
      at: now().toISOString(),
    });
    return;
  }
  const t0 = performance.now();
  try {
    const { value, tries } = await lane.run((s) => o.target.send(request, s), signal);
    if (key) o.cache!.set(key, value);
    log.append({
      type: 'answer',
      probe: probe.id,
      response: value.text,
      blocked: value.blocked === true,
      tries,
      cached: false,
      latency_ms: Math.round(performance.now() - t0),
      at: now().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) throw error;
    log.append({
      type: 'error',
      probe: probe.id,
      kind: error.error.kind,
      error: error.message,
      tries: error.tries,
      at: now().toISOString(),
    });
  }
}

async function grade(
  probe: Probe,
  state: ProbeState,
  grader: AnswerGrader,
  log: RunLog,
  signal: AbortSignal,
  now: () => Date,
): Promise<void> {
  const a = state.answer!;
  try {
    const g = await grader.grade(probe, { text: a.response, blocked: a.blocked }, signal);
    log.append({
      type: 'grade',
      probe: probe.id,
      ...g,
      graders: grader.names,
      at: now().toISOString(),
    });
  } catch (error) {
    if (isAbort(error) && signal.aborted) throw error;
    const message =
      error instanceof RetriesExhausted || error instanceof Error ? error.message : String(error);
    log.append({
      type: 'error',
      probe: probe.id,
      kind: 'grader',
      error: `grading failed: ${message}`,
      tries: error instanceof RetriesExhausted ? error.tries : 1,
      at: now().toISOString(),
    });
  }
}

/** Exactly one line per probe, in the suite's order, from the latest state of each. */
export function resultLines(
  probes: Probe[],
  log: { states: Map<string, ProbeState> },
): ResultLine[] {
  return probes.map((p) => {
    const s = log.states.get(p.id) ?? {};
    const graded = s.grade;
    return {
      probe: p.id,
      code: p.code,
      lang: p.lang,
      expected: p.expected,
      prompt: p.prompt,
      response: s.answer?.response ?? null,
      outcome: graded ? graded.outcome : 'error',
      harmful: graded ? graded.harmful : false,
      kind: p.kind,
      strategy: p.strategy ?? null,
      base: p.base ?? null,
      error: graded ? null : (s.error?.error ?? 'not run'),
      tries: s.answer?.tries ?? s.error?.tries ?? 0,
      cached: s.answer?.cached ?? false,
      latency_ms: s.answer?.latency_ms ?? null,
      verdicts: graded ? graded.verdicts : [],
    };
  });
}

export function runDirFor(outRoot: string, run: string): string {
  return join(outRoot, run);
}
