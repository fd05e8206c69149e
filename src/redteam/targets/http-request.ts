// One HTTP exchange with a red-team target: a timeout, the caller's cancellation, every failure as a
// TargetError kind, and no secret in any message. It never retries: the runner's scheduler does.

import { TargetError, type TargetErrorKind } from '../types.js';
import { sendableUrl, type SendableUrl } from './target-url.js';

export interface HttpRequest {
  url: string;
  /** Default POST. */
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON when given. */
  body?: unknown;
  timeoutMs: number;
  signal: AbortSignal;
  /** Who is asked, as messages name it: a URL without credentials or keys. */
  where: string;
  /** Keys and header values that must never appear in a message. */
  secrets?: readonly string[];
  /**
   * A non-2xx answer the protocol treats as a reply, such as Azure's 400 `content_filter`; `body`
   * is the parsed JSON, or undefined when the answer is not JSON.
   */
  acceptStatus?: (status: number, body: unknown) => boolean;
  /** `text` returns the body as it came; `json` (default) requires JSON and parses it. */
  expect?: 'json' | 'text';
}

export interface HttpAnswer {
  status: number;
  /** The parsed JSON (or, with `expect: 'text'`, the text again). */
  body: unknown;
  text: string;
}

/** Response text quoted in a message is cut here: an HTML error page is not a message. */
const snippetLength = 200;

/** Replaces every secret (and its URL-encoded form) with [redacted]. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    out = out.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('[redacted]');
  }
  return out;
}

export function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > snippetLength ? `${oneLine.slice(0, snippetLength)}...` : oneLine;
}

/** A TargetError whose message has been scrubbed. */
export function targetError(
  kind: TargetErrorKind,
  message: string,
  secrets: readonly string[] = [],
  status?: number,
  retryAfterMs?: number,
): TargetError {
  return new TargetError(kind, scrub(message, secrets), status, retryAfterMs);
}

/**
 * How long the server asks us to wait: OpenAI's `retry-after-ms` first (it is finer), then
 * `Retry-After` as seconds or as an HTTP date.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The cancellation the scheduler tells apart from a failure by its name. */
function abortError(signal: AbortSignal): DOMException {
  const error = new DOMException('the request was cancelled', 'AbortError');
  Object.defineProperty(error, 'cause', { value: signal.reason as unknown });
  return error;
}

