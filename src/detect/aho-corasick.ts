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
      let to = state === 0 ? undefined : this.next[state]!.get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        if (state !== 0) to = this.next[state]!.get(c);
      }
      state = to ?? this.root[c]!;
      const out = this.output[state]!;
      for (let k = 0; k < out.length; k++) {
        const term = out[k]!;
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
