// A string paired with the offset of every UTF-16 unit in the original input, and the builder steps write through.

/** `offsets[i]` is the index in the original input of the character `text[i]` came from. */
export interface MappedText {
  readonly text: string;
  /** Length `text.length + 1`; the last entry is the original length. */
  readonly offsets: Int32Array;
}

/** 0, 1, 2, ...: copying a slice of it is several times faster than filling a new array. */
let identity = new Int32Array(0);

export function unmapped(input: string): MappedText {
  if (identity.length <= input.length) {
    identity = new Int32Array(Math.max(input.length + 1, 4096));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return { text: input, offsets: identity.slice(0, input.length + 1) };
}

/**
 * Builds the output of one step from pieces of its input. Every step writes through it, so no step
 * can emit a character without saying where it came from; unchanged stretches are copied in bulk.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private offsets: Int32Array;
  private length = 0;

  constructor(private readonly source: MappedText) {
    this.offsets = new Int32Array(source.text.length + 17);
  }

  /** Copies `source.text[from, to)` unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(this.source.text.slice(from, to));
    this.offsets.set(this.source.offsets.subarray(from, to), this.length);
    this.length += to - from;
  }

  /** Appends `text`, every unit of which came from `source.text[at]`. */
  push(text: string, at: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    this.parts.push(text);
    this.offsets.fill(this.source.offsets[at] ?? 0, this.length, this.length + text.length);
    this.length += text.length;
  }

  /** Appends `text`, whose units came one by one from `source.text[at]`, `[at + 1]`, ... */
  pushAligned(text: string, at: number): void {
    this.reserve(text.length);
    this.parts.push(text);
    this.offsets.set(this.source.offsets.subarray(at, at + text.length), this.length);
    this.length += text.length;
  }

  /** Copies the source from `from` up to `to` (by default its end) and returns the result. */
  finish(from: number, to = this.source.text.length): MappedText {
    this.copy(from, to);
    this.offsets[this.length] = this.source.offsets[this.source.text.length] ?? 0;
    return { text: this.parts.join(''), offsets: this.offsets.subarray(0, this.length + 1) };
  }

  private reserve(extra: number): void {
    const needed = this.length + extra + 1;
    if (needed <= this.offsets.length) return;
    const grown = new Int32Array(Math.max(needed, this.offsets.length * 2));
    grown.set(this.offsets.subarray(0, this.length));
    this.offsets = grown;
  }
}

/**
 * The original span of `text[start, end)`. The end is the start of the first later character that
 * came from elsewhere, so a span ending inside an expansion (ﬁ → fi) still covers the whole
 * original character; characters removed right after the span (zero-width, spaces) are included.
 */
export function originalRange(mapped: MappedText, start: number, end: number): [number, number] {
  const { offsets } = mapped;
  const last = mapped.text.length;
  const s = Math.min(Math.max(Math.trunc(start) || 0, 0), last);
  const e = Math.min(Math.max(Math.trunc(end) || 0, s), last);
  const from = offsets[s] ?? 0;
  if (e === s) return [from, from];
  const lastUnit = offsets[e - 1] ?? 0;
  let k = e;
  while (k < last && (offsets[k] ?? 0) <= lastUnit) k++;
  return [from, offsets[k] ?? 0];
}
