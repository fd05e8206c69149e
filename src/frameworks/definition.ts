// Turns a framework file into a checked, ready-to-judge framework: schema first, then cross-references.

import { inputError } from '../errors.js';
import {
  frameworkSchema,
  type Condition,
  type DomainDefinition,
  type FrameworkDefinition,
} from './schema.js';
import {
  locateProblems,
  parseSourceDocument,
  zodProblems,
  type FieldPath,
  type Problem,
} from './yaml-document.js';

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
  const problems = crossReferenceProblems(framework);
  if (problems.length > 0) {
    throw inputError(
      `${file} is not a valid framework definition`,
      'every id a rule names must be declared in the same file',
      locateProblems(doc, problems),
    );
  }
  return framework;
}

/** Checks that every scale, level, domain, safeguard and tier a rule names is declared. */
function crossReferenceProblems(framework: Framework): Problem[] {
  const def = framework.definition;
  const problems: Problem[] = [];
  const add = (path: FieldPath, message: string) => problems.push({ path, message });
  const domains = new Map(def.domains.map((d) => [d.id, d]));
  const safeguards = new Set(def.safeguards.map((s) => s.id));
  const contextPaths = new Set(def.context.map((c) => c.path));

  for (const [id, scale] of framework.scales) {
    if (scale.rank.size !== scale.levels.length) add(['scales', id, 'levels'], 'level ids repeat');
  }
  duplicates(def.domains.map((d) => d.id)).forEach((id) =>
    add(['domains'], `domain ${id} repeats`),
  );
  duplicates(def.safeguards.map((s) => s.id)).forEach((id) =>
    add(['safeguards'], `safeguard ${id} repeats`),
  );
  const ruleIds = [
    ...def.gates.develop,
    ...def.gates.deploy,
    ...def.requirements,
    ...def.triggers,
    ...def.warnings,
  ].map((r) => r.id);
  duplicates(ruleIds).forEach((id) => add([], `rule id ${id} is used twice`));

  const hasLevel = (scaleId: string, level: string) =>
    framework.scales.get(scaleId)?.rank.has(level) ?? false;
  const knownScale = (path: FieldPath, scaleId: string) => {
    if (framework.scales.has(scaleId)) return true;
    add(path, `no scale "${scaleId}" is declared under scales`);
    return false;
  };
  const checkDomainLevel = (path: FieldPath, domainIds: string[] | undefined, level: string) => {
    for (const id of domainIds ?? def.domains.map((d) => d.id)) {
      const domain = domains.get(id);
      if (!domain) add(path, `no domain "${id}" is declared`);
      else if (!hasLevel(domain.scale, level)) {
        add(path, `level "${level}" is not on scale ${domain.scale} of domain ${id}`);
      }
    }
  };

  if (def.kind === 'capability' && def.domains.length === 0) {
    add(['domains'], 'a capability framework needs at least one domain');
  }
  if (def.kind === 'classification' && !def.classification) {
    add(['classification'], 'a classification framework needs a classification section');
  }

  def.domains.forEach((d, i) => {
    if (!knownScale(['domains', i, 'scale'], d.scale)) return;
    d.metrics.forEach((m, j) => {
      if (!hasLevel(d.scale, m.level)) {
        add(['domains', i, 'metrics', j, 'level'], `level "${m.level}" is not on scale ${d.scale}`);
      }
    });
    for (const level of Object.keys(d.levels ?? {})) {
      if (!hasLevel(d.scale, level))
        add(['domains', i, 'levels', level], `not on scale ${d.scale}`);
    }
  });

  const overallScale = overallScaleId(def);
  if (def.overall && knownScale(['overall', 'scale'], def.overall.scale)) {
    for (const [domainId, map] of Object.entries(def.overall.map)) {
      const domain = domains.get(domainId);
      if (!domain) {
        add(['overall', 'map', domainId], `no domain "${domainId}" is declared`);
        continue;
      }
      for (const [from, to] of Object.entries(map)) {
        if (!hasLevel(domain.scale, from)) {
          add(['overall', 'map', domainId, from], `not on scale ${domain.scale}`);
        }
        if (!hasLevel(def.overall.scale, to)) {
          add(['overall', 'map', domainId, from], `"${to}" is not on scale ${def.overall.scale}`);
        }
      }
    }
  }

  for (const kind of ['security', 'deployment'] as const) {
    const sl = def.safeguard_levels[kind];
    if (!sl) continue;
    if (knownScale(['safeguard_levels', kind, 'scale'], sl.scale) && sl.missing !== undefined) {
      if (!hasLevel(sl.scale, sl.missing)) {
        add(['safeguard_levels', kind, 'missing'], `"${sl.missing}" is not on scale ${sl.scale}`);
      }
    }
  }

  const checkCondition = (path: FieldPath, c: Condition): void => {
    if (c.domain) {
      const level = c.domain.at_least ?? c.domain.at_most ?? c.domain.equals!;
      checkDomainLevel([...path, 'domain'], c.domain.domains, level);
      checkField([...path, 'domain', 'field'], c.domain.field, c.domain.domains);
    }
    if (c.overall) {
      const level = c.overall.at_least ?? c.overall.at_most ?? c.overall.equals!;
      if (!overallScale) add([...path, 'overall'], 'the domains share no scale; declare overall');
      else if (!hasLevel(overallScale, level)) {
        add([...path, 'overall'], `"${level}" is not on the overall scale ${overallScale}`);
      }
    }
    if (c.context && !contextPaths.has(c.context.path)) {
      add(
        [...path, 'context', 'path'],
        `context input "${c.context.path}" is not declared under context`,
      );
    }
    if (c.classification) {
      const cls = def.classification;
      const tier = c.classification.tier ?? c.classification.tier_at_least;
      if (!cls) add([...path, 'classification'], 'the framework has no classification section');
      else if (tier && !cls.tiers.includes(tier)) {
        add([...path, 'classification'], `no tier "${tier}" (tiers: ${cls.tiers.join(', ')})`);
      } else if (c.classification.flag && !cls.flags.some((f) => f.id === c.classification!.flag)) {
        add([...path, 'classification', 'flag'], `no flag "${c.classification.flag}"`);
      }
    }
    c.all?.forEach((x, i) => checkCondition([...path, 'all', i], x));
    c.any?.forEach((x, i) => checkCondition([...path, 'any', i], x));
    if (c.not) checkCondition([...path, 'not'], c.not);
  };
  const checkField = (path: FieldPath, field: string, domainIds: string[] | undefined) => {
    if (field === 'level') return;
    for (const id of domainIds ?? def.domains.map((d) => d.id)) {
      if (domains.get(id)?.result === 'level') {
        add(path, `domain ${id} has one level, not pre/post; use field: level`);
      }
    }
  };

  for (const action of ['develop', 'deploy'] as const) {
    def.gates[action].forEach((rule, i) => {
      const path = ['gates', action, i];
      if ('ceiling' in rule) {
        checkDomainLevel(
          [...path, 'ceiling', 'at_most'],
          rule.ceiling.domains,
          rule.ceiling.at_most,
        );
        checkField([...path, 'ceiling', 'field'], rule.ceiling.field, rule.ceiling.domains);
      } else checkCondition([...path, 'block_when'], rule.block_when);
    });
  }

  def.requirements.forEach((r, i) => {
    checkCondition(['requirements', i, 'when'], r.when);
    r.require.safeguards?.forEach((s, j) => {
      if (!safeguards.has(s)) {
        add(['requirements', i, 'require', 'safeguards', j], `safeguard "${s}" is not declared`);
      }
    });
    for (const kind of ['security', 'deployment'] as const) {
      const need = r.require[kind];
      if (!need) continue;
      const sl = def.safeguard_levels[kind];
      if (!sl) add(['requirements', i, 'require', kind], `declare safeguard_levels.${kind} first`);
      else if (!hasLevel(sl.scale, need.at_least)) {
        add(['requirements', i, 'require', kind], `"${need.at_least}" is not on scale ${sl.scale}`);
      }
    }
  });
  def.warnings.forEach((w, i) => checkCondition(['warnings', i, 'when'], w.when));

  const cls = def.classification;
  if (cls) {
    duplicates(cls.tiers).forEach((t) => add(['classification', 'tiers'], `tier ${t} repeats`));
    if (!cls.tiers.includes(cls.default)) {
      add(['classification', 'default'], `"${cls.default}" is not one of the tiers`);
    }
    cls.rules.forEach((r, i) => {
      if (!cls.tiers.includes(r.tier))
        add(['classification', 'rules', i, 'tier'], `no tier "${r.tier}"`);
      checkCondition(['classification', 'rules', i, 'when'], r.when);
    });
    cls.flags.forEach((f, i) => checkCondition(['classification', 'flags', i, 'when'], f.when));
  }

  const cw = def.crosswalk;
  if (cw) {
    for (const [cap, mapping] of Object.entries(cw.capabilities)) {
      const list = Array.isArray(mapping) ? mapping : [mapping];
      list.forEach((m, j) => {
        const path = ['crosswalk', 'capabilities', cap, ...(Array.isArray(mapping) ? [j] : [])];
        const domain = domains.get(m.domain);
        if (!domain) return add([...path, 'domain'], `no domain "${m.domain}" is declared`);
        m.levels.forEach((l, k) => {
          if (!hasLevel(domain.scale, l))
            add([...path, 'levels', k], `"${l}" is not on scale ${domain.scale}`);
        });
      });
    }
    for (const kind of ['security', 'deployment'] as const) {
      const sl = def.safeguard_levels[kind];
      cw[kind]?.forEach((l, k) => {
        if (!sl) add(['crosswalk', kind], `declare safeguard_levels.${kind} first`);
        else if (!hasLevel(sl.scale, l))
          add(['crosswalk', kind, k], `"${l}" is not on scale ${sl.scale}`);
      });
    }
    for (const id of Object.keys(cw.safeguards)) {
      if (!safeguards.has(id))
        add(['crosswalk', 'safeguards', id], `safeguard "${id}" is not declared`);
    }
  }
  return problems;
}

/** The scale the overall level is on: declared, or the one scale every gating domain shares. */
export function overallScaleId(def: FrameworkDefinition): string | null {
  if (def.overall) return def.overall.scale;
  const scales = new Set(def.domains.filter((d) => d.gating).map((d) => d.scale));
  return scales.size === 1 ? [...scales][0]! : null;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
