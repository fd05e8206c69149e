// The part's only I/O: reading preset and user framework files and evidence files from disk.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnjeonError, inputError } from '../errors.js';
import { parseFramework, type Framework } from './definition.js';
import { evidenceSchema, type Evidence } from './evidence.js';
import {
  locateProblems,
  parseSourceDocument,
  zodProblems,
  type SourceDocument,
} from './yaml-document.js';
import { evidenceProblems } from './resolve.js';

const presetDir = fileURLToPath(new URL('./presets/', import.meta.url));

let presetCache: Map<string, Framework> | undefined;
let presetTextCache: Map<string, string> | undefined;

/** The text of every preset file shipped with anjeon, by id (the file name). */
export function presetTexts(): ReadonlyMap<string, string> {
  presetTextCache ??= new Map(
    readdirSync(presetDir)
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((name) => [basename(name, '.yaml'), readFileSync(join(presetDir, name), 'utf8')]),
  );
  return presetTextCache;
}

/** Every preset shipped with anjeon, by id, parsed once per process. */
export function presets(): ReadonlyMap<string, Framework> {
  if (presetCache) return presetCache;
  const loaded = new Map<string, Framework>();
  for (const [id, text] of presetTexts()) {
    const framework = parseFramework(text, `presets/${id}.yaml`, id);
    if (framework.definition.id !== id) {
      throw new AnjeonError('runtime', `preset ${id}.yaml declares id ${framework.definition.id}`);
    }
    loaded.set(id, framework);
  }
  presetCache = loaded;
  return loaded;
}

/** A preset id, or the path of a framework file (an organisation's own or an adapted preset). */
export function loadFramework(ref: string): Framework {
  const preset = presets().get(ref);
  if (preset) return preset;
  if (looksLikePath(ref)) return parseFramework(readText(ref), ref);
  throw new AnjeonError(
    'not_found',
    `--framework: unknown framework "${ref}"`,
    `use one of: ${[...presets().keys()].join(', ')}; or give the path of a framework file`,
  );
}

function looksLikePath(ref: string): boolean {
  return existsSync(ref) || /[/\\]|\.(ya?ml|json)$/i.test(ref);
}

export function readText(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AnjeonError('not_found', `${file}: no such file`);
    if (code === 'EISDIR') throw inputError(`${file} is a directory, not a file`);
    throw new AnjeonError('runtime', `${file}: cannot read (${code ?? String(error)})`);
  }
}

export interface EvidenceFile {
  evidence: Evidence;
  doc: SourceDocument;
  /** The file's text as read (standard input can be read only once). */
  text: string;
}

/** Reads and checks the structure of an evidence file (YAML or JSON; `-` is standard input). */
export function readEvidence(file: string): EvidenceFile {
  const name = file === '-' ? '(stdin)' : file;
  const text = readText(file);
  const doc = parseSourceDocument(text, name);
  const parsed = evidenceSchema.safeParse(doc.value ?? {});
  if (!parsed.success) {
    throw inputError(
      `${name} is not a valid evidence file`,
      'see the evidence format in CONTRACTS.md §1 or examples/',
      locateProblems(doc, zodProblems(parsed.error)),
    );
  }
  return { evidence: parsed.data, doc, text };
}

/** Throws an input error naming every field of the evidence that the framework cannot read. */
export function checkEvidenceFits(framework: Framework, { evidence, doc }: EvidenceFile): void {
  const problems = evidenceProblems(framework, evidence);
  if (problems.length === 0) return;
  throw inputError(
    `${doc.file} does not fit framework ${framework.definition.id}`,
    `see its domains and levels with: anjeon frameworks show ${framework.definition.id}`,
    locateProblems(doc, problems),
  );
}
