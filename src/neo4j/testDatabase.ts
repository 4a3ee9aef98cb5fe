// The mark of a database made for the tests: one (:TestDatabase) node, which `npm test` writes
// into the server it creates and which resets keep (src/loader/write.ts). Tests refuse any
// database without it, so they can never reset or reload an analyst's graph.
import type { Database } from './database.ts';

export const testDatabaseLabel = 'TestDatabase';

/** `timeoutMs`: a server just started on a busy machine can take its time over a first write. */
export async function markTestDatabase(db: Database, timeoutMs: number): Promise<void> {
  await db.write(`MERGE (m:${testDatabaseLabel}) ON CREATE SET m.markedAt = datetime()`, {}, timeoutMs);
}

export async function isTestDatabase(db: Database): Promise<boolean> {
  const [row] = await db.read<{ marked: boolean }>(`RETURN EXISTS { MATCH (:${testDatabaseLabel}) } AS marked`);
  return row?.marked ?? false;
}
