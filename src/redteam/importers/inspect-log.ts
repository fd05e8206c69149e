// Opening an Inspect eval log, JSON or .eval (ZIP), as its header and its samples.
//
// Shape followed: inspect_ai's EvalLog (src/inspect_ai/log/_log.py, log format version 2, inspect_ai
// 0.3.4x-0.3.1xx). A .json log is the whole EvalLog; a .eval log (src/inspect_ai/log/_recorders/
// eval.py) is a ZIP with header.json (the EvalLog without samples, written when the run finishes),
// _journal/start.json ({version, eval, plan}, written at the start, so an unfinished run still has a
// header), samples/<id>_epoch_<epoch>.json (one EvalSample each) and summaries. Logs written before
// 0.3.5x used start.json and results.json at the top level instead of header.json.

import { inputError } from '../../errors.js';
import { fileText, isRecord, parseJsonDocument } from './json-input.js';
import { openZip } from './zip.js';

export interface InspectSample {
  /** Where the sample is, for skip messages: the archive entry or samples[i]. */
  where: string;
  value: unknown;
}

export interface InspectLog {
  /** The EvalLog without samples: version, status, eval {task, model, dataset}, results, stats. */
  header: Record<string, unknown>;
  samples: InspectSample[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return zipMagic.every((byte, i) => bytes[i] === byte);
}

export function readInspectLog(file: string, bytes: Buffer): InspectLog {
  return isZip(bytes) ? readEvalArchive(file, bytes) : readJsonLog(file, bytes);
}

function readJsonLog(file: string, bytes: Buffer): InspectLog {
  const doc = parseJsonDocument(fileText(bytes), file);
  if (!isRecord(doc) || !isRecord(doc.eval)) {
    throw inputError(`${file}: not an Inspect eval log (no "eval" object)`, logHint);
  }
  const { samples, ...header } = doc;
  if (samples === undefined || samples === null) throw noSamples(file);
  if (!Array.isArray(samples)) throw inputError(`${file}: "samples" is not a list`, logHint);
  return {
    header,
    samples: samples.map((value: unknown, i) => ({ where: `${file} samples[${i}]`, value })),
  };
}

function readEvalArchive(file: string, bytes: Buffer): InspectLog {
  const zip = openZip(bytes, file);
  const entryJson = (name: string): unknown =>
    parseJsonDocument(fileText(zip.read(name)), `${file}!${name}`);
  const headerEntry = ['header.json', '_journal/start.json', 'start.json'].find((n) => zip.has(n));
  if (!headerEntry) {
    throw inputError(`${file}: an archive without header.json; not an Inspect .eval log`, logHint);
  }
  const header = entryJson(headerEntry);
  if (!isRecord(header) || !isRecord(header.eval)) {
    throw inputError(`${file}!${headerEntry}: no "eval" object`, logHint);
  }
  if (headerEntry === 'start.json' && zip.has('results.json')) {
    const results = entryJson('results.json');
    if (isRecord(results)) Object.assign(header, results);
  }
  const names = zip.names.filter((n) => n.startsWith('samples/') && n.endsWith('.json'));
  if (names.length === 0) throw noSamples(file);
  return {
    header,
    samples: names.map((name) => ({ where: `${file}!${name}`, value: entryJson(name) })),
  };
}

const logHint = 'give a log written by `inspect eval` (--log-format json or eval)';

function noSamples(file: string) {
  return inputError(
    `${file}: the log has no samples to import`,
    'run the eval with sample logging on (the default; not --no-log-samples)',
  );
}
