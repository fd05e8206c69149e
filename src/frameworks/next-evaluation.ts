// When the model must be evaluated again: calendar intervals, effective-compute multiples and events.

import { addDays, addMonths, compareDates, earlierDate, type IsoDate } from './dates.js';
import type { Evidence } from './evidence.js';
import type { Note } from './messages.js';
import type { FrameworkDefinition, Trigger } from './schema.js';

export interface TriggerState {
  id: string;
  kind: 'interval' | 'effective_compute' | 'event';
  due: boolean;
  due_date?: IsoDate | null;
  due_at_effective_compute?: number | null;
  note: Note;
}

export interface NextEvaluation {
  due: boolean;
  due_date: IsoDate | null;
  due_at_effective_compute: number | null;
  latest_evaluation: IsoDate | null;
  reasons: Note[];
  triggers: TriggerState[];
}

interface Inputs {
  def: FrameworkDefinition;
  evidence: Evidence;
  /** Indexes of the evaluations that gave this framework a result, dated on or before asOf. */
  evaluations: number[];
  asOf: IsoDate;
}

export function nextEvaluation({ def, evidence, evaluations, asOf }: Inputs): NextEvaluation {
  const none = { due_date: null, due_at_effective_compute: null, triggers: [] };
  if (def.domains.length === 0) {
    return {
      due: false,
      ...none,
      latest_evaluation: null,
      reasons: [{ key: 'next.not_applicable', params: {} }],
    };
  }
  const used = evaluations.map((i) => evidence.evaluations[i]!);
  const latest = used.reduce<(typeof used)[number] | null>(
    (best, e) =>
      best === null || compareDates(e.date as IsoDate, best.date as IsoDate) >= 0 ? e : best,
    null,
  );
  if (!latest) {
    return {
      due: true,
      ...none,
      latest_evaluation: null,
      reasons: [{ key: 'next.never_evaluated', params: {} }],
    };
  }
  const latestDate = latest.date as IsoDate;
  // The compute basis is the latest evaluation that recorded its checkpoint's effective compute.
  const computeBasis = [...used]
    .filter((e) => e.effective_compute !== undefined)
    .sort((a, b) => compareDates(a.date as IsoDate, b.date as IsoDate))
    .pop();
  const triggers = def.triggers.map((t) =>
    triggerState(t, { latestDate, computeBasis, evidence, asOf }),
  );
  const flagged = flaggedDue(evidence, latestDate, asOf);
  if (flagged) triggers.push(flagged);

  let dueDate: IsoDate | null = null;
  let dueAt: number | null = null;
  for (const t of triggers) {
    if (t.due_date) dueDate = dueDate ? earlierDate(dueDate, t.due_date) : t.due_date;
    if (t.due_at_effective_compute) {
      dueAt =
        dueAt === null ? t.due_at_effective_compute : Math.min(dueAt, t.due_at_effective_compute);
    }
  }
  const reasons = triggers.length
    ? [...triggers].sort((a, b) => Number(b.due) - Number(a.due)).map((t) => t.note)
    : [{ key: 'next.no_triggers', params: {} }];
  return {
    due: triggers.some((t) => t.due),
    due_date: dueDate,
    due_at_effective_compute: dueAt,
    latest_evaluation: latestDate,
    reasons,
    triggers,
  };
}

interface TriggerInputs {
  latestDate: IsoDate;
  computeBasis: Evidence['evaluations'][number] | undefined;
  evidence: Evidence;
  asOf: IsoDate;
}

function triggerState(
  t: Trigger,
  { latestDate, computeBasis, evidence, asOf }: TriggerInputs,
): TriggerState {
  if (t.months !== undefined || t.days !== undefined) {
    const dueDate =
      t.months !== undefined ? addMonths(latestDate, t.months) : addDays(latestDate, t.days!);
    const due = compareDates(asOf, dueDate) >= 0;
    const period: Record<string, number> =
      t.months !== undefined ? { months: t.months } : { days: t.days! };
    return {
      id: t.id,
      kind: 'interval',
      due,
      due_date: dueDate,
      note: {
        key: due ? 'next.interval_due' : 'next.interval',
        params: { rule: t.id, ...period, latest: latestDate, due_date: dueDate },
      },
    };
  }
  if (t.effective_compute_multiple !== undefined) {
    return computeTrigger(t, computeBasis, evidence.model.effective_compute);
  }
  const events = evidence.events.filter(
    (e) =>
      t.events!.includes(e.type) &&
      compareDates(e.date as IsoDate, latestDate) > 0 &&
      compareDates(e.date as IsoDate, asOf) <= 0,
  );
  const first = events[0];
  return {
    id: t.id,
    kind: 'event',
    due: events.length > 0,
    note: first
      ? {
          key: 'next.event_due',
          params: { rule: t.id, event: first.type, date: first.date, latest: latestDate },
        }
      : {
          key: 'next.event',
          params: { rule: t.id, events: t.events!.join(', '), latest: latestDate },
        },
  };
}

function computeTrigger(
  t: Trigger,
  basis: Evidence['evaluations'][number] | undefined,
  current: number | undefined,
): TriggerState {
  const multiple = t.effective_compute_multiple!;
  const base = { id: t.id, kind: 'effective_compute' as const };
  if (!basis?.effective_compute) {
    return {
      ...base,
      due: false,
      due_at_effective_compute: null,
      note: { key: 'next.compute_unknown', params: { rule: t.id, multiple } },
    };
  }
  // Rounded to 15 significant digits so that 6 x 1e24 is 6e24, not 6.000000000000001e24.
  const dueAt = Number((multiple * basis.effective_compute).toPrecision(15));
  const params = {
    rule: t.id,
    multiple,
    basis: basis.effective_compute,
    date: basis.date,
    due_at: dueAt,
  };
  if (current === undefined) {
    return {
      ...base,
      due: false,
      due_at_effective_compute: dueAt,
      note: { key: 'next.compute_no_current', params },
    };
  }
  const due = t.strictly_greater ? current > dueAt : current >= dueAt;
  return {
    ...base,
    due,
    due_at_effective_compute: dueAt,
    note: {
      key: due ? 'next.compute_due' : 'next.compute',
      params: { ...params, current, op: t.strictly_greater ? '>' : '>=' },
    },
  };
}

/** Under every framework, an `evaluation-due` event (an incident, say) after the latest evaluation makes it due. */
export const evaluationDueEvent = 'evaluation-due';

function flaggedDue(evidence: Evidence, latestDate: IsoDate, asOf: IsoDate): TriggerState | null {
  const event = evidence.events.find(
    (e) =>
      e.type === evaluationDueEvent &&
      compareDates(e.date as IsoDate, latestDate) > 0 &&
      compareDates(e.date as IsoDate, asOf) <= 0,
  );
  if (!event) return null;
  return {
    id: evaluationDueEvent,
    kind: 'event',
    due: true,
    note: {
      key: 'next.flagged',
      params: { date: event.date, latest: latestDate, note: event.note ?? '' },
    },
  };
}
