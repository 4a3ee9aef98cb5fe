// Traversals: an actor's neighbourhood, shortest paths, and allegiance chains. Filters
// (types, statuses, asOf) hold on every hop. Depths are checked integers before they
// reach the Cypher text.
import { argumentDefaults, queryLimits } from '../domain/limits.ts';
import { NotFoundError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { checkRange, filterCondition, knownParams, listSize, typePattern, type Params, type RelationshipFilter } from './filters.ts';
import { Statement, type ActorInclude, type RelationshipInclude } from './include.ts';
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

/** What to bring with the actors and relationships of a subgraph. */
export interface SubgraphInclude {
  nodes?: ActorInclude;
  relationships?: RelationshipInclude;
}

/**
 * One hop of a neighbourhood, in Cypher: the actors that relationships passing the filter reach
 * from `frontier` for the first time join `nodes`, in order of the first such relationship's id,
 * while there is room (`$limit`); they are the next frontier. (Each such relationship reaches one
 * new actor, its other end being in the frontier, so the order has no ties.)
 */
const hop = (types: string, condition: string) => `CALL (nodes, frontier) {
    UNWIND frontier AS f
    MATCH (f)-[r${types}]-(o:Actor) WHERE ${condition} AND NOT o IN nodes
    WITH o, min(r.id) AS reachedBy ORDER BY reachedBy
    WITH collect(o) AS reached
    RETURN reached[..($limit - size(nodes))] AS added
  }
  WITH nodes + added AS nodes, added AS frontier, inner + frontier AS inner`;

/**
 * Breadth-first in one statement: the actors within `depth` hops (at most `limit`, the first
 * reached hop by hop) and, by id, the relationships that pass the filter between an actor whose
 * neighbours were explored and another actor inside.
 */
export async function neighborhood(db: Database, args: NeighborhoodArgs, include: SubgraphInclude = {}): Promise<Subgraph> {
  const depth = checkRange('depth', args.depth ?? argumentDefaults.neighborhoodDepth, 1, queryLimits.maxNeighborhoodDepth);
  const limit = checkRange('limit', args.limit ?? argumentDefaults.neighborhoodLimit, 1, queryLimits.maxNeighborhoodLimit);
  const st = new Statement({ id: args.id, limit: int(limit) });
  const condition = filterCondition('r', args, st.params);
  const known = knownParams(args, st.params);
  const types = typePattern(args.types);
  const hops = Array.from({ length: depth }, () => hop(types, condition)).join('\n');
  const [row] = await db.read<{ nodes: Record<string, unknown>[]; rels: RelRow[] }>(
    `MATCH (start:Actor {id: $id})
     WITH [start] AS nodes, [start] AS frontier, [] AS inner
     ${hops}
     CALL (nodes, inner) {
       UNWIND inner AS f
       MATCH (f)-[r${types}]-(b:Actor) WHERE ${condition} AND b IN nodes
       WITH DISTINCT r ORDER BY r.id
       RETURN collect(r) AS rels
     }
     RETURN [n IN nodes | ${actorProjection('n', include.nodes, st)}] AS nodes, [r IN rels | ${relationshipProjection('r', include.relationships, st, known)}] AS rels`,
    st.params,
  );
  if (!row) throw new NotFoundError('id', args.id);
  return { nodes: row.nodes.map(toActor), relationships: row.rels.map(toRelationship) };
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
export async function shortestPath(db: Database, args: ShortestPathArgs, include: SubgraphInclude = {}): Promise<Path | null> {
  const maxDepth = checkRange('maxDepth', args.maxDepth ?? argumentDefaults.pathMaxDepth, 1, queryLimits.maxPathDepth);
  const st = new Statement({ from: args.from, to: args.to });
  const params = st.params;
  const condition = filterCondition('r', args, params);
  const known = knownParams(args, params);
  const [row] = await db.read<{ a: Record<string, unknown> | null; b: Record<string, unknown> | null; nodes: Record<string, unknown>[] | null; rels: RelRow[] | null }>(
    `OPTIONAL MATCH (a:Actor {id: $from})
     OPTIONAL MATCH (b:Actor {id: $to})
     CALL (a, b) {
       OPTIONAL MATCH p = SHORTEST ${queryLimits.shortestPathCandidates} (a)(()-[r${typePattern(args.types)} WHERE ${condition}]-(:Actor)){1,${maxDepth}}(b)
       WHERE a <> b
       RETURN p ORDER BY length(p), size([x IN relationships(p) WHERE x.status <> 'REPORTED']), [x IN relationships(p) | x.id] LIMIT 1
     }
     RETURN ${actorProjection('a')} AS a, ${actorProjection('b')} AS b,
            [n IN nodes(p) | ${actorProjection('n', include.nodes, st)}] AS nodes,
            [r IN relationships(p) | ${relationshipProjection('r', include.relationships, st, known)}] AS rels`,
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
  minReliability?: string | null;
  minCredibility?: number | null;
  asOf?: string | null;
  knownAsOf?: string | null;
  depth?: number | null;
  first?: number | null;
}

/** PLEDGED_ALLEGIANCE_TO from the actor, then from those it pledged to, ordered by date; the first `first`. */
export async function allegianceChain(db: Database, args: AllegianceArgs, include?: RelationshipInclude): Promise<Relationship[]> {
  const depth = checkRange('depth', args.depth ?? argumentDefaults.allegianceDepth, 1, queryLimits.maxAllegianceDepth);
  const st = new Statement({ id: args.id, first: int(listSize(args.first)) });
  const params = st.params;
  const filter = { asOf: args.asOf, includeRetracted: args.includeRetracted, knownAsOf: args.knownAsOf, minReliability: args.minReliability, minCredibility: args.minCredibility };
  const condition = filterCondition('r', filter, params);
  const known = knownParams(filter, params);
  const [row] = await db.read<{ found: boolean; rels: RelRow[] }>(
    `OPTIONAL MATCH (a:Actor {id: $id})
     OPTIONAL MATCH p = (a)(()-[r:PLEDGED_ALLEGIANCE_TO WHERE ${condition}]->(:Actor)){1,${depth}}
     WITH a, [x IN relationships(p)] AS rels
     UNWIND (CASE WHEN rels = [] OR rels IS NULL THEN [null] ELSE rels END) AS r
     WITH DISTINCT a, r ORDER BY r.sinceStart IS NULL, r.sinceStart, r.id LIMIT $first
     RETURN a IS NOT NULL AS found, collect(CASE WHEN r IS NULL THEN null ELSE ${relationshipProjection('r', include, st, known)} END) AS rels`,
    params,
  );
  if (!row?.found) throw new NotFoundError('id', args.id);
  return row.rels.map(toRelationship);
}
