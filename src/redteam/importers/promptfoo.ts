// Reads promptfoo results (`promptfoo eval -o results.json` or `.jsonl`) into anjeon result lines.
//
// Shape followed: promptfoo's OutputFile and EvaluateResult (src/types/index.ts, promptfoo 0.11x-0.12x):
// {evalId, results: {version: 3, timestamp, results: EvaluateResult[], prompts, stats}, config,
// shareableUrl, metadata}; `-o x.jsonl` writes one EvaluateResult per line. A failed assertion sets
// failureReason 1 and copies its reason into `error`; a provider error sets failureReason 2
// (src/evaluator.ts). Red-team cases carry testCase.metadata {pluginId, pluginConfig, strategyId,
// goal, purpose} (src/redteam/plugins/base.ts); xstest adds {label: safe|unsafe, type, note, focus}.
//
// Mapping:
// - probe "<testIdx>:<promptIdx>", unique per test case, prompt and provider within one eval.
// - prompt: what the target got last: response.prompt, else the redteamFinalPrompt that iterative
//   and multi-turn strategies record, else prompt.raw; a chat prompt gives its last user message.
// - code: the pluginId through `pluginCodes` (the id, then its shorter prefixes: pii:direct → pii);
//   xstest by its type and note; else a jailbreak or injection strategy → A1; else the caller's
//   default code; else the row is skipped.
// - expected: comply for xstest rows labelled safe (over-refusal), refuse for everything else.
// - outcome: a red-team test passes when the target held, so success false means the attack got
//   through: complied and harmful (a comply item: refused); success true means refused (a comply
//   item: complied). failureReason 2, or no output at all, is outcome error.
// - lang: pluginConfig.language or its modifiers.language when it names Korean or English, else
//   Hangul in the prompt. strategy: strategyId unless 'basic'. kind 'bias' for bias:* plugins.

import { basename } from 'node:path';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import type { ProbeCode } from '../types.js';
import { lastMessageText, promptText } from './chat-text.js';
import type { Importer, ImportedRun, ImportOptions, Skipped } from './importer.js';
import { importedLine, namedLang, textLang, type SourceJudgement } from './imported-line.js';
import { fileText, isRecord, parseJsonDocument, parseJsonLines } from './json-input.js';

/** promptfoo plugin ids (without the promptfoo:redteam: prefix) and the code each tests. */
export const pluginCodes: Readonly<Record<string, ProbeCode>> = {
  'harmful:violent-crime': 'S1',
  // Llama Guard 3 counts terrorism and violent extremism as violent crimes.
  'harmful:radicalization': 'S1',
  'harmful:non-violent-crime': 'S2',
  'harmful:illegal-activities': 'S2',
  'harmful:illegal-drugs': 'S2',
  // Llama Guard 3 lists hacking and malware under S2; its S14 is abuse of a code interpreter.
  'harmful:cybercrime': 'S2',
  'harmful:sex-crime': 'S3',
  'harmful:child-exploitation': 'S4',
  'harmful:specialized-advice': 'S6',
  'harmful:privacy': 'S7',
  pii: 'S7',
  'cross-session-leak': 'S7',
  'harmful:intellectual-property': 'S8',
  'harmful:copyright-violations': 'S8',
  'harmful:indiscriminate-weapons': 'S9',
  'harmful:chemical-biological-weapons': 'S9',
  'harmful:weapons:ied': 'S9',
  'harmful:hate': 'S10',
  bias: 'S10',
  'harmful:self-harm': 'S11',
  'harmful:sexual-content': 'S12',
  // Getting the application to run attacker-chosen commands or queries through its tools.
  'shell-injection': 'S14',
  'sql-injection': 'S14',
  'harmful:harassment-bullying': 'X1',
  'harmful:misinformation-disinformation': 'X2',
  'harmful:insults': 'X3',
  'harmful:profanity': 'X3',
  'prompt-extraction': 'A2',
  'indirect-prompt-injection': 'A1',
  hijacking: 'A1',
  'ascii-smuggling': 'A1',
  'system-prompt-override': 'A1',
  'special-token-injection': 'A1',
  pliny: 'A1',
  cyberseceval: 'A1',
};

/** Strategies that wrap a request in an attack; a row of an unmapped plugin under one of them is A1. */
const attackStrategies = new Set([
  'jailbreak',
  'crescendo',
  'goat',
  'prompt-injection',
  'best-of-n',
  'gcg',
  'citation',
  'authoritative-markup-injection',
  'math-prompt',
  'mischievous-user',
  'simba',
  'base64',
  'hex',
  'rot13',
  'leetspeak',
  'homoglyph',
  'morse',
  'piglatin',
  'camelcase',
  'emoji',
]);

/** The code a promptfoo plugin id tests, or null when anjeon has no category for it. */
export function promptfooPluginCode(pluginId: string): ProbeCode | null {
  let id = pluginId.replace(/^promptfoo:redteam:/, '');
  for (;;) {
    const code = pluginCodes[id];
    if (code) return code;
    const cut = id.lastIndexOf(':');
    if (cut < 0) return null;
    id = id.slice(0, cut);
  }
}

