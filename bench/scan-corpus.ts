// The scan benchmark's corpus: a deterministic JSONL file of Korean and English prose with planted
// personal data and look-alike decoys, generated once into the temp dir and reused while it fits.

import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statfsSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PiiType } from '../src/detect/types.js';

import { decoys, fill, piiPhrases, sentences, words } from './scan-corpus-text.js';
const MiB = 1 << 20;
/** Bump when the generator changes, so an old file on disk is not mistaken for the new one. */
const generatorVersion = 2;
const minRecordBytes = 200;
const maxRecordBytes = 2000;

export const corpusDir = join(tmpdir(), 'anjeon-bench-scan');

/** What the generator planted, written beside the corpus so a run can judge its findings count. */
export interface CorpusManifest {
  version: number;
  bytes: number;
  records: number;
  recordsWithPii: number;
  planted: Partial<Record<PiiType, number>>;
}

type Rng = () => number;

/** mulberry32: small, fast and good enough that no two records read alike. */
function seeded(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + int(r, 0, 9));
  return s;
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Slot fillers: {p} product, {c} place, {n} small number, {d} date, {a} amount, {t} time,
// {o} order number, {w} weekday, {m} company, {x} topic.
const plantedTypes = Object.keys(piiPhrases.ko) as PiiType[];

// Records are written without JSON.stringify, so no piece may hold a quote, a backslash or a control.
for (const piece of [
  ...Object.values(fill).flatMap((f) => Object.values(f).flat()),
  ...Object.values(sentences).flatMap((k) => Object.values(k).flat()),
  ...Object.values(decoys).flat(),
  ...Object.values(piiPhrases).flatMap((k) => Object.values(k).flat()),
])
  if (JSON.stringify(piece) !== `"${piece}"`)
    throw new Error(`corpus piece needs escaping: ${piece}`);

