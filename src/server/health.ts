// GET /health: whether Neo4j answers, and its version. 200 when it does, 503 when not; during
// an outage it answers 503 at once, from the database's own record of it.
import type { Database } from '../neo4j/database.ts';

export interface Health {
  status: 'ok' | 'unavailable';
  neo4j: { reachable: boolean; version?: string; edition?: string; address?: string; error?: string };
}

export async function checkHealth(db: Database): Promise<Health> {
  if (!db.available) return { status: 'unavailable', neo4j: { reachable: false, error: 'Neo4j is unreachable; the API is waiting for it to return.' } };
  try {
    const [row] = await db.read<{ version: string; edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    );
    const info = await db.driver.getServerInfo({ database: db.name });
    return { status: 'ok', neo4j: { reachable: true, version: row?.version, edition: row?.edition, address: info.address } };
  } catch (error) {
    return { status: 'unavailable', neo4j: { reachable: false, error: (error as Error).message } };
  }
}
