// Reading decisions: one with its approvals (void ones marked) and its gate, or a list.

import { AnjeonError } from '../errors.js';
import type { Assessment } from '../frameworks/assess.js';
import type { Action } from '../frameworks/schema.js';
import type { ApprovalsTable, DecisionsTable } from '../store/schema.js';
import { parseJson, today, type RegistryContext } from './context.js';
import { current, filled } from './decision-basis.js';

export interface ApprovalView extends Omit<ApprovalsTable, 'decision_id'> {
  /** True when the evidence changed after this approval was given (it no longer counts). */
  void: boolean;
}

export interface DecisionView {
  id: string;
  model: string;
  framework: string;
  framework_sha256: string;
  action: Action;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  requested_by: string;
  requested_at: string;
  required_roles: string[];
  /** Roles still waiting for a valid approval (empty once final). */
  awaiting: string[];
  approvals: ApprovalView[];
  /** Whether the evidence changed since the request was made. */
  evidence_changed: boolean;
  /** The gate now, for a pending decision; as it was when decided, for a final one. */
  gate: { allowed: boolean; reasons: string[] };
  snapshot: Assessment;
  decided_at: string | null;
  final_snapshot: Assessment | null;
}

export async function requireDecision(ctx: RegistryContext, id: string): Promise<DecisionsTable> {
  const row = await ctx.store.db
    .selectFrom('decisions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new AnjeonError('not_found', `no decision ${id}`, 'list them with: anjeon decision list');
  return row;
}

export async function showDecision(ctx: RegistryContext, id: string): Promise<DecisionView> {
  const row = await requireDecision(ctx, id);
  const approvals = await ctx.store.db
    .selectFrom('approvals')
    .selectAll()
    .where('decision_id', '=', id)
    .orderBy('seq')
    .execute();
  const required = parseJson<string[]>(row.required_roles);
  const pending = row.status === 'pending';
  const now = pending ? await current(ctx, row.model_id, row.framework_id, today(ctx)) : null;
  const decisive = now?.fingerprint ?? row.fingerprint;
  const finalFingerprint = pending
    ? decisive
    : (approvals.filter((a) => a.verdict === 'approve').pop()?.fingerprint ?? row.fingerprint);
  const { awaiting } = filled(required, approvals, finalFingerprint);
  const snapshot = parseJson<Assessment>(row.snapshot);
  const final = row.final_snapshot ? parseJson<Assessment>(row.final_snapshot) : null;
  const gateSource = now?.assessment ?? final ?? snapshot;
  const action = row.action as Action;
  return {
    id: row.id,
    model: row.model_id,
    framework: row.framework_id,
    framework_sha256: row.framework_sha256,
    action,
    status: row.status as DecisionView['status'],
    note: row.note,
    requested_by: row.requested_by,
    requested_at: row.requested_at,
    required_roles: required,
    awaiting: pending ? awaiting : [],
    approvals: approvals.map(({ decision_id: _d, ...a }) => ({
      ...a,
      void: a.verdict === 'approve' && a.fingerprint !== finalFingerprint,
    })),
    evidence_changed: now ? now.fingerprint !== row.fingerprint : false,
    gate: { allowed: gateSource.gates[action].allowed, reasons: gateSource.gates[action].reasons },
    snapshot,
    decided_at: row.decided_at,
    final_snapshot: final,
  };
}

export async function listDecisions(
  ctx: RegistryContext,
  filter: { model?: string; status?: string } = {},
) {
  let query = ctx.store.db
    .selectFrom('decisions')
    .select([
      'id',
      'model_id',
      'framework_id',
      'action',
      'status',
      'requested_by',
      'requested_at',
      'decided_at',
    ]);
  if (filter.model) query = query.where('model_id', '=', filter.model);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('requested_at').orderBy('id').execute();
  return rows.map(({ model_id, framework_id, ...r }) => ({
    ...r,
    model: model_id,
    framework: framework_id,
  }));
}
