// Redaction operators: what the redacted copy puts in place of each kind of personal data.

import { createHmac } from 'node:crypto';
import { piiTypes, type PiiFinding, type PiiType } from '../detect/types.js';
import { inputError } from '../errors.js';
import { redactionOperators, type RedactionOperator } from './report-types.js';

export interface RedactionRules {
  operators: Record<PiiType, RedactionOperator>;
  /** Key for `hash`: the same value always hashes the same under one salt, so joins still work. */
  salt: string | null;
}

export const defaultOperator: RedactionOperator = 'tag';

/** Parses `--operators kr_rrn=mask,email=hash,default=drop-record`. */
export function parseOperators(spec: string | undefined, salt: string | null): RedactionRules {
  const chosen: Partial<Record<PiiType | 'default', RedactionOperator>> = {};
  for (const part of (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [type, op] = part.split('=').map((s) => s.trim());
    if (!type || !op || (type !== 'default' && !(piiTypes as readonly string[]).includes(type)))
      throw inputError(
        `--operators: "${part}" is not TYPE=OPERATOR`,
        `types: ${piiTypes.join(', ')}, default; operators: ${redactionOperators.join(', ')}`,
      );
    if (!(redactionOperators as readonly string[]).includes(op))
      throw inputError(
        `--operators: "${op}" is not an operator`,
        `use one of: ${redactionOperators.join(', ')}`,
      );
    chosen[type as PiiType | 'default'] = op as RedactionOperator;
  }
  const fallback = chosen.default ?? defaultOperator;
  const operators = Object.fromEntries(piiTypes.map((t) => [t, chosen[t] ?? fallback])) as Record<
    PiiType,
    RedactionOperator
  >;
  if (Object.values(operators).includes('hash') && !salt)
    throw inputError(
      'the hash operator needs a salt',
      'set ANJEON_SCAN_SALT to a secret string (keep it: the same salt gives the same hashes)',
    );
  return { operators, salt };
}

/** Every letter and digit becomes '*'; separators stay, so the shape of the value survives. */
export function maskValue(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, '*');
}

function replacement(f: PiiFinding, op: RedactionOperator, salt: string | null): string {
  const tag = f.type.toUpperCase();
  switch (op) {
    case 'mask':
      return maskValue(f.value);
    case 'hash': {
      const digest = createHmac('sha256', salt ?? '')
        .update(f.value)
        .digest('hex');
      return `[${tag}:${digest.slice(0, 16)}]`;
    }
    case 'keep':
      return f.value;
    default:
      return `[${tag}]`;
  }
}

export interface Redacted {
  /** The new text; null when the field is to be dropped. */
  text: string | null;
  dropRecord: boolean;
  /** Findings that were replaced (not kept), per type. */
  redacted: PiiType[];
}

/** Applies the rules to one text and its findings (sorted, non-overlapping, as findPii gives them). */
export function redactText(
  text: string,
  findings: readonly PiiFinding[],
  rules: RedactionRules,
): Redacted {
  const redacted: PiiType[] = [];
  let dropField = false;
  let dropRecord = false;
  let out = '';
  let at = 0;
  for (const f of findings) {
    const op = rules.operators[f.type];
    if (op === 'keep') continue;
    redacted.push(f.type);
    if (op === 'drop-record') dropRecord = true;
    if (op === 'drop-field') dropField = true;
    out += text.slice(at, f.start) + replacement(f, op, rules.salt);
    at = f.end;
  }
  out += text.slice(at);
  return { text: dropField ? null : out, dropRecord, redacted };
}

/** A short excerpt around a finding with every personal value in it masked, for reports. */
export function maskedExcerpt(
  text: string,
  findings: readonly PiiFinding[],
  from: number,
  to: number,
): string {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  let out = '';
  let at = start;
  for (const f of findings) {
    if (f.end <= start || f.start >= end) continue;
    const s = Math.max(f.start, start);
    out += text.slice(at, s) + maskValue(text.slice(s, Math.min(f.end, end)));
    at = Math.min(f.end, end);
  }
  out += text.slice(at, end);
  const squeezed = out.replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${squeezed}${end < text.length ? '…' : ''}`;
}
