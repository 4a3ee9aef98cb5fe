// Counts of the graph's actors, relationships (of the vocabulary's types), claims and sources.
// Per-type counts come from Neo4j's count store, so this stays fast at any size.
import type { Database } from '../neo4j/database.ts';
import { perType } from './filters.ts';

export interface Stats {
  actors: number;
  relationships: number;
  claims: number;
  sources: number;
}

const countsPerType = perType(null, (type) => `MATCH ()-[r:${type}]->() RETURN count(r) AS n`);

const statsQuery = `
  CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
  CALL () { ${countsPerType} }
  WITH actors, sum(n) AS relationships
  CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
  CALL () { MATCH (s:Source) RETURN count(s) AS sources }
  RETURN actors, relationships, claims, sources`;

export async function getStats(db: Database): Promise<Stats> {
  const [row] = await db.read<Stats>(statsQuery);
  return row ?? { actors: 0, relationships: 0, claims: 0, sources: 0 };
}
