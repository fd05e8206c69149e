// Turns a framework file into a checked, ready-to-judge framework: schema first, then cross-references.

import { inputError } from '../errors.js';
import { crossReferenceProblems } from './cross-references.js';
import { frameworkSchema, type DomainDefinition, type FrameworkDefinition } from './schema.js';
import { locateProblems, parseSourceDocument, zodProblems } from './yaml-document.js';

export interface Level {
  id: string;
  name: string;
  name_ko?: string;
  description?: string;
}

export interface Scale {
  id: string;
  levels: Level[];
  /** Position of each level id on the scale, lowest first. */
  rank: ReadonlyMap<string, number>;
}

export interface Framework {
  readonly definition: FrameworkDefinition;
  readonly scales: ReadonlyMap<string, Scale>;
  readonly domains: ReadonlyMap<string, DomainDefinition>;
  /** Where the framework came from: a preset id or a file path. */
  readonly origin: string;
}

export function scaleOf(framework: Framework, scaleId: string): Scale {
  const scale = framework.scales.get(scaleId);
  if (!scale) throw new Error(`framework ${framework.definition.id} has no scale ${scaleId}`);
  return scale;
}

export function domainScale(framework: Framework, domain: DomainDefinition): Scale {
  return scaleOf(framework, domain.scale);
}

function compileScales(def: FrameworkDefinition): Map<string, Scale> {
  const scales = new Map<string, Scale>();
  for (const [id, scale] of Object.entries(def.scales)) {
    const levels = scale.levels.map((l) =>
      typeof l === 'string' ? { id: l, name: l } : { ...l, name: l.name ?? l.id },
    );
    scales.set(id, { id, levels, rank: new Map(levels.map((l, i) => [l.id, i])) });
  }
  return scales;
}

/** Parses and checks framework text; throws an input error listing every problem with file:line:col. */
export function parseFramework(text: string, file: string, origin = file): Framework {
  const doc = parseSourceDocument(text, file);
  const parsed = frameworkSchema.safeParse(doc.value);
  if (!parsed.success) {
    throw inputError(
      `${file} is not a valid framework definition`,
      'see docs/writing-a-framework.md for the format',
      locateProblems(doc, zodProblems(parsed.error)),
    );
  }
  const framework: Framework = {
    definition: parsed.data,
    scales: compileScales(parsed.data),
    domains: new Map(parsed.data.domains.map((d) => [d.id, d])),
    origin,
  };
  const problems = crossReferenceProblems(framework.definition, framework.scales);
  if (problems.length > 0) {
    throw inputError(
      `${file} is not a valid framework definition`,
      'every id a rule names must be declared in the same file',
      locateProblems(doc, problems),
    );
  }
  return framework;
}
