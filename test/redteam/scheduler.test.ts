import { describe, expect, it } from 'vitest';
import { Lane, RetriesExhausted } from '../../src/redteam/scheduler.js';
import { TargetError } from '../../src/redteam/types.js';

const never = new AbortController().signal;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Lane', () => {
  it('never has more requests in flight than its concurrency', async () => {
    const lane = new Lane({ concurrency: 3, maxRetries: 0 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        lane.run(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await wait(5);
          inFlight--;
        }, never),
      ),
    );
    expect(peak).toBe(3);
  });

  it('spaces request starts by the rate limit', async () => {
    const lane = new Lane({ concurrency: 10, maxRetries: 0, ratePerSecond: 50 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        lane.run(() => Promise.resolve(void starts.push(Date.now())), never),
      ),
    );
    const span = Math.max(...starts) - Math.min(...starts);
    // Six starts at 50/s need at least five 20 ms gaps.
    expect(span).toBeGreaterThanOrEqual(95);
  });

  it('retries retryable errors and reports how many tries it took', async () => {
    const lane = new Lane({ concurrency: 1, maxRetries: 3, baseDelayMs: 1 });
    let calls = 0;
    const result = await lane.run(() => {
      calls++;
      if (calls < 3) return Promise.reject(new TargetError('server', 'HTTP 500', 500));
      return Promise.resolve('ok');
    }, never);
    expect(result).toEqual({ value: 'ok', tries: 3 });
    expect(lane.stats.retries).toBe(2);
  });

  it('gives up after maxRetries with the last error, and never retries a client error', async () => {
    const lane = new Lane({ concurrency: 1, maxRetries: 2, baseDelayMs: 1 });
    let calls = 0;
    const failing = lane.run(() => {
      calls++;
      return Promise.reject(new TargetError('network', 'ECONNRESET'));
    }, never);
    await expect(failing).rejects.toMatchObject({
      tries: 3,
      message: 'ECONNRESET (after 3 tries)',
    });
    expect(calls).toBe(3);

    calls = 0;
    const bad = lane.run(() => {
      calls++;
      return Promise.reject(new TargetError('client', 'HTTP 400: model not found', 400));
    }, never);
    await expect(bad).rejects.toBeInstanceOf(RetriesExhausted);
    expect(calls).toBe(1);
  });

  it('honours maxRetries 0', async () => {
    const lane = new Lane({ concurrency: 1, maxRetries: 0, baseDelayMs: 1 });
    let calls = 0;
    await expect(
      lane.run(() => {
        calls++;
        return Promise.reject(new TargetError('server', 'HTTP 503', 503));
      }, never),
    ).rejects.toBeInstanceOf(RetriesExhausted);
    expect(calls).toBe(1);
  });

  it('pauses the whole lane for Retry-After after a 429, not just the request that got it', async () => {
    const lane = new Lane({ concurrency: 4, maxRetries: 2 });
    let limited = false;
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        lane.run(async () => {
          starts.push(Date.now() - t0);
          if (i === 0 && !limited) {
            limited = true;
            throw new TargetError('rate_limited', 'HTTP 429', 429, 150);
          }
          await wait(i === 0 ? 0 : 30 * i);
        }, never),
      ),
    );
    // The retry of request 0 starts after the 150 ms pause.
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(145);
    expect(lane.stats.rateLimited).toBe(1);
  });

  it('halves its concurrency on a 429 and grows back after successes, so a concurrency limit stops tripping', async () => {
    const lane = new Lane({ concurrency: 8, maxRetries: 30 });
    let inFlight = 0;
    let over = 0;
    const task = async () => {
      inFlight++;
      try {
        // The endpoint allows two requests at a time and answers the rest with 429.
        if (inFlight > 2) {
          over++;
          throw new TargetError('rate_limited', 'HTTP 429', 429, 2);
        }
        await wait(3);
        return 'ok';
      } finally {
        inFlight--;
      }
    };
    const results = await Promise.all(Array.from({ length: 60 }, () => lane.run(task, never)));
    expect(results.every((r) => r.value === 'ok')).toBe(true);
    expect(lane.stats.lowestConcurrency).toBeLessThanOrEqual(2);
    // Without the cut every wave after a pause would send 8 and lose 6 of them.
    expect(over).toBeLessThan(30);
  });

  it('backs off exponentially with bounded jitter when the server gives no Retry-After', () => {
    const lane = new Lane({
      concurrency: 1,
      maxRetries: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      jitter: 0.2,
      random: () => 1,
    });
    const e = new TargetError('server', 'HTTP 500', 500);
    expect([1, 2, 3, 4, 5].map((t) => lane.backoff(e, t))).toEqual([120, 240, 480, 960, 1200]);
    const low = new Lane({
      concurrency: 1,
      maxRetries: 5,
      baseDelayMs: 100,
      jitter: 0.2,
      random: () => 0,
    });
    expect(low.backoff(e, 1)).toBe(80);
    expect(lane.backoff(new TargetError('rate_limited', '429', 429, 2500), 1)).toBe(1000);
  });

  it('stops waiting when cancelled', async () => {
    const lane = new Lane({ concurrency: 1, maxRetries: 5, baseDelayMs: 10_000 });
    const abort = new AbortController();
    const running = lane.run(() => {
      return Promise.reject(new TargetError('server', 'HTTP 500', 500));
    }, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
