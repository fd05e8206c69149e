// How a scan looks in a terminal: the live progress line and the closing summary.

import { hazardNames, piiNames, type HazardCode, type PiiType } from '../detect/types.js';
import type { ScanProgress } from '../scan/scan.js';
import type { ScanReport } from '../scan/report-types.js';
import type { Io } from './io.js';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function progressLine(p: ScanProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.diskBytes / seconds : 0;
  const eta = rate > 0 ? (p.totalBytes - p.diskBytes) / rate : Infinity;
  const share =
    p.totalBytes > 0 ? ` (${Math.min(100, (100 * p.diskBytes) / p.totalBytes).toFixed(0)}%)` : '';
  return `${p.records.toLocaleString('en-US')} records · ${mb(p.diskBytes)} of ${mb(p.totalBytes)}${share} · ${mb(rate)}/s · ETA ${clock(eta)}`;
}

/**
 * Progress on stderr: redrawn in place on a terminal, a plain line every 10 s otherwise (CI logs),
 * nothing with --json.
 */
export function progressReporter(io: Io, stream: NodeJS.WriteStream | null, quiet: boolean) {
  let last = 0;
  let drawn = false;
  const tty = stream?.isTTY === true;
  return {
    update(p: ScanProgress) {
      if (quiet) return;
      const now = p.elapsedMs;
      if (now - last < (tty ? 100 : 10_000)) return;
      last = now;
      if (tty && stream) {
        stream.write(`\r\x1b[2K${progressLine(p)}`);
        drawn = true;
      } else io.err(progressLine(p));
    },
    done() {
      if (drawn && stream) stream.write('\r\x1b[2K');
    },
  };
}

function counts(record: Partial<Record<string, number>>, name: (k: string) => string): string[] {
  return Object.entries(record)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, n]) => `    ${name(k).padEnd(46)} ${(n ?? 0).toLocaleString('en-US')}`);
}

const workers = (n: number) => (n === 0 ? 'in one thread' : n === 1 ? '1 worker' : `${n} workers`);

export function renderScanSummary(r: ScanReport, io: Io): string {
  const c = io.color;
  const share = (n: number) => (r.records > 0 ? ` (${((100 * n) / r.records).toFixed(1)}%)` : '');
  const lines = [
    `${c.bold('Scanned')} ${r.input.path}: ${r.records.toLocaleString('en-US')} records, ${mb(r.input.bytes)} in ${(r.elapsed_ms / 1000).toFixed(1)} s (${mb(r.bytes_per_second)}/s, ${workers(r.workers)})`,
    r.detection.pii
      ? `  records with personal data: ${r.records_with_pii.toLocaleString('en-US')}${share(r.records_with_pii)}`
      : '  personal data: not checked (--no-pii)',
    ...counts(r.findings.pii, (k) => `${k.padEnd(17)} ${piiNames[k as PiiType]?.en ?? ''}`),
    r.detection.hazards
      ? `  records with hazards:       ${r.records_with_hazards.toLocaleString('en-US')}${share(r.records_with_hazards)}`
      : '  hazards: not checked (--no-hazards)',
    ...counts(r.findings.hazards, (k) => `${k} ${hazardNames[k as HazardCode]?.en ?? ''}`),
  ];
  if (r.malformed.count > 0) {
    const listed = r.malformed.lines.slice(0, 5).map((l) => `line ${l.line}: ${l.reason}`);
    lines.push(
      c.yellow(
        `  malformed records: ${r.malformed.count} (${r.redaction?.malformed_copied ? 'copied unchanged' : 'left out of the copies'})`,
      ),
    );
    lines.push(...listed.map((l) => `    ${l}`));
  }
  if (r.missing_field.count > 0)
    lines.push(
      c.yellow(
        `  ${r.missing_field.count} record(s) have none of the fields ${r.input.fields.join(', ')} (first at line ${r.missing_field.lines[0]?.line ?? '?'}); check --field`,
      ),
    );
  if (r.redaction)
    lines.push(
      `  redacted copy: ${r.redaction.output} (${r.redaction.records_changed} records changed, ${r.redaction.records_dropped} dropped)`,
    );
  if (r.filter)
    lines.push(
      `  filtered copy: ${r.filter.output} (${r.filter.kept} kept, ${r.filter.removed} removed to ${r.filter.rejects})`,
    );
  if (r.outputs.findings) lines.push(`  findings: ${r.outputs.findings}`);
  if (r.outputs.report)
    lines.push(
      `  report: ${r.outputs.report}  (document it: anjeon report data-risk ${r.outputs.report})`,
    );
  return lines.join('\n');
}
