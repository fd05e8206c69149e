// Llama Guard's answer is read strictly: a verdict, or malformed (never silently safe).
import { describe, expect, it } from 'vitest';
import { parseLlamaGuardReply } from '../../../src/guard/backends/llama-guard-reply.js';

const offered = Array.from({ length: 14 }, (_, i) => `S${i + 1}`);

describe('parseLlamaGuardReply', () => {
  it.each([
    ['safe', { verdict: 'safe' }],
    ['\n\nsafe', { verdict: 'safe' }],
    ['  safe  \n', { verdict: 'safe' }],
    ['unsafe\nS1,S10', { verdict: 'unsafe', codes: ['S1', 'S10'] }],
    ['\n\nunsafe\nS2', { verdict: 'unsafe', codes: ['S2'] }],
    ['unsafe\nS1, S9', { verdict: 'unsafe', codes: ['S1', 'S9'] }],
    ['unsafe\r\ns14\r\n', { verdict: 'unsafe', codes: ['S14'] }],
    ['unsafe\nS1,S1', { verdict: 'unsafe', codes: ['S1'] }],
  ])('reads %j', (reply, expected) => {
    expect(parseLlamaGuardReply(reply, offered)).toEqual(expected);
  });

  it.each([
    ['', 'answered nothing'],
    ['\n  \n', 'answered nothing'],
    ['maybe', 'the first line is "maybe"'],
    ['Safe.', 'the first line is "Safe."'],
    ['I cannot help with that.', 'not "safe" or "unsafe"'],
    ['unsafe', 'without a line of category codes'],
    ['unsafe\nbanana', '"banana" in "banana" is not one of the categories offered'],
    ['unsafe\nS1,S99', '"S99" in "S1,S99"'],
    ['unsafe\nS1,', '"" in "S1,"'],
    ['unsafe\nS1\nS2', 'more than two lines'],
    ['safe\nS1', '"safe" is followed by more text'],
  ])('rejects %j', (reply, problem) => {
    const result = parseLlamaGuardReply(reply, offered);
    expect(result.verdict).toBe('malformed');
    expect(result.verdict === 'malformed' && result.problem).toContain(problem);
  });

  it('accepts only the codes the prompt offered', () => {
    expect(parseLlamaGuardReply('unsafe\nS15', ['S1', 'S15'])).toEqual({
      verdict: 'unsafe',
      codes: ['S15'],
    });
    expect(parseLlamaGuardReply('unsafe\nS2', ['S1', 'S15']).verdict).toBe('malformed');
  });
});
