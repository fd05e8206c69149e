// Turns normalised text into hashed features: character n-grams, words, word pairs and lexicon cues.

import { AhoCorasick } from './aho-corasick.js';
import {
  attackLexicon,
  benignCues,
  benignPhrases,
  cueGroups,
  hazardLexicon,
  intentCues,
  type Lexicon,
} from './lexicon.js';
import { segments } from './segments.js';
import { attackTypes, hazardCodes } from './types.js';

/** Number of hash buckets, as a power of two; the model's weights have one row per bucket. */
export const featureBits = 18;
const mask = (1 << featureBits) - 1;

const enum Seed {
  Char2 = 0x9e3779b1,
  Char3 = 0x85ebca77,
  Char4 = 0xc2b2ae3d,
  Word = 0x27d4eb2f,
  Pair = 0x165667b1,
  Cue = 0xd3a2646c,
}

function fnvString(seed: number, text: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

interface CueSet {
  automaton: AhoCorasick;
  /** For each term, the feature name it stands for ('S9', 'A1', 'intent', 'benign', 'veto'). */
  labels: string[];
}

function cueSet(): CueSet {
  const terms: string[] = [];
  const labels: string[] = [];
  const add = (lexicon: Lexicon, label: string) => {
    // English terms must start a word: the text is matched with a space before every word.
    for (const t of [...lexicon.ko, ...lexicon.en.map((e) => ` ${e}`)]) {
      terms.push(t);
      labels.push(label);
    }
  };
  for (const code of hazardCodes) add(hazardLexicon[code], code);
  for (const type of attackTypes) add(attackLexicon[type], type);
  add(intentCues, 'intent');
  add(benignCues, 'benign');
  add(benignPhrases, 'veto');
  for (const [group, lexicon] of Object.entries(cueGroups)) add(lexicon, `group:${group}`);
  return { automaton: new AhoCorasick(terms), labels };
}

// Built on first use: the dataset scanner loads this module without scoring hazards.
let cues: CueSet | undefined;

export interface CueHits {
  /** Hazard and attack codes whose cue words occur (outside benign phrases). */
  codes: Set<string>;
  /** Cross-category cue groups that occur: concealment, deception, a target, a minor, ... */
  groups: Set<string>;
  intent: boolean;
  benign: boolean;
}

const noHits: CueHits = Object.freeze({
  codes: new Set<string>(),
  groups: new Set<string>(),
  intent: false,
  benign: false,
});

/** Which cue words occur in normalised text; a hazard term inside a benign phrase does not count. */
export function cueHits(normalized: string): CueHits {
  const padded = ` ${normalized} `;
  const found: { label: string; start: number; end: number }[] = [];
  const vetoes: [number, number][] = [];
  const set = (cues ??= cueSet());
  set.automaton.scan(padded, (term, start, end) => {
    const label = set.labels[term]!;
    if (label === 'veto') vetoes.push([start, end]);
    else found.push({ label, start, end });
  });
  if (found.length === 0) return noHits;
  const hits: CueHits = { codes: new Set(), groups: new Set(), intent: false, benign: false };
  for (const f of found) {
    if (f.label === 'intent') hits.intent = true;
    else if (f.label === 'benign') hits.benign = true;
    else if (f.label.startsWith('group:')) hits.groups.add(f.label.slice(6));
    else if (!vetoes.some(([s, e]) => f.start < e && s < f.end)) hits.codes.add(f.label);
  }
  return hits;
}

/**
 * A sparse binary feature vector: n-gram and word buckets, each valued 1/sqrt(count) so long texts
 * weigh no more than short ones, and cue buckets valued 1, since a cue word counts however long the
 * text around it is.
 */
export interface Features {
  indices: Uint32Array;
  count: number;
  value: number;
  cues: Uint32Array;
  /** Cue buckets that count only in the document check (`asDocument`, `documentLogit`). */
  documentCues: Uint32Array;
}

const noCues = new Uint32Array(0);

/**
 * The same features read as third-party content (a pasted email, a retrieved page, a tool's
 * output): every bucket moved by one fixed odd multiplier, a permutation of the bucket space, so
 * each word of a document has weights of its own. "Explain photosynthesis" is an ordinary request
 * from a user and an injected instruction inside an email; one set of weights cannot say both.
 */
export function asDocument(f: Features): Features {
  return {
    ...f,
    indices: f.indices.slice(0, f.count).map(documentBucket),
    cues: Uint32Array.from([...f.cues, ...f.documentCues], documentBucket),
    documentCues: noCues,
  };
}

/** Where `asDocument` moves one bucket (for scoring without building the moved arrays). */
export function documentBucket(bucket: number): number {
  return (Math.imul(bucket, 0x9e3779b1) + 0x5bd1e995) & mask;
}

/**
 * Distinct buckets in the order first seen, kept with a bitmap of the 2^18 buckets (32 KB, which
 * stays in the first-level cache): adding is a bit test, with no hashing or probing, and clearing
 * touches only the bits that were set. A check reuses the same sets, so it allocates almost nothing.
 */
class BucketSet {
  private readonly seen = new Int32Array((1 << featureBits) >>> 5);
  private list = new Uint32Array(4096);
  size = 0;

  clear() {
    for (let i = 0; i < this.size; i++) this.seen[this.list[i]! >>> 5] = 0;
    this.size = 0;
  }

  add(bucket: number) {
    const word = bucket >>> 5;
    const bit = 1 << (bucket & 31);
    const bits = this.seen[word]!;
    if ((bits & bit) !== 0) return;
    this.seen[word] = bits | bit;
    if (this.size === this.list.length) {
      const grown = new Uint32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.size++] = bucket;
  }

  snapshot(): Uint32Array {
    return this.list.slice(0, this.size);
  }

  /** The buckets as a view into `arena`, valid until the arena is reset: no allocation per sentence. */
  viewIn(arena: Arena): Uint32Array {
    const view = arena.take(this.size);
    view.set(this.list.subarray(0, this.size));
    return view;
  }
}

/** One growing buffer handed out in slices, reset per text: the detector's features of one check. */
class Arena {
  private buffer = new Uint32Array(1 << 14);
  private used = 0;

  reset() {
    this.used = 0;
  }

  take(n: number): Uint32Array {
    if (this.used + n > this.buffer.length) {
      // Slices already handed out keep the old buffer alive; later ones come from the new one.
      this.buffer = new Uint32Array(Math.max(this.buffer.length * 2, n * 2));
      this.used = 0;
    }
    const view = this.buffer.subarray(this.used, this.used + n);
    this.used += n;
    return view;
  }
}

const arena = new Arena();

const buckets = new BucketSet();
const union = new BucketSet();

function isWordChar(c: number): boolean {
  // ASCII letters and digits, Hangul syllables and jamo, other letters above Latin-1.
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c >= 0xc0;
}

/**
 * Character 2-, 3- and 4-grams of the text with a space before and after it, hashed with FNV-1a
 * (each length its own seed). The padding is read, not built, so no string is allocated.
 */
function addCharGrams(text: string) {
  const last = text.length + 1;
  const at = (i: number) => (i === 0 || i === last ? 0x20 : text.charCodeAt(i - 1));
  for (let i = 0; i < last; i++) {
    const c0 = at(i);
    const c1 = at(i + 1);
    let h2 = Math.imul((Seed.Char2 >>> 0) ^ c0, 0x01000193);
    h2 = Math.imul(h2 ^ c1, 0x01000193);
    buckets.add((h2 ^ (h2 >>> 15)) & mask);
    if (i + 2 > last) continue;
    const c2 = at(i + 2);
    let h3 = Math.imul((Seed.Char3 >>> 0) ^ c0, 0x01000193);
    h3 = Math.imul(h3 ^ c1, 0x01000193);
    h3 = Math.imul(h3 ^ c2, 0x01000193);
    buckets.add((h3 ^ (h3 >>> 15)) & mask);
    if (i + 3 > last) continue;
    let h4 = Math.imul((Seed.Char4 >>> 0) ^ c0, 0x01000193);
    h4 = Math.imul(h4 ^ c1, 0x01000193);
    h4 = Math.imul(h4 ^ c2, 0x01000193);
    h4 = Math.imul(h4 ^ at(i + 3), 0x01000193);
    buckets.add((h4 ^ (h4 >>> 15)) & mask);
  }
}

function addWords(text: string) {
  let previous = -1;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      const word = fnvString(Seed.Word, text.slice(start, i));
      buckets.add(word & mask);
      if (previous >= 0) buckets.add((Math.imul(previous ^ Seed.Pair, 0x01000193) ^ word) & mask);
      previous = word;
      start = -1;
    }
  }
}

