// Test support: scan options with the CLI's defaults, and a temporary folder per test file.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { piiTypes } from '../../src/detect/types.js';
import type { ScanOptions } from '../../src/scan/scan.js';

/** A folder removed when the test file is done (call it while the file's tests are collected). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjeon-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function scanOptions(input: string, overrides: Partial<ScanOptions> = {}): ScanOptions {
  return {
    input,
    format: 'jsonl',
    fields: 'text',
    idField: 'id',
    txtMode: 'line',
    workers: 0,
    resume: false,
    pii: true,
    piiTypes: [...piiTypes],
    piiMinConfidence: 0.5,
    hazards: true,
    hazardThreshold: 0.5,
    filterCodes: 'all',
    salt: null,
    keepMalformed: false,
    chunkBytes: 1 << 20,
    maxRecordBytes: 64 << 20,
    checkpointMs: 1000,
    samplesPerKind: 3,
    version: 'test',
    ...overrides,
  };
}

export function jsonLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
