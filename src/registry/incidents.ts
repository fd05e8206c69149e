// Incidents, after the AI Incident Database: what happened, the harms, how severe, to which model, and
// whether it means the model must be evaluated again.

import { AnjeonError } from '../errors.js';
import { dateProblem } from '../frameworks/dates.js';
import { evaluationDueEvent } from '../frameworks/next-evaluation.js';
import type { IncidentsTable } from '../store/schema.js';
import { json, parseJson, today, writeAs, type RegistryContext } from './context.js';
import { addEvent } from './evaluations.js';
import { requireModel } from './models.js';

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const incidentStatuses = ['open', 'investigating', 'mitigated', 'closed'] as const;

export interface IncidentInput {
  title: string;
  model?: string;
  date?: string;
  description?: string;
  harms?: string[];
  severity: string;
  status?: string;
  links?: string[];
  /** Mark the model's next evaluation as due; defaults to true for high and critical incidents. */
  evaluation_due?: boolean;
}

export interface Incident extends Omit<IncidentsTable, 'harms' | 'links' | 'evaluation_due'> {
  harms: string[];
  links: string[];
  evaluation_due: boolean;
}

function toIncident(row: IncidentsTable): Incident {
  return {
    ...row,
    harms: parseJson(row.harms),
    links: parseJson(row.links),
    evaluation_due: row.evaluation_due === 1,
  };
}

function oneOf(field: string, value: string, allowed: readonly string[]) {
  if (!allowed.includes(value))
    throw new AnjeonError('input', `${field} ${value} is not one of ${allowed.join(', ')}`);
}

function checkLinks(links: string[]) {
  for (const link of links) {
    if (!URL.canParse(link)) throw new AnjeonError('input', `--link ${link} is not a URL`);
  }
}

export async function addIncident(ctx: RegistryContext, input: IncidentInput): Promise<Incident> {
  oneOf('--severity', input.severity, severities);
  oneOf('--status', input.status ?? 'open', incidentStatuses);
  const problem = input.date === undefined ? null : dateProblem(input.date);
  if (problem) throw new AnjeonError('input', `--date: ${problem}`);
  if (!input.title.trim()) throw new AnjeonError('usage', 'an incident needs a --title');
  checkLinks(input.links ?? []);
  if (input.model) await requireModel(ctx, input.model);
  const due =
    input.evaluation_due ??
    (input.model !== undefined && (input.severity === 'high' || input.severity === 'critical'));
  if (due && !input.model)
    throw new AnjeonError('usage', 'marking an evaluation as due needs the --model it is for');
  const id = await writeAs(ctx, 'contributor', async (w) => {
    const id = await w.nextId('inc');
    const date = input.date ?? today(ctx);
    await w.tx
      .insertInto('incidents')
      .values({
        id,
        model_id: input.model ?? null,
        date,
        title: input.title,
        description: input.description ?? null,
        harms: json(input.harms ?? []),
        severity: input.severity,
        status: input.status ?? 'open',
        links: json(input.links ?? []),
        evaluation_due: due ? 1 : 0,
        created_at: w.at,
        created_by: w.actor,
        updated_at: w.at,
      })
      .execute();
    await w.ledger.record('incident.add', 'incidents', { id });
    if (due)
      await addEvent(w, input.model!, {
        date,
        type: evaluationDueEvent,
        note: `incident ${id}: ${input.title}`,
        source: id,
      });
    return id;
  });
  return showIncident(ctx, id);
}

export async function updateIncident(
  ctx: RegistryContext,
  id: string,
  change: { status?: string; links?: string[]; description?: string },
) {
  if (change.status) oneOf('--status', change.status, incidentStatuses);
  checkLinks(change.links ?? []);
  await writeAs(ctx, 'contributor', async (w) => {
    const row = await w.tx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AnjeonError('not_found', `no incident ${id}`);
    const links = [...new Set([...parseJson<string[]>(row.links), ...(change.links ?? [])])];
    await w.tx
      .updateTable('incidents')
      .set({
        status: change.status ?? row.status,
        links: json(links),
        description: change.description ?? row.description,
        updated_at: w.at,
      })
      .where('id', '=', id)
      .execute();
    await w.ledger.record('incident.update', 'incidents', { id });
  });
  return showIncident(ctx, id);
}

export async function showIncident(ctx: RegistryContext, id: string): Promise<Incident> {
  const row = await ctx.store.db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new AnjeonError('not_found', `no incident ${id}`, 'list them with: anjeon incident list');
  return toIncident(row);
}

export async function listIncidents(
  ctx: RegistryContext,
  filter: { model?: string; status?: string } = {},
): Promise<Incident[]> {
  let query = ctx.store.db.selectFrom('incidents').selectAll();
  if (filter.model) query = query.where('model_id', '=', filter.model);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.orderBy('date', 'desc').orderBy('created_at', 'desc').execute()).map(
    toIncident,
  );
}
