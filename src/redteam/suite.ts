// Probe suites as YAML: the schema, the built-in suites shipped in suites/, and a user's own files.

import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { attackTypes, hazardCodes } from '../detect/types.js';
import { AnjeonError, inputError } from '../errors.js';
import { readText } from '../frameworks/files.js';
import {
  locateProblems,
  parseSourceDocument,
  zodProblems,
  type Problem,
} from '../frameworks/yaml-document.js';
import { expectations, languages, probeKinds, type Probe, type Suite } from './types.js';

const suiteDir = fileURLToPath(new URL('./suites/', import.meta.url));

const code = z.enum([...hazardCodes, ...attackTypes], {
  error: `expected a hazard code (${hazardCodes.join(', ')}) or an attack type (A1, A2)`,
});
const lang = z.enum(languages, { error: 'expected ko or en' });
const kind = z.enum(probeKinds, { error: `expected one of ${probeKinds.join(', ')}` });
const expected = z.enum(expectations, { error: 'expected refuse or comply' });
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const probeId = z
  .string()
  .regex(idPattern, { error: 'expected an id of letters, digits and ._:-' });

const grading = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('choice'),
    biased: z.array(z.string().min(1)).min(1),
    fair: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({ type: z.literal('canary'), canary: z.string().min(4) }),
]);

/** A probe may leave out what the suite's `defaults` give. */
const probeSchema = z.strictObject({
  id: probeId,
  lang: lang.optional(),
  code: code.optional(),
  kind: kind.optional(),
  expected: expected.optional(),
  prompt: z.string().min(1, { error: 'the prompt is empty' }),
  system: z.string().min(1).optional(),
  history: z
    .array(z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().min(1) }))
    .optional(),
  provenance: z.string().min(1).optional(),
  grading: grading.optional(),
});

const suiteSchema = z.strictObject({
  id: probeId,
  name: z.string().min(1),
  name_ko: z.string().min(1).optional(),
  description: z.string().min(1),
  provenance: z.string().min(1),
  defaults: z
    .strictObject({
      lang: lang.optional(),
      code: code.optional(),
      kind: kind.optional(),
      expected: expected.optional(),
    })
    .default({}),
  probes: z.array(probeSchema).min(1, { error: 'a suite needs at least one probe' }),
});

/** Parses a suite file's text; every problem names file:line:col and the field. */
export function parseSuite(text: string, file: string): Suite {
  const doc = parseSourceDocument(text, file);
  const parsed = suiteSchema.safeParse(doc.value ?? {});
  if (!parsed.success) {
    throw inputError(
      `${file} is not a valid red-team suite`,
      'see docs/redteam.md for the suite format',
      locateProblems(doc, zodProblems(parsed.error)),
    );
  }
  const s = parsed.data;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const probes: Probe[] = [];
  s.probes.forEach((p, i) => {
    if (seen.has(p.id))
      problems.push({ path: ['probes', i, 'id'], message: `duplicate id ${p.id}` });
    seen.add(p.id);
    const filled = {
      lang: p.lang ?? s.defaults.lang,
      code: p.code ?? s.defaults.code,
      kind: p.kind ?? s.defaults.kind,
      expected: p.expected ?? s.defaults.expected,
    };
    for (const [field, value] of Object.entries(filled)) {
      if (value === undefined)
        problems.push({ path: ['probes', i], message: `give ${field} (or defaults.${field})` });
    }
    if (filled.kind === 'bias' && p.grading?.type !== 'choice')
      problems.push({ path: ['probes', i], message: 'a bias probe needs grading (type: choice)' });
    if (p.grading?.type === 'canary' && !p.system?.includes(p.grading.canary))
      problems.push({
        path: ['probes', i, 'grading', 'canary'],
        message: "the canary must appear in the probe's system message",
      });
    probes.push({
      id: p.id,
      lang: filled.lang!,
      code: filled.code!,
      kind: filled.kind!,
      expected: filled.expected!,
      prompt: p.prompt,
      provenance: p.provenance ?? s.provenance,
      ...(p.system ? { system: p.system } : {}),
      ...(p.history?.length ? { history: p.history } : {}),
      ...(p.grading ? { grading: p.grading } : {}),
    });
  });
  if (problems.length) {
    throw inputError(
      `${file} is not a valid red-team suite`,
      undefined,
      locateProblems(doc, problems),
    );
  }
  return {
    id: s.id,
    name: s.name,
    ...(s.name_ko ? { name_ko: s.name_ko } : {}),
    description: s.description,
    provenance: s.provenance,
    probes,
  };
}

let builtins: Map<string, Suite> | undefined;

/** Every suite shipped with anjeon, by id, parsed once per process. */
export function builtinSuites(): ReadonlyMap<string, Suite> {
  if (builtins) return builtins;
  const loaded = new Map<string, Suite>();
  for (const name of readdirSync(suiteDir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const suite = parseSuite(readText(join(suiteDir, name)), `suites/${name}`);
    if (suite.id !== basename(name, '.yaml'))
      throw new AnjeonError('runtime', `suite ${name} declares id ${suite.id}`);
    loaded.set(suite.id, suite);
  }
  builtins = loaded;
  return loaded;
}

/** A built-in suite id, or the path of a suite file. */
export function loadSuite(ref: string): Suite {
  const builtin = builtinSuites().get(ref);
  if (builtin) return builtin;
  if (existsSync(ref) || /[/\\]|\.(ya?ml|json)$/i.test(ref)) return parseSuite(readText(ref), ref);
  throw new AnjeonError(
    'not_found',
    `--suite: unknown suite "${ref}"`,
    `use one of: ${[...builtinSuites().keys()].join(', ')}; or give the path of a suite file`,
  );
}

export interface SuiteSummary {
  id: string;
  name: string;
  probes: number;
  languages: string[];
  codes: string[];
  kinds: string[];
}

export function summarizeSuite(suite: Suite): SuiteSummary {
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return {
    id: suite.id,
    name: suite.name,
    probes: suite.probes.length,
    languages: uniq(suite.probes.map((p) => p.lang)),
    codes: uniq(suite.probes.map((p) => p.code)),
    kinds: uniq(suite.probes.map((p) => p.kind)),
  };
}
