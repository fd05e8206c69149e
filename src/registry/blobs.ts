// Files kept in the record by their SHA-256: evidence files, reports, screenshots; stored once.

import { AnjeonError } from '../errors.js';
import { sha256 } from '../store/canonical-json.js';
import type { WriteContext } from '../store/write.js';
import type { Policy } from './policy.js';

export interface FileInput {
  name: string;
  bytes: Buffer;
}

const mediaTypes: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  pdf: 'application/pdf',
  html: 'text/html',
  md: 'text/markdown',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export function mediaTypeOf(name: string): string {
  return mediaTypes[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

export function checkSize(file: FileInput, policy: Policy): void {
  if (file.bytes.length > policy.max_file_bytes) {
    throw new AnjeonError(
      'input',
      `${file.name} is ${file.bytes.length} bytes; the record accepts files up to ${policy.max_file_bytes}`,
      'raise max_file_bytes in ANJEON_HOME/config.yaml, or attach a smaller file',
    );
  }
}

/** Stores the bytes unless the same bytes are already stored; returns their SHA-256. */
export async function storeBlob(w: WriteContext, file: FileInput): Promise<string> {
  const hash = sha256(file.bytes);
  const exists = await w.tx
    .selectFrom('blobs')
    .select('sha256')
    .where('sha256', '=', hash)
    .executeTakeFirst();
  if (!exists) {
    await w.tx
      .insertInto('blobs')
      .values({
        sha256: hash,
        size: file.bytes.length,
        media_type: mediaTypeOf(file.name),
        content: file.bytes,
        stored_at: w.at,
      })
      .execute();
    await w.ledger.record('file.store', 'blobs', { sha256: hash });
  }
  return hash;
}

export async function attach(w: WriteContext, owner: string, file: FileInput): Promise<string> {
  const hash = await storeBlob(w, file);
  const exists = await w.tx
    .selectFrom('attachments')
    .select('sha256')
    .where('owner', '=', owner)
    .where('sha256', '=', hash)
    .executeTakeFirst();
  if (!exists) {
    await w.tx
      .insertInto('attachments')
      .values({ owner, sha256: hash, name: file.name, attached_at: w.at, attached_by: w.actor })
      .execute();
    await w.ledger.record('file.attach', 'attachments', { owner, sha256: hash });
  }
  return hash;
}