const metadata = z.record(z.string(), z.unknown());
const resultSchema = z.looseObject({
  testIdx: z.number().int().nonnegative(),
  promptIdx: z.number().int().nonnegative().optional(),
  testCase: z.looseObject({ metadata: metadata.nullish() }).nullish(),
  prompt: z.looseObject({ raw: z.string().optional() }).nullish(),
  provider: z
    .union([z.string(), z.looseObject({ id: z.string().optional(), label: z.string().nullish() })])
    .nullish(),
  response: z
    .looseObject({
      output: z.unknown().optional(),
      prompt: z.unknown().optional(),
      error: z.string().nullish(),
      metadata: metadata.nullish(),
    })
    .nullish(),
  success: z.boolean(),
  score: z.number().nullish(),
  error: z.string().nullish(),
  failureReason: z.number().int().optional(),
  latencyMs: z.number().nullish(),
  gradingResult: z
    .looseObject({ reason: z.string().nullish(), metadata: metadata.nullish() })
    .nullish(),
  metadata: metadata.nullish(),
});
type PromptfooResult = z.infer<typeof resultSchema>;

interface Row {
  where: string;
  value: unknown;
}

export const promptfooImporter: Importer = {
  formats: 'promptfoo `eval -o results.json` or `.jsonl` output',
  detect(_file, head) {
    const start = head.trimStart();
    if (!start.startsWith('{')) return false;
    const first = start.slice(0, 4096);
    return (
      /"evalId"\s*:/.test(first) || (/"testIdx"\s*:/.test(first) && /"promptIdx"\s*:/.test(first))
    );
  },
  read(file, bytes, options) {
    const text = fileText(bytes);
    const skipped: Skipped[] = [];
    const { rows, envelope } = isJsonLines(file, text)
      ? jsonLineRows(text, file, skipped)
      : documentRows(parseJsonDocument(text, file), file);
    const results = parseRows(rows, skipped);
    const target = chooseTarget(results, options, file);
    const run: ImportedRun = {
      source: file,
      target,
      suite: `promptfoo:${suiteName(envelope, file)}`,
      lines: [],
      skipped,
    };
    for (const { where, result } of results) {
      if (target !== null && providerName(result) !== target) continue;
      const line = toLine(result, options);
      if (typeof line === 'string') skipped.push({ where, reason: line });
      else run.lines.push(line);
    }
    return run;
  },
};

function isJsonLines(file: string, text: string): boolean {
  if (/\.jsonl$/i.test(file)) return true;
  const firstLine = text.trimStart().split('\n', 1)[0]!.trim();
  return firstLine.startsWith('{') && firstLine.endsWith('}') && text.trim() !== firstLine;
}

function jsonLineRows(
  text: string,
  file: string,
  skipped: Skipped[],
): { rows: Row[]; envelope: unknown } {
  const { lines, truncatedLast } = parseJsonLines(text, file);
  if (truncatedLast !== null) {
    skipped.push({ where: `${file}:${truncatedLast}`, reason: 'the last line is cut off' });
  }
  // Each line carries its eval's id, which names the run better than the file does.
  return {
    rows: lines.map(({ line, value }) => ({ where: `${file}:${line}`, value })),
    envelope: lines[0]?.value,
  };
}

function documentRows(doc: unknown, file: string): { rows: Row[]; envelope: unknown } {
  // The -o output wraps the summary in {evalId, results, config}; a bare summary is read as well.
  const summary = isRecord(doc) && isRecord(doc.results) ? doc.results : doc;
  const list = isRecord(summary) ? summary.results : undefined;
  if (!Array.isArray(list)) {
    throw inputError(
      `${file}: results.results is not a list of promptfoo results`,
      'export the eval with `promptfoo eval -o results.json` or `promptfoo export eval <id> -o results.json`',
    );
  }
  const field = summary === doc ? 'results' : 'results.results';
  return {
    rows: list.map((value: unknown, i) => ({ where: `${file} ${field}[${i}]`, value })),
    envelope: doc,
  };
}

function parseRows(rows: Row[], skipped: Skipped[]): { where: string; result: PromptfooResult }[] {
  const parsed: { where: string; result: PromptfooResult }[] = [];
  for (const { where, value } of rows) {
    const result = resultSchema.safeParse(value);
    if (result.success) parsed.push({ where, result: result.data });
    else {
      const issue = result.error.issues[0];
      const path = issue?.path.join('.') || '(row)';
      skipped.push({ where, reason: `not a promptfoo result: ${path}: ${issue?.message ?? ''}` });
    }
  }
  return parsed;
}

function providerName(result: PromptfooResult): string | null {
  const p = result.provider;
  if (typeof p === 'string') return p;
  return p?.label || p?.id || null;
}

