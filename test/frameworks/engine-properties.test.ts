// Invariants of the engine over every preset, checked on generated evidence (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/frameworks/assess.js';
import type { Framework } from '../../src/frameworks/definition.js';
import type { EvidenceInput } from '../../src/frameworks/evidence.js';
import { presets } from '../../src/frameworks/files.js';
import { judge } from './judge.js';

const capabilityPresets = [...presets().values()].filter((f) => f.definition.kind === 'capability');
const levelsOf = (f: Framework, scale: string) => f.scales.get(scale)!.levels.map((l) => l.id);

const dateArb = fc
  .date({
    min: new Date('2023-01-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Evidence that fits framework f: some domains evaluated at random levels, random safeguards. */
function evidenceArb(f: Framework): fc.Arbitrary<{ evidence: EvidenceInput; asOf: string }> {
  const def = f.definition;
  const resultArb = (domain: (typeof def.domains)[number]) => {
    const level = fc.constantFrom(...levelsOf(f, domain.scale));
    return domain.result === 'pre_post'
      ? fc.record({ pre: level, post: level })
      : fc.record({ level });
  };
  const evaluationArb = fc.record({
    date: dateArb,
    effective_compute: fc.option(fc.double({ min: 1e20, max: 1e27, noNaN: true }), {
      nil: undefined,
    }),
    results: fc.record(Object.fromEntries(def.domains.map((d) => [d.id, resultArb(d)])), {
      requiredKeys: [],
    }),
  });
  const levelOption = (kind: 'security' | 'deployment') => {
    const sl = def.safeguard_levels[kind];
    return sl
      ? fc.option(fc.constantFrom(...levelsOf(f, sl.scale)), { nil: undefined })
      : fc.constant(undefined);
  };
  const contextArb = fc.record(
    Object.fromEntries(
      def.context.filter((c) => c.values).map((c) => [c.path, fc.constantFrom(...c.values!)]),
    ),
    { requiredKeys: [] },
  );
  return fc
    .record({
      evaluations: fc.array(evaluationArb, { maxLength: 4 }),
      security: levelOption('security'),
      deployment: levelOption('deployment'),
      implemented: fc.subarray(def.safeguards.map((s) => s.id)),
      context: contextArb,
      modelCompute: fc.option(fc.double({ min: 1e20, max: 1e28, noNaN: true }), { nil: undefined }),
      asOf: dateArb,
    })
    .map((g) => ({
      asOf: g.asOf,
      evidence: {
        model: { id: 'm', ...(g.modelCompute ? { effective_compute: g.modelCompute } : {}) },
        evaluations: g.evaluations.map((e) => ({
          date: e.date,
          results: e.results as Record<string, { level?: string; pre?: string; post?: string }>,
          ...(e.effective_compute ? { effective_compute: e.effective_compute } : {}),
        })),
        safeguards: {
          ...(g.security !== undefined ? { security: g.security } : {}),
          ...(g.deployment !== undefined ? { deployment: g.deployment } : {}),
          implemented: g.implemented,
        },
        context: g.context,
      },
    }));
}

const blocked = (a: Assessment) => ({
  develop: !a.gates.develop.allowed,
  deploy: !a.gates.deploy.allowed,
});

function raiseOneLevel(f: Framework, evidence: EvidenceInput, pick: number): EvidenceInput | null {
  const copy = structuredClone(evidence) as unknown as {
    evaluations: { results: Record<string, Record<string, string>> }[];
  };
  const slots = copy.evaluations.flatMap((e) =>
    Object.entries(e.results).flatMap(([domain, r]) =>
      Object.keys(r).map((field) => ({ r, domain, field })),
    ),
  );
  if (slots.length === 0) return null;
  const slot = slots[pick % slots.length]!;
  const scale = levelsOf(f, f.definition.domains.find((d) => d.id === slot.domain)!.scale);
  const next = scale.indexOf(slot.r[slot.field]!) + 1;
  if (next >= scale.length) return null;
  slot.r[slot.field] = scale[next]!;
  return copy as unknown as EvidenceInput;
}

describe.each(capabilityPresets.map((f) => [f.definition.id, f] as const))('%s', (_id, f) => {
  it('never turns a blocked gate into an allowed one by raising a level', () => {
    fc.assert(
      fc.property(evidenceArb(f), fc.nat(), ({ evidence, asOf }, pick) => {
        const raised = raiseOneLevel(f, evidence, pick);
        if (!raised) return;
        const before = blocked(judge(f, evidence, asOf));
        const after = blocked(judge(f, raised, asOf));
        if (before.develop) expect(after.develop).toBe(true);
        if (before.deploy) expect(after.deploy).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never blocks an allowed gate by adding a safeguard or raising a safeguard level', () => {
    const def = f.definition;
    fc.assert(
      fc.property(evidenceArb(f), fc.nat(), ({ evidence, asOf }, pick) => {
        const more = structuredClone(evidence) as {
          safeguards: Record<string, unknown> & { implemented: string[] };
        };
        const options: (() => void)[] = def.safeguards.map(
          (s) => () => more.safeguards.implemented.push(s.id),
        );
        for (const kind of ['security', 'deployment'] as const) {
          const sl = def.safeguard_levels[kind];
          if (!sl) continue;
          const scale = levelsOf(f, sl.scale);
          const current = more.safeguards[kind] as string | undefined;
          const next = current === undefined ? 0 : scale.indexOf(current) + 1;
          if (next < scale.length) options.push(() => (more.safeguards[kind] = scale[next]));
        }
        if (options.length === 0) return;
        options[pick % options.length]!();
        const before = blocked(judge(f, evidence, asOf));
        const after = blocked(judge(f, more as unknown as EvidenceInput, asOf));
        if (!before.develop) expect(after.develop).toBe(false);
        if (!before.deploy) expect(after.deploy).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('never sets the next-evaluation date before the latest evaluation', () => {
    fc.assert(
      fc.property(evidenceArb(f), ({ evidence, asOf }) => {
        const a = judge(f, evidence, asOf);
        const { due_date, latest_evaluation } = a.next_evaluation;
        if (due_date !== null) expect(due_date > latest_evaluation!).toBe(true);
        const dated = (evidence.evaluations ?? [])
          .filter((e) => e.date <= asOf && Object.keys(e.results ?? {}).length > 0)
          .map((e) => e.date)
          .sort();
        expect(latest_evaluation).toBe(dated.pop() ?? null);
      }),
      { numRuns: 150 },
    );
  });

  it('blocks both gates whenever a gating domain has no evaluation', () => {
    fc.assert(
      fc.property(evidenceArb(f), ({ evidence, asOf }) => {
        const a = judge(f, evidence, asOf);
        const missing = a.domains.filter((d) => d.gating && d.level === null);
        if (missing.length === 0) return;
        expect(a.gates.develop.allowed).toBe(false);
        expect(a.gates.deploy.allowed).toBe(false);
        expect(a.gates.deploy.reasons.join()).toContain(`${missing[0]!.id} was not evaluated`);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same answer twice and leaves its input untouched', () => {
    fc.assert(
      fc.property(evidenceArb(f), ({ evidence, asOf }) => {
        const frozen = structuredClone(evidence);
        const first = judge(f, evidence, asOf);
        expect(evidence).toEqual(frozen);
        expect(judge(f, evidence, asOf)).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('stays due once due, as time passes with no new evidence', () => {
    fc.assert(
      fc.property(evidenceArb(f), dateArb, ({ evidence, asOf }, later) => {
        const latest = (evidence.evaluations ?? [])
          .map((e) => e.date)
          .sort()
          .pop();
        if (!latest || later <= asOf || latest > asOf) return;
        if (judge(f, evidence, asOf).next_evaluation.due)
          expect(judge(f, evidence, later).next_evaluation.due).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('every capability preset with no evidence', () => {
  it.each(capabilityPresets.map((f) => [f.definition.id, f] as const))(
    '%s blocks both gates and asks for an evaluation',
    (_id, f) => {
      const a = judge(f, { model: { id: 'm' } });
      expect(a.gates.develop.allowed).toBe(false);
      expect(a.gates.deploy.allowed).toBe(false);
      expect(a.next_evaluation).toMatchObject({
        due: true,
        due_date: null,
        due_at_effective_compute: null,
        latest_evaluation: null,
      });
      expect(a.overall.level).toBeNull();
    },
  );
});
