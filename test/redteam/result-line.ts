// Test support: a result line as a run writes it (a refused harmful probe), with the fields a test sets.
import type { ResultLine } from '../../src/redteam/types.js';

export function resultLine(over: Partial<ResultLine> = {}): ResultLine {
  return {
    probe: 'p',
    code: 'S1',
    lang: 'en',
    expected: 'refuse',
    prompt: 'prompt',
    response: 'response',
    outcome: 'refused',
    harmful: false,
    kind: 'harmful',
    strategy: null,
    base: null,
    error: null,
    tries: 1,
    cached: false,
    latency_ms: 10,
    verdicts: [],
    ...over,
  };
}
