// The YAML file that describes a generic HTTP target (`--target http:CONFIG.yaml`), validated with positions.

import { z } from 'zod';
import { inputError } from '../../errors.js';
import { readText } from '../../frameworks/files.js';
import {
  locateProblems,
  parseSourceDocument,
  zodProblems,
  type Problem,
} from '../../frameworks/yaml-document.js';
import { envNames, fillText, mentionsPrompt } from './body-template.js';
import { parseResponsePath, type PathStep } from './response-path.js';
import { urlProblem } from './target-url.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const configSchema = z.strictObject({
  url: z.string({ error: 'give the URL to send each prompt to' }).min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(['POST', 'PUT', 'PATCH', 'GET'], { error: 'expected POST, PUT, PATCH or GET' }))
    .default('POST'),
  headers: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .default({}),
  body: z.unknown().optional(),
  response_path: z.string().min(1).optional(),
  timeout_ms: z.number().int().positive().optional(),
  blocked_when: z
    .strictObject({
      status: z.number().int().min(100).max(599).optional(),
      path: z.string().min(1).optional(),
      equals: z.union([scalar, z.array(scalar).min(1)]).optional(),
    })
    .optional(),
});

type RawConfig = z.infer<typeof configSchema>;

export interface BlockedWhen {
  /** A non-2xx status that means "blocked" (checked together with the path, when both are given). */
  status?: number;
  path?: PathStep[];
  /** Any of these values at `path`. */
  equals: readonly (string | number | boolean | null)[];
}

export interface HttpTargetConfig {
  /** The config file as given, for messages and the display. */
  file: string;
  url: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers: Record<string, string>;
  body?: unknown;
  /** Where the text is in a JSON answer; none means the whole answer is the text. */
  responsePath?: PathStep[];
  /** As written, for the identity and messages. */
  responsePathText?: string;
  timeoutMs?: number;
  blockedWhen?: BlockedWhen;
  blockedWhenText?: Record<string, unknown>;
}

const hint =
  'a minimal config: url: https://example.com/chat, body: {message: "{{prompt}}"}, response_path: reply';

/** Reads and checks an HTTP target config; environment variables it names must be set in `env`. */
export function loadHttpTargetConfig(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): HttpTargetConfig {
  const doc = parseSourceDocument(readText(file), file);
  const parsed = configSchema.safeParse(doc.value ?? {});
  if (!parsed.success) {
    throw inputError(
      `${file} is not a valid HTTP target config`,
      hint,
      locateProblems(doc, zodProblems(parsed.error)),
    );
  }
  const raw = parsed.data;
  const problems: Problem[] = [];
  const responsePath = pathOf(raw.response_path, ['response_path'], problems);
  const blockedPath = pathOf(raw.blocked_when?.path, ['blocked_when', 'path'], problems);
  problems.push(...semanticProblems(raw, env));
  if (problems.length > 0) {
    throw inputError(
      `${file} is not a valid HTTP target config`,
      hint,
      locateProblems(doc, problems),
    );
  }
  const bw = raw.blocked_when;
  return {
    file,
    url: raw.url,
    method: raw.method,
    headers: raw.headers,
    ...(raw.body !== undefined ? { body: raw.body } : {}),
    ...(responsePath ? { responsePath, responsePathText: raw.response_path } : {}),
    ...(raw.timeout_ms !== undefined ? { timeoutMs: raw.timeout_ms } : {}),
    ...(bw
      ? {
          blockedWhen: {
            ...(bw.status !== undefined ? { status: bw.status } : {}),
            ...(blockedPath ? { path: blockedPath } : {}),
            equals: Array.isArray(bw.equals)
              ? bw.equals
              : bw.equals === undefined
                ? []
                : [bw.equals],
          },
          blockedWhenText: { ...bw },
        }
      : {}),
  };
}

function pathOf(
  text: string | undefined,
  where: (string | number)[],
  problems: Problem[],
): PathStep[] | undefined {
  if (text === undefined) return undefined;
  const steps = parseResponsePath(text);
  if (typeof steps === 'string') {
    problems.push({ path: where, message: steps });
    return undefined;
  }
  return steps;
}

/** What zod cannot see: a URL that does not parse, no {{prompt}} anywhere, unset variables. */
function semanticProblems(
  raw: RawConfig,
  env: Readonly<Record<string, string | undefined>>,
): Problem[] {
  const problems: Problem[] = [];
  // Placeholders stand in for text that is only known later; the rest must already be a URL.
  const sample = fillText(raw.url.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, 'x'), { prompt: 'p' });
  const bad = urlProblem(sample);
  if (bad) problems.push({ path: ['url'], message: bad });
  if (!mentionsPrompt(raw.body) && !mentionsPrompt(raw.url)) {
    problems.push({
      path: raw.body === undefined ? [] : ['body'],
      message: 'nothing sends the prompt: put "{{prompt}}" in the body (or the url)',
    });
  }
  if (raw.method === 'GET' && raw.body !== undefined)
    problems.push({
      path: ['body'],
      message: 'a GET request has no body; use POST, or put {{prompt}} in the url',
    });
  const bw = raw.blocked_when;
  if (bw && bw.status === undefined && bw.path === undefined)
    problems.push({ path: ['blocked_when'], message: 'give a status, a path and equals, or both' });
  if (bw?.path !== undefined && bw.equals === undefined)
    problems.push({
      path: ['blocked_when'],
      message: 'give the value (equals) that means blocked',
    });
  if (bw?.status !== undefined && bw.status >= 200 && bw.status <= 299 && bw.path === undefined)
    problems.push({
      path: ['blocked_when', 'status'],
      message: 'a 2xx status alone would call every answer blocked',
    });
  const unset = (text: string, path: (string | number)[]) => {
    for (const name of envNames(text)) {
      if (env[name] === undefined)
        problems.push({ path, message: `the environment variable ${name} is not set` });
    }
  };
  unset(raw.url, ['url']);
  for (const [header, value] of Object.entries(raw.headers)) unset(value, ['headers', header]);
  return problems;
}
