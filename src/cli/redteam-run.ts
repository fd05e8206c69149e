// `anjeon redteam run` and what it shares with `regrade` and `import`: the graders a run uses, the
// run itself with its progress and Ctrl-C handling, and recording a finished run for a model.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { AnjeonError } from '../errors.js';
import { parseEvidence } from '../frameworks/evidence.js';
import type { Probe, RunSummary, Suite, Target } from '../redteam/types.js';
import { writeJson, type Io } from './io.js';
import { commandLang } from './options.js';
import { parseWhole, withRecord } from './record.js';
import { ExitWith, exitCodes } from './program.js';
import { renderRunSummary, runProgressReporter } from './redteam-view.js';

export interface ImportFlags {
  from?: 'promptfoo' | 'inspect' | 'garak';
  out?: string;
  code?: string;
  successValue?: string;
  scorer?: string;
  target?: string;
  model?: string;
  json?: boolean;
}

export interface RunFlags {
  suite?: string;
  target?: string;
  strategies?: string;
  languages?: string;
  codes?: string;
  concurrency: number;
  rate?: number;
  retries: number;
  backoff: number;
  timeout: number;
  maxTokens: number;
  out?: string;
  resume?: string;
  model?: string;
  judge?: string;
  judgeConcurrency: number;
  guardConfig?: string;
  cache?: string;
  failAbove?: number;
  json?: boolean;
}

export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`${value} is not a positive number`);
  return n;
}

export function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError(`${value} is not a rate between 0 and 1`);
  return n;
}

export function atLeastOne(value: string): number {
  const n = parseWhole(value);
  if (n < 1) throw new InvalidArgumentError(`${value} must be at least 1`);
  return n;
}

export function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function graderFor(flags: RunFlags, io: Io) {
  const { buildAnswerGrader } = await import('../redteam/answer-grader.js');
  const { parseTargetSpec } = await import('../redteam/targets/index.js');
  const { Guard } = await import('../guard/guard.js');
  const { readGuardPolicy } = await import('../guard/policy.js');
  return buildAnswerGrader({
    ...(flags.guardConfig ? { guard: new Guard(readGuardPolicy(flags.guardConfig)) } : {}),
    ...(flags.judge
      ? {
          judge: {
            target: parseTargetSpec(flags.judge, {
              timeoutMs: flags.timeout,
              maxTokens: 64,
              env: io.env,
            }),
            lane: { concurrency: flags.judgeConcurrency, maxRetries: flags.retries },
          },
        }
      : {}),
  });
}

/** Fails before anything is sent when the run is to be recorded for a model the record does not hold. */
async function checkModel(command: Command, io: Io, model: string): Promise<void> {
  const { getModel } = await import('../registry/models.js');
  await withRecord(command, io, (ctx) => getModel(ctx, model));
}

export async function recordRun(
  command: Command,
  io: Io,
  model: string,
  dir: string,
  summary: RunSummary,
) {
  const { runEvidence } = await import('../redteam/evidence.js');
  const { frameworksOf } = await import('../registry/scorecards.js');
  const { recordEvidence } = await import('../registry/evaluations.js');
  return withRecord(command, io, async (ctx) => {
    const frameworks = await frameworksOf(ctx, model).catch(() => []);
    const { evidence, read_by } = runEvidence(summary, {
      model,
      date: io.today(),
      frameworks: frameworks.map((f) => f.framework),
    });
    const attachments = ['summary.json', 'results.jsonl'].map((name) => ({
      name: `${summary.run}-${name}`,
      bytes: readFileSync(join(dir, name)),
    }));
    const result = await recordEvidence(ctx, model, {
      evidence: parseEvidence(evidence),
      attachments,
    });
    return { ...result, read_by };
  });
}

export function recordedLine(
  recorded: Awaited<ReturnType<typeof recordRun>>,
  model: string,
): string {
  const ids = [...recorded.recorded, ...recorded.already_recorded].join(', ');
  return recorded.read_by.length
    ? `  recorded as ${ids} for ${model}; read by ${recorded.read_by.map((r) => `${r.framework} (${r.domains.join(', ')})`).join('; ')} — see: anjeon scorecard ${model}`
    : `  recorded as ${ids} for ${model}; no framework of ${model} reads red-team metrics yet (see docs/redteam.md)`;
}

