// GET /health: whether Neo4j answers, and its version, and whether GraphQL admits requests.
// 200 when both hold; 503 when Neo4j does not answer (at once during an outage, from the
// database's own record of it), when every admission is taken (`status: 'busy'`), or while the
// server drains before it exits (`status: 'draining'`: a balancer sends it nothing new).
import type { Database } from '../neo4j/database.ts';

export interface Health {
  status: 'ok' | 'busy' | 'unavailable' | 'draining';
  neo4j: { reachable: boolean; version?: string; edition?: string; address?: string; error?: string };
  /** GraphQL requests in the server now, of the most it admits; `reason` when it admits no more. */
  graphql: { accepting: boolean; admitted: number; limit: number; reason?: string };
}

async function neo4jHealth(db: Database): Promise<Health['neo4j']> {
  if (!db.available) return { reachable: false, error: 'Neo4j is unreachable; the API is waiting for it to return.' };
  try {
    const [row] = await db.read<{ version: string; edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    );
    const info = await db.driver.getServerInfo({ database: db.name });
    return { reachable: true, version: row?.version, edition: row?.edition, address: info.address };
  } catch (error) {
    return { reachable: false, error: (error as Error).message };
  }
}

function graphqlHealth(admitted: number, limit: number): Health['graphql'] {
  if (admitted < limit) return { accepting: true, admitted, limit };
  return { accepting: false, admitted, limit, reason: `${admitted} GraphQL requests are admitted, the most the server takes at once; new ones answer 503 until one ends.` };
}

export async function checkHealth(db: Database, admission: { admitted: number; limit: number }, draining = false): Promise<Health> {
  const neo4j = await neo4jHealth(db);
  if (draining) {
    const graphql = { accepting: false, admitted: admission.admitted, limit: admission.limit, reason: 'The server is draining before it stops: it finishes what is in flight and takes nothing new.' };
    return { status: 'draining', neo4j, graphql };
  }
  const graphql = graphqlHealth(admission.admitted, admission.limit);
  return { status: !neo4j.reachable ? 'unavailable' : graphql.accepting ? 'ok' : 'busy', neo4j, graphql };
}
