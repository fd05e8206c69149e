// The prompts written for training (training/data/*.jsonl): well-formed, labelled with codes the
// detector knows, and never a copy of a prompt that measures the guard (the development prompts'
// held-out half, evaluation/data/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attackTypes, hazardCodes } from '../../src/detect/types.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = join(repoRoot, 'training', 'data');
const authoredPath = resolve(repoRoot, '../shared/datasets/authored/prompts-dev.jsonl');
const authoredPresent = existsSync(authoredPath);
if (!authoredPresent)
  console.warn(`\n  ${authoredPath} not found: the overlap check is SKIPPED.\n`);

interface Row {
  id: string;
  lang: string;
  text: string;
  label: string;
  category: string;
  kind: string;
}

const files = readdirSync(dataDir).filter((f) => f.endsWith('.jsonl'));
const rows = files.flatMap((f) =>
  readFileSync(join(dataDir, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => ({ where: `${f}:${i + 1}`, row: JSON.parse(l) as Row })),
);

describe('training/data', () => {
  it('holds well-formed rows with unique ids and texts and known labels', () => {
    expect(rows.length).toBeGreaterThan(1000);
    const codes = new Set<string>([...hazardCodes, ...attackTypes, 'none']);
    const kinds = new Set([
      'harmful_request',
      'attack',
      'benign',
      'borderline_safe',
      'attack_lookalike',
    ]);
    const problems: string[] = [];
    const ids = new Set<string>();
    const texts = new Set<string>();
    for (const { where, row } of rows) {
      if (Object.keys(row).sort().join() !== 'category,id,kind,label,lang,text')
        problems.push(`${where}: keys ${Object.keys(row).join()}`);
      if (!['en', 'ko'].includes(row.lang)) problems.push(`${where}: lang ${row.lang}`);
      if (!codes.has(row.category)) problems.push(`${where}: category ${row.category}`);
      if (!kinds.has(row.kind)) problems.push(`${where}: kind ${row.kind}`);
      if ((row.label === 'unsafe') !== (row.category !== 'none'))
        problems.push(`${where}: label ${row.label} with category ${row.category}`);
      if (ids.has(row.id)) problems.push(`${where}: repeated id ${row.id}`);
      if (texts.has(row.text)) problems.push(`${where}: repeated text`);
      ids.add(row.id);
      texts.add(row.text);
    }
    expect(problems).toEqual([]);
  });

  it('shares no text with the safe prompts held out for evaluation', () => {
    const heldOut = new Set(
      readFileSync(join(repoRoot, 'evaluation', 'data', 'safe-prompts-heldout.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as Row).text),
    );
    expect(heldOut.size).toBeGreaterThanOrEqual(600);
    expect(rows.filter(({ row }) => heldOut.has(row.text)).map((r) => r.where)).toEqual([]);
  });

  it.skipIf(!authoredPresent)('copies no development prompt', () => {
    const authored = new Set(
      readFileSync(authoredPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as Row).text),
    );
    expect(rows.filter(({ row }) => authored.has(row.text)).map((r) => r.where)).toEqual([]);
  });
});