/**
 * How long the text is, in bins of characters: the n-gram part of a logit grows with length (its
 * features are scaled by 1/sqrt(count), so a sum of n of them grows with sqrt(n)), and without a
 * length feature a two-word greeting scores as if it were the bias alone.
 */
const lengthBins = [8, 16, 32, 64, 128];

function lengthBin(length: number): number {
  const bin = lengthBins.findIndex((limit) => length < limit);
  return bin < 0 ? lengthBins.length : bin;
}

/**
 * English verbs that open an instruction ("Write a poem", "Translate this", "Ignore the above"):
 * a class feature, so a verb no training instruction began with still reads as a directive.
 */
const directiveVerbs = new Set(
  (
    'act add advertise advise analyse analyze answer append apologize argue ask assume avoid become begin ' +
    'bold buy calculate call capitalize change check cite claim classify click compare compose compute ' +
    'confirm congratulate consider continue convert convince copy count create decode define delete ' +
    'describe disclose discuss display disregard do donate download draft draw email embed emphasize ' +
    'encode encourage end ensure enter erase estimate evaluate execute explain expose find finish focus ' +
    'follow forget format forward generate give go greet group guess help highlight identify ignore ' +
    'imagine include inform insert insist install invite join keep leak let list look make mention ' +
    'modify name note notify offer open order output override paste pay persuade play post predict ' +
    'pretend print produce promote provide purchase put quote rank rate rearrange recite recommend ' +
    'refer remember remind remove reorder repeat rephrase replace reply request respond restate return ' +
    'reveal reverse review rewrite roleplay run say scramble search send set share show sign sing solve ' +
    'sort speak spell start state stop subscribe substitute suggest summarise summarize swap switch ' +
    'teach tell thank think transfer translate type unscramble update urge use verify visit warn wish ' +
    'write'
  ).split(' '),
);

