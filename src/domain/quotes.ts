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

/** Where a quote departs from its source's text (every index a JavaScript string index). */
export interface QuoteMismatch {
  /** The longest stretch of the quote found in the text, as the quote writes it. */
  matched: string;
  /** Where that stretch starts in the quote. */
  quoteOffset: number;
  /** Where it starts in the text. */
  textOffset: number;
  /** The quote's index of the first character that differs from the text beside the stretch. */
  differsAt: number;
  /** That character of the quote. */
  quoteHas: string;
  /** The text's character in its place; null where the text ends (or begins) there. */
  textHas: string | null;
}

/** A text with every run of whitespace made one space, and the original index of each squashed index. */
function squashed(text: string): { text: string; original: number[] } {
  const original: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]!);
    if (space && out.endsWith(' ')) continue;
    out += space ? ' ' : text[i]!;
    original.push(i);
  }
  return { text: out, original };
}

/** The longest piece of `quote` (a squashed quote's [from, to)) found in `text`: grows the best length only, so each start costs one search. */
function longestStretch(text: string, quote: string, from: number, to: number): { at: number; length: number; textAt: number } {
  let best = { at: from, length: 0, textAt: -1 };
  for (let i = from; i + best.length < to; i++) {
    let textAt = text.indexOf(quote.slice(i, i + best.length + 1));
    while (textAt >= 0) {
      best = { at: i, length: best.length + 1, textAt };
      if (i + best.length >= to) break;
      const next = text.indexOf(quote.slice(i, i + best.length + 1), textAt);
      textAt = next;
    }
  }
  return best;
}

/**
 * Where `quote` departs from `text`, or null when it stands there verbatim (up to whitespace):
 * the longest stretch of the quote the text holds, and the first character of the quote beside it
 * that differs (before it when it starts inside the quote, else after it). Characters are compared as
 * they are: a curly quotation mark (’ “) is not a straight one (' ").
 */
export function quoteMismatch(text: string, quote: string): QuoteMismatch | null {
  if (locateQuote(text, quote) || quote.trim() === '') return null;
  const t = squashed(text);
  const q = squashed(quote);
  const from = q.text.startsWith(' ') ? 1 : 0;
  const to = q.text.endsWith(' ') ? q.text.length - 1 : q.text.length;
  const best = longestStretch(t.text, q.text, from, to);
  if (best.length === to - from) return null;
  if (best.length === 0) {
    return { matched: '', quoteOffset: q.original[from]!, textOffset: 0, differsAt: q.original[from]!, quoteHas: quote[q.original[from]!]!, textHas: null };
  }
  const quoteOffset = q.original[best.at]!;
  const quoteEnd = q.original[best.at + best.length - 1]! + 1;
  const textOffset = t.original[best.textAt]!;
  // The first difference: before the stretch when it starts inside the quote, else after it.
  const after = best.at === from;
  const differsSquashed = after ? best.at + best.length : best.at - 1;
  const textSquashed = after ? best.textAt + best.length : best.textAt - 1;
  const differsAt = q.original[differsSquashed]!;
  const textAt = t.original[textSquashed];
  return { matched: quote.slice(quoteOffset, quoteEnd), quoteOffset, textOffset, differsAt, quoteHas: quote[differsAt]!, textHas: textAt === undefined ? null : text[textAt]! };
}

const quotationMarks = new Set(['\'', '"', '‘', '’', '“', '”', '«', '»', '`', '´']);
const shownStretch = 40;

const shownChar = (char: string) => (/\s/.test(char) ? 'a space' : `"${char}"`);

/** A mismatch in words, the same for the loader's problems and the API's: the stretch that matches, then what differs and where. */
export function quoteMismatchMessage(mismatch: QuoteMismatch | null): string {
  if (!mismatch || mismatch.matched === '') return 'not verbatim in the source: no part of it occurs in the text';
  const { matched, quoteHas, textHas, differsAt, quoteOffset } = mismatch;
  const stretch = matched.length > shownStretch ? (quoteOffset < differsAt ? `…${matched.slice(-shownStretch)}` : `${matched.slice(0, shownStretch)}…`) : matched;
  const where = quoteOffset < differsAt ? 'then' : 'but before it';
  const textSays = textHas === null ? (quoteOffset < differsAt ? 'where the text ends' : 'where the text begins') : `where the text has ${shownChar(textHas)}`;
  const marks = textHas !== null && quotationMarks.has(quoteHas) && quotationMarks.has(textHas) ? ' (curly and straight quotation marks are different characters)' : '';
  return `not verbatim in the source: "${stretch}" matches, ${where} the quote has ${shownChar(quoteHas)} ${textSays} (character ${differsAt + 1} of the quote)${marks}`;
}
