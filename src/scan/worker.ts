// The worker thread: builds the codec once, then scans each chunk the main thread sends.

import { parentPort, workerData } from 'node:worker_threads';
import { scanChunk, type ChunkInput, type ChunkSettings } from './chunk.js';
import { codecFor, type CodecSpec } from './formats/index.js';

const { codec: spec, settings } = workerData as { codec: CodecSpec; settings: ChunkSettings };
const codec = codecFor(spec);

parentPort!.on('message', (input: ChunkInput) => {
  parentPort!.postMessage(scanChunk(input, codec, settings));
});