/** Words that may come before the verb of an instruction: "Please write", "Also, now tell". */
const directiveOpeners = new Set(
  'also additionally and but finally first instead just kindly lastly next now ok okay please plus so then'.split(
    ' ',
  ),
);

/** The leading words of normalised text (lower-case ASCII letters only), at most `n`. */
function leadingWords(text: string, n: number): string[] {
  const words: string[] = [];
  let i = 0;
  while (words.length < n && i < text.length) {
    while (i < text.length && !isAsciiLetter(text.charCodeAt(i))) {
      // Only punctuation and spaces may come first: a text opening with a number or Hangul has none.
      const c = text.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) return words;
      if (c >= 0x80) return words;
      i++;
    }
    const start = i;
    while (i < text.length && (isAsciiLetter(text.charCodeAt(i)) || text[i] === "'")) i++;
    if (i > start) words.push(text.slice(start, i));
  }
  return words;
}

function isAsciiLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Whether the text opens as an instruction: a verb (after "please", "also", ...) or "you must". */
export function opensAsDirective(text: string): boolean {
  const words = leadingWords(text, 4);
  let i = 0;
  while (i < words.length - 1 && directiveOpeners.has(words[i]!)) i++;
  const first = words[i];
  if (first === undefined) return false;
  if (directiveVerbs.has(first)) return true;
  if (first === "don't" || first === 'never' || first === 'always') return true;
  const next = words[i + 1];
  if (first === 'do' && next === 'not') return true;
  return (
    first === 'you' && (next === 'must' || next === 'should' || next === 'need' || next === 'will')
  );
}

/** Cue feature names come from a small vocabulary: hash each once. */
const cueBucketOf = new Map<string, number>();
function cueBucket(name: string): number {
  let b = cueBucketOf.get(name);
  if (b === undefined) {
    b = fnvString(Seed.Cue, name) & mask;
    cueBucketOf.set(name, b);
  }
  return b;
}

const lengthOnly = Array.from({ length: lengthBins.length + 1 }, (_, bin) =>
  Uint32Array.of(fnvString(Seed.Cue, `len:${bin}`) & mask),
);

/**
 * Cue features read only when the text is read as a document: a text that opens as an instruction,
 * by its length bin. From a user that is how most requests open, harmless or not, so it would teach
 * the user-side heads nothing but noise; in a document it is out of place.
 */
