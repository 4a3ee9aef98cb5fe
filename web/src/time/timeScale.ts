// The time slider's scale: one step per month from firstYear-01 to lastYear-12, then one more
// step for "all time". A step's value is year * 12 + month - 1, so a date maps to it directly.

export const firstYear = 1999;
export const lastYear = 2016;

export const minStep = firstYear * 12;
export const lastMonthStep = lastYear * 12 + 11;
/** The slider's last position: no date filter. */
export const allTimeStep = lastMonthStep + 1;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2014-09" for a month step, null for all time. */
export function stepToAsOf(step: number): string | null {
  if (step >= allTimeStep) return null;
  const clamped = Math.max(minStep, step);
  return `${Math.floor(clamped / 12)}-${pad((clamped % 12) + 1)}`;
}

/** The step of "2014", "2014-09" or "2014-09-15" (a year maps to its January), all time for null. */
export function asOfToStep(asOf: string | null): number {
  const match = asOf === null ? null : /^(\d{4})(?:-(\d{2}))?/.exec(asOf);
  if (!match) return allTimeStep;
  const step = Number(match[1]) * 12 + (match[2] ? Number(match[2]) - 1 : 0);
  return Math.min(lastMonthStep, Math.max(minStep, step));
}
