// Scan benchmark: `anjeon scan` over a 1 GB JSONL corpus with 1 and 2 workers, against ripgrep
// running an equivalent PII regex set over the same file in the same run (issue: with 2 workers at
// least half of ripgrep's throughput, while also validating and redacting).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { ScanReport } from '../src/scan/report-types.js';
import type { BenchResult } from './engine.bench.js';
import { buildLabel, cli, ensureBuilt, timed, type ChildRun } from './child-run.js';
import { corpusDir, ensureCorpus, readManifest } from './scan-corpus.js';

const MiB = 1 << 20;

/** ASCII word boundary: the Unicode one makes ripgrep's DFA give up on Hangul. */
const b = '(?-u:\\b)';
const octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const phoneCodes = '(?:1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80|50[2-8])';
const regions =
  '(?:서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산)';
const date = '[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[- ]?';

/**
 * The shapes anjeon's recognizers look for (src/detect/pii/), one pattern per type, without the
 * validation that follows a match there: dates, check digits, Luhn, issuer ranges, context words.
 */
export const ripgrepPatterns: Record<string, string> = {
  kr_rrn: `${b}${date}[012349][0-9]{6}${b}`,
  kr_frn: `${b}${date}[5-8][0-9]{6}${b}`,
  kr_brn: `${b}[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{5}${b}`,
  credit_card: `${b}(?:[0-9]{4}[- ][0-9]{4}[- ][0-9]{4}[- ][0-9]{4}(?:[- ][0-9]{1,3})?|[0-9]{4}[- ][0-9]{6}[- ][0-9]{4,5}|[0-9]{13,19})${b}`,
  kr_driver_license: `${b}[0-9]{2}[- ]?[0-9]{2}[- ]?[0-9]{6}[- ]?[0-9]{2}${b}|${regions} ?[0-9]{2}-[0-9]{6}-[0-9]{2}${b}`,
  kr_passport: `${b}[MSROD](?:[0-9]{3}[A-Z][0-9]{4}|[0-9]{8})${b}`,
  email: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}',
  ip_address: `${b}${octet}(?:\\.${octet}){3}${b}|(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}`,
  phone:
    `${b}(?:\\(0${phoneCodes}\\) ?|0${phoneCodes}[-. ]?)[0-9]{3,4}[-. ]?[0-9]{4}${b}` +
    `|(?:\\+|00)82[-. ]?(?:\\(0\\)[-. ]?|0)?${phoneCodes}[-. ]?[0-9]{3,4}[-. ]?[0-9]{4}${b}` +
    `|${b}1[568][0-9]{2}[-. ]?[0-9]{4}${b}`,
  kr_bank_account: `${b}[0-9]{2,6}(?:-[0-9]{2,7}){1,3}${b}|${b}[0-9]{10,14}${b}`,
};

export function ripgrepArgs(corpus: string): string[] {
  const patterns = Object.values(ripgrepPatterns).flatMap((p) => ['-e', p]);
  return [
    '--no-config',
    '--only-matching',
    '--no-line-number',
    '--no-filename',
    ...patterns,
    corpus,
  ];
}

function streamFile(path: string, each: (chunk: Buffer) => void): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(16 * MiB);
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) each(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 16 * MiB }))
    h.update(chunk as Buffer);
  return h.digest('hex');
}

function countLines(path: string): number {
  let n = 0;
  streamFile(path, (c) => {
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) n++;
  });
  return n;
}

