// Partial dates as the sources give them: "2014", "2014-10" or "2014-10-15". Each stands for
// an interval of days; comparisons use its first and last day, so "2014-10" is before
// "2014-11-03" and contains "2014-10-15".

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  text: string;
  precision: DatePrecision;
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD. */
  end: string;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses a partial date, or returns undefined when it is malformed or not a real day. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { text, precision: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { text, precision: 'month', start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return undefined;
  return { text, precision: 'day', start: text, end: text };
}
