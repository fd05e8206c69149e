// findPii as a whole: the registry, options, overlap resolution and the decoys of a support ticket.
import { describe, expect, it } from 'vitest';
import { defaultMinConfidence, findPii } from '../../../src/detect/pii/index.js';
import { resolveOverlaps } from '../../../src/detect/pii/overlaps.js';
import { recognizers } from '../../../src/detect/pii/recognizers.js';
import { piiTypes, type PiiFinding } from '../../../src/detect/types.js';

const ticket =
  '[상담기록] 주민등록번호 900101-1234568, 연락처 010-8618-0537, 이메일 ops@example.co.kr, ' +
  '카드번호 4532 4015 9940 1808, 접속 IP 155.200.62.51 확인. 참고: 978-89-1524-215-7 ' +
  '주문번호 538-74-20382 648,215,755원 v4.7.18 2024-09-05 20241112-2198345 900638-1468763 ' +
  '5597-9922-2447-5104';

describe('findPii', () => {
  it('has exactly one recognizer per PII type', () => {
    expect(recognizers.map((r) => r.type).sort()).toEqual([...piiTypes].sort());
  });

  it('reports the PII of a ticket in order and none of its decoys', () => {
    expect(findPii(ticket).map((f) => [f.type, f.value])).toEqual([
      ['kr_rrn', '900101-1234568'],
      ['phone', '010-8618-0537'],
      ['email', 'ops@example.co.kr'],
      ['credit_card', '4532 4015 9940 1808'],
      ['ip_address', '155.200.62.51'],
    ]);
  });

  it('gives offsets into the original text, and values exactly as written', () => {
    const text = '😀 주민번호 ９００１０１－１２３４５６８ 끝';
    const [f] = findPii(text);
    expect(f).toMatchObject({ type: 'kr_rrn', start: 8, end: 22 });
    expect(f?.value).toBe(text.slice(8, 22));
  });

  it('looks only for the types asked for', () => {
    expect(findPii(ticket, { types: ['email', 'phone'] }).map((f) => f.type)).toEqual([
      'phone',
      'email',
    ]);
  });

  it('drops findings below minConfidence, and the default keeps weak shapes out', () => {
    expect(defaultMinConfidence).toBe(0.5);
    expect(findPii('모델 M12345678')).toEqual([]);
    expect(findPii('모델 M12345678', { minConfidence: 0 })).toHaveLength(1);
    expect(findPii(ticket, { minConfidence: 0.999 })).toEqual([]);
  });

  it('keeps a validated type over a context-only one on the same digits', () => {
    expect(findPii('계좌번호 01012345678').map((f) => f.type)).toEqual(['phone']);
  });
});

describe('resolveOverlaps', () => {
  const f = (type: PiiFinding['type'], start: number, end: number, confidence: number) => ({
    type,
    value: 'x'.repeat(end - start),
    start,
    end,
    confidence,
  });

  it('keeps the more confident of two overlapping findings', () => {
    const kept = resolveOverlaps([f('phone', 0, 13, 0.8), f('credit_card', 5, 20, 0.9)]);
    expect(kept.map((k) => k.type)).toEqual(['credit_card']);
  });

  it('breaks a tie by specificity, then by length', () => {
    expect(resolveOverlaps([f('phone', 0, 14, 0.7), f('kr_rrn', 0, 14, 0.7)])[0]?.type).toBe(
      'kr_rrn',
    );
    expect(resolveOverlaps([f('phone', 4, 17, 0.8), f('phone', 0, 17, 0.8)])[0]?.start).toBe(0);
  });

  it('keeps findings that merely touch, sorted by start', () => {
    const kept = resolveOverlaps([f('email', 10, 20, 0.9), f('phone', 0, 10, 0.8)]);
    expect(kept.map((k) => k.start)).toEqual([0, 10]);
  });
});
