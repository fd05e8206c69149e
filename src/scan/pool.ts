// Worker threads that scan chunks in parallel; results come back in the order chunks went in.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AnjeonError } from '../errors.js';
import type { ChunkInput, ChunkOutput, ChunkSettings } from './chunk.js';
import type { CodecSpec } from './formats/index.js';

interface Pending {
  resolve(out: ChunkOutput): void;
  reject(error: Error): void;
}

/**
 * A small young generation: chunks make short-lived strings, and V8's default lets each worker
 * hold tens of megabytes of them between collections (peak RSS 355 → 307 MB on a 200 MB scan
 * with two workers, at the same speed).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * The built worker, or under tsx (tests, scripts run from src/) a small bootstrap that registers
 * tsx in the worker first: a worker does not inherit the loader, nor take it from execArgv.
 */
function startWorker(workerData: unknown): Worker {
  const ts = new URL('./worker.ts', import.meta.url);
  if (import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(ts))) {
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`;
    return new Worker(boot, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL('./worker.js', import.meta.url), { workerData, resourceLimits });
}

export class ScanPool {
  private readonly workers: Worker[] = [];
  private readonly queues: Pending[][] = [];
  private failure: Error | null = null;
  private closing = false;

  /**
   * `size` 0 scans in this thread (for debugging and tiny inputs); only then does this thread load
   * the detector.
   */
  static async start(size: number, codec: CodecSpec, settings: ChunkSettings): Promise<ScanPool> {
    if (size > 0) return new ScanPool(size, codec, settings, null);
    const [{ scanChunk }, { codecFor }] = await Promise.all([
      import('./chunk.js'),
      import('./formats/index.js'),
    ]);
    const c = codecFor(codec);
    return new ScanPool(0, codec, settings, (input) => scanChunk(input, c, settings));
  }

  private constructor(
    size: number,
    codec: CodecSpec,
    settings: ChunkSettings,
    private readonly inline: ((input: ChunkInput) => ChunkOutput) | null,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker({ codec, settings });
      const queue: Pending[] = [];
      worker.on('message', (out: ChunkOutput) => queue.shift()?.resolve(out));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing)
          this.fail(new Error(`a scan worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.queues.push(queue);
    }
  }

  private fail(error: Error): void {
    this.failure ??= new AnjeonError(
      'runtime',
      `a scan worker failed: ${error.message}`,
      'what was written up to the last checkpoint is kept: run again with --resume',
    );
    for (const q of this.queues) for (const p of q.splice(0)) p.reject(this.failure);
  }

  /** Sends a chunk to the least busy worker; its bytes are moved, not copied. */
  submit(input: ChunkInput): Promise<ChunkOutput> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.inline) {
      try {
        return Promise.resolve(this.inline(input));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    let best = 0;
    for (let i = 1; i < this.queues.length; i++)
      if (this.queues[i]!.length < this.queues[best]!.length) best = i;
    return new Promise<ChunkOutput>((resolve, reject) => {
      this.queues[best]!.push({ resolve, reject });
      const transfer = input.data ? [input.data.buffer as ArrayBuffer] : [];
      this.workers[best]!.postMessage(input, transfer);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
