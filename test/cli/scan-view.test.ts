// What a person sees while a scan runs: the progress line on a terminal, in a log, or nothing.

import { describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { progressLine, progressReporter } from '../../src/cli/scan-view.js';
import type { Io } from '../../src/cli/io.js';

const at = (elapsedMs: number, diskBytes: number) => ({
  records: 1234,
  diskBytes,
  totalBytes: 100e6,
  elapsedMs,
});

function fakeIo() {
  const err: string[] = [];
  const io: Io = {
    out: () => undefined,
    err: (t) => void err.push(t),
    color: pc.createColors(false),
    env: {},
    today: () => '2026-01-01',
  };
  return { io, err };
}

function fakeStream(tty: boolean) {
  const written: string[] = [];
  const stream = { isTTY: tty, write: (s: string) => written.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('scan progress', () => {
  it('shows records, bytes, share, rate and time left', () => {
    expect(progressLine(at(10_000, 50e6))).toBe(
      '1,234 records · 50.0 MB of 100.0 MB (50%) · 5.0 MB/s · ETA 0:10',
    );
    expect(progressLine(at(0, 0))).toContain('ETA ?');
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const { io, err } = fakeIo();
    const { stream, written } = fakeStream(true);
    const p = progressReporter(io, stream, false);
    p.update(at(200, 1e6));
    p.update(at(250, 2e6)); // too soon to redraw
    p.update(at(400, 3e6));
    p.done();
    expect(written).toHaveLength(3);
    expect(written[0]!.startsWith('\r\x1b[2K1,234 records')).toBe(true);
    expect(written[2]).toBe('\r\x1b[2K');
    expect(err).toEqual([]);
  });

  it('writes a plain line every ten seconds in a log, and nothing with --json', () => {
    const log = fakeIo();
    const p = progressReporter(log.io, fakeStream(false).stream, false);
    for (let ms = 1000; ms <= 25_000; ms += 1000) p.update(at(ms, ms * 1000));
    expect(log.err).toHaveLength(2);
    const quiet = fakeIo();
    const { stream, written } = fakeStream(true);
    const q = progressReporter(quiet.io, stream, true);
    q.update(at(5000, 1e6));
    q.done();
    expect([...written, ...quiet.err]).toEqual([]);
  });
});
