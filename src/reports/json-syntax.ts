// Where a text stops being JSON: V8's messages give a position for some mistakes and not for others
// ("Unexpected token"), so a person told "not JSON" would not know which line to look at.

class Stop extends Error {
  constructor(readonly at: number) {
    super(`not JSON at ${at}`);
  }
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** A recursive-descent reader that only checks syntax and stops at the first mistake. */
class SyntaxScanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** The offset of the first mistake, or -1. */
  check(): number {
    try {
      this.value();
      this.space();
      if (this.i < this.text.length) this.fail();
      return -1;
    } catch (error) {
      if (error instanceof Stop) return error.at;
      if (error instanceof RangeError) return -1; // nested too deep to say
      throw error;
    }
  }

  private fail(): never {
    throw new Stop(this.i);
  }

  private space() {
    const t = this.text;
    for (let c = t.charCodeAt(this.i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;) {
      c = t.charCodeAt(++this.i);
    }
  }

  private expect(char: string) {
    this.space();
    if (this.text[this.i] !== char) this.fail();
    this.i++;
  }

  private value(): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.sequence('}', () => (this.string(), this.expect(':'), this.value()));
    if (c === '[') return this.sequence(']', () => this.value());
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.i));
    if (!word) this.fail();
    this.i += word.length;
  }

  private sequence(close: string, item: () => void) {
    this.i++;
    this.space();
    if (this.text[this.i] === close) return void this.i++;
    for (;;) {
      item();
      this.space();
      if (this.text[this.i] !== ',') return this.expect(close);
      this.i++;
    }
  }

  private string() {
    this.expect('"');
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c) || c < 0x20) this.fail();
      this.i++;
      if (c === 0x22) return;
      if (c !== 0x5c) continue;
      const e = this.text[this.i] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5)))
        this.i += 5;
      else if (escapes.has(e)) this.i++;
      else this.fail();
    }
  }

  private number() {
    numberPattern.lastIndex = this.i;
    if (!numberPattern.test(this.text)) this.fail();
    this.i = numberPattern.lastIndex;
  }
}

/** The 0-based offset of the first syntax error, or -1 when the text is JSON (or nests too deep to say). */
export function jsonErrorOffset(text: string): number {
  return new SyntaxScanner(text).check();
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