function hasRipgrep(): boolean {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Best of three ripgrep runs; its output goes to a file, since it skips the work for /dev/null. */
function benchRipgrep(work: string, corpus: string) {
  const out = join(work, 'rg.out');
  let best: ChildRun | null = null;
  let matches = 0;
  for (let i = 1; i <= 3; i++) {
    process.stderr.write(`ripgrep run ${i}/3...\n`);
    const run = timed(work, 'rg', ripgrepArgs(corpus), out);
    if (!best || run.seconds < best.seconds) best = run;
    matches = countLines(out);
    rmSync(out, { force: true });
  }
  return { ...best!, matches };
}

interface ScanRun extends ChildRun {
  report: ScanReport;
  piiFindings: number;
  findingsSha: string;
  redactedSha: string;
}

async function benchAnjeon(
  work: string,
  corpus: string,
  workers: number,
  hazards: boolean,
): Promise<ScanRun> {
  const [findings, redacted, report] = ['findings.jsonl', 'redacted.jsonl', 'report.json'].map(
    (f) => join(work, f),
  ) as [string, string, string];
  const clean = () => {
    for (const f of [findings, redacted, report, `${report}.checkpoint.json`])
      rmSync(f, { force: true });
  };
  clean();
  process.stderr.write(`anjeon scan --workers ${workers}${hazards ? ' with hazards' : ''}...\n`);
  const args = [
    cli,
    'scan',
    corpus,
    '--field',
    'text',
    '--findings',
    findings,
    '--redact',
    redacted,
  ];
  args.push('--report', report, '--workers', String(workers), '--json');
  if (!hazards) args.push('--no-hazards');
  const run = timed(work, process.execPath, args);
  const parsed = JSON.parse(run.stdout) as ScanReport;
  const result = {
    ...run,
    report: parsed,
    piiFindings: Object.values(parsed.findings.pii).reduce((a, n) => a + (n ?? 0), 0),
    findingsSha: await sha256(findings),
    redactedSha: await sha256(redacted),
  };
  clean();
  return result;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const mb = (x: number | null) => (x === null ? 'unavailable' : round(x));

export async function benchScan(sizeMb: number): Promise<BenchResult | null> {
  ensureBuilt();
  const corpus = ensureCorpus(Math.round(sizeMb * MiB));
  const manifest = readManifest(corpus);
  const bytes = statSync(corpus).size;
  const work = mkdtempSync(join(corpusDir, 'run-'));
  try {
    // Other work on the machine skews every figure; the load average says how much there was.
    const loadBefore = round(loadavg()[0]!, 2);
    process.stderr.write(`warm-up read of ${corpus}...\n`);
    streamFile(corpus, () => undefined);
    const rg = hasRipgrep() ? benchRipgrep(work, corpus) : null;
    if (!rg) process.stderr.write('ripgrep not found: install ripgrep (apt-get install ripgrep)\n');
    const one = await benchAnjeon(work, corpus, 1, false);
    const two = await benchAnjeon(work, corpus, 2, false);
    const hazards = await benchAnjeon(work, corpus, 2, true);
    const rate = (seconds: number) => bytes / MiB / seconds;
    const planted = manifest ? Object.values(manifest.planted).reduce((a, n) => a + n, 0) : null;
    const same = one.findingsSha === two.findingsSha && one.redactedSha === two.redactedSha;
    const plausible = one.piiFindings > 0 && one.piiFindings === two.piiFindings;
    if (!same || !plausible) {
      process.stderr.write(
        `scan outputs differ between 1 and 2 workers, or found nothing: ${one.piiFindings} vs ${two.piiFindings} findings\n`,
      );
      process.exitCode = 1;
    }
    const ratio = rg ? rate(two.seconds) / rate(rg.seconds) : null;
    return {
      name: `scan: ${round(bytes / MiB, 0)} MB JSONL (MB = 2^20 bytes), anjeon 1 and 2 workers against ripgrep in the same run, ${availableParallelism()} cores`,
      figures: {
        'anjeon build': buildLabel(),
        'load average (1 min) before, after': `${loadBefore}, ${round(loadavg()[0]!, 2)}`,
        'corpus records': one.report.records,
        'corpus records with planted PII': manifest?.recordsWithPii ?? 'unknown',
        'planted PII values': planted ?? 'unknown',
        'ripgrep MB/s (best of 3)': rg ? round(rate(rg.seconds)) : 'unavailable',
        'ripgrep matches (-o lines)': rg?.matches ?? 'unavailable',
        'ripgrep peak RSS (MB, incl. mapped file)': rg ? mb(rg.peakRssMb) : 'unavailable',
        'anjeon 1 worker MB/s': round(rate(one.seconds)),
        'anjeon 2 workers MB/s': round(rate(two.seconds)),
        'anjeon 2 workers + hazards MB/s': round(rate(hazards.seconds)),
        'anjeon 2 workers / ripgrep': ratio === null ? 'unavailable' : round(ratio, 2),
        'target: 2 workers >= 0.5 x ripgrep':
          ratio === null ? 'unavailable' : ratio >= 0.5 ? 'met' : 'not met',
        'anjeon 2 workers / 1 worker': round(one.seconds / two.seconds, 2),
        'anjeon 1 worker peak RSS (MB)': mb(one.peakRssMb),
        'anjeon 2 workers peak RSS (MB)': mb(two.peakRssMb),
        'anjeon 2 w + hazards peak RSS (MB)': mb(hazards.peakRssMb),
        'PII findings, 1 worker': one.piiFindings,
        'PII findings, 2 workers': two.piiFindings,
        'records with PII, 2 workers': two.report.records_with_pii,
        'records with hazards (hazards run)': hazards.report.records_with_hazards,
        'outputs identical, 1 vs 2 workers': same ? 'yes' : 'NO',
        'redacted identical with hazards on':
          hazards.redactedSha === two.redactedSha ? 'yes' : 'NO',
        'findings sha256 (2 workers)': two.findingsSha.slice(0, 16),
        'redacted sha256 (2 workers)': two.redactedSha.slice(0, 16),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
