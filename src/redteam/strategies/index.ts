// The registry of attack strategies: which ids exist, applying them to a suite, and reading --strategies.

import { inputError } from '../../errors.js';
import type { Probe } from '../types.js';
import { base64Strategy } from './base64.js';
import { jamoStrategy } from './jamo.js';
import { languageSwitchStrategy } from './language-switch.js';
import { manyShotStrategy } from './many-shot.js';
import { payloadSplitStrategy } from './payload-split.js';
import { prefixInjectionStrategy } from './prefix-injection.js';
import { roleplayStrategy } from './roleplay.js';
import { spacingStrategy } from './spacing.js';
import type { Strategy } from './strategy.js';

export type { Strategy } from './strategy.js';

export const strategyIds = [
  'base64',
  'jamo',
  'spacing',
  'roleplay',
  'prefix-injection',
  'payload-split',
  'language-switch',
  'many-shot',
] as const;
export type StrategyId = (typeof strategyIds)[number];

export const strategies: { readonly [Id in StrategyId]: Strategy<Id> } = {
  base64: base64Strategy,
  jamo: jamoStrategy,
  spacing: spacingStrategy,
  roleplay: roleplayStrategy,
  'prefix-injection': prefixInjectionStrategy,
  'payload-split': payloadSplitStrategy,
  'language-switch': languageSwitchStrategy,
  'many-shot': manyShotStrategy,
};

/**
 * The probes as given, then each strategy's variants in the order the strategies were named, each
 * in the probes' order: the same inputs always give the same list (resume relies on it).
 */
export function applyStrategies(probes: Probe[], ids: StrategyId[]): Probe[] {
  const out = [...probes];
  for (const id of new Set(ids)) {
    const strategy: Strategy = strategies[id];
    for (const probe of probes) if (strategy.appliesTo(probe)) out.push(strategy.apply(probe));
  }
  return out;
}

function isStrategyId(id: string): id is StrategyId {
  return (strategyIds as readonly string[]).includes(id);
}

/** Reads `--strategies a,b`; an unknown id is an input error that lists the valid ones. */
export function parseStrategyList(text: string): StrategyId[] {
  const ids: StrategyId[] = [];
  for (const raw of text.split(',')) {
    const id = raw.trim();
    if (id === '') continue;
    if (!isStrategyId(id))
      throw inputError(
        `--strategies: unknown strategy "${id}"`,
        `use a comma-separated list of: ${strategyIds.join(', ')}`,
      );
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
