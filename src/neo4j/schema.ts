// Applies schema/neo4j.cypher and the per-relationship-type id constraints.
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
  const perType = relationshipTypes.map(
    (type) => `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
  );
  return [...fromFile, ...perType];
}

export async function applySchema(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
}
