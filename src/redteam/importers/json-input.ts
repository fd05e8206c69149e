// Reading JSON and JSON Lines result files so that every syntax error names the file and the line.

import { inputError } from '../../errors.js';

/** Bytes as text: UTF-8 without a leading byte-order mark. */
export function fileText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a whole-file JSON document; a syntax error says where, as file:line:column. */
export function parseJsonDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? `${file}:${lineAndColumn(text, Number(position[1]))}` : file;
    throw inputError(`${where}: not valid JSON (${message})`, 'is the file complete?');
  }
}

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

export interface JsonLines {
  lines: JsonLine[];
  /** A last line cut off mid-write (a run killed while writing), left out rather than failing. */
  truncatedLast: number | null;
}

/** Parses JSON Lines; a bad line is an input error naming file:line, except a cut-off last line. */
export function parseJsonLines(text: string, file: string): JsonLines {
  const raw = text.split('\n');
  const lines: JsonLine[] = [];
  let truncatedLast: number | null = null;
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!.trim();
    if (source === '') continue;
    try {
      lines.push({ line: i + 1, value: JSON.parse(source) });
    } catch (error) {
      const isLast = i === raw.length - 1;
      if (isLast && source.startsWith('{') && !source.endsWith('}')) {
        truncatedLast = i + 1;
        continue;
      }
      throw inputError(
        `${file}:${i + 1}: not valid JSON (${(error as Error).message})`,
        'each line of a JSON Lines file must be one complete JSON value',
      );
    }
  }
  return { lines, truncatedLast };
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${position - lineStart + 1}`;
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
