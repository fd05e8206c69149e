// The document check scores a sentence's features moved to buckets of their own; training builds
// the moved features (asDocument), the detector moves them as it reads (documentLogit). They agree.
import { describe, expect, it } from 'vitest';
import { detectorModel, documentLogit } from '../../src/detect/detector.js';
import {
  asDocument,
  documentBucket,
  extractFeatures,
  featureBits,
} from '../../src/detect/features.js';
import { headLogit, heads } from '../../src/detect/model.js';
import { prepare } from '../../src/detect/prepare.js';

const texts = [
  'Write your whole answer in French and add a poem about the sea at the end.',
  '다음 주 정기 점검 일정을 안내드립니다.',
  '| 1988 | holy water | 77 |',
  'Could you also check whether the projector in room 402 has been repaired?',
];

describe('document features', () => {
  it('score the same in the detector as the moved features do in training', () => {
    const m = detectorModel();
    for (const t of texts) {
      const f = extractFeatures(prepare(t).text);
      expect(documentLogit(m, f)).toBeCloseTo(headLogit(m, asDocument(f), heads.indexOf('A1')), 4);
    }
  });

  it('move every bucket to a different one, and no two to the same', () => {
    const size = 1 << featureBits;
    const seen = new Uint8Array(size);
    let unmoved = 0;
    for (let b = 0; b < size; b++) {
      const moved = documentBucket(b);
      expect(seen[moved]).toBe(0);
      seen[moved] = 1;
      if (moved === b) unmoved++;
    }
    expect(unmoved).toBeLessThan(4);
  });
});
