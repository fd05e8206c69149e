// Versioned schema migrations, one set for both dialects; they run when a store is opened.

import { sql, type Kysely, type Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The first hash of the ledger chain, before any entry. */
export const genesisHash = '0'.repeat(64);

function initial(dialect: Dialect): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      const text = 'text' as const;
      const when = (t: ReturnType<typeof db.schema.createTable>) =>
        t
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('created_by', text, (c) => c.notNull());

      await when(
        db.schema
          .createTable('users')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('name', text, (c) => c.notNull())
          .addColumn('permission', text, (c) => c.notNull())
          .addColumn('roles', text, (c) => c.notNull()),
      ).execute();

      await when(
        db.schema
          .createTable('models')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('name', text)
          .addColumn('owner', text)
          .addColumn('intended_use', text)
          .addColumn('context', text, (c) => c.notNull()),
      ).execute();

      await when(
        db.schema
          .createTable('model_versions')
          .addColumn('model_id', text, (c) => c.notNull())
          .addColumn('version', text, (c) => c.notNull())
          .addColumn('date', text, (c) => c.notNull())
          .addColumn('effective_compute', 'double precision')
          .addColumn('training_start', text)
          .addColumn('training_end', text)
          .addColumn('notes', text)
          .addPrimaryKeyConstraint('model_versions_pk', ['model_id', 'version']),
      ).execute();

      await db.schema
        .createTable('model_frameworks')
        .addColumn('model_id', text, (c) => c.notNull())
        .addColumn('framework_id', text, (c) => c.notNull())
        .addColumn('added_at', text, (c) => c.notNull())
        .addColumn('added_by', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('model_frameworks_pk', ['model_id', 'framework_id'])
        .execute();

      await db.schema
        .createTable('framework_files')
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sha256', text, (c) => c.notNull())
        .addColumn('text', text, (c) => c.notNull())
        .addColumn('added_at', text, (c) => c.notNull())
        .addColumn('added_by', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('framework_files_pk', ['id', 'version'])
        .execute();

      await db.schema
        .createTable('evaluations')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('model_id', text, (c) => c.notNull())
        .addColumn('label', text)
        .addColumn('date', text, (c) => c.notNull())
        .addColumn('framework_id', text)
        .addColumn('model_version', text)
        .addColumn('effective_compute', 'double precision')
        .addColumn('evaluator', text)
        .addColumn('method', text)
        .addColumn('notes', text)
        .addColumn('results', text, (c) => c.notNull())
        .addColumn('capabilities', text, (c) => c.notNull())
        .addColumn('content_hash', text, (c) => c.notNull())
        .addColumn('source_sha256', text)
        .addColumn('recorded_at', text, (c) => c.notNull())
        .addColumn('recorded_by', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evaluations_model_hash')
        .on('evaluations')
        .columns(['model_id', 'content_hash'])
        .unique()
        .execute();

      await db.schema
        .createTable('attachments')
        .addColumn('owner', text, (c) => c.notNull())
        .addColumn('sha256', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('attached_at', text, (c) => c.notNull())
        .addColumn('attached_by', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('attachments_pk', ['owner', 'sha256'])
        .execute();

      await db.schema
        .createTable('blobs')
        .addColumn('sha256', text, (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('media_type', text, (c) => c.notNull())
        .addColumn('content', sql.raw(blob), (c) => c.notNull())
        .addColumn('stored_at', text, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('safeguards')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('model_id', text, (c) => c.notNull())
        .addColumn('framework_id', text)
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('value', text, (c) => c.notNull())
        .addColumn('since', text, (c) => c.notNull())
        .addColumn('until', text)
        .addColumn('notes', text)
        .addColumn('evidence_sha256', text)
        .addColumn('recorded_at', text, (c) => c.notNull())
        .addColumn('recorded_by', text, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('model_id', text, (c) => c.notNull())
        .addColumn('date', text, (c) => c.notNull())
        .addColumn('type', text, (c) => c.notNull())
        .addColumn('note', text)
        .addColumn('source', text)
        .addColumn('recorded_at', text, (c) => c.notNull())
        .addColumn('recorded_by', text, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('decisions')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('model_id', text, (c) => c.notNull())
        .addColumn('framework_id', text, (c) => c.notNull())
        .addColumn('framework_sha256', text, (c) => c.notNull())
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('note', text)
        .addColumn('required_roles', text, (c) => c.notNull())
        .addColumn('requested_by', text, (c) => c.notNull())
        .addColumn('requested_at', text, (c) => c.notNull())
        .addColumn('as_of', text, (c) => c.notNull())
        .addColumn('snapshot', text, (c) => c.notNull())
        .addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('decided_at', text)
        .addColumn('final_snapshot', text)
        .execute();

      await db.schema
        .createTable('approvals')
        .addColumn('decision_id', text, (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('actor', text, (c) => c.notNull())
        .addColumn('role', text)
        .addColumn('verdict', text, (c) => c.notNull())
        .addColumn('comment', text)
        .addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('approvals_pk', ['decision_id', 'seq'])
        .execute();

      await when(
        db.schema
          .createTable('incidents')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('model_id', text)
          .addColumn('date', text, (c) => c.notNull())
          .addColumn('title', text, (c) => c.notNull())
          .addColumn('description', text)
          .addColumn('harms', text, (c) => c.notNull())
          .addColumn('severity', text, (c) => c.notNull())
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('links', text, (c) => c.notNull())
          .addColumn('evaluation_due', 'integer', (c) => c.notNull())
          .addColumn('updated_at', text, (c) => c.notNull()),
      ).execute();

      await when(
        db.schema
          .createTable('risks')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('title', text, (c) => c.notNull())
          .addColumn('description', text)
          .addColumn('likelihood', 'integer', (c) => c.notNull())
          .addColumn('impact', 'integer', (c) => c.notNull())
          .addColumn('stage', text, (c) => c.notNull())
          .addColumn('owner', text, (c) => c.notNull())
          .addColumn('model_id', text)
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('mitigation', text),
      ).execute();

      await db.schema
        .createTable('ledger')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', text, (c) => c.notNull())
        .addColumn('actor', text, (c) => c.notNull())
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('entity', text, (c) => c.notNull())
        .addColumn('entity_id', text, (c) => c.notNull())
        .addColumn('payload', text, (c) => c.notNull())
        .addColumn('payload_hash', text, (c) => c.notNull())
        .addColumn('prev_hash', text, (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_entity')
        .on('ledger')
        .columns(['entity', 'entity_id', 'seq'])
        .execute();

      await db.schema
        .createTable('ledger_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .execute();
      await sql`insert into ledger_head (id, seq, hash) values (1, 0, ${genesisHash})`.execute(db);

      await db.schema
        .createTable('counters')
        .addColumn('name', text, (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}

export function migrations(dialect: Dialect): Record<string, Migration> {
  return { '0001_initial': initial(dialect) };
}
