// The registry of red-team targets, and `--target SPEC` (CONTRACTS.md §5) turned into one of them.

import { inputError } from '../../errors.js';
import type { Target } from '../types.js';
import { loadHttpTargetConfig } from './http-config.js';
import { HttpTarget } from './http.js';
import { OllamaTarget } from './ollama.js';
import { hostOf, OpenAiCompatibleTarget, openAiApiKey, targetApiKeyEnv } from './openai.js';
import { displayUrl, urlProblem } from './target-url.js';

export { HttpTarget } from './http.js';
export { OllamaTarget } from './ollama.js';
export { OpenAiCompatibleTarget, targetApiKeyEnv } from './openai.js';

export interface TargetOptions {
  /** Per request; an HTTP config's timeout_ms wins (it is the more specific). Default 60 s. */
  timeoutMs?: number;
  /** The answer's length cap (max_tokens, num_predict). Default 512. */
  maxTokens?: number;
  /** Where keys and ${NAME} header values are read from. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

interface Settings {
  timeoutMs: number;
  maxTokens: number;
  env: Readonly<Record<string, string | undefined>>;
}

interface TargetKind {
  form: string;
  example: string;
  create(value: string, settings: Settings): Target;
}

export const targetKinds = ['openai', 'ollama', 'http'] as const;
export type TargetKindId = (typeof targetKinds)[number];

const kinds: Record<TargetKindId, TargetKind> = {
  openai: {
    form: 'openai:BASE_URL#MODEL',
    example: 'openai:http://localhost:8000/v1#meta-llama/Llama-3.1-8B-Instruct',
    create(value, s) {
      const { url, model } = urlAndModel('openai', value);
      const apiKey = openAiApiKey(url, s.env);
      if (!apiKey && hostOf(url) === 'api.openai.com') {
        throw inputError(
          `--target: api.openai.com needs an API key`,
          `set ${targetApiKeyEnv} (or OPENAI_API_KEY) in the environment`,
        );
      }
      const key = apiKey ? { apiKey } : {};
      return new OpenAiCompatibleTarget({ baseUrl: url, model, ...key, ...timing(s) });
    },
  },
  ollama: {
    form: 'ollama:BASE_URL#MODEL',
    example: 'ollama:http://localhost:11434#llama3.1:8b',
    create(value, s) {
      const { url, model } = urlAndModel('ollama', value);
      const apiKey =
        s.env[targetApiKeyEnv] ||
        (hostOf(url) === 'ollama.com' ? s.env.OLLAMA_API_KEY : undefined) ||
        undefined;
      const key = apiKey ? { apiKey } : {};
      return new OllamaTarget({ baseUrl: url, model, ...key, ...timing(s) });
    },
  },
  http: {
    form: 'http:CONFIG.yaml',
    example: 'http:my-chatbot.yaml',
    create(value, s) {
      if (value.startsWith('//')) {
        throw specError(
          `"http:${displayUrl(value)}" is a URL, but http: takes the path of a YAML config`,
          'for an OpenAI-compatible server write openai:http://HOST:PORT/v1#MODEL',
        );
      }
      if (value === '') throw specError('http: needs the path of a YAML config file');
      return new HttpTarget(loadHttpTargetConfig(value, s.env), {
        timeoutMs: s.timeoutMs,
        env: s.env,
      });
    },
  },
};

function timing(s: Settings) {
  return { timeoutMs: s.timeoutMs, maxTokens: s.maxTokens };
}

const forms = targetKinds.map((k) => `${kinds[k].form} (e.g. ${kinds[k].example})`).join('; ');

function specError(message: string, hint?: string) {
  return inputError(`--target: ${message}`, hint ?? `give one of: ${forms}`);
}

/** `BASE_URL#MODEL`; the model is after the last `#` (model names have `:` and `/`, never `#`). */
function urlAndModel(kind: TargetKindId, value: string): { url: string; model: string } {
  const cut = value.lastIndexOf('#');
  const url = cut < 0 ? value : value.slice(0, cut);
  const model = cut < 0 ? '' : value.slice(cut + 1).trim();
  if (url === '') throw specError(`${kind}: needs a base URL, as in ${kinds[kind].example}`);
  const bad = urlProblem(url);
  if (bad) throw specError(`${kind}: ${bad}`, `write it as in ${kinds[kind].example}`);
  if (model === '') {
    throw specError(
      `${kind}:${displayUrl(url)} names no model`,
      `add #MODEL after the URL, as in ${kinds[kind].example}`,
    );
  }
  return { url, model };
}

/** Turns `--target SPEC` into a target; a spec that is not one of the forms is an input error. */
export function parseTargetSpec(spec: string, options: TargetOptions = {}): Target {
  const settings: Settings = {
    timeoutMs: options.timeoutMs ?? 60_000,
    maxTokens: options.maxTokens ?? 512,
    env: options.env ?? process.env,
  };
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? '' : spec.slice(0, colon).trim().toLowerCase();
  if (!(targetKinds as readonly string[]).includes(kind)) {
    // Only the part before the first colon is repeated: what follows may hold user:password.
    const what = colon < 0 ? `"${spec}" has no kind` : `unknown kind "${kind}"`;
    throw specError(what);
  }
  return kinds[kind as TargetKindId].create(spec.slice(colon + 1).trim(), settings);
}
