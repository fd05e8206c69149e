// The develop and deploy gates: every rule that can block an action, checked and explained.

import {
  evaluateCondition,
  fieldRank,
  type ConditionFacts,
  type JudgedDomain,
} from './conditions.js';
import { contextPresent } from './context.js';
import type { Framework } from './definition.js';
import { scaleOf } from './definition.js';
import type { Note } from './messages.js';
import type { ResolvedEvidence } from './resolve.js';
import {
  actions,
  type Action,
  type FrameworkDefinition,
  type GateRule,
  type Requirement,
} from './schema.js';

export interface GateCheck {
  rule: string;
  passed: boolean;
  note: Note;
  domain?: string;
}

export interface RequiredSafeguardState {
  id: string;
  kind: 'safeguard' | 'security' | 'deployment';
  met: boolean;
  required?: string;
  actual?: string | null;
  blocks: Action[];
  rules: string[];
  note: Note;
}

interface GateInputs {
  framework: Framework;
  facts: ConditionFacts;
  resolved: ResolvedEvidence;
  /** Whether the evidence is overdue for re-evaluation (only blocks where the framework says so). */
  stale: boolean;
  classified: boolean | null;
}

export function judgeGates(inputs: GateInputs): {
  checks: Record<Action, GateCheck[]>;
  required: RequiredSafeguardState[];
} {
  const def = inputs.framework.definition;
  const checks: Record<Action, GateCheck[]> = { develop: [], deploy: [] };
  for (const action of actions) {
    checks[action].push(...evaluatedChecks(inputs.facts));
    for (const rule of def.gates[action])
      checks[action].push(...ruleChecks(rule, action, inputs.facts));
    checks[action].push(...contextChecks(def, action, inputs.facts.context));
    if (inputs.classified === false && (def.classification?.required_for ?? []).includes(action)) {
      checks[action].push({
        rule: 'classification',
        passed: false,
        note: {
          key: 'gate.not_classified',
          params: { path: def.classification!.requires, action },
        },
      });
    }
    if (inputs.stale && def.stale_evidence_blocks.includes(action)) {
      checks[action].push({
        rule: 'stale-evidence',
        passed: false,
        note: { key: 'gate.stale', params: { action } },
      });
    }
  }
  const required: RequiredSafeguardState[] = [];
  for (const requirement of def.requirements) {
    const result = evaluateCondition(requirement.when, inputs.facts);
    if (!result.holds) continue;
    for (const state of requirementStates(inputs, requirement, result.because)) {
      mergeRequired(required, state, inputs.framework);
      for (const action of requirement.blocks) {
        checks[action].push({ rule: requirement.id, passed: state.met, note: state.note });
      }
    }
  }
  return { checks, required };
}

/** A gating domain that was never evaluated blocks both actions: missing evidence is never safe. */
function evaluatedChecks(facts: ConditionFacts): GateCheck[] {
  const gating = [...facts.domains.values()].filter((d) => d.definition.gating);
  if (gating.length === 0) return [];
  const missing = gating.filter((d) => !d.chosen);
  if (missing.length === 0) {
    return [
      {
        rule: 'evidence',
        passed: true,
        note: { key: 'gate.all_evaluated', params: { count: gating.length } },
      },
    ];
  }
  return missing.map((d) => ({
    rule: 'evidence',
    passed: false,
    domain: d.definition.id,
    note: { key: 'gate.not_evaluated', params: { domain: d.definition.id } },
  }));
}