function dateIn(r: Rng, year: number): { mm: number; dd: number } {
  const mm = int(r, 1, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
  return { mm, dd: int(r, 1, days) };
}

/** YYMMDD-GNNNNNC with a real birth date for G's century and, mostly, a passing check digit. */
function registrationNumber(r: Rng, foreigner: boolean): string {
  const g = foreigner ? int(r, 5, 8) : int(r, 1, 4);
  // G = 1, 2, 5, 6: born in the 1900s; 3, 4, 7, 8: in the 2000s.
  const year = g % 4 === 1 || g % 4 === 2 ? 1900 + int(r, 40, 99) : 2000 + int(r, 0, 23);
  const { mm, dd } = dateIn(r, year);
  const first12 = `${pad(year % 100, 2)}${pad(mm, 2)}${pad(dd, 2)}${g}${digits(r, 5)}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = weights.reduce((s, w, i) => s + w * (first12.charCodeAt(i) - 48), 0);
  // Numbers issued since October 2020 end in a random digit; one in ten here does too.
  const check = r() < 0.1 ? int(r, 0, 9) : ((foreigner ? 13 : 11) - (sum % 11)) % 10;
  return `${first12.slice(0, 6)}-${first12.slice(6)}${check}`;
}

function luhnDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function cardNumber(r: Rng): string {
  const amex = r() < 0.15;
  const prefix = amex ? pick(r, ['34', '37']) : pick(r, ['4', '51', '53', '55', '9410', '3562']);
  const length = amex ? 15 : 16;
  const body = prefix + digits(r, length - 1 - prefix.length);
  const n = body + luhnDigit(body);
  const sep = pick(r, ['-', '-', ' ', '']);
  if (amex) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  return [n.slice(0, 4), n.slice(4, 8), n.slice(8, 12), n.slice(12)].join(sep);
}

function businessNumber(r: Rng): string {
  const first9 = `${int(r, 101, 899)}${pad(pick(r, [81, 86, 87, 1, 5, 11, 23, 45]), 2)}${digits(r, 4)}`;
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first9.charCodeAt(i) - 48) * w[i]!;
  const ninth = (first9.charCodeAt(8) - 48) * 5;
  const check = (10 - ((sum + ninth + Math.floor(ninth / 10)) % 10)) % 10;
  return `${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${check}`;
}

function phoneNumber(r: Rng): string {
  const line = () => `${int(r, 2, 9)}${digits(r, 3)}`;
  switch (int(r, 0, 5)) {
    case 0:
      return `02-${int(r, 200, 999)}-${digits(r, 4)}`;
    case 1:
      return `0${pick(r, ['31', '32', '51', '53', '62', '64'])}-${line()}-${digits(r, 4)}`;
    case 2:
      return `+82 10-${line()}-${digits(r, 4)}`;
    case 3:
      return `010${line()}${digits(r, 4)}`;
    default:
      return `010-${line()}-${digits(r, 4)}`;
  }
}

const mailNames =
  words(`minji|jihoon|seoyeon|hyunwoo|sora|kim.daeho|lee_jiwon|park.sy|choi2|jane.doe|
  mark|support.team|hello|jyp|yuna.k|d.kang`);
const mailHosts =
  words(`gmail.com|naver.com|daum.net|kakao.com|hanmail.net|outlook.com|example.co.kr|
  company.kr|korea.ac.kr|mail.hanbit.co.kr`);

const makeValue: Partial<Record<PiiType, (r: Rng) => string>> = {
  kr_rrn: (r) => registrationNumber(r, false),
  kr_frn: (r) => registrationNumber(r, true),
  phone: phoneNumber,
  email: (r) => `${pick(r, mailNames)}${r() < 0.5 ? int(r, 1, 999) : ''}@${pick(r, mailHosts)}`,
  credit_card: cardNumber,
  kr_brn: businessNumber,
  kr_passport: (r) =>
    `M${r() < 0.5 ? digits(r, 8) : `${digits(r, 3)}${String.fromCharCode(int(r, 65, 90))}${digits(r, 4)}`}`,
  kr_driver_license: (r) =>
    `${pick(r, [11, 12, 13, 14, 15, 16, 19, 20, 21, 24, 26, 28])}-${digits(r, 2)}-${digits(r, 6)}-${digits(r, 2)}`,
  ip_address: (r) =>
    r() < 0.15
      ? `2001:db8:${int(r, 0x100, 0xfff).toString(16)}::${int(r, 1, 0xffff).toString(16)}`
      : `${int(r, 11, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`,
};

/** 5,000 to 2,000,000 in whole thousands, with thousands separators. */
function amount(r: Rng): string {
  const k = int(r, 5, 2000);
  return k >= 1000 ? `${Math.floor(k / 1000)},${pad(k % 1000, 3)},000` : `${k},000`;
}

function slotValue(r: Rng, lang: 'ko' | 'en', slot: string): string {
  switch (slot) {
    case 'n':
      return String(int(r, 2, 48));
    case 'd':
      return lang === 'ko'
        ? `${int(r, 2021, 2025)}년 ${int(r, 1, 12)}월 ${int(r, 1, 28)}일`
        : `${int(r, 2021, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
    case 'a':
      return lang === 'ko' ? `${amount(r)}원` : `KRW ${amount(r)}`;
    case 't':
      return `${int(r, 10, 21)}:${pick(r, ['00', '15', '30', '45'])}`;
    case 'o':
      return `${pick(r, ['A', 'ORD-', 'KR'])}${int(r, 2021, 2025)}${pad(int(r, 1, 12), 2)}-${digits(r, 6)}`;
    default:
      return pick(r, fill[lang][slot as keyof (typeof fill)['ko']]);
  }
}

// Templates split once into [text, slot, text, slot, ..., text]: a regex replace per sentence
// was most of the generation time.
const split = new Map<string, string[]>();

function fillSlots(r: Rng, lang: 'ko' | 'en', template: string): string {
  let parts = split.get(template);
  if (!parts) split.set(template, (parts = template.split(/\{([a-z])\}/)));
  let s = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) s += slotValue(r, lang, parts[i]!) + parts[i + 1]!;
  return s;
}

interface Planted {
  line: string;
  bytes: number;
  pii: PiiType[];
}

/** One record of `target` bytes or a little under, with PII in about one in five. */
function record(r: Rng, index: number, target: number): Planted {
  const lang = r() < 0.6 ? 'ko' : 'en';
  const pool = sentences[lang][pick(r, ['support', 'support', 'review', 'news'] as const)];
  const pii: PiiType[] =
    r() < 0.2 ? Array.from({ length: int(r, 1, 3) }, () => pick(r, plantedTypes)) : [];
  const extra = [
    ...pii.map((t) => pick(r, piiPhrases[lang][t]!).replace('{v}', makeValue[t]!(r))),
    ...(r() < 0.5 ? [fillSlots(r, lang, pick(r, decoys[lang]))] : []),
  ];
  const head = `{"id": "r${pad(index, 9)}", "lang": "${lang}", "text": `;
  // The JSON frame (head, two quotes, '}' and the newline) less the space not written before the
  // first part; each part then counts its bytes and the space before it.
  let bytes = head.length + 3;
  const parts: string[] = [];
  for (const s of extra) {
    parts.push(s);
    bytes += Buffer.byteLength(s) + 1;
  }
  while (bytes < target) {
    const s = fillSlots(r, lang, pick(r, pool));
    const more = Buffer.byteLength(s) + 1;
    if (bytes + more > target && bytes >= minRecordBytes) break;
    parts.push(s);
    bytes += more;
  }
  // The planted phrases go anywhere in the text, not always first.
  for (let i = parts.length - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  // No piece needs JSON escaping (checked at load).
  return { line: `${head}"${parts.join(' ')}"}\n`, bytes, pii };
}

/** An ASCII record of exactly `bytes`, so the file comes out at the size asked for. */
function paddingRecord(index: number, bytes: number): string {
  const head = `{"id": "r${pad(index, 9)}", "lang": "en", "text": "`;
  const room = bytes - head.length - 3;
  const text = 'This record pads the corpus to the size asked for. '
    .repeat(60)
    .slice(0, room)
    .trimEnd();
  return `${head}${text.padEnd(room, '.')}"}\n`;
}

function checkFreeSpace(sizeBytes: number, reuse: boolean): void {
  mkdirSync(corpusDir, { recursive: true });
  const { bavail, bsize } = statfsSync(corpusDir);
  const free = bavail * bsize;
  // The corpus, the redacted copy and the findings and ripgrep output each take up to its size.
  const needed = (reuse ? 2 : 3) * sizeBytes;
  if (free < needed)
    throw new Error(
      `${corpusDir}: ${Math.floor(free / MiB)} MB free, the scan benchmark needs ${Math.ceil(needed / MiB)} MB` +
        ` (hint: free space, point TMPDIR elsewhere, or set a smaller ANJEON_BENCH_SCAN_MB)`,
    );
}

export function manifestPath(corpus: string): string {
  return corpus.replace(/\.jsonl$/, '.manifest.json');
}

export function readManifest(corpus: string): CorpusManifest | null {
  const path = manifestPath(corpus);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CorpusManifest) : null;
}

/**
 * The path of a corpus of exactly `sizeBytes` (at least 1 MB), generating it when it is missing
 * or of another size. The same size always gives the same bytes.
 */
export function ensureCorpus(sizeBytes: number): string {
  if (!Number.isInteger(sizeBytes) || sizeBytes < MiB)
    throw new Error(
      `corpus size ${sizeBytes} bytes: ask for a whole number of bytes, at least 1 MB`,
    );
  const name = sizeBytes % MiB === 0 ? `${sizeBytes / MiB}mb` : `${sizeBytes}b`;
  const path = join(corpusDir, `corpus-${name}-v${generatorVersion}.jsonl`);
  const reuse =
    existsSync(path) && statSync(path).size === sizeBytes && readManifest(path) !== null;
  checkFreeSpace(sizeBytes, reuse);
  if (reuse) return path;

  process.stderr.write(`generating ${path} (${Math.round(sizeBytes / MiB)} MB)...\n`);
  const r = seeded(20250115 + sizeBytes);
  const manifest: CorpusManifest = {
    version: generatorVersion,
    bytes: 0,
    records: 0,
    recordsWithPii: 0,
    planted: {},
  };
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      const buf = Buffer.from(pending.join(''));
      for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
      pending = [];
      pendingBytes = 0;
    };
    // Normal records while the rest cannot fall below one short record; then one exact filler.
    while (sizeBytes - manifest.bytes > maxRecordBytes + minRecordBytes) {
      const rec = record(r, manifest.records, int(r, minRecordBytes, maxRecordBytes));
      pending.push(rec.line);
      pendingBytes += rec.bytes;
      manifest.bytes += rec.bytes;
      manifest.records++;
      if (rec.pii.length > 0) manifest.recordsWithPii++;
      for (const t of rec.pii) manifest.planted[t] = (manifest.planted[t] ?? 0) + 1;
      if (pendingBytes >= 8 * MiB) flush();
    }
    pending.push(paddingRecord(manifest.records++, sizeBytes - manifest.bytes));
    manifest.bytes = sizeBytes;
    flush();
  } finally {
    closeSync(fd);
  }
  if (statSync(partial).size !== sizeBytes)
    throw new Error(`${partial}: came out at ${statSync(partial).size} bytes, not ${sizeBytes}`);
  writeFileSync(manifestPath(path), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, path);
  return path;
}
