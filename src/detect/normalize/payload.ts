// What a payload finder reports: where an encoded stretch is and the text it decodes to.

export interface FoundPayload {
  /** UTF-16 span of the encoded stretch in the text the finder was given. */
  start: number;
  end: number;
  /** The decoded text, not yet normalised. */
  text: string;
}
