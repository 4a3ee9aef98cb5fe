// Applies schema/neo4j.cypher and the per-relationship-type id constraints and status and retracted indexes.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { relationshipTypes } from '../domain/vocabulary.ts';
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
    `CREATE INDEX rel_${type.toLowerCase()}_retracted IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.retracted)`,
  ]);
  return [...fromFile, ...perType];
}

/** What a schema statement creates: an index or a constraint, and its name. */
function created(statement: string): { index: boolean; name: string | undefined } {
  const match = /^CREATE (?:(CONSTRAINT)|(?:FULLTEXT |RANGE |TEXT |POINT )?INDEX) (\w+)/.exec(statement);
  return { index: match !== null && match[1] === undefined, name: match?.[2] };
}

/**
 * Applies the schema and waits for every index to be online; on a large graph (a bulk import)
 * give a longer timeout. Statements whose constraint or index exists already are not sent again
 * (each is a transaction of its own: most loads and starts find them all). Indexes first: they
 * fill in the background while each constraint's statement fills its own index and checks it.
 */
export async function applySchema(db: Database, timeoutMs = 60_000): Promise<void> {
  const [indexes] = await db.read<{ names: string[] }>('SHOW INDEXES YIELD name RETURN collect(name) AS names', {}, timeoutMs);
  const [constraints] = await db.read<{ names: string[] }>('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, timeoutMs);
  const existing = new Set([...(indexes?.names ?? []), ...(constraints?.names ?? [])]);
  const missing = schemaStatements()
    .map((statement) => ({ statement, ...created(statement) }))
    .filter(({ name }) => !existing.has(name ?? ''));
  for (const { statement } of [...missing.filter((s) => s.index), ...missing.filter((s) => !s.index)]) await db.write(statement, {}, timeoutMs);
  await db.write('CALL db.awaitIndexes($seconds)', { seconds: int(Math.ceil(timeoutMs / 1000)) }, timeoutMs + 5_000);
}
