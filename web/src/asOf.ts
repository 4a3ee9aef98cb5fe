// "As of" a date, client-side, with the API's semantics (src/graph/filters.ts): a relationship
// is valid at a partial date if it started on or before its last day (or is undated) and did
// not end before its first day. The partial-date parsing is the server's own module.
import { parsePartialDate } from '../../src/graph/partialDate.ts';

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
