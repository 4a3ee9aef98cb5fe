// Relationships: of actors (batched), by id, by page with filters, citing sources, and an
// actor's timeline. Types only ever reach Cypher through typePattern's whitelist. Questions
// of provenance (claimant, disputer, source) start from that actor or source and reach the
// relationships through their claims; contested ones start from the status indexes.
import { NotFoundError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { chooseAnchor, provenanceAnchors } from './claims.ts';
import { readByIds, readFirstPerParent } from './batchReads.ts';
import { readPage, type Page } from './cursor.ts';
import { filterCondition, listSize, liveCondition, perType, relationshipSeenAsOf, typePattern, type Params, type RelationshipFilter } from './filters.ts';
import { relationshipProjection, toRelationship, type Relationship } from './model.ts';

type Row = { rel: Parameters<typeof toRelationship>[0] };

export type Direction = 'OUT' | 'IN' | 'BOTH';

const arrows: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

/** Orders by date (undated last), then id: the order timelines and lists use. */
const byDate = (r: string) => `${r}.sinceStart IS NULL, ${r}.sinceStart, ${r}.id`;

/** With asOf, the relationship observed latest at or before the date first; then by date. */
const listOrder = (r: string, filter: RelationshipFilter) => (filter.asOf != null ? `${relationshipSeenAsOf(r)} DESC, ${byDate(r)}` : byDate(r));

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
  const [left, right] = arrows[direction];
  return readFirstPerParent(
    db,
    ids,
    first,
    {
      match: `MATCH (:Actor {id: id})${left}[r${typePattern(filter.types)}]${right}(:Actor) WHERE ${condition}`,
      keep: 'r',
      order: listOrder('r', filter),
      projection: relationshipProjection('r'),
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
}

const contestedStatuses = ['ALLEGED', 'DISPUTED'];

/**
 * Where a relationship query starts, giving rows of distinct `r`: from a claimant, disputer or
 * source through the claims (the other provenance filters on the same claim); from an actor;
 * from the status indexes, type by type, for contested ones; else every relationship.
 */
function relationshipAnchor(query: RelationshipQuery, params: Params): string {
  const types = typePattern(query.types);
  const { first: anchor, conditions } = chooseAnchor(provenanceAnchors, query, params);
  params.about = query.about ?? null;
  if (anchor) {
    return `${anchor.match} WHERE ${[liveCondition('c', query.includeRetracted), ...conditions].join(' AND ')}
      MATCH (a:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(b:Actor)
      WHERE $about IS NULL OR a.id = $about OR b.id = $about
      MATCH (a)-[r${types}]->(b) WHERE r.id = c.relationship
      WITH DISTINCT r`;
  }
  if (query.about != null) return `MATCH (:Actor {id: $about})-[r${types}]-(:Actor) WITH DISTINCT r`;
  if (query.contested) {
    return `CALL () { ${perType(query.types, (type) => `MATCH ()-[r:${type}]->() WHERE r.status IN $contestedStatuses RETURN r`)} } WITH r`;
  }
  return `MATCH (:Actor)-[r${types}]->(:Actor)`;
}

/** Relationships a page at a time, by id (with asOf, latest observed first), with the total that match. */
export async function listRelationships(db: Database, query: RelationshipQuery): Promise<Page<Relationship>> {
  const first = listSize(query.first);
  const params: Params = { contestedStatuses };
  const anchor = relationshipAnchor(query, params);
  const conditions = [filterCondition('r', query, params), query.contested ? 'r.status IN $contestedStatuses' : 'true'].join(' AND ');
  return readPage(db, {
    variable: 'r',
    match: anchor,
    where: conditions,
    projection: relationshipProjection('r'),
    toItem: toRelationship,
    seen: query.asOf != null ? relationshipSeenAsOf('r') : null,
    after: query.after,
    first,
    params,
    countTotal: query.countTotal !== false,
  });
}

/** For each source id, the first `first` relationships (by date) its claims support, reached through them. */
export function relationshipsCitingSources(
  db: Database,
  sourceIds: readonly string[],
  first?: number | null,
  includeRetracted?: boolean | null,
): Promise<Map<string, Relationship[]>> {
  return readFirstPerParent(db, sourceIds, first, {
    match: `MATCH (:Source {id: id})<-[:IN_SOURCE]-(c:Claim) WHERE ${liveCondition('c', includeRetracted)}
            MATCH (a:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(b:Actor)
            MATCH (a)-[r${typePattern()}]->(b) WHERE r.id = c.relationship AND ${liveCondition('r', includeRetracted)}`,
    keep: 'DISTINCT r',
    order: byDate('r'),
    projection: relationshipProjection('r'),
    toItem: toRelationship,
  });
}

/** The first `first` relationships of an actor, ordered by date (undated last). */
export async function timeline(db: Database, id: string, filter: RelationshipFilter & { first?: number | null }): Promise<Relationship[]> {
  const params: Params = { id, first: int(listSize(filter.first)) };
  const condition = filterCondition('r', filter, params);
  const [row] = await db.read<{ found: boolean; rels: Row['rel'][] }>(
    `OPTIONAL MATCH (a:Actor {id: $id})
     CALL (a) {
       OPTIONAL MATCH (a)-[r${typePattern(filter.types)}]-(:Actor) WHERE ${condition}
       WITH r ORDER BY ${byDate('r')} LIMIT $first
       RETURN collect(CASE WHEN r IS NULL THEN null ELSE ${relationshipProjection('r')} END) AS rels
     }
     RETURN a IS NOT NULL AS found, rels`,
    params,
  );
  if (!row?.found) throw new NotFoundError('id', id);
  return row.rels.map(toRelationship);
}
