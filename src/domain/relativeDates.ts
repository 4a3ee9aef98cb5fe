// Dates a sentence gives, read relative to its source's publication date ("in October", "last
// month", "on May 1"): chrono-node finds them; a date whose year the text leaves out is placed in
// the latest such month or day not after publication (news reports what has happened).
import * as chrono from 'chrono-node';
import { parsePartialDate } from './partialDate.ts';

/** A date found in a sentence: the partial date it reads as, and the words as printed. */
export interface FoundDate {
  date: string;
  /** The words the date was read from, as printed ("last month"). */
  text: string;
  /** Offset of text in the sentence. */
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The publication date as a reference instant: the first day it covers (UTC noon). */
function referenceOf(published: string | null | undefined): Date | undefined {
  const date = published ? parsePartialDate(published) : undefined;
  return date ? new Date(`${date.start}T12:00:00Z`) : undefined;
}

/** The partial date of one parsed result, or undefined when it names neither a month nor a year. */
function partialDateOf(result: chrono.ParsedResult, reference: Date | undefined): string | undefined {
  const start = result.start;
  if (!start.isCertain('month') && !start.isCertain('year')) return undefined;
  let year = start.get('year');
  const month = start.isCertain('month') ? start.get('month') : undefined;
  const day = start.isCertain('day') ? start.get('day') : undefined;
  if (year === null || year === undefined) return undefined;
  if (!start.isCertain('year') && reference && month !== undefined && month !== null) {
    const asRead = `${year}-${pad(month)}-${pad(day ?? 1)}`;
    if (asRead > reference.toISOString().slice(0, 10)) year -= 1;
  }
  if (month === undefined || month === null) return String(year);
  return day === undefined || day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

const bareYear = /\b(?:in|since|during|by|until|of|from)\s+((?:19|20)\d{2})\b/gi;

/** Every date the sentence gives, in order; `published` is the source's partial publication date. */
export function datesIn(sentence: string, published: string | null | undefined): FoundDate[] {
  const reference = referenceOf(published);
  const found: FoundDate[] = [];
  for (const result of chrono.parse(sentence, reference ? { instant: reference, timezone: 0 } : undefined)) {
    const date = partialDateOf(result, reference);
    if (date) found.push({ date, text: result.text, index: result.index });
  }
  for (const match of sentence.matchAll(bareYear)) {
    const index = match.index + match[0].length - 4;
    if (!found.some((date) => index >= date.index && index < date.index + date.text.length)) found.push({ date: match[1]!, text: match[0], index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}
