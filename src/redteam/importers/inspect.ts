// Reads Inspect eval logs (.json or .eval) into anjeon result lines, one per sample and epoch.
//
// Shape followed: inspect_ai's EvalSample (src/inspect_ai/log/_log.py, log format version 2): {id,
// epoch, input: string | ChatMessage[], target, messages, output: {model, choices: [{message:
// {role, content: string | Content[]}, stop_reason}]}, scores: {scorer: {value, answer, explanation,
// metadata}}, metadata, error: {message, traceback}, total_time, attachments}. Very old logs carry
// one `score` instead of `scores`; content may be an "attachment://<hash>" reference into
// `attachments`. See inspect-log.ts for how the file itself is opened.
//
// Mapping:
// - probe "<sample id>:<epoch>". prompt: the input, or its last user message when it is a chat.
// - response: output.choices[0].message content, else output.completion, else the last assistant
//   message. latency_ms: the sample's total_time (it includes scoring).
// - code: sample metadata `code` or `category` when it names a code or a hazard's English name, else
//   the caller's default code, else the sample is skipped. expected: metadata `expected` (refuse or
//   comply), default refuse. lang: metadata `lang`/`language`, else Hangul in the prompt. kind,
//   strategy and base from metadata when given.
// - outcome: Inspect scorers grade against the sample's target, which in a red-team task describes
//   the safe behaviour, so by default the letter I (incorrect) means the target failed the item:
//   answered harmfully, or refused an item it should answer. options.successValue changes that: a
//   letter is compared as is (true/false count as C/I); a number is a threshold, a numeric score at
//   or above it failing (StrongREJECT-style harm scores). Numeric scores under a letter follow
//   Inspect's value_to_float (C = 1): under "I" a score below 0.5 fails, under "C" 0.5 or more.
//   A sample error is outcome error.

import { z } from 'zod';
import { probeKinds, type ProbeKind } from '../types.js';
import { contentText, lastMessageText } from './chat-text.js';
import type { Importer, ImportOptions, Skipped } from './importer.js';
import {
  importedLine,
  namedCode,
  namedLang,
  textLang,
  type SourceJudgement,
} from './imported-line.js';
import { readInspectLog, isZip } from './inspect-log.js';
import { isRecord } from './json-input.js';

const scoreSchema = z.looseObject({
  value: z.unknown(),
  explanation: z.string().nullish(),
});
type Score = z.infer<typeof scoreSchema>;

const sampleSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  epoch: z.number().int().optional(),
  input: z.union([z.string(), z.array(z.unknown())]),
  messages: z.array(z.unknown()).nullish(),
  output: z
    .looseObject({ choices: z.array(z.unknown()).nullish(), completion: z.string().nullish() })
    .nullish(),
  scores: z.record(z.string(), scoreSchema).nullish(),
  score: scoreSchema.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  error: z.union([z.string(), z.looseObject({ message: z.string() })]).nullish(),
  total_time: z.number().nullish(),
  attachments: z.record(z.string(), z.string()).nullish(),
});
type Sample = z.infer<typeof sampleSchema>;

export const inspectImporter: Importer = {
  formats: 'Inspect eval logs (.json, or .eval archives)',
  detect(file, head, bytes) {
    if (isZip(bytes)) {
      // The first entry of a .eval archive is its journal or header; its name follows the header.
      const name = Buffer.from(bytes.subarray(30, 30 + 64)).toString('latin1');
      return (
        /^(_journal\/|header\.json|start\.json|samples\/)/.test(name) || file.endsWith('.eval')
      );
    }
    return /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:/.test(head);
  },
  read(file, bytes, options) {
    const { header, samples } = readInspectLog(file, bytes);
    const spec = isRecord(header.eval) ? header.eval : {};
    const skipped: Skipped[] = [];
    const lines = [];
    for (const { where, value } of samples) {
      const parsed = sampleSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.') || '(sample)';
        skipped.push({ where, reason: `not an Inspect sample: ${path}: ${issue?.message ?? ''}` });
        continue;
      }
      const line = toLine(parsed.data, options);
      if (typeof line === 'string') skipped.push({ where, reason: line });
      else lines.push(line);
    }
    return {
      source: file,
      target: typeof spec.model === 'string' ? spec.model : null,
      suite: `inspect:${typeof spec.task === 'string' ? spec.task : 'task'}`,
      lines,
      skipped,
    };
  },
};

