// Reads an input file (plain or gzip) as chunks of whole records, with record and line numbers.

import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { ChunkInput } from './chunk.js';
import type { RecordSplitter } from './formats/format.js';

export function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export interface Position {
  /** Bytes of the (decompressed) input consumed so far: where a resumed scan starts reading. */
  offset: number;
  record: number;
  line: number;
}

export interface SourceChunk {
  input: ChunkInput;
  /** Where the input stands after this chunk. */
  after: Position;
  /** Bytes read from disk so far (compressed bytes for gzip), for progress. */
  diskBytes: number;
}

export interface ByteSourceOptions {
  gzip: boolean;
  splitter: RecordSplitter;
  chunkBytes: number;
  maxRecordBytes: number;
  start: Position;
  firstSeq: number;
}

/** Decompressed bytes from `offset` on; a gzip stream cannot seek, so it is read and skipped. */
export async function* bytesFrom(
  path: string,
  gzip: boolean,
  offset: number,
  disk: { bytes: number },
): AsyncGenerator<Buffer> {
  const file = createReadStream(path, {
    start: gzip ? 0 : offset,
    highWaterMark: 1 << 20,
  });
  disk.bytes = gzip ? 0 : offset;
  file.on('data', (b) => (disk.bytes += b.length));
  if (!gzip) {
    for await (const piece of file) yield piece as Buffer;
    return;
  }
  let skip = offset;
  for await (const piece of file.pipe(createGunzip()) as AsyncIterable<Buffer>) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    yield skip > 0 ? piece.subarray(skip) : piece;
    skip = 0;
  }
}

export async function* byteChunks(path: string, o: ByteSourceOptions): AsyncGenerator<SourceChunk> {
  const disk = { bytes: 0 };
  const at: Position = { ...o.start };
  let seq = o.firstSeq;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Inside a record too long to keep: drop bytes up to its line break. */
  let skipping = false;

  /** Whole records of about `chunkBytes` from the front of `buf`; a longer record makes a longer cut. */
  const cutFront = (buf: Buffer, final: boolean) => {
    if (buf.length > o.chunkBytes) {
      const cut = o.splitter.cut(buf.subarray(0, o.chunkBytes), false);
      if (cut.end > 0) return cut;
    }
    return o.splitter.cut(buf, final);
  };

  function* emit(final: boolean): Generator<SourceChunk> {
    let buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    while (buf.length > 0 && (final || buf.length >= o.chunkBytes)) {
      const cut = cutFront(buf, final);
      if (cut.end > 0) {
        // A copy of its own, so the worker can take the bytes without sharing the read buffer.
        const data = Uint8Array.prototype.slice.call(buf, 0, cut.end);
        const input: ChunkInput = { seq: seq++, firstRecord: at.record, firstLine: at.line, data };
        at.offset += cut.end;
        at.record += cut.records;
        at.line += cut.lines;
        yield { input, after: { ...at }, diskBytes: disk.bytes };
        buf = buf.subarray(cut.end);
        continue;
      }
      if (buf.length <= o.maxRecordBytes && !final) break;
      // No record ends within the limit: report the first line as one oversized record, skip it.
      const nl = buf.indexOf(0x0a);
      const dropped = nl === -1 ? buf.length : nl + 1;
      const input: ChunkInput = {
        seq: seq++,
        firstRecord: at.record,
        firstLine: at.line,
        oversized: { bytes: o.maxRecordBytes },
      };
      at.offset += dropped;
      at.record += 1;
      at.line += 1;
      yield { input, after: { ...at }, diskBytes: disk.bytes };
      buf = buf.subarray(dropped);
      if (nl === -1) {
        skipping = !final;
        break;
      }
    }
    pending = buf.length > 0 ? [buf] : [];
    pendingBytes = buf.length;
  }

  for await (let piece of bytesFrom(path, o.gzip, o.start.offset, disk)) {
    if (skipping) {
      const nl = piece.indexOf(0x0a);
      at.offset += nl === -1 ? piece.length : nl + 1;
      if (nl === -1) continue;
      skipping = false;
      piece = piece.subarray(nl + 1);
    }
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes >= o.chunkBytes) yield* emit(false);
  }
  if (pendingBytes > 0) yield* emit(true);
}
