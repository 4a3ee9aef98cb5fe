// Traversals: an actor's neighbourhood, shortest paths, and allegiance chains. Filters
// (types, statuses, asOf) hold on every hop. Depths are checked integers before they
// reach the Cypher text.
import { apiLimits } from '../config.ts';
import { NotFoundError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { checkRange, filterCondition, listSize, typePattern, type Params, type RelationshipFilter } from './filters.ts';
import { actorProjection, relationshipProjection, toActor, toRelationship, type Actor, type Relationship } from './model.ts';

type RelRow = Parameters<typeof toRelationship>[0];

export interface Subgraph {
  nodes: Actor[];
  relationships: Relationship[];
}

export interface Path extends Subgraph {
  length: number;
}

export interface NeighborhoodArgs extends RelationshipFilter {
  id: string;
  depth?: number | null;
  limit?: number | null;
}

/**
 * Breadth-first, one query per hop (so at most maxNeighborhoodDepth + 1 queries): the
 * actors within `depth` hops and the relationships on those hops, at most `limit` actors.
 */
export async function neighborhood(db: Database, args: NeighborhoodArgs): Promise<Subgraph> {
  const depth = checkRange('depth', args.depth ?? 1, 1, apiLimits.maxNeighborhoodDepth);
  const limit = checkRange('limit', args.limit ?? 200, 1, apiLimits.maxNeighborhoodLimit);
  const params: Params = {};
  const condition = filterCondition('r', args, params);
  const [start] = await db.read<{ actor: Record<string, unknown> }>(`MATCH (a:Actor {id: $id}) RETURN ${actorProjection('a')} AS actor`, {
    id: args.id,
  });
  if (!start) throw new NotFoundError('id', args.id);

  const nodes = new Map<string, Actor>([[args.id, toActor(start.actor)]]);
  const relationships = new Map<string, Relationship>();
  let frontier = [args.id];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const rows = await db.read<{ rel: RelRow }>(
      `UNWIND $frontier AS id
       MATCH (a:Actor {id: id})-[r${typePattern(args.types)}]-(b:Actor)
       WHERE ${condition}
       WITH DISTINCT r ORDER BY r.id
       RETURN ${relationshipProjection('r')} AS rel`,
      { ...params, frontier },
    );
    const next: string[] = [];
    for (const rel of rows.map((row) => toRelationship(row.rel))) {
      for (const end of [rel.from, rel.to]) {
        if (!nodes.has(end.id) && nodes.size < limit) {
          nodes.set(end.id, end);
          next.push(end.id);
        }
      }
      if (nodes.has(rel.from.id) && nodes.has(rel.to.id)) relationships.set(rel.id, rel);
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}

export interface ShortestPathArgs extends RelationshipFilter {
  from: string;
  to: string;
  maxDepth?: number | null;
}

/**
 * A shortest path whose every hop passes the filter; null when none within maxDepth. Among
 * equally short paths (the first shortestPathCandidates Neo4j finds) the one with the fewest
 * unconfirmed (alleged or disputed) hops wins, then the smallest ids: the same answer every time
 * as long as no more than shortestPathCandidates paths are equally short.
 */
export async function shortestPath(db: Database, args: ShortestPathArgs): Promise<Path | null> {
  const maxDepth = checkRange('maxDepth', args.maxDepth ?? 6, 1, apiLimits.maxPathDepth);
  const params: Params = { from: args.from, to: args.to };
  const condition = filterCondition('r', args, params);
  const [row] = await db.read<{ a: Record<string, unknown> | null; b: Record<string, unknown> | null; nodes: Record<string, unknown>[] | null; rels: RelRow[] | null }>(
    `OPTIONAL MATCH (a:Actor {id: $from})
     OPTIONAL MATCH (b:Actor {id: $to})
     CALL (a, b) {
       OPTIONAL MATCH p = SHORTEST ${apiLimits.shortestPathCandidates} (a)(()-[r${typePattern(args.types)} WHERE ${condition}]-(:Actor)){1,${maxDepth}}(b)
       WHERE a <> b
       RETURN p ORDER BY length(p), size([x IN relationships(p) WHERE x.status <> 'REPORTED']), [x IN relationships(p) | x.id] LIMIT 1
     }
     RETURN ${actorProjection('a')} AS a, ${actorProjection('b')} AS b,
            [n IN nodes(p) | ${actorProjection('n')}] AS nodes,
            [r IN relationships(p) | ${relationshipProjection('r')}] AS rels`,
    params,
  );
  if (!row?.a) throw new NotFoundError('from', args.from);
  if (!row.b) throw new NotFoundError('to', args.to);
  if (args.from === args.to) return { length: 0, nodes: [toActor(row.a)], relationships: [] };
  if (!row.nodes || !row.rels) return null;
  return { length: row.rels.length, nodes: row.nodes.map(toActor), relationships: row.rels.map(toRelationship) };
}

export interface AllegianceArgs {
  id: string;
  includeRetracted?: boolean | null;
  asOf?: string | null;
  depth?: number | null;
  first?: number | null;
}

/** PLEDGED_ALLEGIANCE_TO from the actor, then from those it pledged to, ordered by date; the first `first`. */
export async function allegianceChain(db: Database, args: AllegianceArgs): Promise<Relationship[]> {
  const depth = checkRange('depth', args.depth ?? 3, 1, apiLimits.maxAllegianceDepth);
  const params: Params = { id: args.id, first: int(listSize(args.first)) };
  const condition = filterCondition('r', { asOf: args.asOf, includeRetracted: args.includeRetracted }, params);
  const [row] = await db.read<{ found: boolean; rels: RelRow[] }>(
    `OPTIONAL MATCH (a:Actor {id: $id})
     OPTIONAL MATCH p = (a)(()-[r:PLEDGED_ALLEGIANCE_TO WHERE ${condition}]->(:Actor)){1,${depth}}
     WITH a, [x IN relationships(p)] AS rels
     UNWIND (CASE WHEN rels = [] OR rels IS NULL THEN [null] ELSE rels END) AS r
     WITH DISTINCT a, r ORDER BY r.sinceStart IS NULL, r.sinceStart, r.id LIMIT $first
     RETURN a IS NOT NULL AS found, collect(CASE WHEN r IS NULL THEN null ELSE ${relationshipProjection('r')} END) AS rels`,
    params,
  );
  if (!row?.found) throw new NotFoundError('id', args.id);
  return row.rels.map(toRelationship);
}
