// Where a verbatim quote stands in its source's text. Whitespace is the only thing
// normalised: a run of spaces or line breaks in the quote matches any run in the text.

export interface QuoteSpan {
  /** A JavaScript string index (UTF-16 code units) into the source's text. */
  start: number;
  /** Exclusive: text.slice(start, end) is the quote as printed in the source. */
  end: number;
}

/**
 * Finds quotes in one text, each at the first place it occurs. The text is squashed once (every
 * run of whitespace made one space, remembering where each run ended), so that finding a quote
 * is one indexOf of the squashed quote, however many quotes a source has.
 */
export function quoteFinder(text: string): (quote: string) => QuoteSpan | null {
  // After each run of whitespace: its index in the squashed text, and how far the text is ahead there.
  const squashedAt: number[] = [0];
  const shift: number[] = [0];
  const squashed = text.replace(/\s+/g, (run: string, offset: number) => {
    const space = offset - shift[shift.length - 1]!;
    squashedAt.push(space + 1);
    shift.push(offset + run.length - (space + 1));
    return ' ';
  });
  /** The text's index of the squashed text's character at `i` (never a space). */
  const original = (i: number) => {
    let low = 0;
    let high = squashedAt.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (squashedAt[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    return i + shift[low]!;
  };
  return (quote) => {
    const words = quote.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    const wanted = words.join(' ');
    const at = squashed.indexOf(wanted);
    return at < 0 ? null : { start: original(at), end: original(at + wanted.length - 1) + 1 };
  };
}

/** The first place `quote` occurs in `text`, or null when it does not occur there. */
export function locateQuote(text: string, quote: string): QuoteSpan | null {
  return quoteFinder(text)(quote);
}

/** A quote as it is matched: every run of whitespace one space, none at the ends. */
export function squashWhitespace(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

/** Whether `quote` really stands at [start, end) of the text, runs of whitespace counting as one space. */
export function quoteIsAt(text: string, { start, end, quote }: QuoteSpan & { quote: string }): boolean {
  return start >= 0 && start <= end && end <= text.length && squashWhitespace(text.slice(start, end)) === squashWhitespace(quote);
}
