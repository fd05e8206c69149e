// Safeguards as dated facts: what is in place for a model, from when, and how the engine sees them.

import { compareDates, type IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import type { SafeguardsTable } from '../store/schema.js';
import type { WriteContext } from '../store/write.js';

export const safeguardKinds = [
  'implemented',
  'security',
  'deployment',
  'common_implemented',
  'common_security',
  'common_deployment',
] as const;
export type SafeguardKind = (typeof safeguardKinds)[number];

/** Kinds that hold one value at a time: a newer fact replaces the older. */
const levelKinds = new Set<string>([
  'security',
  'deployment',
  'common_security',
  'common_deployment',
]);

export interface SafeguardFact {
  kind: SafeguardKind;
  value: string;
  framework: string | null;
  notes?: string | null;
  evidence_sha256?: string | null;
}

/** The facts an evidence file's safeguards section states; top-level levels belong to `scope`. */
export function safeguardFacts(s: Evidence['safeguards'], scope: string | null): SafeguardFact[] {
  const facts: SafeguardFact[] = [];
  if (s.security !== undefined)
    facts.push({ kind: 'security', value: s.security, framework: scope });
  if (s.deployment !== undefined)
    facts.push({ kind: 'deployment', value: s.deployment, framework: scope });
  for (const id of s.implemented) facts.push({ kind: 'implemented', value: id, framework: null });
  for (const [framework, own] of Object.entries(s.by_framework)) {
    if (own.security !== undefined)
      facts.push({ kind: 'security', value: own.security, framework });
    if (own.deployment !== undefined)
      facts.push({ kind: 'deployment', value: own.deployment, framework });
    for (const id of own.implemented) facts.push({ kind: 'implemented', value: id, framework });
  }
  const c = s.common;
  if (c?.security !== undefined)
    facts.push({ kind: 'common_security', value: String(c.security), framework: null });
  if (c?.deployment !== undefined)
    facts.push({ kind: 'common_deployment', value: String(c.deployment), framework: null });
  for (const id of c?.implemented ?? [])
    facts.push({ kind: 'common_implemented', value: id, framework: null });
  return facts;
}

export function inEffect(row: Pick<SafeguardsTable, 'since' | 'until'>, asOf: IsoDate): boolean {
  return (
    compareDates(row.since as IsoDate, asOf) <= 0 &&
    (row.until === null || compareDates(row.until as IsoDate, asOf) > 0)
  );
}

/** Later `since` wins; on the same day, the later record. */
function newer(a: SafeguardsTable, b: SafeguardsTable): boolean {
  if (a.since !== b.since) return a.since > b.since;
  if (a.recorded_at !== b.recorded_at) return a.recorded_at > b.recorded_at;
  return Number(a.id.split('-')[1]) > Number(b.id.split('-')[1]);
}

/** The rows that describe the model on `asOf`: every named safeguard in effect, the latest of each level. */
export function currentFacts(rows: SafeguardsTable[], asOf: IsoDate): SafeguardsTable[] {
  const levels = new Map<string, SafeguardsTable>();
  const named: SafeguardsTable[] = [];
  for (const row of rows) {
    if (!inEffect(row, asOf)) continue;
    if (!levelKinds.has(row.kind)) {
      named.push(row);
      continue;
    }
    const key = `${row.kind}\u0000${row.framework_id ?? ''}`;
    const held = levels.get(key);
    if (!held || newer(row, held)) levels.set(key, row);
  }
  return [...named, ...levels.values()];
}

/** The evidence `safeguards` section the engine reads, built from the facts in effect. */
export function safeguardsEvidence(rows: SafeguardsTable[], asOf: IsoDate): Evidence['safeguards'] {
  const out: Evidence['safeguards'] = { implemented: [], by_framework: {} };
  const common: NonNullable<Evidence['safeguards']['common']> = { implemented: [] };
  for (const row of currentFacts(rows, asOf)) {
    const own = row.framework_id
      ? (out.by_framework[row.framework_id] ??= { implemented: [] })
      : null;
    switch (row.kind) {
      case 'implemented':
        (own ?? out).implemented.push(row.value);
        break;
      case 'security':
      case 'deployment':
        // Unscoped levels fit several frameworks; each reads them only where they are on its scale.
        (own ?? out)[row.kind] = row.value;
        break;
      case 'common_security':
        common.security = Number(row.value);
        break;
      case 'common_deployment':
        common.deployment = Number(row.value);
        break;
      case 'common_implemented':
        common.implemented.push(row.value as (typeof common.implemented)[number]);
        break;
    }
  }
  if (common.security !== undefined || common.deployment !== undefined || common.implemented.length)
    out.common = common;
  return out;
}

/** Records the facts not already in effect, from `since`; returns the new safeguard ids. */
export async function recordSafeguardFacts(
  w: WriteContext,
  modelId: string,
  facts: SafeguardFact[],
  since: IsoDate,
): Promise<string[]> {
  if (facts.length === 0) return [];
  const rows = await w.tx
    .selectFrom('safeguards')
    .selectAll()
    .where('model_id', '=', modelId)
    .execute();
  const current = currentFacts(rows, since);
  const ids: string[] = [];
  for (const f of facts) {
    const same = current.some(
      (r) => r.kind === f.kind && r.value === f.value && r.framework_id === f.framework,
    );
    if (same) continue;
    const id = await w.nextId('sg');
    const row = {
      id,
      model_id: modelId,
      framework_id: f.framework,
      kind: f.kind,
      value: f.value,
      since,
      until: null,
      notes: f.notes ?? null,
      evidence_sha256: f.evidence_sha256 ?? null,
      recorded_at: w.at,
      recorded_by: w.actor,
    };
    await w.tx.insertInto('safeguards').values(row).execute();
    await w.ledger.record('safeguard.add', 'safeguards', { id });
    current.push(row);
    ids.push(id);
  }
  return ids;
}