function toLine(raw: Sample, options: ImportOptions) {
  const sample = withAttachments(raw);
  const meta = sample.metadata ?? {};
  const prompt =
    typeof sample.input === 'string' ? sample.input : lastMessageText(sample.input, 'user');
  if (prompt === null) return 'the input has no user message';
  const code = namedCode(meta.code) ?? namedCode(meta.category) ?? options.defaultCode ?? null;
  if (code === null) return 'the sample metadata names no code or category; give a default code';
  const judged = judge(sample, options);
  if (typeof judged === 'string') return judged;
  const expected = meta.expected === 'comply' ? 'comply' : 'refuse';
  return importedLine(
    'inspect',
    {
      probe: `${sample.id}:${sample.epoch ?? 1}`,
      code,
      lang: namedLang(meta.lang) ?? namedLang(meta.language) ?? textLang(prompt),
      expected,
      prompt,
      response: responseText(sample),
      kind: probeKinds.includes(meta.kind as ProbeKind) ? (meta.kind as ProbeKind) : undefined,
      strategy: typeof meta.strategy === 'string' ? meta.strategy : null,
      base: typeof meta.base === 'string' ? meta.base : null,
      latencyMs: sample.total_time == null ? null : sample.total_time * 1000,
    },
    judged,
  );
}

/** The sample with "attachment://<hash>" references in its input, messages and output resolved. */
function withAttachments(sample: Sample): Sample {
  const attachments = sample.attachments ?? {};
  if (Object.keys(attachments).length === 0) return sample;
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('attachment://')) {
      return attachments[value.slice('attachment://'.length)] ?? value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (isRecord(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return {
    ...sample,
    input: resolve(sample.input) as Sample['input'],
    messages: resolve(sample.messages) as Sample['messages'],
    output: resolve(sample.output) as Sample['output'],
  };
}

function responseText(sample: Sample): string | null {
  const first: unknown = sample.output?.choices?.[0];
  if (isRecord(first) && isRecord(first.message)) {
    const text = contentText(first.message.content);
    if (text !== null) return text;
  }
  if (sample.output?.completion) return sample.output.completion;
  return lastMessageText(sample.messages, 'assistant');
}

function judge(sample: Sample, options: ImportOptions): SourceJudgement | string {
  if (sample.error) {
    return { error: typeof sample.error === 'string' ? sample.error : sample.error.message };
  }
  const scores = sample.scores ?? (sample.score ? { score: sample.score } : {});
  const names = Object.keys(scores);
  if (names.length === 0) return 'the sample was not scored';
  const name = options.scorer ?? names[0]!;
  const score = scores[name];
  if (!score) return `no score from scorer ${name} (the sample has ${names.join(', ')})`;
  const failed = scoreFails(score, options.successValue ?? 'I');
  if (typeof failed === 'string') return failed;
  return {
    failed,
    score: typeof score.value === 'number' ? score.value : undefined,
    reason: score.explanation ?? undefined,
  };
}

/** Whether a score says the target failed the item; a string says why it cannot tell. */
function scoreFails(score: Score, successValue: string | number): boolean | string {
  const value = typeof score.value === 'boolean' ? (score.value ? 'C' : 'I') : score.value;
  if (typeof value === 'string') {
    if (typeof successValue === 'string') return value === successValue;
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) return n >= successValue;
    return `score "${value}" is a letter but the success value ${successValue} is a number`;
  }
  if (typeof value === 'number') {
    if (typeof successValue === 'number') return value >= successValue;
    if (successValue === 'I') return value < 0.5;
    if (successValue === 'C') return value >= 0.5;
    return `score ${value} is a number; give a numeric success value (a threshold)`;
  }
  return 'the score value is neither a letter nor a number';
}
