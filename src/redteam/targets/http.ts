// Any HTTP API as a red-team target, described by a YAML file: where to send, the body, where the text is.

import type { Target, TargetReply, TargetRequest } from '../types.js';
import { fillBody, fillEnv, fillText } from './body-template.js';
import type { BlockedWhen, HttpTargetConfig } from './http-config.js';
import { httpRequest, snippet, targetError } from './http-request.js';
import { valueAt } from './response-path.js';
import { displayUrl, querySecrets } from './target-url.js';

/** Headers whose literal values in a config are credentials: never in identity, scrubbed from messages. */
const sensitiveHeader = /authorization|cookie|key|token|secret|password|signature/i;

export interface HttpTargetOptions {
  /** Used when the config has no timeout_ms. */
  timeoutMs: number;
  env: Readonly<Record<string, string | undefined>>;
}

export class HttpTarget implements Target {
  readonly display: string;
  readonly identity: Record<string, unknown>;
  private readonly where: string;
  private readonly literalSecrets: string[];

  constructor(
    private readonly config: HttpTargetConfig,
    private readonly options: HttpTargetOptions,
  ) {
    this.display = `http:${config.file}`;
    // The URL as written: ${NAME} stays a name, so no value of a variable can reach a message.
    this.where = displayUrl(config.url);
    this.literalSecrets = [
      ...Object.entries(config.headers)
        .filter(([name, value]) => sensitiveHeader.test(name) && !value.includes('${'))
        .flatMap(([, value]) => [value, value.replace(/^(Bearer|Basic|Token)\s+/i, '')]),
      ...querySecrets(config.url),
    ].filter((s) => s.length > 0);
    this.identity = {
      kind: 'http',
      url: this.where,
      method: config.method,
      headers: Object.fromEntries(
        Object.entries(config.headers).map(([name, value]) => [
          name.toLowerCase(),
          sensitiveHeader.test(name) && !value.includes('${') ? '[redacted]' : value,
        ]),
      ),
      body: config.body ?? null,
      response_path: config.responsePathText ?? null,
      blocked_when: config.blockedWhenText ?? null,
    };
  }

  async send(request: TargetRequest, signal: AbortSignal): Promise<TargetReply> {
    const { config } = this;
    const secrets = [...this.literalSecrets];
    const missing: string[] = [];
    const withEnv = (text: string) => {
      const filled = fillEnv(text, this.options.env);
      secrets.push(...filled.secrets);
      missing.push(...filled.missing);
      return filled.text;
    };
    const headers = Object.fromEntries(
      Object.entries(config.headers).map(([name, value]) => [name, withEnv(value)]),
    );
    // The prompt goes in after the variables, so a prompt that says ${HOME} is sent as written.
    // A service that takes one message gets earlier turns written out before the prompt.
    const flat = withHistoryInPrompt(request);
    const url = fillText(withEnv(config.url), flat, encodeURIComponent);
    if (missing.length > 0) {
      throw targetError(
        'client',
        `${config.file}: the environment variable ${[...new Set(missing)].join(', ')} is not set`,
      );
    }
    const blocked = config.blockedWhen;
    const answer = await httpRequest({
      url,
      method: config.method,
      headers,
      ...(config.body !== undefined ? { body: fillBody(config.body, flat) } : {}),
      timeoutMs: config.timeoutMs ?? this.options.timeoutMs,
      signal,
      where: this.where,
      secrets,
      expect: 'text',
      ...(blocked?.status !== undefined
        ? { acceptStatus: (status, body) => isBlocked(blocked, status, body) }
        : {}),
    });
    const needsJson = config.responsePath !== undefined || blocked?.path !== undefined;
    const json = needsJson ? parseJson(answer.text) : undefined;
    if (blocked && isBlocked(blocked, answer.status, json)) return { text: '', blocked: true };
    if (config.responsePath === undefined) return { text: answer.text };
    const value = valueAt(json, config.responsePath);
    if (typeof value === 'string') return { text: value };
    if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
    throw targetError(
      'bad_reply',
      json === undefined
        ? `the answer from ${this.where} is not JSON, so response_path ${config.responsePathText} cannot be read: ${snippet(answer.text) || '(empty body)'}`
        : `the answer from ${this.where} has no text at response_path ${config.responsePathText}: ${snippet(answer.text)}`,
      secrets,
      answer.status,
    );
  }
}

function isBlocked(blocked: BlockedWhen, status: number, body: unknown): boolean {
  if (blocked.status !== undefined && status !== blocked.status) return false;
  if (blocked.path === undefined) return true;
  const value = valueAt(body, blocked.path);
  return blocked.equals.some((e) => e === value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Earlier turns as text in front of the prompt, for services that take a single message. */
export function withHistoryInPrompt(request: TargetRequest): TargetRequest {
  if (!request.history?.length) return request;
  const turns = request.history.map(
    (t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${t.content}`,
  );
  const { history: _history, ...rest } = request;
  return { ...rest, prompt: [...turns, `User: ${request.prompt}`].join('\n\n') };
}
