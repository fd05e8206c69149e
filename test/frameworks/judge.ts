// Test support: judge evidence under a preset with a fixed date, and build results for every domain.

import { assessFramework, type Assessment } from '../../src/frameworks/assess.js';
import type { IsoDate } from '../../src/frameworks/dates.js';
import type { Framework } from '../../src/frameworks/definition.js';
import { parseEvidence, type EvidenceInput } from '../../src/frameworks/evidence.js';
import { presets } from '../../src/frameworks/files.js';

export function preset(id: string): Framework {
  const framework = presets().get(id);
  if (!framework) throw new Error(`no preset ${id}`);
  return framework;
}

export function judge(
  id: string | Framework,
  evidence: EvidenceInput,
  asOf = '2025-01-15',
): Assessment {
  const framework = typeof id === 'string' ? preset(id) : id;
  return assessFramework(framework, parseEvidence(evidence), asOf as IsoDate);
}

type Result = { level?: string; pre?: string; post?: string; metrics?: Record<string, number> };

/** One evaluation on `date` giving `fill` to every gating domain, with `overrides` per domain. */
export function evaluation(
  id: string,
  fill: Result,
  overrides: Record<string, Result> = {},
  date = '2024-11-02',
  effective_compute?: number,
) {
  const results: Record<string, Result> = {};
  for (const d of preset(id).definition.domains) if (d.gating) results[d.id] = fill;
  Object.assign(results, overrides);
  return { date, results, ...(effective_compute ? { effective_compute } : {}) };
}

export function reasons(a: Assessment, action: 'develop' | 'deploy'): string {
  return a.gates[action].reasons.join('\n');
}
