// Reads the whole graph, or the neighbourhood of one actor, with every property, for export.
// Each relationship also carries its provenance, gathered from its claims: their ids, their
// sources, claimants and disputers, and every quote, so that a file read elsewhere keeps it.
import { apiLimits } from '../config.ts';
import { argumentDefaults } from '../domain/limits.ts';
import type { Database } from '../neo4j/database.ts';
import { filterCondition, typePattern, type Params } from '../graph/filters.ts';
import { neighborhood } from '../graph/traversal.ts';
import type { ExportGraph, Value } from './formats.ts';

export interface ExportScope {
  /** Export only the neighbourhood of this actor... */
  focus?: string | null;
  /** ...within this many hops (1 to 4). */
  depth?: number | null;
  /** Only relationships valid at this partial date. */
  asOf?: string | null;
}

/** Internal bookkeeping that is not part of the data. */
const internal = new Set(['hash']);

/** A list of `value` over the claims `c` of relationship `r` (in claim id order), each value once when `distinct`. */
const gathered = (pattern: string, value: string, distinct = false) =>
  `COLLECT { MATCH (c:Claim {relationship: r.id}) WHERE c.retracted IS NULL OR r.retracted MATCH ${pattern} WITH c, ${value} AS v ORDER BY c.id RETURN ${distinct ? 'DISTINCT ' : ''}v }`;

const clean = (props: Record<string, Value>) => Object.fromEntries(Object.entries(props).filter(([k]) => !internal.has(k)));

export async function exportGraph(db: Database, scope: ExportScope = {}): Promise<ExportGraph> {
  let nodeIds: string[] | null = null;
  let relationshipIds: string[] | null = null;
  if (scope.focus) {
    const sub = await neighborhood(db, { id: scope.focus, depth: scope.depth ?? argumentDefaults.neighborhoodDepth, asOf: scope.asOf, limit: apiLimits.maxNeighborhoodLimit });
    nodeIds = sub.nodes.map((n) => n.id);
    relationshipIds = sub.relationships.map((r) => r.id);
  }
  const params: Params = { nodeIds, relationshipIds };
  const condition = filterCondition('r', { asOf: scope.asOf }, params);
  const nodes = await db.read<{ props: Record<string, Value>; kind: string }>(
    'MATCH (a:Actor) WHERE $nodeIds IS NULL OR a.id IN $nodeIds RETURN properties(a) AS props, a.kind AS kind ORDER BY a.id',
    params,
  );
  const edges = await db.read<{ props: Record<string, Value>; provenance: Record<string, string[]>; type: string; source: string; target: string }>(
    `MATCH (a:Actor)-[r${typePattern()}]->(b:Actor)
     WHERE ($relationshipIds IS NULL OR r.id IN $relationshipIds) AND ${condition}
     WITH r, a, b, ${gathered('(c)', 'c.id')} AS claims,
          ${gathered('(c)', 'c.stance')} AS stances,
          ${gathered('(c)-[:IN_SOURCE]->(x)', 'x.id', true)} AS sources,
          ${gathered('(c)-[:CLAIMED_BY]->(x)', 'x.id', true)} AS claimedBy,
          ${gathered('(c)-[:DISPUTED_BY]->(x)', 'x.id', true)} AS disputedBy,
          ${gathered('(c)-[x:EVIDENCE]->()', 'x.quote')} AS evidenceQuotes
     RETURN properties(r) AS props, {claims: claims, stances: stances, sources: sources, claimedBy: claimedBy,
            disputedBy: disputedBy, evidenceQuotes: evidenceQuotes} AS provenance,
            type(r) AS type, a.id AS source, b.id AS target ORDER BY r.id`,
    params,
  );
  return {
    nodes: nodes.map((n) => ({ id: n.props.id as string, kind: n.kind, properties: clean(n.props) })),
    // A graph rebuilt from a Cypher export has no claims: it keeps the provenance it was exported with.
    edges: edges.map((e) => ({
      id: e.props.id as string,
      type: e.type,
      source: e.source,
      target: e.target,
      properties: clean({ ...e.props, ...(e.provenance.claims!.length > 0 ? e.provenance : {}) }),
    })),
  };
}
