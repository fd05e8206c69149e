// A small read-only ZIP reader (central directory, stored and deflate, ZIP64) for Inspect's .eval logs.

import { inflateRawSync } from 'node:zlib';
import { inputError } from '../../errors.js';

const endOfCentralDirectory = 0x06054b50;
const zip64EndLocator = 0x07064b50;
const zip64End = 0x06064b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
const zip64ExtraId = 0x0001;

export interface ZipArchive {
  /** Entry names in central-directory order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated and checked against the recorded size and CRC-32. */
  read(name: string): Buffer;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Opens a ZIP archive held in memory; a damaged archive is an input error naming the file. */
export function openZip(bytes: Buffer, file: string): ZipArchive {
  const damaged = (why: string) =>
    inputError(`${file} is not a readable ZIP archive: ${why}`, 'is the file complete?');
  const entries = new Map<string, Entry>();
  for (const entry of readCentralDirectory(bytes, damaged)) entries.set(entry.name, entry);
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw damaged(`no entry ${name}`);
      return readEntry(bytes, entry, (why) => damaged(`${name}: ${why}`));
    },
  };
}

type Damaged = (why: string) => Error;

function readCentralDirectory(bytes: Buffer, damaged: Damaged): Entry[] {
  const eocd = findEndRecord(bytes);
  if (eocd < 0) throw damaged('no end-of-central-directory record');
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  // Python's zipfile (which writes .eval logs) switches to ZIP64 records past 65,535 entries or 4 GiB.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== zip64EndLocator) {
      throw damaged('ZIP64 sizes without a ZIP64 locator');
    }
    const end = safeNumber(bytes.readBigUInt64LE(locator + 8), damaged);
    if (end + 56 > bytes.length || bytes.readUInt32LE(end) !== zip64End) {
      throw damaged('ZIP64 end record missing');
    }
    count = safeNumber(bytes.readBigUInt64LE(end + 32), damaged);
    size = safeNumber(bytes.readBigUInt64LE(end + 40), damaged);
    offset = safeNumber(bytes.readBigUInt64LE(end + 48), damaged);
  }
  if (offset + size > bytes.length) throw damaged('central directory runs past the end');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralHeader) {
      throw damaged(`central directory entry ${i + 1} of ${count} is missing`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const flags = bytes.readUInt16LE(at + 8);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      // Bit 11 marks UTF-8 names; without it the name is CP437, which agrees with UTF-8 on ASCII.
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: bytes.readUInt16LE(at + 10),
      flags,
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    const extraStart = at + 46 + nameLength;
    applyZip64Extra(entry, bytes.subarray(extraStart, extraStart + extraLength), damaged);
    entries.push(entry);
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) return at;
  }
  return -1;
}

/** ZIP64 extra fields hold, in order, only the values whose 32-bit slots are saturated. */
function applyZip64Extra(entry: Entry, extra: Buffer, damaged: Damaged): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === zip64ExtraId) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw damaged(`${entry.name}: short ZIP64 extra field`);
        const value = safeNumber(extra.readBigUInt64LE(field), damaged);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

function readEntry(bytes: Buffer, entry: Entry, damaged: Damaged): Buffer {
  if (entry.flags & 0x1) throw damaged('the entry is encrypted');
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localHeader) {
    throw damaged('local header missing');
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged('data runs past the end of the file');
  const data = bytes.subarray(start, end);
  let content: Buffer;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) {
    try {
      // The cap keeps a lying size field from inflating without bound.
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      throw damaged(`cannot inflate (${(error as Error).message})`);
    }
  } else
    throw damaged(`compression method ${entry.method} is not supported (only stored and deflate)`);
  if (content.length !== entry.size) {
    throw damaged(`size ${content.length} where the directory says ${entry.size}`);
  }
  if (crc32(content) !== entry.crc) throw damaged('CRC-32 mismatch');
  return content;
}

function safeNumber(value: bigint, damaged: Damaged): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a ZIP64 value is out of range');
  return Number(value);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3) as ZIP records it; node:zlib gains crc32 only in Node 22. */
export function crc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
