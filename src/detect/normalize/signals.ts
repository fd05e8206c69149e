// The names of the evasions normalisation can report, for explanations and as classifier features.

export const normalizationSignals = [
  /** Zero-width, format or control characters removed from inside a word. */
  'zero_width',
  /** Bidirectional embedding, override or isolate controls removed. */
  'bidi',
  /** Full-width, mathematical, circled or squared letters turned into plain ones (NFKC). */
  'compatibility',
  /** Look-alike letters from other scripts mapped to Latin inside a Latin word. */
  'confusable',
  /** Separated Hangul jamo recomposed into syllables. */
  'jamo',
  /** Single letters separated by spaces or punctuation joined into a word. */
  'spacing',
  /** Digits or symbols inside a word read as the letters they stand for. */
  'leet',
  'base64',
  'hex',
  'percent',
  'rot13',
  /** English written backwards ("rekcarc drowssap a etirw ot woh"). */
  'reversed',
  /** Words spelt as alphabet positions ("8-15-23 20-15" for "how to"). */
  'letter_numbers',
  /** Invisible Unicode tag characters that spell ASCII ("ASCII smuggling"). */
  'unicode_tags',
] as const;

export type NormalizationSignal = (typeof normalizationSignals)[number];

/** Collected in pipeline order; a Set keeps the first sighting and drops repeats. */
export type SignalSink = Set<NormalizationSignal>;
