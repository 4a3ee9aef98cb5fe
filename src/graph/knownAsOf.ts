// Knowledge time (`knownAsOf`): the graph as its sources stood on a date. A claim counts only
// once its source was surely published (its observation ends by the date's last day), a
// retraction only once it was recorded, and a relationship is derived afresh from the claims
// known then, by the derivation's own clauses (derive.ts derivedFields), never from the stored edge.
// Every fragment takes `end`: the Cypher parameter holding the date's last day (YYYY-MM-DD).
import { derivedFields, type ClaimReading } from './derive.ts';
import { successionKeys } from '../domain/succession.ts';

/**
 * Claim `x` was surely published by then: its source's publication date ends by `end`. A claim
 * whose source gives no publication date has no observation and is never known at a date (we
 * cannot say it was out by then); it counts only without knownAsOf.
 */
export const knownBy = (x: string, end: string) => `coalesce(${x}.observedEnd <= ${end}, false)`;

/**
 * Claim `x` stood then: not retracted, or retracted after the date (retractedAt is an ISO
 * timestamp, in UTC: a retraction recorded on the date's last day is applied).
 */
export const standingOn = (x: string, end: string) => `(${x}.retracted IS NULL OR substring(${x}.retractedAt, 0, 10) > ${end})`;

/** How the derivation reads claims as known then: a contradiction counts only when the other claim was known and stood. */
export const readingAsKnown = (end: string): ClaimReading => ({
  isLive: (x) => standingOn(x, end),
  contradictionCounts: (y) => `${knownBy(y, end)} AND ${standingOn(y, end)}`,
});

/**
 * Cypher expression: relationship `r`'s fields (the keys of the stored edge) derived from its
 * claims known by then, or null when none is (the relationship did not exist yet). One index
 * seek on the claims' relationship.
 */
export const knownFields = (r: string, end: string) =>
  // No aggregation inside (the claims come from a COLLECT subquery): Neo4j refuses an aggregation
  // in an expression over a list, where filters and projections put this.
  `head(COLLECT {
    UNWIND [COLLECT { MATCH (k_c:Claim {relationship: ${r}.id}) WHERE ${knownBy('k_c', end)} RETURN k_c ORDER BY k_c.id }] AS d_every
    WITH d_every WHERE size(d_every) > 0
    ${derivedFields(readingAsKnown(end))}
    // A successor's end (derive.ts deriveSuccessions) once the successor's first report was surely
    // out by then (the last day of its publication date, as knownBy counts a claim), and no known
    // claim states an end of its own.
    WITH d_fields, d_fields.untilEnd IS NULL AND ${r}.successionObservedEnd <= ${end} AS k_succeeded
    // One map projection: Cypher has no \`+\` for maps ("Type mismatch: expected List<T> but was Map").
    RETURN d_fields {.*, heldUntilEnd: coalesce(d_fields.untilEnd, CASE WHEN k_succeeded THEN ${r}.successionUntilEnd END),
      ${successionKeys.map((key) => `${key}: CASE WHEN k_succeeded THEN ${r}.${key} END`).join(', ')}}
  })`;

/**
 * A claim `c` of relationship `r` that a list shows as known then: known, and standing then
 * unless retracted ones are asked for (or, for the claims a relationship gathers, every known
 * one when none stood, as the derivation does).
 */
export function knownClaimCondition(c: string, end: string, includeRetracted: boolean | null | undefined): string {
  return includeRetracted ? knownBy(c, end) : `${knownBy(c, end)} AND ${standingOn(c, end)}`;
}

/** The claims a relationship `r` gathers then: its known claims that stood, or every known one when none did. */
export const gatheredAsKnown = (r: string, c: string, end: string) =>
  `${knownBy(c, end)} AND (${standingOn(c, end)} OR NOT EXISTS { MATCH (k_o:Claim {relationship: ${r}.id}) WHERE ${knownBy('k_o', end)} AND ${standingOn('k_o', end)} })`;
