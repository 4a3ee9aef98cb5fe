// The loader: read every data file, validate the whole batch, then write it in batches of
// LOADER_BATCH_SIZE rows, one transaction each (write.ts). Invalid data throws
// SeedValidationError before anything is written.
import path from 'node:path';
import { projectRoot } from '../config.ts';
import type { Database } from '../neo4j/database.ts';
import { applySchema } from '../neo4j/schema.ts';
import { SeedValidationError, type Problem } from '../domain/problems.ts';
import { listDataFiles, readDataFile, type ParsedFile } from './readFiles.ts';
import type { SeedBatch } from '../domain/records.ts';
import { buildBatch } from './validate.ts';
import { writeBatch, type LoadReport } from './write.ts';

export const defaultDataDir = path.join(projectRoot, 'seed', 'data');
export const defaultSourcesDir = path.join(projectRoot, 'seed', 'sources');

export interface SeedLocation {
  dataDir?: string;
  sourcesDir?: string;
}

export interface LoadOptions extends SeedLocation {
  reset?: boolean;
  batchSize: number;
  timeoutMs: number;
  onProgress?: (message: string) => void;
}

/** Reads and validates the seed; throws SeedValidationError listing every problem. */
export function validateSeed({ dataDir = defaultDataDir, sourcesDir = defaultSourcesDir }: SeedLocation = {}): SeedBatch {
  const problems: Problem[] = [];
  const files = listDataFiles(dataDir)
    .map((file) => readDataFile(file, path.relative(projectRoot, file), problems))
    .filter((file): file is ParsedFile => file !== undefined);
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: path.relative(projectRoot, dataDir), path: '(folder)', message: 'no .yaml data files found' });
  }
  const batch = buildBatch(files, sourcesDir, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return batch;
}

/** The load under way in this process: loads here run one at a time (a test file's hooks may start two at once). */
let running: Promise<unknown> = Promise.resolve();

/** Validates the seed, then writes it (write.ts); another load of this process first finishes. */
export function loadSeed(db: Database, options: LoadOptions): Promise<{ report: LoadReport; batch: SeedBatch }> {
  const load = running.then(() => validateAndWrite(db, options));
  running = load.catch(() => undefined);
  return load;
}

async function validateAndWrite(db: Database, options: LoadOptions): Promise<{ report: LoadReport; batch: SeedBatch }> {
  const batch = validateSeed(options);
  await applySchema(db);
  const report = await writeBatch(db, batch, {
    batchSize: options.batchSize,
    timeoutMs: options.timeoutMs,
    reset: options.reset ?? false,
    onProgress: options.onProgress,
  });
  return { report, batch };
}

export function formatReport({ relationships, ...records }: LoadReport): string {
  return [
    ...Object.entries(records).map(
      ([name, c]) =>
        `${name}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed` +
        (c.kept > 0 ? `, ${c.kept} kept as written through the API (npm run export -- --format seed brings the files up to date)` : ''),
    ),
    `relationships: ${relationships.derived} derived from their claims, ${relationships.removed} removed (no claim left)`,
  ].join('\n');
}
