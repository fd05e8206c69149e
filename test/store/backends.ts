// Test support: the same tests on SQLite (always) and PostgreSQL (when ANJEON_TEST_DATABASE_URL is set).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  openStore,
  storeLocation,
  type Store,
  type StoreLocation,
} from '../../src/store/connect.js';

export const postgresUrl = process.env.ANJEON_TEST_DATABASE_URL;

if (!postgresUrl) {
  console.warn(
    '\n  ANJEON_TEST_DATABASE_URL is not set: the PostgreSQL runs of the store and registry tests are SKIPPED.\n',
  );
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store location of this kind, with the environment that selects it. */
  fresh(): { env: Record<string, string>; location: StoreLocation };
}

let counter = 0;
const createdSchemas: string[] = [];

/** Drops the PostgreSQL schemas this test file created, so test runs do not pile up in the database. */
export async function dropTestSchemas(): Promise<void> {
  if (!postgresUrl || createdSchemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    for (const schema of createdSchemas.splice(0))
      await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

export const sqlite: Backend = {
  name: 'sqlite',
  fresh() {
    const env = { ANJEON_HOME: mkdtempSync(join(tmpdir(), 'anjeon-store-')) };
    return { env, location: storeLocation(env) };
  },
};

export const postgres: Backend = {
  name: 'postgres',
  fresh() {
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    createdSchemas.push(schema);
    const env = {
      ANJEON_HOME: mkdtempSync(join(tmpdir(), 'anjeon-pg-')),
      ANJEON_DATABASE_URL: `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}schema=${schema}`,
    };
    return { env, location: storeLocation(env) };
  },
};

/** The backends to run on: PostgreSQL only when a test database is configured. */
export const backends: Backend[] = postgresUrl ? [sqlite, postgres] : [sqlite];

export async function freshStore(
  backend: Backend,
): Promise<Store & { env: Record<string, string> }> {
  const { env, location } = backend.fresh();
  const store = await openStore(location, { create: true });
  return Object.assign(store, { env });
}
