// The format registry: each input format's splitter (main thread) and codec (workers).

import { parseFieldPaths } from '../field-path.js';
import { csvCodec } from './csv.js';
import type { RecordCodec, ScanFormat } from './format.js';
import { jsonlCodec } from './jsonl.js';
import { parquetCodec } from './parquet.js';
import { txtCodec } from './txt.js';

/** Everything a worker needs to build the codec; plain data, so it crosses to a worker thread. */
export type CodecSpec =
  | { format: 'jsonl' | 'parquet'; fields: string; idField: string }
  | {
      format: 'csv' | 'tsv';
      delimiter: string;
      columns: string[];
      fields: string[];
      idField: string;
    }
  | { format: 'txt'; mode: 'line' | 'block' };

export function codecFor(spec: CodecSpec): RecordCodec {
  switch (spec.format) {
    case 'jsonl':
      return jsonlCodec({ fields: parseFieldPaths(spec.fields), idField: spec.idField });
    case 'parquet':
      return parquetCodec({ fields: parseFieldPaths(spec.fields), idField: spec.idField });
    case 'csv':
    case 'tsv':
      return csvCodec(spec);
    case 'txt':
      return txtCodec(spec.mode);
  }
}

/** The format a file name suggests, looking through a .gz suffix. */
export function formatFromName(path: string): ScanFormat | null {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.txt') || name.endsWith('.text')) return 'txt';
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  return null;
}
