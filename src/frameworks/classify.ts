// Classification frameworks (EU AI Act, Korea's AI Basic Act): the highest tier whose rule holds, and flags.

import { contextPresent } from './context.js';
import { evaluateCondition, type ConditionFacts } from './conditions.js';
import type { FrameworkDefinition } from './schema.js';
import type { Note } from './messages.js';

export interface ClassificationResult {
  tier: string | null;
  tiers: string[];
  flags: Record<string, boolean>;
  reasons: Note[];
}

export function classify(
  def: FrameworkDefinition,
  facts: Omit<ConditionFacts, 'classification'>,
): ClassificationResult | null {
  const cls = def.classification;
  if (!cls) return null;
  const flags = Object.fromEntries(cls.flags.map((f) => [f.id, false]));
  if (!contextPresent(facts.context, cls.requires)) {
    return {
      tier: null,
      tiers: cls.tiers,
      flags,
      reasons: [{ key: 'classification.missing', params: { path: cls.requires } }],
    };
  }
  const conditionFacts = { ...facts, classification: null };
  const reasons: Note[] = [];
  let tier = cls.default;
  for (const rule of cls.rules) {
    const result = evaluateCondition(rule.when, conditionFacts);
    if (!result.holds) continue;
    reasons.push({
      key: 'classification.rule',
      params: { tier: rule.tier, source: rule.source ? `[${rule.source}]` : '' },
      because: result.because,
    });
    if (cls.tiers.indexOf(rule.tier) > cls.tiers.indexOf(tier)) tier = rule.tier;
  }
  if (reasons.length === 0) {
    reasons.push({ key: 'classification.default', params: { tier: cls.default } });
  }
  for (const flag of cls.flags) {
    const result = evaluateCondition(flag.when, conditionFacts);
    flags[flag.id] = result.holds;
    if (result.holds) {
      reasons.push({
        key: 'classification.flag',
        params: { flag: flag.id, source: flag.source ? `[${flag.source}]` : '' },
        because: result.because,
      });
    }
  }
  // Reasons for the winning tier first: they are the ones a reader looks for.
  reasons.sort((a, b) => Number(b.params.tier === tier) - Number(a.params.tier === tier));
  return { tier, tiers: cls.tiers, flags, reasons };
}
