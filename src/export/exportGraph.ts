// Reads the whole graph, or the neighbourhood of one actor, with every property, for export.
// Each relationship also carries its provenance, gathered from its claims: their ids, their
// sources, claimants and disputers, every quote, and each claim's Admiralty grade ("B2": its
// source's reliability, its credibility) beside the relationship's best (`bestGrade`), so that a file read elsewhere keeps it.
import { apiLimits } from '../config.ts';
import { argumentDefaults } from '../domain/limits.ts';
import type { Database } from '../neo4j/database.ts';
import { filterCondition, knownParams, typePattern, type Params } from '../graph/filters.ts';
import { gatheredAsKnown, knownFields } from '../graph/knownAsOf.ts';
import { neighborhood } from '../graph/traversal.ts';
import type { ExportGraph, Value } from '../domain/formats.ts';
import { gatheredActors, gatheredEvidence, gatheredSources } from '../domain/gathered.ts';
import { gradeCodeCypher } from '../domain/grading.ts';

export interface ExportScope {
  /** Export only the neighbourhood of this actor... */
  focus?: string | null;
  /** ...within this many hops (1 to 4). */
  depth?: number | null;
  /** Only relationships valid at this partial date. */
  asOf?: string | null;
  /** The graph as its sources stood on this partial date: relationships derived from the claims known then (src/graph/knownAsOf.ts). */
  knownAsOf?: string | null;
  /**
   * Only actors of these origins ('seed', 'api', 'registry'), and the relationships between them:
   * a militancy graph without the registry's unrelated designations. Every actor carries its
   * `origin` (and a registry actor its registry, regime and reference number) whatever is chosen.
   */
  origins?: readonly string[] | null;
}

/** Internal bookkeeping that is not part of the data (`grades`, the filters' index of the claims' grades, is `claimGrades`). */
const internal = new Set(['hash', 'grades']);

/**
 * A relationship's live claims (all of them when every one is retracted) in id order, each with
 * its links; `which` is the condition on claim `c` of relationship `r`.
 */
const claimsOfRelationship = (which: string) => `COLLECT {
  MATCH (c:Claim {relationship: r.id}) WHERE ${which}
  WITH c ORDER BY c.id
  RETURN {id: c.id, stance: c.stance, grade: ${gradeCodeCypher('c')},
    sources: COLLECT { MATCH (c)-[:IN_SOURCE]->(x) RETURN x.id },
    claimedBy: COLLECT { MATCH (c)-[:CLAIMED_BY]->(x) RETURN x.id },
    disputedBy: COLLECT { MATCH (c)-[:DISPUTED_BY]->(x) RETURN x.id },
    evidence: COLLECT { MATCH (c)-[x:EVIDENCE]->() RETURN x.quote }}
}`;

interface ExportedClaim {
  id: string;
  stance: string;
  /** Its source's reliability and its credibility, "B2" ("-" for an ungraded half). */
  grade: string;
  sources: string[];
  claimedBy: string[];
  disputedBy: string[];
  evidence: string[];
}

/**
 * The provenance an edge carries, gathered from its claims as the API gathers a relationship's
 * fields; in the key order the exports have always been written in (a Cypher map's order).
 */
function provenance(claims: ExportedClaim[]): Record<string, string[]> {
  const itself = (id: string) => id;
  return {
    sources: gatheredSources(claims.flatMap((claim) => claim.sources.map((source) => ({ source }))), itself),
    claims: claims.map((claim) => claim.id),
    stances: claims.map((claim) => claim.stance),
    claimGrades: claims.map((claim) => claim.grade),
    disputedBy: gatheredActors(claims, 'disputedBy', itself),
    claimedBy: gatheredActors(claims, 'claimedBy', itself),
    evidenceQuotes: gatheredEvidence(claims),
  };
}

const clean = (props: Record<string, Value>) => Object.fromEntries(Object.entries(props).filter(([k]) => !internal.has(k)));

export async function exportGraph(db: Database, scope: ExportScope = {}): Promise<ExportGraph> {
  let nodeIds: string[] | null = null;
  let relationshipIds: string[] | null = null;
  if (scope.focus) {
    const sub = await neighborhood(db, { id: scope.focus, depth: scope.depth ?? argumentDefaults.neighborhoodDepth, asOf: scope.asOf, knownAsOf: scope.knownAsOf, limit: apiLimits.maxNeighborhoodLimit });
    nodeIds = sub.nodes.map((n) => n.id);
    relationshipIds = sub.relationships.map((r) => r.id);
  }
  const params: Params = { nodeIds, relationshipIds, origins: scope.origins?.length ? [...scope.origins] : null };
  const chosen = (a: string) => `($origins IS NULL OR coalesce(${a}.origin, 'seed') IN $origins)`;
  const condition = filterCondition('r', { asOf: scope.asOf, knownAsOf: scope.knownAsOf }, params);
  // With knownAsOf, each edge as derived from the claims known then, and those claims.
  const known = knownParams(scope, params);
  const props = known ? knownFields('r', known.end) : 'properties(r)';
  const claims = claimsOfRelationship(known ? gatheredAsKnown('r', 'c', known.end) : 'c.retracted IS NULL OR r.retracted');
  const nodes = await db.read<{ props: Record<string, Value>; kind: string }>(
    `MATCH (a:Actor) WHERE ($nodeIds IS NULL OR a.id IN $nodeIds) AND ${chosen('a')} RETURN properties(a) AS props, a.kind AS kind ORDER BY a.id`,
    params,
  );
  const edges = await db.read<{ props: Record<string, Value>; claims: ExportedClaim[]; type: string; source: string; target: string }>(
    `MATCH (a:Actor)-[r${typePattern()}]->(b:Actor)
     WHERE ($relationshipIds IS NULL OR r.id IN $relationshipIds) AND ${condition} AND ${chosen('a')} AND ${chosen('b')}
     RETURN ${props} AS props, ${claims} AS claims, type(r) AS type, a.id AS source, b.id AS target ORDER BY r.id`,
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
      properties: clean({ ...e.props, ...(e.claims.length > 0 ? provenance(e.claims) : {}) }),
    })),
  };
}
