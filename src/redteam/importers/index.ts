// The importer registry: which tools' result files anjeon reads, how each is recognised, and the entry point.

import { readFileSync } from 'node:fs';
import { AnjeonError, inputError } from '../../errors.js';
import { garakImporter } from './garak.js';
import type { Importer, ImportedRun, ImportOptions } from './importer.js';
import { inspectImporter } from './inspect.js';
import { fileText } from './json-input.js';
import { promptfooImporter } from './promptfoo.js';

export type { ImportOptions, Skipped } from './importer.js';

export const importerIds = ['promptfoo', 'inspect', 'garak'] as const;
export type ImporterId = (typeof importerIds)[number];

const importers: Record<ImporterId, Importer> = {
  promptfoo: promptfooImporter,
  inspect: inspectImporter,
  garak: garakImporter,
};

/** An imported run: result lines in anjeon's own shape plus where they came from. */
export interface Imported extends ImportedRun {
  tool: ImporterId;
}

/** How much of a file detection looks at. */
export const detectionBytes = 64 * 1024;

/** Which tool wrote a file, judged from its path and its first bytes; null when none recognises it. */
export function detectFormat(path: string, firstBytes: Uint8Array): ImporterId | null {
  const head = fileText(firstBytes.subarray(0, detectionBytes));
  return importerIds.find((id) => importers[id].detect(path, head, firstBytes)) ?? null;
}

export function isImporterId(value: string): value is ImporterId {
  return (importerIds as readonly string[]).includes(value);
}

/** Reads another tool's result file into result lines; `from` skips format detection. */
export function importResults(
  path: string,
  from?: ImporterId,
  options: ImportOptions = {},
): Imported {
  const bytes = readBytes(path);
  const tool = from ?? detectFormat(path, bytes.subarray(0, detectionBytes));
  if (!tool) {
    throw inputError(
      `${path}: not a result file anjeon can import`,
      `name the tool with --from (${importerIds.join(', ')}); anjeon reads ${importerIds
        .map((id) => importers[id].formats)
        .join('; ')}`,
    );
  }
  return { tool, ...importers[tool].read(path, bytes, options) };
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AnjeonError('not_found', `${path}: no such file`);
    if (code === 'EISDIR') throw inputError(`${path} is a directory, not a result file`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') {
      throw inputError(`${path} is too large to import at once (over 2 GiB)`, 'split it first');
    }
    throw new AnjeonError('runtime', `${path}: cannot read (${code ?? String(error)})`);
  }
}
