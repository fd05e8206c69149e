// The risk register: likelihood x impact, lifecycle stage (plan, develop, release, operate), owner.

import { AnjeonError } from '../errors.js';
import type { RisksTable } from '../store/schema.js';
import { writeAs, type RegistryContext } from './context.js';
import { requireModel } from './models.js';

export const stages = ['plan', 'develop', 'release', 'operate'] as const;
export const riskStatuses = ['open', 'mitigating', 'accepted', 'closed'] as const;

export interface RiskInput {
  title: string;
  likelihood: number;
  impact: number;
  stage: string;
  owner: string;
  model?: string;
  description?: string;
  mitigation?: string;
  status?: string;
}

export interface Risk extends RisksTable {
  /** likelihood x impact, 1..25 */
  score: number;
  /** low (1-4), medium (5-9), high (10-16), critical (17-25) */
  rating: string;
}

export function rating(score: number): string {
  return score >= 17 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

function toRisk(row: RisksTable): Risk {
  const score = row.likelihood * row.impact;
  return { ...row, score, rating: rating(score) };
}

function scale(field: string, value: number) {
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new AnjeonError('input', `${field} must be a whole number from 1 to 5, not ${value}`);
}

export async function addRisk(ctx: RegistryContext, input: RiskInput): Promise<Risk> {
  scale('--likelihood', input.likelihood);
  scale('--impact', input.impact);
  if (!(stages as readonly string[]).includes(input.stage))
    throw new AnjeonError('input', `--stage ${input.stage} is not one of ${stages.join(', ')}`);
  const status = input.status ?? 'open';
  if (!(riskStatuses as readonly string[]).includes(status))
    throw new AnjeonError('input', `--status ${status} is not one of ${riskStatuses.join(', ')}`);
  if (!input.title.trim()) throw new AnjeonError('usage', 'a risk needs a --title');
  if (input.model) await requireModel(ctx, input.model);
  const id = await writeAs(ctx, 'contributor', async (w) => {
    const id = await w.nextId('risk');
    await w.tx
      .insertInto('risks')
      .values({
        id,
        title: input.title,
        description: input.description ?? null,
        likelihood: input.likelihood,
        impact: input.impact,
        stage: input.stage,
        owner: input.owner,
        model_id: input.model ?? null,
        status,
        mitigation: input.mitigation ?? null,
        created_at: w.at,
        created_by: w.actor,
      })
      .execute();
    await w.ledger.record('risk.add', 'risks', { id });
    return id;
  });
  return toRisk(
    await ctx.store.db
      .selectFrom('risks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );
}

/** Highest score first. */
export async function listRisks(
  ctx: RegistryContext,
  filter: { model?: string; stage?: string; status?: string } = {},
): Promise<Risk[]> {
  let query = ctx.store.db.selectFrom('risks').selectAll();
  if (filter.model) query = query.where('model_id', '=', filter.model);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.status) query = query.where('status', '=', filter.status);
  const risks = (await query.execute()).map(toRisk);
  return risks.sort(
    (a, b) =>
      b.score - a.score || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
}
