// Applies schema/neo4j.cypher and the per-relationship-type id constraints and status indexes.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { relationshipTypes } from '../vocabulary.ts';
import { int, type Database } from './database.ts';

export function schemaStatements(): string[] {
  const text = fs.readFileSync(path.join(projectRoot, 'schema', 'neo4j.cypher'), 'utf8');
  const fromFile = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
  const perType = relationshipTypes.flatMap((type) => [
    `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
    `CREATE INDEX rel_${type.toLowerCase()}_status IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.status)`,
  ]);
  return [...fromFile, ...perType];
}

/**
 * Applies the schema and waits for every index to be online; on a large graph (a bulk import)
 * give a longer timeout. Indexes first: they fill in the background while each constraint's
 * statement fills its own index and checks it.
 */
export async function applySchema(db: Database, timeoutMs = 60_000): Promise<void> {
  const statements = schemaStatements();
  const isIndex = (statement: string) => /^CREATE (FULLTEXT )?INDEX/.test(statement);
  for (const statement of [...statements.filter(isIndex), ...statements.filter((s) => !isIndex(s))]) await db.write(statement, {}, timeoutMs);
  await db.write('CALL db.awaitIndexes($seconds)', { seconds: int(Math.ceil(timeoutMs / 1000)) }, timeoutMs + 5_000);
}
