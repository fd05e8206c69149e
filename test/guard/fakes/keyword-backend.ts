// Test support: a predictable backend that flags fixed words, so guard tests do not depend on the model.
import {
  BackendUnavailable,
  type BackendVerdict,
  type GuardBackend,
  type GuardInput,
} from '../../../src/guard/backend.js';

export class KeywordBackend implements GuardBackend {
  calls: GuardInput[] = [];
  constructor(
    readonly name = 'keywords',
    private readonly words: Record<string, 'S1' | 'S9' | 'X3'> = { BAD: 'S1', BOMB: 'S9' },
  ) {}

  check(input: GuardInput): Promise<BackendVerdict> {
    this.calls.push(input);
    if (input.text.includes('DOWN'))
      return Promise.reject(new BackendUnavailable(this.name, 'connection refused'));
    const categories = Object.entries(this.words)
      .filter(([w]) => input.text.includes(w))
      .map(([, code]) => ({ code, score: 0.9 }));
    const injected = input.text.includes('INJECT');
    return Promise.resolve({
      backend: this.name,
      categories,
      attack: { detected: injected, type: injected ? 'A1' : null, score: injected ? 0.95 : 0.01 },
      pii: input.text.includes('010-1234-5678')
        ? [
            {
              type: 'phone',
              value: '010-1234-5678',
              start: input.text.indexOf('010'),
              end: input.text.indexOf('010') + 13,
              confidence: 0.9,
            },
          ]
        : [],
    });
  }
}
