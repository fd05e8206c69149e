// People who act on the record: their permission (viewer to admin) and the governance roles they hold.

import { AnjeonError } from '../errors.js';
import {
  json,
  parseJson,
  permissions,
  writeAs,
  type Actor,
  type Permission,
  type RegistryContext,
} from './context.js';
import { write } from '../store/write.js';
import type { Store } from '../store/connect.js';
import type { UsersTable } from '../store/schema.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export function toActor(row: UsersTable): Actor {
  return {
    id: row.id,
    name: row.name,
    permission: row.permission as Permission,
    roles: parseJson<string[]>(row.roles),
  };
}

export async function findUser(store: Store, id: string): Promise<Actor | null> {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toActor(row) : null;
}

export async function listUsers(ctx: RegistryContext): Promise<Actor[]> {
  const rows = await ctx.store.db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(toActor);
}

export interface UserInput {
  id: string;
  name?: string;
  permission: string;
  roles?: string[];
}

function checkUser(input: UserInput): asserts input is UserInput & { permission: Permission } {
  if (!idPattern.test(input.id)) {
    throw new AnjeonError(
      'input',
      `user id "${input.id}" is not valid`,
      'use letters, digits and . _ @ -',
    );
  }
  if (!(permissions as readonly string[]).includes(input.permission)) {
    throw new AnjeonError(
      'input',
      `--permission ${input.permission} is not one of ${permissions.join(', ')}`,
    );
  }
}

/** Adds a user, or changes an existing one's permission and roles (admins only). */
export async function saveUser(ctx: RegistryContext, input: UserInput): Promise<Actor> {
  checkUser(input);
  return writeAs(ctx, 'admin', async (w) => {
    const existing = await w.tx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    const row = {
      id: input.id,
      name: input.name ?? existing?.name ?? input.id,
      permission: input.permission,
      roles: json([
        ...new Set(input.roles ?? (existing ? parseJson<string[]>(existing.roles) : [])),
      ]),
    };
    if (existing) {
      await w.tx.updateTable('users').set(row).where('id', '=', input.id).execute();
      await w.ledger.record('user.update', 'users', { id: input.id });
    } else {
      await w.tx
        .insertInto('users')
        .values({ ...row, created_at: w.at, created_by: w.actor })
        .execute();
      await w.ledger.record('user.add', 'users', { id: input.id });
    }
    return toActor({ ...row, created_at: w.at, created_by: w.actor });
  });
}

/** The first user of a new store, an admin, created by `anjeon init` before anyone can act. */
export async function createFirstAdmin(store: Store, id: string, at: string): Promise<Actor> {
  checkUser({ id, permission: 'admin' });
  return write(store, id, at, async (w) => {
    const count = await w.tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) > 0)
      throw new AnjeonError('usage', 'the store already has users; use `anjeon user add`');
    const row = {
      id,
      name: id,
      permission: 'admin',
      roles: json([]),
      created_at: at,
      created_by: id,
    };
    await w.tx.insertInto('users').values(row).execute();
    await w.ledger.record('user.add', 'users', { id });
    return toActor(row);
  });
}