function ruleChecks(rule: GateRule, action: Action, facts: ConditionFacts): GateCheck[] {
  if ('block_when' in rule) {
    const result = evaluateCondition(rule.block_when, facts);
    return [
      {
        rule: rule.id,
        passed: !result.holds,
        note: result.holds
          ? {
              key: 'gate.block_rule',
              params: {
                rule: rule.id,
                message: rule.message,
                message_ko: rule.message_ko ?? rule.message,
              },
              because: result.because,
            }
          : { key: 'gate.block_rule_clear', params: { rule: rule.id, action } },
      },
    ];
  }
  const { field, at_most, domains } = rule.ceiling;
  const selected = [...facts.domains.values()].filter((d) =>
    domains ? domains.includes(d.definition.id) : d.definition.gating,
  );
  const failures: GateCheck[] = [];
  for (const d of selected) {
    if (!d.chosen) continue;
    const rank = fieldRank(d.chosen, field);
    if (rank > d.scale.rank.get(at_most)!)
      failures.push(ceilingFailure(rule.id, action, field, at_most, d, rank));
  }
  if (failures.length) return failures;
  return [
    {
      rule: rule.id,
      passed: true,
      note: { key: `gate.ceiling_ok.${field}`, params: { rule: rule.id, limit: at_most, action } },
    },
  ];
}

function ceilingFailure(
  rule: string,
  action: Action,
  field: 'level' | 'pre' | 'post',
  limit: string,
  d: JudgedDomain,
  rank: number,
): GateCheck {
  return {
    rule,
    passed: false,
    domain: d.definition.id,
    note: {
      key: `gate.ceiling.${field}`,
      params: {
        rule,
        action,
        limit,
        domain: d.definition.id,
        level: d.scale.levels[rank]!.id,
        evaluation: d.chosen!.label,
      },
      because: d.chosen!.basis,
    },
  };
}

function contextChecks(
  def: FrameworkDefinition,
  action: Action,
  context: Record<string, unknown>,
): GateCheck[] {
  return def.context
    .filter((input) => input.required_for.includes(action) && !contextPresent(context, input.path))
    .map((input) => ({
      rule: `context.${input.path}`,
      passed: false,
      note: { key: 'gate.context_missing', params: { path: input.path, action } },
    }));
}

function requirementStates(
  inputs: GateInputs,
  r: Requirement,
  because: Note[],
): RequiredSafeguardState[] {
  const { framework, resolved } = inputs;
  const def = framework.definition;
  const states: RequiredSafeguardState[] = [];
  const base = { blocks: r.blocks, rules: [r.id] };
  for (const id of r.require.safeguards ?? []) {
    const met = resolved.implemented.has(id);
    states.push({
      ...base,
      id,
      kind: 'safeguard',
      met,
      note: {
        key: met ? 'safeguard.met' : 'safeguard.unmet',
        params: { rule: r.id, safeguard: id },
        because,
      },
    });
  }
  for (const kind of ['security', 'deployment'] as const) {
    const need = r.require[kind];
    if (!need) continue;
    const sl = def.safeguard_levels[kind]!;
    const scale = scaleOf(framework, sl.scale);
    const actual = resolved[kind] ?? sl.missing ?? null;
    const met = actual !== null && scale.rank.get(actual)! >= scale.rank.get(need.at_least)!;
    const given = resolved[kind] !== null;
    states.push({
      ...base,
      id: kind,
      kind,
      met,
      required: need.at_least,
      actual,
      note: {
        key: met
          ? `safeguard.${kind}_met`
          : given || actual !== null
            ? `safeguard.${kind}_low`
            : `safeguard.${kind}_missing`,
        params: {
          rule: r.id,
          required: need.at_least,
          actual: actual ?? '',
          assumed: given ? '' : 'yes',
        },
        because,
      },
    });
  }
  return states;
}

/** One entry per safeguard: the strictest level asked for, every rule that asked, every action blocked. */
function mergeRequired(
  list: RequiredSafeguardState[],
  state: RequiredSafeguardState,
  framework: Framework,
) {
  const existing = list.find((s) => s.id === state.id);
  if (!existing)
    return void list.push({ ...state, blocks: [...state.blocks], rules: [...state.rules] });
  existing.rules.push(...state.rules.filter((r) => !existing.rules.includes(r)));
  existing.blocks.push(...state.blocks.filter((b) => !existing.blocks.includes(b)));
  if (state.kind === 'safeguard') return;
  const scale = scaleOf(framework, framework.definition.safeguard_levels[state.kind]!.scale);
  if (scale.rank.get(state.required!)! > scale.rank.get(existing.required!)!) {
    Object.assign(existing, { met: state.met, required: state.required, note: state.note });
  }
}
