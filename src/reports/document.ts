// A report as sections of blocks: one model that both the Markdown and the HTML renderers read, so
// the two formats of a document cannot say different things.

import type { Lang } from '../frameworks/messages.js';

/** Plain words, a literal value (a file name, a field, a sample: shown as code), or emphasis. */
export type Inline = string | { code: string } | { strong: string };
export type Text = Inline[];

export type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: Text[] }
  /** Name-value rows: a table in HTML, a list in Markdown. */
  | { kind: 'facts'; rows: [string, Text][] }
  /** `numeric` columns are right-aligned. */
  | { kind: 'table'; head: string[]; rows: Text[][]; numeric: boolean[] };

export interface Section {
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  intro: Text;
  sections: Section[];
}

const bidiControls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// After line breaks are turned into ⏎ and tabs into spaces: every other C0/C1 control.
const otherControls = /\p{Cc}/gu;

/**
 * Text read from a file, made safe to show on one line: line breaks become ⏎, invisible controls
 * are replaced, and bidi overrides (which reorder what a reader sees around them) are named.
 */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎')
    .replace(/\t/g, ' ')
    .replace(bidiControls, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`)
    .replace(otherControls, '\ufffd');
}

/** A value read from a file (a path, a field name, a sample), shown as code. */
export function literal(value: string): Inline {
  return { code: cleanText(value) };
}

/** Joins texts with a separator, e.g. a list of literals with ', '. */
export function joinText(parts: Text[], separator: string): Text {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}
