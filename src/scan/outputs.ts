// Output files written under a temporary name, renamed only when the scan completes.

import {
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { AnjeonError } from '../errors.js';

export const partialSuffix = '.partial';

/** One output: appended to synchronously (the main thread has nothing better to do), sized exactly. */
export class PartialFile {
  private fd: number;
  bytes: number;

  private constructor(
    readonly path: string,
    fd: number,
    bytes: number,
  ) {
    this.fd = fd;
    this.bytes = bytes;
  }

  get partialPath(): string {
    return this.path + partialSuffix;
  }

  static create(path: string): PartialFile {
    return new PartialFile(path, openSync(path + partialSuffix, 'w'), 0);
  }

  /** Reopens an interrupted output and cuts off whatever was written after the checkpoint. */
  static resume(path: string, bytes: number): PartialFile {
    const partial = path + partialSuffix;
    if (!existsSync(partial) || statSync(partial).size < bytes)
      throw new AnjeonError(
        'input',
        `cannot resume: ${partial} is missing or shorter than the checkpoint says`,
        'delete the checkpoint file to scan again from the start',
      );
    const fd = openSync(partial, 'r+');
    ftruncateSync(fd, bytes);
    return new PartialFile(path, fd, bytes);
  }

  write(text: string | Uint8Array): void {
    if (text.length === 0) return;
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let done = 0;
    while (done < data.length)
      done += writeSync(this.fd, data, done, data.length - done, this.bytes + done);
    this.bytes += data.length;
  }

  sync(): void {
    fdatasyncSync(this.fd);
  }

  /** Closes and gives the file its real name. */
  commit(): void {
    closeSync(this.fd);
    renameSync(this.partialPath, this.path);
  }

  close(): void {
    closeSync(this.fd);
  }
}
