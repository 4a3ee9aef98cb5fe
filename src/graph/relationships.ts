// Relationships: of actors (batched), by id, by page with filters, citing sources, and an
// actor's timeline. Types only ever reach Cypher through typePattern's whitelist. Questions
// of provenance (claimant, disputer, source) start from that actor or source and reach the
// relationships through their claims; contested ones start from the status indexes.
import { NotFoundError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { chooseAnchor, provenanceAnchors } from './claims.ts';
import { readByIds, readFirstPerParent } from './batchReads.ts';
import { cursorKey, joinPages, readPage, type Page } from './cursor.ts';
import { knownClaimCondition } from './knownAsOf.ts';
import {
  byDate,
  filterCondition,
  knownParams,
  listSize,
  liveCondition,
  perType,
  relationshipOrder,
  relationshipSeenAsOf,
  typePattern,
  type Params,
  type RelationshipFilter,
} from './filters.ts';
import { Statement, type Direction, type RelationshipInclude } from './include.ts';
import { relationshipProjection, toRelationship, type Relationship } from './model.ts';

export type { Direction } from './include.ts';

type Row = { rel: Parameters<typeof toRelationship>[0] };

const arrows: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

/** The first `first` relationships (by date; with asOf latest observed first) of each actor in `ids` that pass the filter, in one query. */
export function relationshipsOfActors(
  db: Database,
  ids: readonly string[],
  filter: RelationshipFilter,
  direction: Direction = 'BOTH',
  first?: number | null,
): Promise<Map<string, Relationship[]>> {
  const params: Params = {};
  const condition = filterCondition('r', filter, params);
  const known = knownParams(filter, params);
  const [left, right] = arrows[direction];
  return readFirstPerParent(
    db,
    ids,
    first,
    {
      match: `MATCH (:Actor {id: id})${left}[r${typePattern(filter.types)}]${right}(:Actor) WHERE ${condition}`,
      keep: 'r',
      order: relationshipOrder('r', filter.asOf, '', known),
      projection: relationshipProjection('r', undefined, undefined, known),
      toItem: toRelationship,
    },
    params,
  );
}

/** Relationships by id, in the same order; null where an id names none. */
export function getRelationshipsByIds(db: Database, ids: readonly string[]): Promise<(Relationship | null)[]> {
  const byType = perType(null, (type) => `MATCH ()-[r:${type} {id: id}]->() RETURN r`);
  return readByIds(db, ids, { match: `CALL (id) { ${byType} }`, projection: relationshipProjection('r'), toItem: toRelationship });
}

export interface RelationshipQuery extends RelationshipFilter {
  claimedBy?: string | null;
  disputedBy?: string | null;
  source?: string | null;
  /** Subject or object. */
  about?: string | null;
  /** Only ALLEGED and DISPUTED relationships. */
  contested?: boolean;
  first?: number | null;
  after?: string | null;
  /** Count every match too (default true). */
  countTotal?: boolean;
  /** What to bring with each relationship. */
  include?: RelationshipInclude;
}

const contestedStatuses = ['ALLEGED', 'DISPUTED'];

/** Only contested relationships: by the stored status, or with knownAsOf by the status derived then. */
const contestedCondition = (query: RelationshipQuery, params: Params) =>
  query.knownAsOf == null ? 'r.status IN $contestedStatuses' : filterCondition('r', { knownAsOf: query.knownAsOf, includeRetracted: true, statuses: contestedStatuses }, params, 'contested_');

/**
 * Where a relationship query starts, giving rows of distinct `r`: from a claimant, disputer or
 * source through the claims (the other provenance filters on the same claim); from an actor;
 * from the status indexes, type by type, for contested ones; else every relationship.
 */
function relationshipAnchor(query: RelationshipQuery, params: Params): { match: string; anchored: boolean; byClaims?: boolean } {
  const types = typePattern(query.types);
  const { first: anchor, conditions } = chooseAnchor(provenanceAnchors, query, params);
  params.about = query.about ?? null;
  if (anchor) {
    // One claim per relationship, in the order of the relationships' ids (a page without asOf
    // then reaches only the relationships it shows). With knownAsOf, a claim known then.
    const known = knownParams(query, params);
    const live = known ? knownClaimCondition('c', known.end, query.includeRetracted) : liveCondition('c', query.includeRetracted);
    const match = `${anchor.match} WHERE ${[live, '($claimTypes IS NULL OR c.type IN $claimTypes)', ...conditions].join(' AND ')}
      WITH c.relationship AS rid, collect(c)[0] AS c ORDER BY rid
      MATCH (a:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(b:Actor)
      WHERE $about IS NULL OR a.id = $about OR b.id = $about
      MATCH (a)-[r${types}]->(b) WHERE r.id = c.relationship`;
    return { match, anchored: true, byClaims: true };
  }
  if (query.about != null) return { match: `MATCH (:Actor {id: $about})-[r${types}]-(:Actor) WITH DISTINCT r`, anchored: true };
  // With knownAsOf, the status then may not be the stored one: the status indexes cannot start it.
  if (query.contested && query.knownAsOf == null) {
    return { match: `CALL () { ${perType(query.types, (type) => `MATCH ()-[r:${type}]->() WHERE r.status IN $contestedStatuses RETURN r`)} } WITH r`, anchored: true };
  }
  return { match: `MATCH (:Actor)-[r${types}]->(:Actor)`, anchored: false };
}

/** Without asOf: each type's id index walked in order from the cursor, the page's worth of each. */
const byIdIndex = (types: RelationshipQuery['types'], where: string) => () =>
  `CALL () { ${perType(types, (type) => `MATCH ()-[r:${type}]->() WHERE r.id > coalesce($afterId, '') AND ${where} RETURN r ORDER BY r.id LIMIT $limit`)} }
   WITH r, r.id AS id, '' AS seen`;

/**
 * With asOf: the claims observed at or before the date, latest first (their observedStart
 * index walked backwards), each giving its relationship the first time it is met, which is when
 * the relationship was last observed by then (its `seen`). Relationships never observed by then
 * (seen '') are not reached: `seenNever` pages through those.
 */
const byObservation = (types: RelationshipQuery['types'], where: string) => (order: { after: string }) =>
  `MATCH (x:Claim) WHERE x.observedStart <= $asOfEnd AND x.observedStart <= coalesce($afterSeen, $asOfEnd)
     AND ($claimTypes IS NULL OR x.type IN $claimTypes)
   WITH x ORDER BY x.observedStart DESC
   MATCH (a:Actor)<-[:SUBJECT]-(x)-[:OBJECT]->(b:Actor)
   MATCH (a)-[r${typePattern(types)}]->(b) WHERE r.id = x.relationship AND ${where}
   WITH r, x.observedStart AS seen WHERE seen = ${relationshipSeenAsOf('r')}
   WITH DISTINCT r, r.id AS id, seen WHERE ${order.after}`;

const seenNever = (types: RelationshipQuery['types'], where: string) => () =>
  `CALL () { ${perType(
    types,
    (type) => `MATCH ()-[r:${type}]->() WHERE r.id > coalesce($afterId, '') AND ${where} AND ${relationshipSeenAsOf('r')} = '' RETURN r ORDER BY r.id LIMIT $limit`,
  )} }
   WITH r, r.id AS id, '' AS seen`;

/** Relationships a page at a time, by id (with asOf, latest observed first), with the total that match when asked. */
export async function listRelationships(db: Database, query: RelationshipQuery): Promise<Page<Relationship>> {
  const first = listSize(query.first);
  const st = new Statement({ contestedStatuses, claimTypes: query.types?.length ? [...new Set(query.types)] : null });
  const { match, anchored, byClaims } = relationshipAnchor(query, st.params);
  const where = [filterCondition('r', query, st.params), query.contested ? contestedCondition(query, st.params) : 'true'].join(' AND ');
  const known = knownParams(query, st.params);
  const page = (candidates: ((order: { after: string }) => string) | undefined, after = query.after, countTotal = query.countTotal !== false) =>
    readPage(db, {
      variable: 'r',
      match,
      where,
      candidates,
      projection: relationshipProjection('r', query.include, st, known),
      toItem: toRelationship,
      seen: query.asOf != null ? relationshipSeenAsOf('r', '', known) : null,
      after,
      first,
      params: st.params,
      countTotal,
    });
  // Through claims, without asOf: ordered by the claims' relationship ids, which are the page's.
  if (byClaims && query.asOf == null) return page((order) => `${match} WITH r, rid AS id, '' AS seen WHERE ${where} AND ${order.after}`);
  // With knownAsOf every relationship is derived anew from its claims known then: walked once, in
  // one statement (not one per type, which would repeat that derivation in the statement's text).
  if (anchored || query.knownAsOf != null) return page(undefined);
  if (query.asOf == null) return page(byIdIndex(query.types, where));
  const observed = await page(byObservation(query.types, where));
  if (observed.hasNextPage) return observed;
  // The observed ones end on this page: the never observed follow, by id.
  const inNever = cursorKey(query.after)?.seen === '';
  const never = await page(seenNever(query.types, where), inNever ? query.after : null, false);
  return joinPages(observed, never, first);
}

/**
 * For each source id, the first `first` relationships (by date) its claims support, reached
 * through them; with knownAsOf, through its claims known then (none before it was published).
 */
export function relationshipsCitingSources(
  db: Database,
  sourceIds: readonly string[],
  first?: number | null,
  { includeRetracted = false, knownAsOf = null }: { includeRetracted?: boolean | null; knownAsOf?: string | null } = {},
): Promise<Map<string, Relationship[]>> {
  const params: Params = {};
  const known = knownParams({ knownAsOf }, params);
  const claim = known ? knownClaimCondition('c', known.end, includeRetracted) : liveCondition('c', includeRetracted);
  return readFirstPerParent(
    db,
    sourceIds,
    first,
    {
      match: `MATCH (:Source {id: id})<-[:IN_SOURCE]-(c:Claim) WHERE ${claim}
            MATCH (a:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(b:Actor)
            MATCH (a)-[r${typePattern()}]->(b) WHERE r.id = c.relationship AND ${filterCondition('r', { includeRetracted, knownAsOf }, params)}`,
      keep: 'DISTINCT r',
      order: byDate('r'),
      projection: relationshipProjection('r', undefined, undefined, known),
      toItem: toRelationship,
    },
    params,
  );
}

/** The first `first` relationships of an actor, ordered by date (undated last). */
export async function timeline(db: Database, id: string, filter: RelationshipFilter & { first?: number | null }, include?: RelationshipInclude): Promise<Relationship[]> {
  const st = new Statement({ id, first: int(listSize(filter.first)) });
  const params = st.params;
  const condition = filterCondition('r', filter, params);
  const known = knownParams(filter, params);
  const [row] = await db.read<{ found: boolean; rels: Row['rel'][] }>(
    `OPTIONAL MATCH (a:Actor {id: $id})
     CALL (a) {
       OPTIONAL MATCH (a)-[r${typePattern(filter.types)}]-(:Actor) WHERE ${condition}
       WITH r ORDER BY ${byDate('r')} LIMIT $first
       RETURN collect(CASE WHEN r IS NULL THEN null ELSE ${relationshipProjection('r', include, st, known)} END) AS rels
     }
     RETURN a IS NOT NULL AS found, rels`,
    params,
  );
  if (!row?.found) throw new NotFoundError('id', id);
  return row.rels.map(toRelationship);
}
