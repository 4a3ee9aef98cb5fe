// Relationship filters shared by every traversal: types (from the whitelist only), claim
// statuses and `asOf`. Inputs are checked here, once, whoever calls: API, CLI or benchmark.
import { argumentDefaults, queryLimits } from '../domain/limits.ts';
import { InputError } from '../errors.ts';
import { checkedRelationshipType, claimStatuses, relationshipTypes, stances } from '../domain/vocabulary.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import { heldAtCypher } from '../domain/succession.ts';

export interface RelationshipFilter {
  types?: readonly string[] | null;
  statuses?: readonly string[] | null;
  asOf?: string | null;
  /** Show what is retracted too (a retracted claim; a relationship whose every claim is retracted). */
  includeRetracted?: boolean | null;
}

/** A Cypher condition keeping claim or relationship `x` unless it is retracted (or retracted ones are asked for). */
export const liveCondition = (x: string, includeRetracted: boolean | null | undefined) => (includeRetracted ? 'true' : `${x}.retracted IS NULL`);

export type Params = Record<string, unknown>;

/** `:A|B|C` for a relationship pattern: the requested types, or every vocabulary type. */
export function typePattern(types?: readonly string[] | null): string {
  const chosen = types && types.length > 0 ? new Set(types) : relationshipTypes;
  return ':' + [...chosen].map(checkedRelationshipType).join('|');
}

/**
 * One statement per relationship type (the requested ones, or all), joined with UNION ALL:
 * each can use its own type's indexes, which a pattern over several types cannot.
 */
export function perType(types: readonly string[] | null | undefined, statement: (type: string) => string): string {
  const chosen = types && types.length > 0 ? new Set(types) : relationshipTypes;
  return [...chosen].map((type) => statement(checkedRelationshipType(type))).join(' UNION ALL ');
}

export function checkFilter(filter: RelationshipFilter): void {
  for (const type of filter.types ?? []) {
    if (!relationshipTypes.includes(type)) throw new InputError('types', `unknown relationship type "${type}"`);
  }
  for (const status of filter.statuses ?? []) {
    if (!claimStatuses.includes(status)) throw new InputError('statuses', `unknown claim status "${status}"`);
  }
  if (filter.asOf != null && !parsePartialDate(filter.asOf)) {
    throw new InputError('asOf', `"${filter.asOf}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
  }
}

/**
 * A Cypher condition on relationship (or claim) variable `r`: status, asOf and, unless asked
 * for, not retracted (the types go in the pattern), adding its parameters to `params`, their
 * names starting with `prefix` (so that lists nested in one statement keep their own).
 */
export function filterCondition(r: string, filter: RelationshipFilter, params: Params, prefix = ''): string {
  checkFilter(filter);
  const conditions: string[] = [];
  if (!filter.includeRetracted) conditions.push(liveCondition(r, false));
  if (filter.statuses && filter.statuses.length > 0) {
    params[`${prefix}statuses`] = [...new Set(filter.statuses)];
    conditions.push(`${r}.status IN $${prefix}statuses`);
  }
  if (filter.asOf != null) {
    const asOf = parsePartialDate(filter.asOf)!;
    params[`${prefix}asOfStart`] = asOf.start;
    params[`${prefix}asOfEnd`] = asOf.end;
    // Held from its stated start or first observation, until its stated or derived end (src/domain/succession.ts).
    conditions.push(heldAtCypher(r, `$${prefix}asOfStart`, `$${prefix}asOfEnd`));
  }
  return conditions.length > 0 ? conditions.join(' AND ') : 'true';
}

export function checkStances(values: readonly string[] | null | undefined): string[] | null {
  if (!values || values.length === 0) return null;
  for (const stance of values) if (!stances.includes(stance)) throw new InputError('stances', `unknown stance "${stance}"`);
  return [...new Set(values)];
}

/**
 * With asOf (its parameters set by filterCondition): the latest publication date at or before
 * the date of a source that claims relationship `r`, '' when none does, so that ordering by it
 * (descending) puts the holder observed latest first. One index seek on the claims' relationship.
 */
export const relationshipSeenAsOf = (r: string, prefix = '') =>
  `coalesce(COLLECT { MATCH (x:Claim {relationship: ${r}.id}) WHERE x.observedStart <= $${prefix}asOfEnd RETURN x.observedStart ORDER BY x.observedStart DESC LIMIT 1 }[0], '')`;

/** Orders relationships `r` by date (undated last), then id: the order of timelines and nested lists. */
export const byDate = (r: string) => `${r}.sinceStart IS NULL, ${r}.sinceStart, ${r}.id`;

/** With asOf (its parameters named with `prefix`), the relationship observed latest at or before the date first; then by date. */
export const relationshipOrder = (r: string, asOf: string | null | undefined, prefix = '') =>
  asOf != null ? `${relationshipSeenAsOf(r, prefix)} DESC, ${byDate(r)}` : byDate(r);

/** Latest observed first, then by id: the order of a nested claim list. */
export const latestFirst = (c: string) => `${c}.observedStart IS NULL, ${c}.observedStart DESC, ${c}.id`;

/** The same for one claim: its observation when at or before the date, else ''. */
export const claimSeenAsOf = (c: string) => `CASE WHEN ${c}.observedStart <= $asOfEnd THEN ${c}.observedStart ELSE '' END`;

/** Checks an integer argument lies in [min, max]. */
export function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(argument, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** The size of a page or a nested list (`first`): the default when unset, else checked against the page size. */
export function listSize(first: number | null | undefined): number {
  return checkRange('first', first ?? argumentDefaults.first, 1, queryLimits.maxPageSize);
}
