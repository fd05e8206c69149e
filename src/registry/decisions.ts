// Decisions to develop further or deploy: requested on an assessment, approved by role, final once all agree.
//
// Two rules hold whatever anyone clicks: a decision is never approved while the engine says the gate is
// blocked, and an approval counts only for the evidence it was given on (if the evidence changes
// before the decision is final, earlier approvals are void and must be given again).

import { AnjeonError } from '../errors.js';
import type { Assessment } from '../frameworks/assess.js';
import { actions, type Action } from '../frameworks/schema.js';
import type { ApprovalsTable } from '../store/schema.js';
import {
  json,
  parseJson,
  requirePermission,
  today,
  writeAs,
  type RegistryContext,
} from './context.js';
import { current, filled, fingerprint } from './decision-basis.js';
import { requireDecision, showDecision, type DecisionView } from './decision-views.js';
import { requireModel } from './models.js';
import { modelEvidence } from './record-evidence.js';

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
