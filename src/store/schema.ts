// The tables of the record: the one description Kysely checks every query against, on both dialects.
//
// Portable types only, so that a row reads back the same on SQLite and PostgreSQL and hashes the
// same in the ledger: text (dates and times as ISO strings, JSON as canonical text), integer
// (booleans as 0/1), double precision (FLOP counts), and a blob for stored files.

export interface UsersTable {
  id: string;
  name: string;
  /** viewer < contributor < approver < admin */
  permission: string;
  /** JSON list of governance roles this person can approve for, e.g. ["safety-lead"] */
  roles: string;
  created_at: string;
  created_by: string;
}

export interface ModelsTable {
  id: string;
  name: string | null;
  owner: string | null;
  intended_use: string | null;
  /** JSON object: purpose, EU AI Act answers, ... (CONTRACTS.md evidence `context`) */
  context: string;
  created_at: string;
  created_by: string;
}

export interface ModelVersionsTable {
  model_id: string;
  version: string;
  /** The date from which this checkpoint is the model "as it stands now" (YYYY-MM-DD). */
  date: string;
  effective_compute: number | null;
  training_start: string | null;
  training_end: string | null;
  notes: string | null;
  created_at: string;
  created_by: string;
}

export interface ModelFrameworksTable {
  model_id: string;
  framework_id: string;
  added_at: string;
  added_by: string;
}

export interface FrameworkFilesTable {
  id: string;
  version: number;
  sha256: string;
  text: string;
  added_at: string;
  added_by: string;
}

export interface EvaluationsTable {
  id: string;
  model_id: string;
  /** The id the evidence file gave the evaluation, if any. */
  label: string | null;
  date: string;
  framework_id: string | null;
  model_version: string | null;
  effective_compute: number | null;
  evaluator: string | null;
  method: string | null;
  notes: string | null;
  /** JSON: domain results, keyed by the framework's domain ids */
  results: string;
  /** JSON: common capability levels */
  capabilities: string;
  /** SHA-256 of the canonical evaluation, to recognise the same evaluation recorded twice. */
  content_hash: string;
  /** SHA-256 of the evidence file it came from, kept in blobs. */
  source_sha256: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface AttachmentsTable {
  owner: string;
  sha256: string;
  name: string;
  attached_at: string;
  attached_by: string;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  media_type: string;
  content: Buffer;
  stored_at: string;
}

export interface SafeguardsTable {
  id: string;
  model_id: string;
  framework_id: string | null;
  /** implemented | security | deployment | common_security | common_deployment | common_implemented */
  kind: string;
  value: string;
  since: string;
  until: string | null;
  notes: string | null;
  evidence_sha256: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface EventsTable {
  id: string;
  model_id: string;
  date: string;
  type: string;
  note: string | null;
  source: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface DecisionsTable {
  id: string;
  model_id: string;
  framework_id: string;
  framework_sha256: string;
  action: string;
  /** pending | approved | rejected */
  status: string;
  note: string | null;
  /** JSON list of the governance roles that must each approve */
  required_roles: string;
  requested_by: string;
  requested_at: string;
  as_of: string;
  /** JSON: the assessment the request was judged on */
  snapshot: string;
  /** SHA-256 of the evidence and framework the snapshot was computed from */
  fingerprint: string;
  decided_at: string | null;
  /** JSON: the assessment at the moment the decision became final */
  final_snapshot: string | null;
}

export interface ApprovalsTable {
  decision_id: string;
  seq: number;
  actor: string;
  role: string | null;
  /** approve | reject */
  verdict: string;
  comment: string | null;
  fingerprint: string;
  at: string;
}

export interface IncidentsTable {
  id: string;
  model_id: string | null;
  date: string;
  title: string;
  description: string | null;
  /** JSON list of harm descriptions */
  harms: string;
  /** low | medium | high | critical */
  severity: string;
  /** open | investigating | mitigated | closed */
  status: string;
  /** JSON list of URLs */
  links: string;
  evaluation_due: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface RisksTable {
  id: string;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  /** plan | develop | release | operate */
  stage: string;
  owner: string;
  model_id: string | null;
  /** open | mitigating | accepted | closed */
  status: string;
  mitigation: string | null;
  created_at: string;
  created_by: string;
}

export interface LedgerTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  /** Canonical JSON of the entity row after the change (null when the change removed it). */
  payload: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
}

export interface LedgerHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface Database {
  users: UsersTable;
  models: ModelsTable;
  model_versions: ModelVersionsTable;
  model_frameworks: ModelFrameworksTable;
  framework_files: FrameworkFilesTable;
  evaluations: EvaluationsTable;
  attachments: AttachmentsTable;
  blobs: BlobsTable;
  safeguards: SafeguardsTable;
  events: EventsTable;
  decisions: DecisionsTable;
  approvals: ApprovalsTable;
  incidents: IncidentsTable;
  risks: RisksTable;
  ledger: LedgerTable;
  ledger_head: LedgerHeadTable;
  counters: CountersTable;
}

/** The entity tables the ledger covers, with the columns that identify a row. */
export const recordTables = {
  users: ['id'],
  models: ['id'],
  model_versions: ['model_id', 'version'],
  model_frameworks: ['model_id', 'framework_id'],
  framework_files: ['id', 'version'],
  evaluations: ['id'],
  attachments: ['owner', 'sha256'],
  blobs: ['sha256'],
  safeguards: ['id'],
  events: ['id'],
  decisions: ['id'],
  approvals: ['decision_id', 'seq'],
  incidents: ['id'],
  risks: ['id'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

export type RecordTable = keyof typeof recordTables;
