// The run directory: run.json (what was run), probes.jsonl (the probes after strategies, fixed at the
// start), attempts.jsonl (run-log.ts), and at the end results.jsonl and summary.json.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnjeonError, inputError } from '../errors.js';
import { canonicalJson, sha256 } from '../store/canonical-json.js';
import type { Probe, ResultLine, RunSummary } from './types.js';

export interface RunManifest {
  format: 'anjeon-redteam-run/1';
  run: string;
  suite: { id: string; name: string };
  strategies: string[];
  /** The --target spec as given: URLs, a model name or a config path, never a secret. */
  target: string;
  target_display: string;
  /** Hash of the target's identity (URL, model, settings), to refuse resuming against another target. */
  target_sha256: string;
  probes: number;
  probes_sha256: string;
  model: string | null;
  created_at: string;
  settings: { max_tokens: number; timeout_ms: number };
}

export const manifestName = 'run.json';
const probesName = 'probes.jsonl';
export const resultsName = 'results.jsonl';
export const summaryName = 'summary.json';

export function identityHash(identity: Record<string, unknown>): string {
  return sha256(canonicalJson(identity));
}

export function probesHash(probes: Probe[]): string {
  return sha256(canonicalJson(probes));
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Creates the directory for a new run; refuses one that already holds a run. */
export function createRunDir(dir: string, manifest: RunManifest, probes: Probe[]): void {
  if (existsSync(join(dir, manifestName))) {
    throw inputError(
      `${dir} already holds a red-team run`,
      `continue it with: anjeon redteam run --resume ${dir}   (or choose another --out)`,
    );
  }
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, probesName), probes.map((p) => JSON.stringify(p)).join('\n') + '\n');
  writeAtomic(join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AnjeonError(
      'not_found',
      `${file}: no such file`,
      `is this a red-team run directory (${what})?`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw inputError(`${file} is not valid JSON`, `the run directory is damaged (${what})`);
  }
}

export function readManifest(dir: string): RunManifest {
  const m = readJson(join(dir, manifestName), 'run.json is missing') as RunManifest;
  if (m?.format !== 'anjeon-redteam-run/1') {
    throw inputError(`${join(dir, manifestName)} is not an anjeon red-team run manifest`);
  }
  return m;
}

export function readProbes(dir: string, manifest: RunManifest): Probe[] {
  const file = join(dir, probesName);
  if (!existsSync(file)) throw new AnjeonError('not_found', `${file}: no such file`);
  const probes = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      try {
        return JSON.parse(line) as Probe;
      } catch {
        throw inputError(`${file}:${i + 1}: not valid JSON`, 'the run directory is damaged');
      }
    });
  if (probes.length !== manifest.probes || probesHash(probes) !== manifest.probes_sha256) {
    throw inputError(`${file} does not match ${manifestName}`, 'the run directory was edited');
  }
  return probes;
}

export function writeResults(dir: string, lines: ResultLine[], summary: RunSummary): void {
  writeAtomic(join(dir, resultsName), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeAtomic(join(dir, summaryName), `${JSON.stringify(summary, null, 2)}\n`);
}

export function readResults(dir: string): { summary: RunSummary; lines: ResultLine[] } {
  const summary = readJson(
    join(dir, summaryName),
    'summary.json is written when a run completes',
  ) as RunSummary;
  const file = join(dir, resultsName);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ResultLine);
  return { summary, lines };
}
