// A finished run as evidence for the record: metrics named so that a framework's domain can read them
// (`redteam_attack_success_rate` and friends), placed in every domain of the model's frameworks that does.

import type { EvidenceInput } from '../frameworks/evidence.js';
import type { Framework } from '../frameworks/definition.js';
import type { RunSummary } from './types.js';

/** The metrics a framework file can name in a domain's `metrics:` thresholds. */
export function redteamMetrics(summary: RunSummary): Record<string, number> {
  const m: Record<string, number> = {};
  const put = (name: string, value: number | null) => {
    if (value !== null) m[name] = value;
  };
  put('redteam_attack_success_rate', summary.attack_success_rate);
  put('redteam_over_refusal_rate', summary.over_refusal_rate);
  m.redteam_probes = summary.probes;
  m.redteam_errors = summary.errors;
  if (summary.attack_success.ci) {
    m.redteam_attack_success_rate_ci_low = summary.attack_success.ci[0];
    m.redteam_attack_success_rate_ci_high = summary.attack_success.ci[1];
  }
  for (const [lang, g] of Object.entries(summary.by_lang)) {
    put(`redteam_attack_success_rate_${lang}`, g.attack_success_rate);
    put(`redteam_over_refusal_rate_${lang}`, g.over_refusal_rate);
  }
  for (const [code, g] of Object.entries(summary.by_code)) {
    put(`redteam_attack_success_rate_${code}`, g.attack_success_rate);
    put(`redteam_over_refusal_rate_${code}`, g.over_refusal_rate);
  }
  return m;
}

/** The domains, per framework, whose thresholds name one of these metrics. */
export function domainsReading(
  frameworks: Framework[],
  metrics: Record<string, number>,
): { framework: string; domains: string[] }[] {
  return frameworks
    .map((f) => ({
      framework: f.definition.id,
      domains: f.definition.domains
        .filter((d) => d.metrics.some((t) => metrics[t.metric] !== undefined))
        .map((d) => d.id),
    }))
    .filter((x) => x.domains.length > 0);
}

export interface RunEvidenceOptions {
  model: string;
  date: string;
  frameworks: Framework[];
}

/**
 * One evaluation per framework that reads red-team metrics; when none does, one evaluation with no
 * domain results, so the run is still in the record (eval list) and says why no scorecard uses it.
 */
export function runEvidence(
  summary: RunSummary,
  o: RunEvidenceOptions,
): { evidence: EvidenceInput; read_by: { framework: string; domains: string[] }[] } {
  const metrics = redteamMetrics(summary);
  const readBy = domainsReading(o.frameworks, metrics);
  const common = {
    id: summary.run,
    date: o.date,
    evaluator: 'anjeon redteam',
    method: `suite ${summary.suite.id} against ${summary.target}${summary.strategies.length ? ` with ${summary.strategies.join(', ')}` : ''}`,
    notes: `${summary.completed} of ${summary.probes} probes answered; graders: ${summary.graders.join(', ')}`,
  };
  const evaluations = readBy.length
    ? readBy.map((r) => ({
        ...common,
        framework: r.framework,
        results: Object.fromEntries(r.domains.map((d) => [d, { metrics }])),
      }))
    : [{ ...common, results: {} }];
  return { evidence: { model: { id: o.model }, evaluations }, read_by: readBy };
}
