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

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses a partial date, or returns undefined when it is malformed or not a real day. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  // Bounds keep the four-digit year, so that they compare as text: "0999-12-31" < "1000-01-01".
  const [yyyy, year] = [match[1]!, Number(match[1])];
  if (match[2] === undefined) return { text, precision: 'year', start: `${yyyy}-01-01`, end: `${yyyy}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { text, precision: 'month', start: `${yyyy}-${pad(month)}-01`, end: `${yyyy}-${pad(month)}-${pad(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return undefined;
  return { text, precision: 'day', start: text, end: text };
}
