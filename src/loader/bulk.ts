// npm run seed -- --bulk: a first load of a large seed through Neo4j's own importer. The files
// are validated as for any load (a batch that fails writes nothing), the graph a load would
// create (graphRows.ts: nodes, edges, derived relationships, mentions, hashes, the GraphModel
// node) goes to CSV files (bulkCsv.ts), and the local server is stopped, `neo4j-admin database
// import full` replaces its empty database with them, and the server starts again with the
// constraints and indexes applied and online. Access tokens are carried over. A later
// `npm run seed` finds every record unchanged.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Connection } from '../launcher/connect.ts';
import type { Database } from '../neo4j/database.ts';
import { runNeo4jAdmin } from '../launcher/localServer.ts';
import { applySchema } from '../neo4j/schema.ts';
import { UserError } from '../errors.ts';
import { writeCsvImport, type Patch } from './bulkCsv.ts';
import { graphRows, type Row } from './graphRows.ts';
import { validateSeed, type SeedLocation } from './load.ts';
import { deriveFromClaims } from './relationships.ts';
import type { SeedBatch } from '../domain/records.ts';
import { createdReport, isEmpty, type LoadReport } from './write.ts';

export interface BulkOptions extends SeedLocation {
  batchSize: number;
  /** Timeout of each statement after the import (the schema's indexes on the whole graph among them). */
  timeoutMs: number;
  /** Replace a database that holds a graph (--bulk --reset) instead of refusing to. */
  replace?: boolean;
  onProgress?: (message: string) => void;
}

/** What stops a bulk import before anything is validated or stopped. */
async function refusal(config: Config, connection: Connection, replace: boolean): Promise<string | undefined> {
  if (config.external) {
    return `--bulk imports into the project's own local Neo4j, which it stops and starts; NEO4J_URI names another server (${config.neo4j.uri}). Load it with npm run seed instead.`;
  }
  if (!connection.server.offline) {
    return `--bulk must stop the local Neo4j of ${config.local.homeDir} to import into it, but another process runs it (pid ${connection.server.pid ?? 'unknown'}: npm start or npm run neo4j?). Stop that process and run again.`;
  }
  if (!replace && !(await isEmpty(connection.db, 60_000))) {
    return '--bulk replaces the whole database, so it only loads into an empty one, and this one holds a graph. Load it with npm run seed, or replace it with npm run seed -- --bulk --reset.';
  }
  return undefined;
}

async function applyPatches(db: Database, patches: Patch[], options: BulkOptions): Promise<void> {
  for (const { label, key, rows } of patches) {
    for (let i = 0; i < rows.length; i += options.batchSize) {
      const chunk = rows.slice(i, i + options.batchSize);
      await db.write(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.\`${key}\` = row.value`, { rows: chunk }, options.timeoutMs);
    }
  }
}

export async function bulkLoad(config: Config, connection: Connection, options: BulkOptions): Promise<{ report: LoadReport; batch: SeedBatch }> {
  const refused = await refusal(config, connection, options.replace ?? false);
  if (refused) throw new UserError(refused);
  const progress = options.onProgress ?? (() => {});
  const batch = validateSeed(options);
  const derived = deriveFromClaims(batch.claims, batch);
  const graph = graphRows(batch, derived);
  const tokens = await connection.db.read<{ props: Row }>('MATCH (t:Token) RETURN properties(t) AS props', {}, options.timeoutMs);
  graph.nodes.push({ labels: ['Token'], rows: tokens.map((t) => t.props) });

  const dir = path.join(config.local.homeDir, 'import', 'bulk');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    progress('writing the CSV files');
    const csv = writeCsvImport(graph, dir);
    progress('stopping Neo4j to import');
    await connection.server.offline!(() =>
      runNeo4jAdmin(
        config,
        ['database', 'import', 'full', '--overwrite-destination=true', `--report-file=${path.join(dir, 'import.report')}`, ...csv.args, config.neo4j.database],
        ['-Xmx1g'],
      ),
    );
    progress('imported; Neo4j started again: building the indexes');
    connection.db.forgetBookmarks();
    await connection.db.whenAvailable();
    await applySchema(connection.db, options.timeoutMs);
    await applyPatches(connection.db, csv.patches, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { report: createdReport(batch, derived.length), batch };
}
