// "As of" a date, client-side, with the API's semantics (src/graph/filters.ts), whose rule is the
// domain's (src/domain/succession.ts): a relationship holds from its stated since, else from when it
// was first reported, until its stated until or the end its office's successor gives it; lists as
// of a date put the relationship observed latest (at or before the date) first.
import { parsePartialDate } from '../../../src/domain/partialDate.ts';
import { isHeldAt, type HeldSpan } from '../../../src/domain/succession.ts';

export function isValidAt(relationship: HeldSpan, asOf: string | null): boolean {
  return asOf === null || isHeldAt(relationship, asOf);
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
