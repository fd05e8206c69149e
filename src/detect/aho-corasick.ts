// Aho-Corasick over UTF-16 code units: every occurrence of many terms in one pass over the text.

export interface Match {
  /** Index of the term in the list the automaton was built from. */
  term: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map<number, number>()];
  private readonly fail: number[] = [0];
  /** For each state, the terms that end there (its own and those of its failure chain). */
  private readonly output: number[][] = [[]];
  private readonly lengths: number[];
  /** The root's transitions as a table (0: none), since most characters of a text are read there. */
  private readonly root = new Int32Array(0x10000);
  /**
   * Every other transition in one open-addressing table (state, character) → state, read by scan:
   * a Map per state costs a hash lookup through a generic object on every character.
   */
  private edgeState = new Int32Array(0);
  private edgeChar = new Uint16Array(0);
  private edgeTo = new Int32Array(0);
  private edgeMask = 0;
  /** Terms ending at each state, flattened: outputStart[s]..outputStart[s+1] in outputTerms. */
  private outputStart = new Int32Array(0);
  private outputTerms = new Int32Array(0);

  constructor(terms: readonly string[]) {
    this.lengths = terms.map((t) => t.length);
    terms.forEach((term, index) => {
      if (term.length === 0) return;
      let state = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.output[state]!.push(index);
    });
    this.link();
    for (const [c, to] of this.next[0]!) this.root[c] = to;
    this.flatten();
  }

  private static slot(state: number, c: number, mask: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77)) & mask;
  }

  private flatten() {
    let edges = 0;
    for (let s = 1; s < this.next.length; s++) edges += this.next[s]!.size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.edgeMask = size - 1;
    this.edgeState = new Int32Array(size).fill(-1);
    this.edgeChar = new Uint16Array(size);
    this.edgeTo = new Int32Array(size);
    for (let s = 1; s < this.next.length; s++) {
      for (const [c, to] of this.next[s]!) {
        let i = AhoCorasick.slot(s, c, this.edgeMask);
        while (this.edgeState[i] !== -1) i = (i + 1) & this.edgeMask;
        this.edgeState[i] = s;
        this.edgeChar[i] = c;
        this.edgeTo[i] = to;
      }
    }
    this.outputStart = new Int32Array(this.output.length + 1);
    for (let s = 0; s < this.output.length; s++)
      this.outputStart[s + 1] = this.outputStart[s]! + this.output[s]!.length;
    this.outputTerms = Int32Array.from(this.output.flat());
  }

  /** The transition from a state other than the root, or -1. */
  private step(state: number, c: number): number {
    let i = AhoCorasick.slot(state, c, this.edgeMask);
    for (;;) {
      const s = this.edgeState[i]!;
      if (s === -1) return -1;
      if (s === state && this.edgeChar[i] === c) return this.edgeTo[i]!;
      i = (i + 1) & this.edgeMask;
    }
  }

  /** Breadth-first: each state's failure link is the longest proper suffix that is also a prefix. */
  private link() {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.output[this.fail[to]]!;
        if (inherited.length) this.output[to] = [...this.output[to]!, ...inherited];
        queue.push(to);
      }
    }
  }

  /** Calls `onMatch` for every occurrence, in order of end position. */
  scan(text: string, onMatch: (term: number, start: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = state === 0 ? -1 : this.step(state, c);
      while (to === -1 && state !== 0) {
        state = this.fail[state]!;
        if (state !== 0) to = this.step(state, c);
      }
      state = to === -1 ? this.root[c]! : to;
      const end = this.outputStart[state + 1]!;
      for (let k = this.outputStart[state]!; k < end; k++) {
        const term = this.outputTerms[k]!;
        onMatch(term, i + 1 - this.lengths[term]!, i + 1);
      }
    }
  }

  findAll(text: string): Match[] {
    const matches: Match[] = [];
    this.scan(text, (term, start, end) => matches.push({ term, start, end }));
    return matches;
  }
}