const watchers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` when `signal` fires. The run's one signal is shared by every request in flight;
 * one listener per signal fans out to them, where a listener each would trip Node's
 * MaxListenersExceededWarning at eleven.
 */
function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = watchers.get(signal);
  if (!callbacks) {
    const set = new Set<() => void>();
    signal.addEventListener('abort', () => set.forEach((f) => f()), { once: true });
    watchers.set(signal, set);
    callbacks = set;
  }
  callbacks.add(callback);
  const registered = callbacks;
  return () => registered.delete(callback);
}

/** Makes exactly one request; throws TargetError on failure and an AbortError when `signal` fires. */
export async function httpRequest(request: HttpRequest): Promise<HttpAnswer> {
  const { signal, timeoutMs } = request;
  if (signal.aborted) throw abortError(signal);
  const url = urlToSend(request);
  const secrets = [...(request.secrets ?? []), ...url.secrets];
  const headers = requestHeaders(request, url.authorization, secrets);

  // One controller for both causes; AbortSignal.any on a run-long signal keeps every request alive.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.min(timeoutMs, maxTimerMs),
  );
  const stopWatching = onAbort(signal, () => controller.abort());
  let stage: 'connect' | 'read' = 'connect';
  try {
    const response = await fetch(url.href, {
      method: request.method ?? 'POST',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
      redirect: 'manual',
    });
    stage = 'read';
    const text = await response.text();
    return answerOf(response, text, request, secrets);
  } catch (error) {
    if (signal.aborted) throw abortError(signal);
    if (error instanceof TargetError) throw error;
    if (timedOut)
      throw targetError(
        'timeout',
        `no answer from ${request.where} within ${timeoutMs} ms`,
        secrets,
      );
    const { code, reason } = networkReason(error);
    const unreachable = code !== undefined && unreachableCodes.has(code);
    throw targetError(
      'network',
      stage === 'read'
        ? `the connection to ${request.where} dropped while the answer was arriving: ${reason}`
        : unreachable
          ? `cannot reach ${request.where}: ${reason}`
          : `the connection to ${request.where} closed before an answer: ${reason}`,
      secrets,
    );
  } finally {
    clearTimeout(timer);
    stopWatching();
  }
}

/** A URL made from a template and environment variables can still turn out malformed. */
function urlToSend(request: HttpRequest): SendableUrl {
  try {
    return sendableUrl(request.url);
  } catch {
    throw targetError(
      'client',
      `${request.where} is not a valid URL once its variables are filled in`,
      request.secrets,
    );
  }
}

/** setTimeout fires at once beyond this (about 24.8 days). */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Defaults first, then the caller's headers, case-insensitively (a config's `Authorization` replaces
 * the Basic auth taken from the URL). A value fetch cannot send (a newline, a Hangul character) is a
 * mistake in the config, not a network failure, so it is checked here.
 */
function requestHeaders(
  request: HttpRequest,
  authorization: string | undefined,
  secrets: readonly string[],
): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (authorization) headers.set('authorization', authorization);
  if (request.body !== undefined) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    try {
      headers.set(name, value);
    } catch {
      throw targetError(
        'client',
        `the header ${name} for ${request.where} cannot be sent: a header value must be one line of Latin-1 text`,
        secrets,
      );
    }
  }
  return headers;
}

function answerOf(
  response: Response,
  text: string,
  request: HttpRequest,
  secrets: readonly string[],
): HttpAnswer {
  const { status } = response;
  const json = parseJson(text);
  const ok = status >= 200 && status <= 299;
  const accepted = !ok && request.acceptStatus?.(status, json.ok ? json.value : undefined);
  if (!ok && !accepted) {
    throw statusError(response, text, json.ok ? json.value : undefined, request.where, secrets);
  }
  if (request.expect === 'text') return { status, body: text, text };
  if (!json.ok) {
    throw targetError(
      'bad_reply',
      `the answer from ${request.where} is not JSON: ${snippet(text) || '(empty body)'}`,
      secrets,
      status,
    );
  }
  return { status, body: json.value, text };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function statusError(
  response: Response,
  text: string,
  body: unknown,
  where: string,
  secrets: readonly string[],
): TargetError {
  const { status } = response;
  const detail = errorDetail(body) ?? (snippet(text) || response.statusText || '(empty body)');
  const message = `HTTP ${status} from ${where}: ${snippet(detail)}`;
  if (status === 429)
    return targetError('rate_limited', message, secrets, status, retryAfterMs(response.headers));
  if (status >= 500)
    return targetError('server', message, secrets, status, retryAfterMs(response.headers));
  if (status === 408) return targetError('timeout', message, secrets, status);
  if (status === 401 || status === 403)
    return targetError(
      'client',
      `${message} (check the API key or the auth headers)`,
      secrets,
      status,
    );
  if (status >= 300 && status <= 399) {
    const location = response.headers.get('location');
    const to = location ? `; use the URL it points to (${location})` : '';
    return targetError('client', `HTTP ${status} from ${where}: a redirect${to}`, secrets, status);
  }
  return targetError('client', message, secrets, status);
}

/**
 * The sentence an API put in its error body: OpenAI and Azure `{error: {message}}`, Ollama
 * `{error: "..."}`, vLLM `{message}`, FastAPI `{detail}`.
 */
export function errorDetail(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.error === 'string') return b.error;
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    if (typeof e.message === 'string')
      return typeof e.code === 'string' ? `${e.code}: ${e.message}` : e.message;
  }
  if (typeof b.message === 'string') return b.message;
  if (typeof b.detail === 'string') return b.detail;
  return undefined;
}

/** Socket errors that mean no connection was made (as opposed to one that was dropped). */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** fetch hides the socket error (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET) in `cause`. */
function networkReason(error: unknown): { code?: string; reason: string } {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code !== 'string') return { reason: cause.message };
    return { code, reason: cause.message ? `${code} (${cause.message})` : code };
  }
  return { reason: error instanceof Error ? error.message : String(error) };
}
