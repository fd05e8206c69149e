// Checks that every scale, level, domain, safeguard, context input and tier a framework names is declared.

import type { Scale } from './definition.js';
import type { Condition, DomainDefinition, FrameworkDefinition } from './schema.js';
import type { FieldPath, Problem } from './yaml-document.js';

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

class ReferenceChecker {
  readonly problems: Problem[] = [];
  private readonly domains: Map<string, DomainDefinition>;
  private readonly safeguards: Set<string>;

  constructor(
    private readonly def: FrameworkDefinition,
    private readonly scales: ReadonlyMap<string, Scale>,
  ) {
    this.domains = new Map(def.domains.map((d) => [d.id, d]));
    this.safeguards = new Set(def.safeguards.map((s) => s.id));
  }

  add(path: FieldPath, message: string) {
    this.problems.push({ path, message });
  }

  hasLevel(scaleId: string, level: string) {
    return this.scales.get(scaleId)?.rank.has(level) ?? false;
  }

  knownScale(path: FieldPath, scaleId: string) {
    if (this.scales.has(scaleId)) return true;
    this.add(path, `no scale "${scaleId}" is declared under scales`);
    return false;
  }

  knownSafeguard(path: FieldPath, id: string) {
    if (!this.safeguards.has(id)) this.add(path, `safeguard "${id}" is not declared`);
  }

  /** A level named for some domains must be on each of their scales. */
  domainLevel(path: FieldPath, domainIds: string[] | undefined, level: string) {
    for (const id of domainIds ?? this.def.domains.map((d) => d.id)) {
      const domain = this.domains.get(id);
      if (!domain) this.add(path, `no domain "${id}" is declared`);
      else if (!this.hasLevel(domain.scale, level)) {
        this.add(path, `level "${level}" is not on scale ${domain.scale} of domain ${id}`);
      }
    }
  }

  /** pre/post can only be asked of domains scored before and after mitigation. */
  levelField(path: FieldPath, field: string, domainIds: string[] | undefined) {
    if (field === 'level') return;
    for (const id of domainIds ?? this.def.domains.map((d) => d.id)) {
      if (this.domains.get(id)?.result === 'level') {
        this.add(path, `domain ${id} has one level, not pre/post; use field: level`);
      }
    }
  }

  safeguardLevel(path: FieldPath, kind: 'security' | 'deployment', level: string) {
    const sl = this.def.safeguard_levels[kind];
    if (!sl) this.add(path, `declare safeguard_levels.${kind} first`);
    else if (!this.hasLevel(sl.scale, level))
      this.add(path, `"${level}" is not on scale ${sl.scale}`);
  }

  condition(path: FieldPath, c: Condition): void {
    if (c.domain) {
      this.domainLevel([...path, 'domain'], c.domain.domains, levelOf(c.domain));
      this.levelField([...path, 'domain', 'field'], c.domain.field, c.domain.domains);
    }
    if (c.overall) {
      const scale = overallScaleId(this.def);
      const level = levelOf(c.overall);
      if (!scale) this.add([...path, 'overall'], 'the domains share no scale; declare overall');
      else if (!this.hasLevel(scale, level)) {
        this.add([...path, 'overall'], `"${level}" is not on the overall scale ${scale}`);
      }
    }
    if (c.context && !this.def.context.some((input) => input.path === c.context!.path)) {
      this.add(
        [...path, 'context', 'path'],
        `context input "${c.context.path}" is not declared under context`,
      );
    }
    if (c.classification) this.classificationTest([...path, 'classification'], c.classification);
    c.all?.forEach((x, i) => this.condition([...path, 'all', i], x));
    c.any?.forEach((x, i) => this.condition([...path, 'any', i], x));
    if (c.not) this.condition([...path, 'not'], c.not);
  }

  private classificationTest(path: FieldPath, test: NonNullable<Condition['classification']>) {
    const cls = this.def.classification;
    const tier = test.tier ?? test.tier_at_least;
    if (!cls) this.add(path, 'the framework has no classification section');
    else if (tier && !cls.tiers.includes(tier)) {
      this.add(path, `no tier "${tier}" (tiers: ${cls.tiers.join(', ')})`);
    } else if (test.flag && !cls.flags.some((f) => f.id === test.flag)) {
      this.add([...path, 'flag'], `no flag "${test.flag}"`);
    }
  }
}

function levelOf(test: { at_least?: string; at_most?: string; equals?: string }): string {
  return test.at_least ?? test.at_most ?? test.equals!;
}

export function crossReferenceProblems(
  def: FrameworkDefinition,
  scales: ReadonlyMap<string, Scale>,
): Problem[] {
  const check = new ReferenceChecker(def, scales);
  checkDeclarations(def, scales, check);
  checkDomains(def, check);
  checkRules(def, check);
  checkClassification(def, check);
  checkCrosswalk(def, check);
  return check.problems;
}