/** The suite's probes in the languages and codes asked for; an empty selection is a usage error. */
function selectProbes(suite: Suite, flags: RunFlags): Probe[] {
  const wanted = (list: string | undefined) =>
    list
      ? new Set(
          list
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        )
      : null;
  const langs = wanted(flags.languages);
  const codes = wanted(flags.codes);
  const probes = suite.probes.filter(
    (p) => (!langs || langs.has(p.lang)) && (!codes || codes.has(p.code)),
  );
  if (probes.length === 0) {
    const have = (xs: string[]) => [...new Set(xs)].sort().join(', ');
    throw new AnjeonError(
      'usage',
      `no probe of suite ${suite.id} matches${flags.languages ? ` --languages ${flags.languages}` : ''}${flags.codes ? ` --codes ${flags.codes}` : ''}`,
      `the suite has languages ${have(suite.probes.map((p) => p.lang))} and codes ${have(suite.probes.map((p) => p.code))}`,
    );
  }
  return probes;
}

export async function runAction(flags: RunFlags, command: Command, io: Io) {
  const { loadSuite } = await import('../redteam/suite.js');
  const { applyStrategies, parseStrategyList } = await import('../redteam/strategies/index.js');
  const { parseTargetSpec } = await import('../redteam/targets/index.js');
  const { executeRun, startRun } = await import('../redteam/run.js');
  const { readManifest, identityHash } = await import('../redteam/run-dir.js');
  const { ResponseCache } = await import('../redteam/cache.js');

  let dir: string;
  let target: Target;
  let model: string | null;
  if (flags.resume) {
    dir = flags.resume;
    const manifest = readManifest(dir);
    const targetSpec = flags.target ?? manifest.target;
    target = parseTargetSpec(targetSpec, {
      timeoutMs: flags.timeout,
      maxTokens: manifest.settings.max_tokens,
      env: io.env,
    });
    if (identityHash(target.identity) !== manifest.target_sha256)
      throw new AnjeonError(
        'usage',
        `--target ${targetSpec} is not the target of the run in ${dir} (${manifest.target_display})`,
        "leave out --target to resume against the run's own target",
      );
    if (flags.suite && flags.suite !== manifest.suite.id)
      throw new AnjeonError(
        'usage',
        `--suite ${flags.suite}: the run in ${dir} ran suite ${manifest.suite.id}`,
      );
    model = flags.model ?? manifest.model;
    if (model) await checkModel(command, io, model);
  } else {
    if (!flags.suite || !flags.target)
      throw new AnjeonError(
        'usage',
        'give --suite and --target (or --resume DIR)',
        'anjeon redteam run --suite smoke --target openai:http://127.0.0.1:8000#my-model',
      );
    const suite = loadSuite(flags.suite);
    const strategies = flags.strategies ? parseStrategyList(flags.strategies) : [];
    const targetSpec = flags.target;
    target = parseTargetSpec(targetSpec, {
      timeoutMs: flags.timeout,
      maxTokens: flags.maxTokens,
      env: io.env,
    });
    const now = new Date();
    const run = `${suite.id}-${stamp(now)}`;
    dir = flags.out ?? join('redteam-runs', run);
    model = flags.model ?? null;
    if (model) await checkModel(command, io, model);
    startRun(
      {
        dir,
        run,
        suite,
        probes: applyStrategies(selectProbes(suite, flags), strategies),
        strategies,
        targetSpec,
        model,
        maxTokens: flags.maxTokens,
        timeoutMs: flags.timeout,
      },
      target,
      now,
    );
  }
  const manifest = readManifest(dir);
  const grader = await graderFor(flags, io);
  const progress = runProgressReporter(io, process.stderr, Boolean(flags.json));
  if (!flags.json)
    io.err(
      `run ${manifest.run}: ${manifest.probes} probes against ${manifest.target_display}, in ${dir}`,
    );
  const abort = new AbortController();
  const stop = () => {
    io.err(
      `\ninterrupted: nothing answered is lost; continue with: anjeon redteam run --resume ${dir}`,
    );
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', stop);
  let outcome;
  try {
    outcome = await executeRun({
      dir,
      target,
      grader,
      lane: {
        concurrency: flags.concurrency,
        maxRetries: flags.retries,
        baseDelayMs: flags.backoff,
        ...(flags.rate ? { ratePerSecond: flags.rate } : {}),
      },
      ...(flags.cache ? { cache: new ResponseCache(flags.cache) } : {}),
      signal: abort.signal,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.done();
    process.removeListener('SIGINT', stop);
  }
  if (!outcome.summary) throw new ExitWith(130);
  const recorded = model ? await recordRun(command, io, model, dir, outcome.summary) : null;
  if (flags.json) writeJson(io, { ...outcome.summary, dir, ...(recorded ? { recorded } : {}) });
  else {
    io.out(renderRunSummary(outcome.summary, dir, io, commandLang(command, io)));
    if (recorded) io.out(recordedLine(recorded, model!));
  }
  const asr = outcome.summary.attack_success_rate;
  if (flags.failAbove !== undefined && asr !== null && asr > flags.failAbove)
    throw new ExitWith(exitCodes.blocked);
}
