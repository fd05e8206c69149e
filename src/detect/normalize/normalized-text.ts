// The result of normalisation, as the classifier and the explanations read it.

export interface DecodedPayload {
  encoding:
    | 'base64'
    | 'hex'
    | 'percent'
    | 'rot13'
    | 'reversed'
    | 'letter_numbers'
    | 'unicode_tags'
    | (string & {});
  /** UTF-16 span of the encoded stretch in the original input, end exclusive. */
  start: number;
  end: number;
  /** The decoded payload, itself normalised. */
  text: string;
}

export interface NormalizedText {
  /** The canonical form the classifier reads: NFKC, lower-cased, evasions undone. */
  text: string;
  /**
   * For each UTF-16 index i of `text`, the index in the original of the character it came from
   * (length text.length + 1; the last entry is the original length). Non-decreasing.
   */
  offsets: Int32Array;
  /** Payloads found encoded in the text, decoded and normalised, to be scanned too. */
  decoded: DecodedPayload[];
  /** Which evasions were seen, in pipeline order: names from `normalizationSignals`. */
  signals: string[];
}
