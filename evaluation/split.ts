// The fixed development/held-out split: a record's id decides, so the split never depends on order.

/** FNV-1a, 32 bits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * 'test' for about 30% of ids: held out, never looked at while writing rules or training, used only
 * to report figures. 'train' for the rest: used to develop, train and tune.
 */
export function splitOf(id: string): 'train' | 'test' {
  return fnv1a(`anjeon-split:${id}`) % 10 < 3 ? 'test' : 'train';
}
