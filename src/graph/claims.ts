// Claims: by id, by page with filters, and as the nested lists of relationships, actors and
// sources. Every query starts from an index or a node (a claim's id or relationship, an
// actor, a source, the full-text index of quotes), never from a scan of all claims.
import { apiLimits } from '../config.ts';
import { InputError } from '../errors.ts';
import type { Database } from '../neo4j/database.ts';
import { searchPhrases, searchWords } from '../domain/searchText.ts';
import { readByIds, readFirstPerParent } from './batchReads.ts';
import { cursorKey, joinPages, readPage, toPage, type Page, type PageOrder } from './cursor.ts';
import { checkFilter, checkStances, claimGradeCondition, claimSeenAsOf, filterCondition, knownParams, latestFirst, listSize, liveCondition, type Params } from './filters.ts';
import { knownClaimCondition } from './knownAsOf.ts';
import type { ClaimInclude } from './include.ts';
import { claimProjection, toClaim, type Claim } from './model.ts';


/** Claims by id, in the same order; null where an id names none. */
export function getClaimsByIds(db: Database, ids: readonly string[]): Promise<(Claim | null)[]> {
  return readByIds(db, ids, { match: 'MATCH (c:Claim {id: id})', projection: claimProjection('c'), toItem: toClaim });
}

export type ClaimRole = 'SUBJECT' | 'OBJECT' | 'CLAIMANT' | 'DISPUTER';

const roleEdges: Record<ClaimRole, string> = { SUBJECT: 'SUBJECT', OBJECT: 'OBJECT', CLAIMANT: 'CLAIMED_BY', DISPUTER: 'DISPUTED_BY' };

/** The nested claim lists: the first `first` claims of each parent, latest observed first, in one query. */
const parentMatch = {
  relationship: 'MATCH (c:Claim {relationship: id})',
  source: 'MATCH (:Source {id: id})<-[:IN_SOURCE]-(c:Claim)',
  actor: (role: ClaimRole | null) =>
    `MATCH (:Actor {id: id})<-[:${role ? roleEdges[role] : Object.values(roleEdges).join('|')}]-(c:Claim) WITH DISTINCT c`,
};

/** What a nested claim list keeps: with knownAsOf, the claims known then (and standing then, unless retracted ones are asked for). */
export interface ClaimListOptions {
  role?: ClaimRole | null;
  includeRetracted?: boolean | null;
  knownAsOf?: string | null;
}

export function claimsOf(
  db: Database,
  parent: 'relationship' | 'source' | 'actor',
  ids: readonly string[],
  first?: number | null,
  { role = null, includeRetracted = false, knownAsOf = null }: ClaimListOptions = {},
): Promise<Map<string, Claim[]>> {
  const params: Params = {};
  const known = knownParams({ knownAsOf }, params);
  return readFirstPerParent(
    db,
    ids,
    first,
    {
      match: `${parent === 'actor' ? parentMatch.actor(role) : parentMatch[parent]} WITH c WHERE ${known ? knownClaimCondition('c', known.end, includeRetracted) : liveCondition('c', includeRetracted)}`,
      keep: 'c',
      order: latestFirst('c'),
      projection: claimProjection('c', undefined, known),
      toItem: toClaim,
    },
    params,
  );
}

export interface ClaimQuery {
  about?: string | null;
  types?: readonly string[] | null;
  stances?: readonly string[] | null;
  claimedBy?: string | null;
  disputedBy?: string | null;
  source?: string | null;
  text?: string | null;
  asOf?: string | null;
  /** Only claims whose source was published by then, retractions recorded by then applied. */
  knownAsOf?: string | null;
  includeRetracted?: boolean | null;
  /** Grades at least this good (src/graph/filters.ts): its source's reliability, its credibility; ungraded never passes. */
  minReliability?: string | null;
  minCredibility?: number | null;
  first?: number | null;
  after?: string | null;
  /** Count every match too (default true). */
  countTotal?: boolean;
  /** What to bring with each claim. */
  include?: ClaimInclude;
}

/**
 * Lucene phrases of the text's words, any of which finds a quote: "Al-Furqan" finds quotes that say
 * it whatever the punctuation, "Kazakhstan's" those that print Kazakhstan’s, "1500" those that print
 * 1,500 (src/domain/searchText.ts: every form a word may stand as in the index).
 */
export function quotePhrases(text: string): string | null {
  if (text.length > apiLimits.maxSearchTextLength) throw new InputError('text', `is longer than ${apiLimits.maxSearchTextLength} characters`);
  const phrases = searchPhrases(searchWords(text));
  return phrases.length > 0 ? phrases.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ') : null;
}

/** A filter that can also start a query: how to reach claims `c` from it, and how to check a claim `c` against it. */
export interface ClaimAnchor<K extends string> {
  name: K;
  match: string;
  condition: string;
}

