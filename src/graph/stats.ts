// Counts of the graph's actors, relationships (of the vocabulary's types), claims and sources.
// Relationships and claims are counted as the lists show them: retracted ones are left out, and
// counted apart. Per-type totals come from Neo4j's count store and the retracted ones from
// indexes on `retracted` (schema/neo4j.cypher, src/neo4j/schema.ts), so this stays fast at any size.
import type { Database } from '../neo4j/database.ts';
import { perType } from './filters.ts';

export interface Stats {
  actors: number;
  /** Relationships with a live claim: those the lists show. */
  relationships: number;
  /** Relationships whose every claim is retracted: hidden unless includeRetracted is asked for. */
  retractedRelationships: number;
  /** Claims not retracted. */
  claims: number;
  retractedClaims: number;
  sources: number;
}

const allPerType = perType(null, (type) => `MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
const retractedPerType = perType(null, (type) => `MATCH ()-[r:${type}]->() WHERE r.retracted IS NOT NULL RETURN count(r) AS n`);

const statsQuery = `
  CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
  CALL () { CALL () { ${allPerType} } RETURN sum(n) AS allRelationships }
  CALL () { CALL () { ${retractedPerType} } RETURN sum(n) AS retractedRelationships }
  CALL () { MATCH (c:Claim) RETURN count(c) AS allClaims }
  CALL () { MATCH (c:Claim) WHERE c.retracted IS NOT NULL RETURN count(c) AS retractedClaims }
  CALL () { MATCH (s:Source) RETURN count(s) AS sources }
  RETURN actors, allRelationships - retractedRelationships AS relationships, retractedRelationships,
         allClaims - retractedClaims AS claims, retractedClaims, sources`;

export async function getStats(db: Database): Promise<Stats> {
  const [row] = await db.read<Stats>(statsQuery);
  return row ?? { actors: 0, relationships: 0, retractedRelationships: 0, claims: 0, retractedClaims: 0, sources: 0 };
}
