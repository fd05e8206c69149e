// POSTs JSON to a guard server and turns every way that can fail into BackendUnavailable, never leaking the key.

import { BackendUnavailable } from '../backend.js';

export interface PostJsonOptions {
  /** The backend's name, which starts every error message. */
  backend: string;
  /** Sent as `Authorization: Bearer ...`; it is scrubbed from every message this module builds. */
  apiKey?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Reads the bearer token from the environment variable a config names; a missing one is an outage. */
export function apiKeyFrom(backend: string, envName: string | undefined): string | undefined {
  if (envName === undefined) return undefined;
  const key = process.env[envName];
  if (!key) {
    throw new BackendUnavailable(
      backend,
      `the environment variable ${envName} (API key) is not set`,
    );
  }
  return key;
}

/** Joins a base URL and an API path, tolerating a trailing slash and a base that already ends in /v1. */
export function endpointUrl(base: string, path: string): string {
  let trimmed = base.replace(/\/+$/, '');
  if (trimmed.endsWith('/v1') && path.startsWith('/v1/')) trimmed = trimmed.slice(0, -3);
  return `${trimmed}${path}`;
}

/** Replaces the secret wherever it appears, so a server that echoes headers cannot leak it. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

/** The URL as it may appear in a message: credentials in the authority are dropped. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}...` : oneLine;
}

/** Returns the parsed JSON body of a 2xx answer; anything else throws BackendUnavailable. */
export async function postJson(
  url: string,
  body: unknown,
  options: PostJsonOptions,
): Promise<unknown> {
  const where = displayUrl(url);
  const fail = (message: string, cause?: unknown): BackendUnavailable =>
    new BackendUnavailable(options.backend, redact(message, options.apiKey), cause);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw fail(`no answer from ${where} within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw fail(`request to ${where} was cancelled`);
    throw fail(`cannot reach ${where}: ${networkReason(error)}`, networkCause(error));
  }
  if (status < 200 || status > 299) {
    throw fail(`HTTP ${status} from ${where}${text ? `: ${snippet(text)}` : ''}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail(`the answer from ${where} is not JSON: ${snippet(text) || '(empty body)'}`);
  }
}

/** fetch hides the socket error (ECONNREFUSED, ECONNRESET) in `cause`; that is what a person needs. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function networkCause(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined ? error.cause : error;
}