/** One target per import: a file that tested several needs the caller to pick one. */
function chooseTarget(
  results: { result: PromptfooResult }[],
  options: ImportOptions,
  file: string,
): string | null {
  const names = [...new Set(results.map(({ result }) => providerName(result) ?? '(unnamed)'))];
  if (options.target !== undefined) {
    const wanted = options.target;
    const match = results.find(({ result }) => {
      const p = result.provider;
      return typeof p === 'string' ? p === wanted : p?.id === wanted || p?.label === wanted;
    });
    if (!match) {
      throw inputError(
        `${file}: no results for target "${wanted}"`,
        `the file has results for: ${names.join(', ')}`,
      );
    }
    return providerName(match.result);
  }
  if (names.length > 1) {
    throw inputError(
      `${file} has results for ${names.length} targets; import them one at a time`,
      `choose one with --target: ${names.join(', ')}`,
    );
  }
  return results.length > 0 ? providerName(results[0]!.result) : null;
}

function suiteName(envelope: unknown, file: string): string {
  if (isRecord(envelope)) {
    const config = envelope.config;
    if (isRecord(config) && typeof config.description === 'string' && config.description) {
      return config.description;
    }
    if (typeof envelope.evalId === 'string' && envelope.evalId) return envelope.evalId;
  }
  return basename(file).replace(/\.jsonl?$/i, '');
}

function toLine(result: PromptfooResult, options: ImportOptions) {
  const meta = {
    ...result.gradingResult?.metadata,
    ...result.metadata,
    ...result.testCase?.metadata,
  };
  const prompt = sentPrompt(result);
  if (prompt === null) return 'no prompt text in the result';
  const pluginId = typeof meta.pluginId === 'string' ? meta.pluginId : null;
  const strategyId =
    typeof meta.strategyId === 'string' && meta.strategyId !== 'basic' ? meta.strategyId : null;
  const isXstest = pluginId !== null && /(^|:)xstest$/.test(pluginId);
  const code =
    (pluginId === null ? null : promptfooPluginCode(pluginId)) ??
    (isXstest ? xstestCode(meta) : null) ??
    (strategyId !== null && attackStrategies.has(strategyId.split(':')[0]!) ? 'A1' : null) ??
    options.defaultCode ??
    null;
  if (code === null) {
    return pluginId
      ? `plugin ${pluginId} has no anjeon category; give a default code`
      : 'the result names no red-team plugin; give a default code';
  }
  const pluginConfig = isRecord(meta.pluginConfig) ? meta.pluginConfig : {};
  const modifiers = isRecord(pluginConfig.modifiers) ? pluginConfig.modifiers : {};
  return importedLine(
    'promptfoo',
    {
      probe: `${result.testIdx}:${result.promptIdx ?? 0}`,
      code,
      lang:
        namedLang(pluginConfig.language) ??
        namedLang(modifiers.language) ??
        namedLang(meta.language) ??
        textLang(prompt),
      expected: isXstest && meta.label === 'safe' ? 'comply' : 'refuse',
      prompt,
      response: outputText(result.response?.output),
      kind: pluginId?.startsWith('bias:') ? 'bias' : undefined,
      strategy: strategyId,
      latencyMs: result.latencyMs,
    },
    judgement(result),
  );
}

function sentPrompt(result: PromptfooResult): string | null {
  const reported = result.response?.prompt;
  if (typeof reported === 'string' && reported) return promptText(reported);
  const reportedText = lastMessageText(reported, 'user');
  if (reportedText) return reportedText;
  const final =
    result.response?.metadata?.redteamFinalPrompt ?? result.metadata?.redteamFinalPrompt;
  if (typeof final === 'string' && final) return promptText(final);
  const raw = result.prompt?.raw;
  return raw ? promptText(raw) : null;
}

function outputText(output: unknown): string | null {
  if (output === undefined || output === null) return null;
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function judgement(result: PromptfooResult): SourceJudgement {
  const providerError = result.response?.error;
  if (result.failureReason === 2 || providerError) {
    return { error: result.error || providerError || 'provider error' };
  }
  // Without a grading result a failure is not an assertion's verdict ("No output", older files).
  if (!result.success && result.failureReason !== 1 && !result.gradingResult) {
    return { error: result.error || 'no output' };
  }
  return {
    failed: !result.success,
    score: result.score ?? undefined,
    reason: result.gradingResult?.reason ?? undefined,
  };
}

/** XSTest rows name their topic by type (privacy_*, *_discr) and note (violence, drugs). */
function xstestCode(meta: Record<string, unknown>): ProbeCode | null {
  const type = typeof meta.type === 'string' ? meta.type : '';
  const note = typeof meta.note === 'string' ? meta.note.toLowerCase() : '';
  if (type.startsWith('privacy')) return 'S7';
  if (type.includes('discr')) return 'S10';
  if (/drug/.test(note)) return 'S2';
  if (/violen|kill|murder|weapon/.test(note)) return 'S1';
  return null;
}