/** The provenance filters a claim (and a relationship, through its claims) can be asked for, most selective first. */
export const provenanceAnchors: ClaimAnchor<'source' | 'claimedBy' | 'disputedBy'>[] = [
  { name: 'source', match: 'MATCH (:Source {id: $source})<-[:IN_SOURCE]-(c:Claim)', condition: 'EXISTS { (c)-[:IN_SOURCE]->(:Source {id: $source}) }' },
  { name: 'claimedBy', match: 'MATCH (:Actor {id: $claimedBy})<-[:CLAIMED_BY]-(c:Claim)', condition: 'EXISTS { (c)-[:CLAIMED_BY]->(:Actor {id: $claimedBy}) }' },
  { name: 'disputedBy', match: 'MATCH (:Actor {id: $disputedBy})<-[:DISPUTED_BY]-(c:Claim)', condition: 'EXISTS { (c)-[:DISPUTED_BY]->(:Actor {id: $disputedBy}) }' },
];

const claimAnchors: ClaimAnchor<keyof ClaimQuery>[] = [
  {
    name: 'text',
    match: `CALL db.index.fulltext.queryRelationships('evidence_quotes', $text) YIELD relationship
            WITH DISTINCT startNode(relationship) AS c WHERE c:Claim`,
    condition: 'true',
  },
  ...provenanceAnchors,
  { name: 'about', match: 'MATCH (:Actor {id: $about})<-[:SUBJECT|OBJECT]-(c:Claim) WITH DISTINCT c', condition: 'EXISTS { (c)-[:SUBJECT|OBJECT]->(:Actor {id: $about}) }' },
];

/**
 * The anchors given in `query`: the first starts the query, the others become conditions on
 * the same claim. Adds their parameters.
 */
export function chooseAnchor<K extends string>(anchors: ClaimAnchor<K>[], query: Partial<Record<K, unknown>>, params: Params) {
  const given = anchors.filter((anchor) => query[anchor.name] != null);
  for (const anchor of given) params[anchor.name] = query[anchor.name];
  const [first, ...rest] = given;
  return { first, conditions: rest.map((anchor) => anchor.condition) };
}

/** Claims a page at a time: by id, or with asOf latest observed (at or before the date) first. */
export async function listClaims(db: Database, query: ClaimQuery): Promise<Page<Claim>> {
  const first = listSize(query.first);
  checkFilter({ types: query.types, asOf: query.asOf, knownAsOf: query.knownAsOf });
  const params: Params = { types: query.types?.length ? [...new Set(query.types)] : null, stances: checkStances(query.stances) };
  const known = knownParams(query, params);
  if (query.text != null) {
    const phrase = quotePhrases(query.text);
    if (phrase === null) return toPage([], first, (c: Claim) => c.id, query.countTotal === false ? null : 0);
    query = { ...query, text: phrase };
  }
  const { first: anchor, conditions } = chooseAnchor(claimAnchors, query, params);
  // With no anchor, the claim id index in order.
  const match = anchor?.match ?? "MATCH (c:Claim) WHERE c.id > ''";
  const where = [
    // With knownAsOf, a claim's retraction is read as of then (not from its stored mark).
    filterCondition('c', { asOf: query.asOf, includeRetracted: query.includeRetracted || known !== null }, params),
    known ? knownClaimCondition('c', known.end, query.includeRetracted) : 'true',
    '($types IS NULL OR c.type IN $types)',
    '($stances IS NULL OR c.stance IN $stances)',
    claimGradeCondition('c', query, params),
    ...conditions,
  ].join(' AND ');
  const page = (candidates: ((order: PageOrder) => string) | undefined, after = query.after, countTotal = query.countTotal !== false) =>
    readPage(db, {
      variable: 'c',
      match,
      where,
      candidates,
      projection: claimProjection('c', query.include, known),
      toItem: toClaim,
      seen: query.asOf != null ? claimSeenAsOf('c') : null,
      after,
      first,
      params,
      countTotal,
    });
  if (anchor || query.asOf == null) return page(undefined);
  // With asOf: the observedStart index walked backwards from the date, latest first; then the
  // claims not observed by then (seen ''), by id.
  const observed = await page(
    (order) => `MATCH (c:Claim) WHERE c.observedStart <= $asOfEnd AND c.observedStart <= coalesce($afterSeen, $asOfEnd) AND ${where}
      WITH c, c.id AS id, c.observedStart AS seen WHERE ${order.after}
      WITH c, id, seen ORDER BY seen DESC, id LIMIT $limit`,
  );
  if (observed.hasNextPage) return observed;
  const inNever = cursorKey(query.after)?.seen === '';
  const never = await page(
    () => `MATCH (c:Claim) WHERE c.id > coalesce($afterId, '') AND NOT coalesce(c.observedStart <= $asOfEnd, false) AND ${where}
      WITH c ORDER BY c.id LIMIT $limit
      WITH c, c.id AS id, '' AS seen`,
    inNever ? query.after : null,
    false,
  );
  return joinPages(observed, never, first);
}
