// Who is acting, on which store, at what time: every registry operation receives this.

import { AnjeonError } from '../errors.js';
import type { IsoDate } from '../frameworks/dates.js';
import type { Store } from '../store/connect.js';
import { write, type WriteContext } from '../store/write.js';
import type { Policy } from './policy.js';

export const permissions = ['viewer', 'contributor', 'approver', 'admin'] as const;
export type Permission = (typeof permissions)[number];

export interface Actor {
  id: string;
  name: string;
  permission: Permission;
  roles: string[];
}

export interface RegistryContext {
  store: Store;
  /** Null only while `anjeon init` creates the first user. */
  actor: Actor | null;
  policy: Policy;
  /** The clock, injectable so tests and replays are deterministic. */
  now(): Date;
}

export function today(ctx: RegistryContext): IsoDate {
  return ctx.now().toISOString().slice(0, 10) as IsoDate;
}

const verbs: Record<Permission, string> = {
  viewer: 'read the record',
  contributor: 'add to the record',
  approver: 'approve or reject decisions',
  admin: 'manage users and frameworks',
};

/** The acting user, who must hold at least `needed`; a viewer cannot write, only an approver can approve. */
export function requirePermission(ctx: RegistryContext, needed: Permission): Actor {
  const actor = ctx.actor;
  if (!actor)
    throw new AnjeonError('usage', 'no acting user', 'run `anjeon init`, or pass --as USER');
  if (permissions.indexOf(actor.permission) < permissions.indexOf(needed)) {
    throw new AnjeonError(
      'usage',
      `${actor.id} is a ${actor.permission} and cannot ${verbs[needed]}: that needs ${needed}`,
      `an admin can change it with: anjeon user add ${actor.id} --permission ${needed}`,
    );
  }
  return actor;
}

/** A write transaction as the acting user, who must hold `needed`. */
export function writeAs<T>(
  ctx: RegistryContext,
  needed: Permission,
  fn: (w: WriteContext) => Promise<T>,
): Promise<T> {
  const actor = requirePermission(ctx, needed);
  return write(ctx.store, actor.id, ctx.now().toISOString(), fn);
}

export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