function documentCueBuckets(text: string): Uint32Array {
  if (!opensAsDirective(text)) return noCues;
  const bin = lengthBin(text.length);
  return Uint32Array.of(cueBucket('form:directive'), cueBucket(`form:directive+len:${bin}`));
}

/** Cue features: the length bin, each code, and each code together with an intent or a benign cue. */
function cueBuckets(hits: CueHits, signals: readonly string[], length: number): Uint32Array {
  const bin = lengthBin(length);
  if (hits === noHits && signals.length === 0) return lengthOnly[bin]!;
  const names: string[] = [`len:${bin}`];
  const add = (name: string) => names.push(name);
  for (const code of hits.codes) {
    add(`cue:${code}`);
    if (hits.intent) add(`cue:${code}+intent`);
    if (hits.benign) add(`cue:${code}+benign`);
  }
  if (hits.intent) add('cue:intent');
  if (hits.benign) add('cue:benign');
  // A jailbreak is usually framing around a harmful request, and an evasion is usually hiding one.
  const hazard = [...hits.codes].some((c) => c !== 'A1' && c !== 'A2');
  for (const group of hits.groups) {
    add(`cue:${group}`);
    if (hits.intent) add(`cue:${group}+intent`);
    if (hazard) add(`cue:${group}+hazard`);
  }
  for (const type of ['A1', 'A2']) if (hazard && hits.codes.has(type)) add(`cue:${type}+hazard`);
  for (const s of signals) {
    add(`signal:${s}`);
    if (hazard) add(`signal:${s}+hazard`);
    if (hits.intent) add(`signal:${s}+intent`);
  }
  return Uint32Array.from(new Set(names.map(cueBucket)));
}

/** Below this length a text is one sentence as far as the attack heads are concerned. */
export const sentenceScoringFrom = 160;

export interface TextFeatures {
  whole: Features;
  /** Each sentence's features, for texts of `sentenceScoringFrom` characters or more; else empty. */
  sentences: Features[];
}

/**
 * Features of the whole text and of each of its sentences, in one pass: the whole text's n-gram
 * buckets are the union of its sentences' (n-grams across a sentence break are not counted).
 * With `transient`, the index arrays are views valid only until the next transient call: the
 * detector reads them at once, and a check then allocates one array instead of one per sentence.
 * Without `document` (a check that is not of a document), `documentCues` are left empty for a
 * long text and its sentences, since nothing reads them.
 */
export function textFeatures(
  normalized: string,
  signals: readonly string[] = [],
  { transient = false, document = true }: { transient?: boolean; document?: boolean } = {},
): TextFeatures {
  if (normalized.length < sentenceScoringFrom) {
    return { whole: extractFeatures(normalized, signals), sentences: [] };
  }
  if (transient) arena.reset();
  const sentences: Features[] = [];
  union.clear();
  for (const piece of segments(normalized)) {
    const f = pieceFeatures(piece, transient, document);
    for (let i = 0; i < f.count; i++) union.add(f.indices[i]!);
    sentences.push(f);
  }
  const indices = transient ? union.viewIn(arena) : union.snapshot();
  const whole: Features = {
    indices,
    count: indices.length,
    value: indices.length ? 1 / Math.sqrt(indices.length) : 0,
    cues: cueBuckets(cueHits(normalized), signals, normalized.length),
    documentCues: document ? documentCueBuckets(normalized) : noCues,
  };
  return { whole, sentences };
}

function pieceFeatures(piece: string, transient: boolean, document: boolean): Features {
  if (!transient) return extractFeatures(piece);
  buckets.clear();
  addCharGrams(piece);
  addWords(piece);
  const indices = buckets.viewIn(arena);
  return {
    indices,
    count: indices.length,
    value: indices.length ? 1 / Math.sqrt(indices.length) : 0,
    cues: cueBuckets(cueHits(piece), [], piece.length),
    documentCues: document ? documentCueBuckets(piece) : noCues,
  };
}

export function extractFeatures(
  normalized: string,
  signals: readonly string[] = [],
  hits = cueHits(normalized),
): Features {
  buckets.clear();
  addCharGrams(normalized);
  addWords(normalized);
  const indices = buckets.snapshot();
  return {
    indices,
    count: indices.length,
    value: indices.length ? 1 / Math.sqrt(indices.length) : 0,
    cues: cueBuckets(hits, signals, normalized.length),
    documentCues: documentCueBuckets(normalized),
  };
}