function checkDeclarations(
  def: FrameworkDefinition,
  scales: ReadonlyMap<string, Scale>,
  check: ReferenceChecker,
) {
  for (const [id, scale] of scales) {
    if (scale.rank.size !== scale.levels.length)
      check.add(['scales', id, 'levels'], 'level ids repeat');
  }
  duplicates(def.domains.map((d) => d.id)).forEach((id) =>
    check.add(['domains'], `domain ${id} repeats`),
  );
  duplicates(def.safeguards.map((s) => s.id)).forEach((id) =>
    check.add(['safeguards'], `safeguard ${id} repeats`),
  );
  const rules = [
    ...def.gates.develop,
    ...def.gates.deploy,
    ...def.requirements,
    ...def.triggers,
    ...def.warnings,
  ];
  duplicates(rules.map((r) => r.id)).forEach((id) => check.add([], `rule id ${id} is used twice`));
  if (def.kind === 'capability' && def.domains.length === 0) {
    check.add(['domains'], 'a capability framework needs at least one domain');
  }
  if (def.kind === 'classification' && !def.classification) {
    check.add(['classification'], 'a classification framework needs a classification section');
  }
  for (const kind of ['security', 'deployment'] as const) {
    const sl = def.safeguard_levels[kind];
    if (
      !sl ||
      !check.knownScale(['safeguard_levels', kind, 'scale'], sl.scale) ||
      sl.missing === undefined
    )
      continue;
    if (!check.hasLevel(sl.scale, sl.missing)) {
      check.add(
        ['safeguard_levels', kind, 'missing'],
        `"${sl.missing}" is not on scale ${sl.scale}`,
      );
    }
  }
}

function checkDomains(def: FrameworkDefinition, check: ReferenceChecker) {
  def.domains.forEach((d, i) => {
    if (!check.knownScale(['domains', i, 'scale'], d.scale)) return;
    d.metrics.forEach((m, j) => {
      if (!check.hasLevel(d.scale, m.level)) {
        check.add(
          ['domains', i, 'metrics', j, 'level'],
          `level "${m.level}" is not on scale ${d.scale}`,
        );
      }
    });
    for (const level of Object.keys(d.levels ?? {})) {
      if (!check.hasLevel(d.scale, level))
        check.add(['domains', i, 'levels', level], `not on scale ${d.scale}`);
    }
  });
  if (!def.overall || !check.knownScale(['overall', 'scale'], def.overall.scale)) return;
  const overallScale = def.overall.scale;
  for (const [domainId, map] of Object.entries(def.overall.map)) {
    const domain = def.domains.find((d) => d.id === domainId);
    if (!domain) {
      check.add(['overall', 'map', domainId], `no domain "${domainId}" is declared`);
      continue;
    }
    for (const [from, to] of Object.entries(map)) {
      const path = ['overall', 'map', domainId, from];
      if (!check.hasLevel(domain.scale, from)) check.add(path, `not on scale ${domain.scale}`);
      if (!check.hasLevel(overallScale, to))
        check.add(path, `"${to}" is not on scale ${overallScale}`);
    }
  }
}

function checkRules(def: FrameworkDefinition, check: ReferenceChecker) {
  for (const action of ['develop', 'deploy'] as const) {
    def.gates[action].forEach((rule, i) => {
      const path = ['gates', action, i];
      if ('block_when' in rule) return check.condition([...path, 'block_when'], rule.block_when);
      check.domainLevel(
        [...path, 'ceiling', 'at_most'],
        rule.ceiling.domains,
        rule.ceiling.at_most,
      );
      check.levelField([...path, 'ceiling', 'field'], rule.ceiling.field, rule.ceiling.domains);
    });
  }
  def.requirements.forEach((r, i) => {
    check.condition(['requirements', i, 'when'], r.when);
    r.require.safeguards?.forEach((s, j) =>
      check.knownSafeguard(['requirements', i, 'require', 'safeguards', j], s),
    );
    for (const kind of ['security', 'deployment'] as const) {
      const need = r.require[kind];
      if (need) check.safeguardLevel(['requirements', i, 'require', kind], kind, need.at_least);
    }
  });
  def.warnings.forEach((w, i) => check.condition(['warnings', i, 'when'], w.when));
}

function checkClassification(def: FrameworkDefinition, check: ReferenceChecker) {
  const cls = def.classification;
  if (!cls) return;
  duplicates(cls.tiers).forEach((t) => check.add(['classification', 'tiers'], `tier ${t} repeats`));
  if (!cls.tiers.includes(cls.default)) {
    check.add(['classification', 'default'], `"${cls.default}" is not one of the tiers`);
  }
  cls.rules.forEach((r, i) => {
    if (!cls.tiers.includes(r.tier))
      check.add(['classification', 'rules', i, 'tier'], `no tier "${r.tier}"`);
    check.condition(['classification', 'rules', i, 'when'], r.when);
  });
  cls.flags.forEach((f, i) => check.condition(['classification', 'flags', i, 'when'], f.when));
}

function checkCrosswalk(def: FrameworkDefinition, check: ReferenceChecker) {
  const cw = def.crosswalk;
  if (!cw) return;
  for (const [cap, mapping] of Object.entries(cw.capabilities)) {
    const list = Array.isArray(mapping) ? mapping : [mapping];
    list.forEach((m, j) => {
      const path = ['crosswalk', 'capabilities', cap, ...(Array.isArray(mapping) ? [j] : [])];
      const domain = def.domains.find((d) => d.id === m.domain);
      if (!domain) return check.add([...path, 'domain'], `no domain "${m.domain}" is declared`);
      m.levels.forEach((l, k) => {
        if (!check.hasLevel(domain.scale, l))
          check.add([...path, 'levels', k], `"${l}" is not on scale ${domain.scale}`);
      });
    });
  }
  for (const kind of ['security', 'deployment'] as const) {
    cw[kind]?.forEach((l, k) => check.safeguardLevel(['crosswalk', kind, k], kind, l));
  }
  for (const id of Object.keys(cw.safeguards))
    check.knownSafeguard(['crosswalk', 'safeguards', id], id);
}
