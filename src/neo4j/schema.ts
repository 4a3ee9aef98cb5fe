// Applies schema/neo4j.cypher and the per-relationship-type id constraints and status indexes.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { relationshipTypes } from '../vocabulary.ts';
import type { Database } from './database.ts';

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

export async function applySchema(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
}
