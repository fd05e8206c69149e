// A disk cache of target answers keyed by what determines the answer (never a secret); errors are
// never stored, and a damaged entry is a miss, not a failure.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256 } from '../store/canonical-json.js';
import type { TargetReply, TargetRequest } from './types.js';

interface Entry {
  key: string;
  reply: TargetReply;
}

export class ResponseCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Target identity and request; the identity holds URL, model and settings, never a key. */
  keyOf(identity: Record<string, unknown>, request: TargetRequest): string {
    return sha256(canonicalJson({ v: 1, target: identity, request }));
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): TargetReply | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.path(key), 'utf8')) as Entry;
      if (entry.key === key && typeof entry.reply?.text === 'string') {
        this.hits++;
        return entry.reply;
      }
    } catch {
      // Missing or torn by a crash: fetch again.
    }
    this.misses++;
    return undefined;
  }

  set(key: string, reply: TargetReply): void {
    const file = this.path(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, reply } satisfies Entry));
    renameSync(tmp, file);
  }
}
