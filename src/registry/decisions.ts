// Decisions to develop further or deploy: requested on an assessment, approved by role, final once all agree.
//
// Two rules hold whatever anyone clicks: a decision is never approved while the engine says the gate is
// blocked, and an approval counts only for the evidence it was given on (if the evidence changes
// before the decision is final, earlier approvals are void and must be given again).

import { AnjeonError } from '../errors.js';
import type { Assessment } from '../frameworks/assess.js';
import type { IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import { actions, type Action } from '../frameworks/schema.js';
import { canonicalJson, sha256 } from '../store/canonical-json.js';
import type { ApprovalsTable, DecisionsTable } from '../store/schema.js';
import {
  json,
  parseJson,
  requirePermission,
  today,
  writeAs,
  type RegistryContext,
} from './context.js';
import { fitEvidence } from './evidence-scope.js';
import { resolveFramework, type ResolvedFramework } from './framework-store.js';
import { requireModel } from './models.js';
import { modelEvidence } from './record-evidence.js';
import { judge } from './scorecards.js';

export class GateBlocked extends AnjeonError {
  constructor(
    message: string,
    readonly assessment: Assessment,
    readonly action: Action,
  ) {
    super(
      'input',
      message,
      'the gate must allow the action first: record the evidence or safeguards it asks for',
      assessment.gates[action].reasons,
    );
  }

  /** CONTRACTS.md: 3 is a gate that is blocked. */
  override get exitCode(): number {
    return 3;
  }
}

interface Current {
  resolved: ResolvedFramework;
  evidence: Evidence;
  assessment: Assessment;
  fingerprint: string;
}

/**
 * The evidence a decision rests on: what its framework reads (its own results and safeguards, the
 * common vocabulary when it has a crosswalk, events, context, the model's compute) and the framework
 * text. A change to any of it voids the approvals given before.
 */
function fingerprint(recorded: Evidence, resolved: ResolvedFramework): string {
  const def = resolved.framework.definition;
  const evidence = fitEvidence(resolved.framework, recorded);
  const crosswalk = def.crosswalk !== undefined;
  // fitEvidence kept only the unscoped results this framework reads; capabilities count with a crosswalk.
  const evaluations = evidence.evaluations.filter((e) =>
    e.framework === undefined
      ? Object.keys(e.results).length > 0 || (crosswalk && Object.keys(e.capabilities).length > 0)
      : e.framework === def.id,
  );
  const s = evidence.safeguards;
  const safeguards = {
    security: s.security ?? null,
    deployment: s.deployment ?? null,
    implemented: s.implemented,
    own: s.by_framework[def.id] ?? null,
    common: crosswalk ? (s.common ?? null) : null,
  };
  const basis = {
    model: evidence.model,
    evaluations,
    safeguards,
    events: evidence.events,
    context: evidence.context,
  };
  return sha256(canonicalJson({ evidence: basis, framework: resolved.sha256 }));
}

async function current(
  ctx: RegistryContext,
  modelId: string,
  framework: string,
  asOf: IsoDate,
): Promise<Current> {
  const resolved = await resolveFramework(ctx, framework);
  const evidence = await modelEvidence(ctx, modelId, asOf);
  return {
    resolved,
    evidence,
    assessment: judge(resolved, evidence, asOf),
    fingerprint: fingerprint(evidence, resolved),
  };
}

export interface DecisionRequest {
  model: string;
  framework: string;
  action: string;
  note?: string;
  roles?: string[];
}

export async function requestDecision(
  ctx: RegistryContext,
  input: DecisionRequest,
): Promise<DecisionView> {
  requirePermission(ctx, 'contributor');
  if (!(actions as readonly string[]).includes(input.action)) {
    throw new AnjeonError('usage', `--action ${input.action} is not one of ${actions.join(', ')}`);
  }
  const action = input.action as Action;
  await requireModel(ctx, input.model);
  const asOf = today(ctx);
  const now = await current(ctx, input.model, input.framework, asOf);
  const roles = input.roles?.length ? input.roles : ctx.policy.approvals[action];
  const id = await writeAs(ctx, 'contributor', async (w) => {
    const id = await w.nextId('dec');
    await w.tx
      .insertInto('decisions')
      .values({
        id,
        model_id: input.model,
        framework_id: now.resolved.id,
        framework_sha256: now.resolved.sha256,
        action,
        status: 'pending',
        note: input.note ?? null,
        required_roles: json(roles),
        requested_by: w.actor,
        requested_at: w.at,
        as_of: asOf,
        snapshot: json(now.assessment),
        fingerprint: now.fingerprint,
        decided_at: null,
        final_snapshot: null,
      })
      .execute();
    await w.ledger.record('decision.request', 'decisions', { id });
    return id;
  });
  return showDecision(ctx, id);
}

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

async function requireDecision(ctx: RegistryContext, id: string): Promise<DecisionsTable> {
  const row = await ctx.store.db
    .selectFrom('decisions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new AnjeonError('not_found', `no decision ${id}`, 'list them with: anjeon decision list');
  return row;
}

/** Which required roles the valid approvals fill, each by a different person. */
function filled(
  required: string[],
  approvals: ApprovalsTable[],
  currentFingerprint: string | null,
) {
  const valid = approvals.filter(
    (a) =>
      a.verdict === 'approve' &&
      (currentFingerprint === null || a.fingerprint === currentFingerprint),
  );
  const awaiting = [...required];
  for (const a of valid) {
    const i = awaiting.indexOf(a.role ?? '');
    if (i >= 0) awaiting.splice(i, 1);
  }
  return { valid, awaiting };
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

export interface Verdict {
  decision: string;
  verdict: 'approve' | 'reject';
  role?: string;
  comment?: string;
}

/** Records an approval or a rejection; the last approval needed makes the decision final. */
export async function decide(ctx: RegistryContext, input: Verdict): Promise<DecisionView> {
  const actor = requirePermission(ctx, 'approver');
  const row = await requireDecision(ctx, input.decision);
  if (row.status !== 'pending')
    throw new AnjeonError(
      'input',
      `${row.id} is already ${row.status}; a final decision does not change`,
    );
  if (input.verdict === 'reject' && !input.comment)
    throw new AnjeonError('usage', 'a rejection needs --comment saying why');
  if (row.requested_by === actor.id && !ctx.policy.self_approval && input.verdict === 'approve') {
    throw new AnjeonError(
      'input',
      `${actor.id} requested ${row.id} and cannot also approve it`,
      'another approver must; or set self_approval: true in config.yaml',
    );
  }
  const now = await current(ctx, row.model_id, row.framework_id, today(ctx));
  const action = row.action as Action;
  if (input.verdict === 'approve' && !now.assessment.gates[action].allowed) {
    throw new GateBlocked(
      `${row.id} cannot be approved: the ${action} gate of ${row.model_id} under ${row.framework_id} is blocked`,
      now.assessment,
      action,
    );
  }
  await writeAs(ctx, 'approver', async (w) => {
    // Read the evidence again inside the write: the approval must rest on what is recorded now.
    const inside = fingerprint(
      await modelEvidence(ctx, row.model_id, today(ctx), w.tx),
      now.resolved,
    );
    if (inside !== now.fingerprint)
      throw new AnjeonError(
        'runtime',
        `the evidence of ${row.model_id} changed while approving ${row.id}; run the command again`,
      );
    const approvals = await w.tx
      .selectFrom('approvals')
      .selectAll()
      .where('decision_id', '=', row.id)
      .orderBy('seq')
      .execute();
    const required = parseJson<string[]>(row.required_roles);
    const role =
      input.verdict === 'approve'
        ? chooseRole(actor.id, actor.roles, required, approvals, now.fingerprint, input.role)
        : (input.role ?? null);
    const seq = approvals.length + 1;
    await w.tx
      .insertInto('approvals')
      .values({
        decision_id: row.id,
        seq,
        actor: actor.id,
        role,
        verdict: input.verdict,
        comment: input.comment ?? null,
        fingerprint: now.fingerprint,
        at: w.at,
      })
      .execute();
    await w.ledger.record(`decision.${input.verdict}`, 'approvals', { decision_id: row.id, seq });
    const all = [
      ...approvals,
      {
        decision_id: row.id,
        seq,
        actor: actor.id,
        role,
        verdict: input.verdict,
        comment: null,
        fingerprint: now.fingerprint,
        at: w.at,
      },
    ];
    const status =
      input.verdict === 'reject'
        ? 'rejected'
        : filled(required, all, now.fingerprint).awaiting.length === 0
          ? 'approved'
          : 'pending';
    if (status !== 'pending') {
      await w.tx
        .updateTable('decisions')
        .set({ status, decided_at: w.at, final_snapshot: json(now.assessment) })
        .where('id', '=', row.id)
        .execute();
      await w.ledger.record(`decision.${status}`, 'decisions', { id: row.id });
    }
  });
  return showDecision(ctx, row.id);
}

function chooseRole(
  actor: string,
  held: string[],
  required: string[],
  approvals: ApprovalsTable[],
  fingerprintNow: string,
  asked?: string,
): string {
  const { valid, awaiting } = filled(required, approvals, fingerprintNow);
  if (valid.some((a) => a.actor === actor))
    throw new AnjeonError(
      'input',
      `${actor} has already approved this decision on the current evidence`,
    );
  const candidates = awaiting.filter((r) => held.includes(r));
  if (asked !== undefined) {
    if (!held.includes(asked))
      throw new AnjeonError(
        'input',
        `${actor} does not hold the role ${asked}`,
        `their roles: ${held.join(', ') || 'none'}`,
      );
    if (!awaiting.includes(asked))
      throw new AnjeonError(
        'input',
        `no approval as ${asked} is awaited`,
        `awaiting: ${awaiting.join(', ') || 'none'}`,
      );
    return asked;
  }
  if (candidates.length === 0) {
    throw new AnjeonError(
      'input',
      `${actor} holds none of the roles this decision awaits (${awaiting.join(', ')})`,
      `an admin can grant one: anjeon user add ${actor} --permission approver --roles ${awaiting[0] ?? 'ROLE'}`,
    );
  }
  return candidates[0]!;
}
