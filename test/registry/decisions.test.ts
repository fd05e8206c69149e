// Decisions: never approved while the gate is blocked, approvals void when the evidence changes,
// roles and permissions enforced, final decisions unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { decide, GateBlocked, requestDecision } from '../../src/registry/decisions.js';
import { showDecision } from '../../src/registry/decision-views.js';
import { recordEvidence } from '../../src/registry/evaluations.js';
import { addModel } from '../../src/registry/models.js';
import { addSafeguard } from '../../src/registry/safeguards.js';
import { verifyLedger } from '../../src/store/verify.js';
import { backends, type Backend } from '../store/backends.js';
import { evidence, testRecord, type TestRecord } from './record.js';

const framework = 'anthropic-rsp-2023';

async function setup(backend: Backend, deployment = 'asl-3') {
  const r = await testRecord(backend);
  await addModel(r.ctx, { id: 'm', frameworks: [framework] });
  await recordEvidence(r.ctx, 'm', {
    evidence: evidence({
      model: { id: 'm' },
      as_of: '2025-01-10',
      evaluations: [
        {
          date: '2025-01-05',
          results: {
            cbrn: { level: 'asl-3' },
            cyber: { level: 'asl-2' },
            autonomy: { level: 'asl-2' },
          },
        },
      ],
      safeguards: { security: 'asl-3', deployment },
    }),
  });
  const requester = await r.as('rita', 'contributor');
  const lead = await r.as('lee', 'approver', ['safety-lead']);
  const exec = await r.as('eve', 'approver', ['executive']);
  return { r, requester, lead, exec };
}

describe.each(backends.map((b) => [b.name, b] as const))('decisions on %s', (_name, backend) => {
  let r: TestRecord;
  afterEach(async () => r?.close());

  it('becomes approved once every required role approves, keeping both assessments', async () => {
    const s = await setup(backend);
    r = s.r;
    const d = await requestDecision(s.requester, {
      model: 'm',
      framework,
      action: 'deploy',
      note: 'launch',
    });
    expect(d).toMatchObject({
      id: 'dec-1',
      status: 'pending',
      required_roles: ['safety-lead', 'executive'],
      awaiting: ['safety-lead', 'executive'],
      gate: { allowed: true },
    });
    expect((await decide(s.lead, { decision: 'dec-1', verdict: 'approve' })).awaiting).toEqual([
      'executive',
    ]);
    const final = await decide(s.exec, { decision: 'dec-1', verdict: 'approve', comment: 'go' });
    expect(final).toMatchObject({
      status: 'approved',
      awaiting: [],
      decided_at: '2025-01-15T09:00:00.000Z',
    });
    expect(final.approvals.map((a) => [a.actor, a.role, a.void])).toEqual([
      ['lee', 'safety-lead', false],
      ['eve', 'executive', false],
    ]);
    expect(final.final_snapshot!.gates.deploy.allowed).toBe(true);
    await expect(
      decide(s.lead, { decision: 'dec-1', verdict: 'reject', comment: 'late' }),
    ).rejects.toThrow('dec-1 is already approved; a final decision does not change');
    expect((await verifyLedger(r.ctx.store)).intact).toBe(true);
  });

  it('cannot be approved while the gate is blocked, and says why', async () => {
    const s = await setup(backend, 'asl-2');
    r = s.r;
    await requestDecision(s.requester, { model: 'm', framework, action: 'deploy' });
    const attempt = decide(s.lead, { decision: 'dec-1', verdict: 'approve' });
    await expect(attempt).rejects.toBeInstanceOf(GateBlocked);
    await expect(attempt).rejects.toMatchObject({
      exitCode: 3,
      details: [expect.stringContaining('deployment safeguards asl-3 are required')],
    });
    expect((await showDecision(r.ctx, 'dec-1')).approvals).toEqual([]);
    await addSafeguard(s.requester, 'm', { kind: 'deployment', value: 'asl-3', framework });
    expect((await decide(s.lead, { decision: 'dec-1', verdict: 'approve' })).awaiting).toEqual([
      'executive',
    ]);
  });

  it('voids an approval when the evidence changes before the decision is final', async () => {
    const s = await setup(backend);
    r = s.r;
    await requestDecision(s.requester, { model: 'm', framework, action: 'deploy' });
    await decide(s.lead, { decision: 'dec-1', verdict: 'approve' });
    r.setNow('2025-01-16T09:00:00Z');
    await recordEvidence(s.requester, 'm', {
      evidence: evidence({
        model: { id: 'm' },
        evaluations: [{ date: '2025-01-16', results: { cyber: { level: 'asl-3' } } }],
      }),
    });
    const after = await decide(s.exec, { decision: 'dec-1', verdict: 'approve' });
    expect(after.status).toBe('pending');
    expect(after.evidence_changed).toBe(true);
    expect(after.awaiting).toEqual(['safety-lead']);
    expect(after.approvals.map((a) => [a.actor, a.void])).toEqual([
      ['lee', true],
      ['eve', false],
    ]);
    expect((await decide(s.lead, { decision: 'dec-1', verdict: 'approve' })).status).toBe(
      'approved',
    );
  });

  it('ignores changes to evidence its framework does not read', async () => {
    const s = await setup(backend);
    r = s.r;
    await requestDecision(s.requester, { model: 'm', framework, action: 'develop' });
    await addSafeguard(s.requester, 'm', {
      kind: 'implemented',
      value: 'asset-protection',
      framework: 'openai-preparedness-2023',
    });
    expect((await showDecision(r.ctx, 'dec-1')).evidence_changed).toBe(false);
  });

  it('keeps viewers, requesters and people without the role from approving', async () => {
    const s = await setup(backend);
    r = s.r;
    const viewer = await r.as('vic', 'viewer');
    await requestDecision(s.requester, { model: 'm', framework, action: 'develop' });
    await expect(decide(viewer, { decision: 'dec-1', verdict: 'approve' })).rejects.toThrow(
      'vic is a viewer and cannot approve or reject decisions: that needs approver',
    );
    await expect(
      requestDecision(viewer, { model: 'm', framework, action: 'develop' }),
    ).rejects.toThrow('vic is a viewer and cannot add to the record');
    await expect(decide(s.exec, { decision: 'dec-1', verdict: 'approve' })).rejects.toThrow(
      'eve holds none of the roles this decision awaits (safety-lead)',
    );
    const selfRequest = await requestDecision(s.lead, { model: 'm', framework, action: 'develop' });
    await expect(decide(s.lead, { decision: selfRequest.id, verdict: 'approve' })).rejects.toThrow(
      'lee requested dec-2 and cannot also approve it',
    );
    await decide(s.lead, { decision: 'dec-1', verdict: 'approve' });
    expect((await showDecision(r.ctx, 'dec-1')).status).toBe('approved');
  });

  it('is rejected by one approver with a reason, and stays rejected', async () => {
    const s = await setup(backend);
    r = s.r;
    await requestDecision(s.requester, { model: 'm', framework, action: 'deploy' });
    await expect(decide(s.exec, { decision: 'dec-1', verdict: 'reject' })).rejects.toThrow(
      'a rejection needs --comment',
    );
    const d = await decide(s.exec, {
      decision: 'dec-1',
      verdict: 'reject',
      comment: 'red team not finished',
    });
    expect(d).toMatchObject({ status: 'rejected', awaiting: [] });
    await expect(decide(s.lead, { decision: 'dec-1', verdict: 'approve' })).rejects.toThrow(
      'already rejected',
    );
  });
});
