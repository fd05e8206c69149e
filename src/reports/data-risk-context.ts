// What every section of the data risk document shares: the report, the words and number formats of
// one language, and the small pieces of text the sections are made of.

import {
  hazardCodes,
  hazardNames,
  piiNames,
  piiTypes,
  type HazardCode,
  type PiiType,
} from '../detect/types.js';
import type { Lang } from '../frameworks/messages.js';
import type { ScanReport } from '../scan/report-types.js';
import { dataRiskWords, type DataRiskWords } from './data-risk-words.js';
import { joinText, literal, type Block, type Text } from './document.js';

export interface DataRiskContext {
  report: ScanReport;
  lang: Lang;
  w: DataRiskWords;
  count(n: number): string;
  /** Types and codes with at least one finding, in their canonical order. */
  piiFound: PiiType[];
  hazardsFound: HazardCode[];
}

export function dataRiskContext(report: ScanReport, lang: Lang): DataRiskContext {
  const numbers = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US');
  return {
    report,
    lang,
    w: dataRiskWords[lang],
    count: (n) => numbers.format(n),
    piiFound: piiTypes.filter((t) => (report.findings.pii[t] ?? 0) > 0),
    hazardsFound: hazardCodes.filter((c) => (report.findings.hazards[c] ?? 0) > 0),
  };
}

/** A share of a whole as a percentage; a small non-zero share never rounds to 0%. */
export function share(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const pct = (100 * part) / whole;
  if (part > 0 && pct < 0.1) return '<0.1%';
  return `${pct.toFixed(1)}%`;
}

/** `kr_rrn` Resident registration number. */
export function piiLabel(type: PiiType, lang: Lang): Text {
  return [{ code: type }, ` ${piiNames[type][lang]}`];
}

/** `S10` Hate. */
export function hazardLabel(code: HazardCode, lang: Lang): Text {
  return [{ code }, ` ${hazardNames[code][lang]}`];
}

export function literals(values: readonly string[]): Text {
  return joinText(
    values.map((v) => [literal(v)]),
    ', ',
  );
}

/** A table of keys, their label columns, and one count per key in the last column. */
export function countTable<K extends string>(
  head: string[],
  keys: readonly K[],
  counts: Partial<Record<K, number>>,
  ctx: DataRiskContext,
  label: (key: K) => Text[],
): Block {
  const rows = keys.map((k) => [...label(k), [ctx.count(counts[k] ?? 0)]]);
  return { kind: 'table', head, rows, numeric: head.map((_, i) => i === head.length - 1) };
}
