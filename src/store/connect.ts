// Opens the record: SQLite under ANJEON_HOME (the embedded default) or PostgreSQL, migrated on open.

import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AnjeonError } from '../errors.js';
import { migrations, type Dialect } from './migrations.js';
import type { Database } from './schema.js';

export type StoreLocation =
  | { dialect: 'sqlite'; home: string; file: string }
  | { dialect: 'postgres'; url: string; schema: string | null };

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the record is, for messages (a file path, or a URL without its password). */
  readonly where: string;
  close(): Promise<void>;
}

export const storeFileName = 'anjeon.db';

/** ANJEON_DATABASE_URL selects PostgreSQL; otherwise SQLite under ANJEON_HOME (default ./.anjeon). */
export function storeLocation(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): StoreLocation {
  const url = env.ANJEON_DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new AnjeonError(
        'usage',
        'ANJEON_DATABASE_URL must start with postgres://',
        'for SQLite, unset it and use ANJEON_HOME',
      );
    }
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', url: parsed.toString(), schema };
  }
  const home = resolve(cwd, env.ANJEON_HOME ?? '.anjeon');
  return { dialect: 'sqlite', home, file: join(home, storeFileName) };
}

export function describeLocation(location: StoreLocation): string {
  if (location.dialect === 'sqlite') return location.file;
  const u = new URL(location.url);
  if (u.password) u.password = '***';
  return `${u.toString()}${location.schema ? ` (schema ${location.schema})` : ''}`;
}

function sqliteDatabase(file: string, create: boolean): BetterSqlite3.Database {
  const database = new BetterSqlite3(file, { timeout: 15_000, fileMustExist: !create });
  // WAL lets readers run beside one writer; FULL sync keeps a committed ledger entry on disk.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  return database;
}

/** Opens (creating when asked) and migrates the store. */
export async function openStore(
  location: StoreLocation,
  options: { create?: boolean } = {},
): Promise<Store> {
  let db: Kysely<Database>;
  if (location.dialect === 'sqlite') {
    if (options.create) mkdirSync(location.home, { recursive: true });
    if (!options.create && !existsSync(location.file)) {
      throw new AnjeonError(
        'not_found',
        `no anjeon store at ${location.file}`,
        'run `anjeon init` first, or set ANJEON_HOME to the folder that holds the store',
      );
    }
    const database = sqliteDatabase(location.file, options.create === true);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  } else {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: 4,
      ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (location.schema)
      await sql`create schema if not exists ${sql.id(location.schema)}`.execute(db);
  }
  const store: Store = {
    db,
    dialect: location.dialect,
    where: describeLocation(location),
    close: () => db.destroy(),
  };
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which one; name the one
  // this connection writes to, so that stores in other schemas of the same database do not confuse it.
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(migrations(store.dialect)) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    throw new AnjeonError(
      'runtime',
      `could not migrate the store at ${store.where}: ${String((error as Error).message ?? error)}`,
    );
  }
}
