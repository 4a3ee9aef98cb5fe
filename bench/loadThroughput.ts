// How fast a seed of any size loads, in one run against the same server: the raw floor
// (floor.ts), the loader end to end (files -> loaded graph, as `npm run seed -- --reset`) and,
// when asked, the bulk import (`npm run seed -- --bulk`). Each starts from an emptied database
// (emptying is not timed); the database is left holding the graph, as the loader leaves it.
// The floor and the loader take turns, three rounds when three fit in the time given (else
// one): a small graph's few seconds are at the mercy of what else the JVM and the machine are
// doing (single rounds at 10k put the loader at 0.59x to 1.14x the floor's speed), so its
// figures are the medians of three.
import { loadSeed, validateSeed } from '../src/loader/load.ts';
import { graphRows } from '../src/loader/graphRows.ts';
import { deriveFromClaims } from '../src/loader/relationships.ts';
import { resetDatabase } from '../src/loader/write.ts';
import { bulkLoad } from '../src/loader/bulk.ts';
import type { Config } from '../src/config.ts';
import { connect } from '../src/launcher/connect.ts';
import { applySchema } from '../src/neo4j/schema.ts';
import { floorStatements, writeFloor } from './floor.ts';
import { percentiles } from './timing.ts';

export interface LoadRound {
  floorSeconds: number;
  loaderSeconds: number;
}

export interface LoadFigures extends LoadRound {
  relationships: number;
  claims: number;
  /** Every round, in order; floorSeconds and loaderSeconds are their medians. */
  rounds?: LoadRound[];
  /** floorSeconds / loaderSeconds: the loader's throughput as a fraction of the floor's. */
  loaderVsFloor: number;
  bulkSeconds: number | null;
  /** loaderSeconds / bulkSeconds: how many times faster the bulk import is. */
  bulkVsLoader: number | null;
}

const maxRounds = 3;

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** The floor's statements for the seed in `dirs`, prepared (untimed), with the counts reported. */
function prepareFloor(dirs: { dataDir: string; sourcesDir: string }, batchSize: number) {
  const batch = validateSeed(dirs);
  const derived = deriveFromClaims(batch.claims, batch);
  return { statements: floorStatements(graphRows(batch, derived), batchSize), relationships: derived.length, claims: batch.claims.length };
}

export interface MeasureOptions {
  bulk: boolean;
  /** Three rounds of floor and loader when three fit in this time (judged by the first floor), else one. */
  roundsWithinSeconds: number;
  /** Told what is being timed, as it starts. */
  log?: (message: string) => void;
}

/**
 * The bulk import stops and restarts the local server, so it needs the server started by this
 * process (or none running); a seed of 1M relationships needs a heap of about 8 GB
 * (node --max-old-space-size=8192), since the loader validates the whole batch before writing.
 */
export async function measureLoads(config: Config, dirs: { dataDir: string; sourcesDir: string }, options: MeasureOptions): Promise<LoadFigures> {
  const { batchSize, timeoutMs } = { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs };
  const log = options.log ?? (() => {});
  const connection = await connect(config);
  try {
    const { db } = connection;
    const { statements, relationships, claims } = prepareFloor(dirs, batchSize);
    await resetDatabase(db, timeoutMs);
    await applySchema(db, timeoutMs);
    // The server's first run of each statement plans and compiles it: not part of the floor.
    await writeFloor(db, statements.map((statement) => ({ ...statement, chunks: statement.chunks.slice(0, 1) })), timeoutMs);
    await resetDatabase(db, timeoutMs);
    const rounds: LoadRound[] = [];
    let count = maxRounds;
    for (let n = 1; n <= count; n++) {
      // From the second round on, the loader's graph is there.
      if (n > 1) await resetDatabase(db, timeoutMs);
      log(`floor, round ${n}: ${relationships} relationships, ${claims} claims`);
      const floorSeconds = await seconds(() => writeFloor(db, statements, timeoutMs));
      // Three rounds when three fit in the time given, judged by the first floor (the loader takes
      // about as long), else one: a median of two would be the faster.
      if (n === 1 && floorSeconds * 2 * maxRounds > options.roundsWithinSeconds) count = 1;
      // The floor's rows are not written again: the loader gets their memory back.
      if (n === count) statements.length = 0;
      await resetDatabase(db, timeoutMs);
      log(`loader (floor took ${floorSeconds.toFixed(1)} s)`);
      rounds.push({ floorSeconds, loaderSeconds: await seconds(() => loadSeed(db, { ...dirs, reset: true, batchSize, timeoutMs })) });
    }
    const floorSeconds = percentiles(rounds.map((r) => r.floorSeconds)).p50;
    const loaderSeconds = percentiles(rounds.map((r) => r.loaderSeconds)).p50;
    let bulkSeconds: number | null = null;
    if (options.bulk) {
      log(`bulk import (loader took ${loaderSeconds.toFixed(1)} s)`);
      bulkSeconds = await seconds(() => bulkLoad(config, connection, { ...dirs, batchSize, timeoutMs, replace: true }));
    }
    return {
      relationships,
      claims,
      rounds,
      floorSeconds,
      loaderSeconds,
      loaderVsFloor: floorSeconds / loaderSeconds,
      bulkSeconds,
      bulkVsLoader: bulkSeconds === null ? null : loaderSeconds / bulkSeconds,
    };
  } finally {
    await connection.close();
  }
}
