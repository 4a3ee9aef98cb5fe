// Where a verbatim quote stands in its source's text. Whitespace is the only thing
// normalised: a run of spaces or line breaks in the quote matches any run in the text.

export interface QuoteSpan {
  /** A JavaScript string index (UTF-16 code units) into the source's text. */
  start: number;
  /** Exclusive: text.slice(start, end) is the quote as printed in the source. */
  end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first place `quote` occurs in `text`, or null when it does not occur there. */
export function locateQuote(text: string, quote: string): QuoteSpan | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
