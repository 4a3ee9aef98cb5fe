// Relationships: of actors (batched), by id, by page with filters, citing sources, and an
// actor's timeline. Types only ever reach Cypher through typePattern's whitelist.
import { NotFoundError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { checkedRelationshipType, relationshipTypes } from '../vocabulary.ts';
import { decodeCursor, toPage, type Page } from './cursor.ts';
import { filterCondition, listSize, typePattern, type Params, type RelationshipFilter } from './filters.ts';
import { relationshipProjection, toRelationship, type Relationship } from './model.ts';

type Row = { rel: Parameters<typeof toRelationship>[0] };

export type Direction = 'OUT' | 'IN' | 'BOTH';

const arrows: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

/** Orders by date (undated last), then id: the order timelines and lists use. */
const byDate = (r: string) => `${r}.sinceStart IS NULL, ${r}.sinceStart, ${r}.id`;

/** The first `first` relationships (by date) of each actor in `ids` that pass the filter, in one query. */
export async function relationshipsOfActors(
  db: Database,
  ids: readonly string[],
  filter: RelationshipFilter,
  direction: Direction = 'BOTH',
  first?: number | null,
): Promise<Map<string, Relationship[]>> {
  const params: Params = { ids: [...new Set(ids)], first: int(listSize(first)) };
  const condition = filterCondition('r', filter, params);
  const [left, right] = arrows[direction];
  const rows = await db.read<{ id: string; rels: Row['rel'][] }>(
    `UNWIND $ids AS id
     MATCH (a:Actor {id: id})
     CALL (a) {
       MATCH (a)${left}[r${typePattern(filter.types)}]${right}(:Actor)
       WHERE ${condition}
       WITH r ORDER BY ${byDate('r')} LIMIT $first
       RETURN collect(${relationshipProjection('r')}) AS rels
     }
     RETURN id, rels`,
    params,
  );
  return new Map(rows.map((row) => [row.id, row.rels.map(toRelationship)]));
}

/** Relationships by id, in the same order; null where an id names none. */
export async function getRelationshipsByIds(db: Database, ids: readonly string[]): Promise<(Relationship | null)[]> {
  const perType = relationshipTypes
    .map((type) => `MATCH ()-[r:${checkedRelationshipType(type)} {id: id}]->() RETURN r`)
    .join(' UNION ');
  const rows = await db.read<Row>(`UNWIND $ids AS id CALL (id) { ${perType} } RETURN ${relationshipProjection('r')} AS rel`, {
    ids: [...new Set(ids)],
  });
  const byId = new Map(rows.map((row) => [row.rel.props.id as string, toRelationship(row.rel)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface RelationshipQuery extends RelationshipFilter {
  claimedBy?: string | null;
  disputedBy?: string | null;
  source?: string | null;
  /** Only ALLEGED and DISPUTED relationships. */
  contested?: boolean;
  first?: number | null;
  after?: string | null;
}

/** Relationships ordered by id, a page at a time, with the total that match. */
export async function listRelationships(db: Database, query: RelationshipQuery): Promise<Page<Relationship>> {
  const first = listSize(query.first);
  const params: Params = {
    claimedBy: query.claimedBy ?? null,
    disputedBy: query.disputedBy ?? null,
    source: query.source ?? null,
    after: decodeCursor('after', query.after),
    limit: int(first + 1),
  };
  const conditions = [
    filterCondition('r', query, params),
    '($claimedBy IS NULL OR $claimedBy IN r.claimedBy)',
    '($disputedBy IS NULL OR $disputedBy IN r.disputedBy)',
    '($source IS NULL OR $source IN r.sources)',
    query.contested ? "r.status IN ['ALLEGED', 'DISPUTED']" : 'true',
  ].join(' AND ');
  const pattern = `(:Actor)-[r${typePattern(query.types)}]->(:Actor)`;
  // One row whatever the page holds, so the total is right on an empty last page too.
  const [row] = await db.read<{ rels: Row['rel'][]; total: number }>(
    `CALL () { MATCH ${pattern} WHERE ${conditions} RETURN count(r) AS total }
     CALL () {
       MATCH ${pattern} WHERE ${conditions} AND ($after IS NULL OR r.id > $after)
       WITH r ORDER BY r.id LIMIT $limit
       RETURN collect(${relationshipProjection('r')}) AS rels
     }
     RETURN rels, total`,
    params,
  );
  return toPage((row?.rels ?? []).map(toRelationship), first, (r) => r.id, row?.total ?? 0);
}

/** For each source id, the first `first` relationships (by date) with evidence from it. */
export async function relationshipsCitingSources(db: Database, sourceIds: readonly string[], first?: number | null): Promise<Map<string, Relationship[]>> {
  const rows = await db.read<{ source: string; rels: Row['rel'][] }>(
    `UNWIND $ids AS source
     CALL (source) {
       MATCH (:Actor)-[r${typePattern()}]->(:Actor) WHERE source IN r.sources
       WITH r ORDER BY ${byDate('r')} LIMIT $first
       RETURN collect(${relationshipProjection('r')}) AS rels
     }
     RETURN source, rels`,
    { ids: [...new Set(sourceIds)], first: int(listSize(first)) },
  );
  return new Map(rows.map((row) => [row.source, row.rels.map(toRelationship)]));
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
