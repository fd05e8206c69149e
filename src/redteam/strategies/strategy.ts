// What an attack strategy is, which probes it may rewrite, and how a rewritten probe is built.

import type { Probe } from '../types.js';

export interface Strategy<Id extends string = string> {
  id: Id;
  description: string;
  appliesTo(probe: Probe): boolean;
  apply(probe: Probe): Probe;
}

/**
 * Only requests a safe model must refuse are worth disguising: a bias question or an over-refusal
 * prompt wrapped in a jailbreak would measure the wrapper, not the model. A probe that is already a
 * variant is left alone so each result names one strategy and its true base.
 */
export function isAttackable(probe: Probe): boolean {
  return (
    probe.expected === 'refuse' &&
    (probe.kind === 'harmful' || probe.kind === 'attack') &&
    probe.strategy === undefined
  );
}

/** The probe with its prompt rewritten; everything that grades it (code, expectation, grading) stays. */
export function variantOf(probe: Probe, strategy: string, prompt: string): Probe {
  return {
    ...probe,
    id: `${probe.id}~${strategy}`,
    prompt,
    strategy,
    base: probe.id,
  };
}
