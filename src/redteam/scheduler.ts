// One lane per endpoint (the target, the judge): a concurrency cap, a request rate, and the only retry
// layer — exponential backoff with jitter that honours Retry-After and pauses the whole lane on a 429.
// A 429 also halves the lane's concurrency, which grows back by half after a run of successes (AIMD),
// so an endpoint that limits concurrent requests is not hit again at the rate that tripped it.

import { TargetError } from './types.js';

export interface LaneOptions {
  /** Requests in flight at once. */
  concurrency: number;
  /** Request starts per second; undefined for no limit. */
  ratePerSecond?: number;
  /** Retries after the first try (0: fail at the first error). */
  maxRetries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** ±fraction of random spread on each backoff, so clients that failed together do not retry together. */
  jitter?: number;
  random?: () => number;
  now?: () => number;
}

export interface LaneResult<T> {
  value: T;
  tries: number;
}

/** The last error after every try, with how many tries were made. */
export class RetriesExhausted extends Error {
  override readonly name = 'RetriesExhausted';
  constructor(
    readonly error: TargetError,
    readonly tries: number,
  ) {
    super(tries > 1 ? `${error.message} (after ${tries} tries)` : error.message);
  }
}

export interface RetryNotice {
  tries: number;
  delayMs: number;
  error: TargetError;
}

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return signal.aborted ? Promise.reject(abortError(signal)) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Successes in a row after which a lane cut by a 429 may grow again. */
const growAfter = 5;

export class Lane {
  private inFlight = 0;
  /** Requests allowed in flight now: `concurrency`, less after 429s. */
  private limit: number;
  private successes = 0;
  private readonly waiting: (() => void)[] = [];
  /** Earliest time the next request may start (rate limit and 429 pauses). */
  private nextStart = 0;
  private pausedUntil = 0;
  private readonly o: Required<Omit<LaneOptions, 'ratePerSecond'>> & { ratePerSecond?: number };
  /** Counters for the run's summary and progress line. */
  readonly stats = { requests: 0, retries: 0, rateLimited: 0, lowestConcurrency: 0 };

  constructor(options: LaneOptions) {
    if (!(options.concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
    this.o = {
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      jitter: 0.2,
      random: Math.random,
      now: Date.now,
      ...options,
    };
    this.limit = this.o.concurrency;
    this.stats.lowestConcurrency = this.limit;
  }

  /** Requests allowed in flight now. */
  get concurrency(): number {
    return this.limit;
  }

  private async acquire(signal: AbortSignal): Promise<void> {
    if (this.inFlight < this.limit && this.waiting.length === 0) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(abortError(signal));
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    this.inFlight--;
    this.grant();
  }

  private grant(): void {
    while (this.inFlight < this.limit && this.waiting.length > 0) {
      this.inFlight++;
      this.waiting.shift()!();
    }
  }

  private succeeded(): void {
    if (this.limit >= this.o.concurrency || ++this.successes < growAfter) return;
    this.successes = 0;
    this.limit = Math.min(this.o.concurrency, this.limit + Math.max(1, Math.floor(this.limit / 2)));
    this.grant();
  }

  private rateLimited(): void {
    this.successes = 0;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.stats.lowestConcurrency = Math.min(this.stats.lowestConcurrency, this.limit);
  }

  /** Waits for the rate limit and any 429 pause, then claims the next start time. */
  private async pace(signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.o.now();
      const at = Math.max(this.nextStart, this.pausedUntil);
      if (at <= now) break;
      await sleep(at - now, signal);
    }
    if (this.o.ratePerSecond) this.nextStart = this.o.now() + 1000 / this.o.ratePerSecond;
  }

  backoff(error: TargetError, tries: number): number {
    if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, this.o.maxDelayMs);
    const base = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (tries - 1));
    const spread = 1 + this.o.jitter * (2 * this.o.random() - 1);
    return Math.round(base * spread);
  }

  /**
   * Runs `task` under the lane's limits, retrying retryable TargetErrors. Anything else (a
   * cancellation, a bug) is rethrown at once; a non-retryable error or the last retry's error comes
   * back as RetriesExhausted.
   */
  async run<T>(
    task: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    onRetry?: (notice: RetryNotice) => void,
  ): Promise<LaneResult<T>> {
    for (let tries = 1; ; tries++) {
      await this.acquire(signal);
      let failure: TargetError;
      try {
        await this.pace(signal);
        this.stats.requests++;
        const value = await task(signal);
        this.succeeded();
        return { value, tries };
      } catch (error) {
        if (!(error instanceof TargetError) || signal.aborted) throw error;
        failure = error;
      } finally {
        this.release();
      }
      if (!failure.retryable || tries > this.o.maxRetries)
        throw new RetriesExhausted(failure, tries);
      const delayMs = this.backoff(failure, tries);
      if (failure.kind === 'rate_limited') {
        // Everyone waits, not just this request: a 429 is about the endpoint, and a storm of
        // independent retries is what keeps it saturated.
        this.stats.rateLimited++;
        this.rateLimited();
        this.pausedUntil = Math.max(this.pausedUntil, this.o.now() + delayMs);
      }
      this.stats.retries++;
      onRetry?.({ tries, delayMs, error: failure });
      await sleep(delayMs, signal);
    }
  }
}
