// "As of" a date, client-side, with the API's semantics (src/graph/filters.ts): a relationship
// is valid at a partial date if it started on or before its last day (or is undated) and did
// not end before its first day; lists as of a date put the relationship observed latest (at
// or before the date) first. The partial-date parsing is the server's own module.
import { parsePartialDate } from '../../../src/domain/partialDate.ts';

export interface Dated {
  since: string | null;
  until: string | null;
}

export function isValidAt(relationship: Dated, asOf: string | null): boolean {
  if (asOf === null) return true;
  const at = parsePartialDate(asOf);
  if (!at) return true;
  const since = relationship.since === null ? undefined : parsePartialDate(relationship.since);
  const until = relationship.until === null ? undefined : parsePartialDate(relationship.until);
  return (!since || since.start <= at.end) && (!until || until.end >= at.start);
}

export interface Observed {
  firstObserved: string | null;
  claims: { observedAt: string | null }[];
}

/**
 * The first day of the latest report at or before `asOf` ('' when none), the key the API
 * orders by (descending). firstObserved counts too: the claims loaded are the latest
 * observed, so when a relationship has more, its earliest report may not be among them.
 */
export function seenAsOf(relationship: Observed, asOf: string): string {
  const at = parsePartialDate(asOf);
  if (!at) return '';
  const dates = [relationship.firstObserved, ...relationship.claims.map((claim) => claim.observedAt)];
  const seen = dates.map((date) => (date === null ? undefined : parsePartialDate(date)?.start)).filter((start): start is string => start !== undefined && start <= at.end);
  return seen.reduce((latest, start) => (start > latest ? start : latest), '');
}
