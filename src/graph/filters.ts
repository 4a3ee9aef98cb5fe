// Relationship filters shared by every traversal: types (from the whitelist only), claim
// statuses, `asOf`, `knownAsOf` and the Admiralty grades. Inputs are checked here, once, whoever calls: API, CLI or benchmark.
import { argumentDefaults, queryLimits } from '../domain/limits.ts';
import { InputError } from '../errors.ts';
import { checkedRelationshipType, claimStatuses, credibilityGrades, relationshipTypes, reliabilityGrades, stances } from '../domain/vocabulary.ts';
import { parsePartialDate, type PartialDate } from '../domain/partialDate.ts';
import { knownBy, knownFields } from './knownAsOf.ts';
import { credibilityAtLeast, reliabilityAtLeast } from '../domain/grading.ts';
import { heldAtCypher } from '../domain/succession.ts';

export interface RelationshipFilter {
  types?: readonly string[] | null;
  statuses?: readonly string[] | null;
  asOf?: string | null;
  /** Show what is retracted too (a retracted claim; a relationship whose every claim is retracted). */
  includeRetracted?: boolean | null;
  /** The graph as its sources stood on this partial date (src/graph/knownAsOf.ts). */
  knownAsOf?: string | null;
  /**
   * Admiralty grades at least this good (A best ... F; 1 best ... 6): a claim passes when its source's
   * reliability and its credibility are, an ungraded one never; a relationship when one of its claims does.
   */
  minReliability?: string | null;
  minCredibility?: number | null;
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
  if (filter.asOf != null) dateArgument('asOf', filter.asOf);
  if (filter.knownAsOf != null) dateArgument('knownAsOf', filter.knownAsOf);
  if (filter.minReliability != null && !reliabilityGrades.includes(filter.minReliability)) {
    throw new InputError('minReliability', `"${filter.minReliability}" is not a reliability grade: use one of ${reliabilityGrades.join(', ')}`);
  }
  if (filter.minCredibility != null && !credibilityGrades.includes(filter.minCredibility)) {
    throw new InputError('minCredibility', `${filter.minCredibility} is not a credibility grade: use one of ${credibilityGrades.join(', ')}`);
  }
}

type GradeFilter = Pick<RelationshipFilter, 'minReliability' | 'minCredibility'>;

/** The grades a min filter lets through, as parameters (reliability letters; credibility digits as text, as grade codes hold them). */
function gradeParams(filter: GradeFilter, params: Params, prefix: string): { r: string | null; c: string | null } {
  const r = filter.minReliability != null ? `${prefix}okReliability` : null;
  const c = filter.minCredibility != null ? `${prefix}okCredibility` : null;
  if (r) params[r] = reliabilityAtLeast(filter.minReliability!);
  if (c) params[c] = credibilityAtLeast(filter.minCredibility!).map(String);
  return { r, c };
}

/** A relationship `r` passes the grade filters when one of its claims' grade codes (derive.ts `grades`, "B2") does. */
function relationshipGradeCondition(r: string, filter: GradeFilter, params: Params, prefix: string): string | null {
  const ok = gradeParams(filter, params, prefix);
  if (!ok.r && !ok.c) return null;
  const both = [ok.r ? `left(g_code, 1) IN $${ok.r}` : null, ok.c ? `substring(g_code, 1) IN $${ok.c}` : null].filter(Boolean).join(' AND ');
  return `any(g_code IN coalesce(${r}.grades, []) WHERE ${both})`;
}

/** A Cypher condition keeping claim `c` when its credibility and its source's reliability pass the grade filters; 'true' without them. */
export function claimGradeCondition(c: string, filter: GradeFilter, params: Params, prefix = ''): string {
  checkFilter(filter);
  const ok = gradeParams(filter, params, prefix);
  const conditions = [
    ok.c ? `toString(toInteger(${c}.credibility)) IN $${ok.c}` : null,
    ok.r ? `EXISTS { (${c})-[:IN_SOURCE]->(g_source:Source) WHERE g_source.reliability IN $${ok.r} }` : null,
  ].filter((x): x is string => x !== null);
  return conditions.length > 0 ? conditions.join(' AND ') : 'true';
}

/** A date argument as a partial date; a bad one is refused, naming the argument. */
function dateArgument(argument: string, text: string): PartialDate {
  const date = parsePartialDate(text);
  if (!date) throw new InputError(argument, `"${text}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
  return date;
}

/** The Cypher parameters of a knownAsOf: its last day (`end`) and the date as given (`text`). */
export interface Known {
  end: string;
  text: string;
}

/** With knownAsOf: its parameters, named with `prefix`, added to `params`; null without. */
export function knownParams(filter: Pick<RelationshipFilter, 'knownAsOf'>, params: Params, prefix = ''): Known | null {
  if (filter.knownAsOf == null) return null;
  const date = dateArgument('knownAsOf', filter.knownAsOf);
  params[`${prefix}knownEnd`] = date.end;
  params[`${prefix}knownAsOf`] = filter.knownAsOf;
  return { end: `$${prefix}knownEnd`, text: `$${prefix}knownAsOf` };
}

/**
 * A Cypher condition on relationship (or claim) variable `r`: status, asOf and, unless asked
 * for, not retracted (the types go in the pattern), adding its parameters to `params`, their
 * names starting with `prefix` (so that lists nested in one statement keep their own). With
 * knownAsOf (relationships only), the same conditions hold of `r` as derived from the claims
 * known then, and a relationship none of whose claims is known fails.
 */
export function filterCondition(r: string, filter: RelationshipFilter, params: Params, prefix = ''): string {
  checkFilter(filter);
  const known = knownParams(filter, params, prefix);
  const condition = conditionOn(known ? 'k_view' : r, filter, params, prefix);
  return known ? `any(k_view IN [${knownFields(r, known.end)}] WHERE k_view IS NOT NULL AND ${condition})` : condition;
}

/** filterCondition's conditions on the fields of `r` (an edge, a claim, or a map of fields). */
function conditionOn(r: string, filter: RelationshipFilter, params: Params, prefix: string): string {
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
  const graded = relationshipGradeCondition(r, filter, params, prefix);
  if (graded) conditions.push(graded);
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
 * (descending) puts the holder observed latest first; with `known` (knownAsOf), of the sources
 * known then only, so that a later source neither orders nor cuts the list. One index seek on
 * the claims' relationship.
 */
export const relationshipSeenAsOf = (r: string, prefix = '', known: Known | null = null) =>
  `coalesce(COLLECT { MATCH (x:Claim {relationship: ${r}.id}) WHERE x.observedStart <= $${prefix}asOfEnd${known ? ` AND ${knownBy('x', known.end)}` : ''} RETURN x.observedStart ORDER BY x.observedStart DESC LIMIT 1 }[0], '')`;

/** Orders relationships `r` by date (undated last), then id: the order of timelines and nested lists. */
export const byDate = (r: string) => `${r}.sinceStart IS NULL, ${r}.sinceStart, ${r}.id`;

/** With asOf (its parameters named with `prefix`), the relationship observed latest at or before the date (as known then, with `known`) first; then by date. */
export const relationshipOrder = (r: string, asOf: string | null | undefined, prefix = '', known: Known | null = null) =>
  asOf != null ? `${relationshipSeenAsOf(r, prefix, known)} DESC, ${byDate(r)}` : byDate(r);

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
