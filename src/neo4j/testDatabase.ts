// The mark of a database made for the tests: one (:TestDatabase) node, which `npm test` writes
// into the server it creates and which resets keep (seed/loader/write.ts). Tests refuse any
// database without it, so they can never reset or reload an analyst's graph.
import type { Database } from './database.ts';

export const testDatabaseLabel = 'TestDatabase';

export async function markTestDatabase(db: Database): Promise<void> {
  await db.write(`MERGE (m:${testDatabaseLabel}) ON CREATE SET m.markedAt = datetime()`);
}

export async function isTestDatabase(db: Database): Promise<boolean> {
  const [row] = await db.read<{ marked: boolean }>(`RETURN EXISTS { MATCH (:${testDatabaseLabel}) } AS marked`);
  return row?.marked ?? false;
}
