// The worker thread: builds the codec once, then scans each chunk the main thread sends.

import { parentPort, workerData } from 'node:worker_threads';
import { scanChunk, type ChunkInput, type ChunkOutput, type ChunkSettings } from './chunk.js';
import { codecFor, type CodecSpec } from './formats/index.js';

const { codec: spec, settings } = workerData as { codec: CodecSpec; settings: ChunkSettings };
const codec = codecFor(spec);

/** The output buffers are moved to the main thread, not copied, when they own their memory. */
function transferable(out: ChunkOutput): ArrayBuffer[] {
  const owned = new Set<ArrayBuffer>();
  for (const b of [out.findings, out.redacted, out.filtered, out.rejects]) {
    const buffer = b.buffer as ArrayBuffer;
    // Small Buffers share Node's allocation pool: moving one would take the pool with it.
    if (b.byteOffset === 0 && buffer.byteLength === b.byteLength && b.byteLength >= 8192)
      owned.add(buffer);
  }
  return [...owned];
}

parentPort!.on('message', (input: ChunkInput) => {
  const out = scanChunk(input, codec, settings);
  parentPort!.postMessage(out, transferable(out));
});
