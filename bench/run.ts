// npm run bench [-- --sizes 10000,100000,1000000] [--quick] [--iterations N] [--warm-up N]
//                  [--duration S] [--budget S] [--bulk largest|all|none] [--seed S] [--discard-api-writes]
// --budget: seconds of single-client timing per way and operation before a slow way takes fewer samples (at least 5).
// For each size: a generated graph of that many relationships (bench/generate.ts), its load
// timed through the loader against the raw floor (and the bulk import at the largest size), then
// every operation of bench/operations.ts asked three ways, interleaved: (a) hand-written Cypher
// over the bare driver, (b) this project's API over HTTP, (c) the @neo4j/graphql peer over HTTP,
// with autocannon on (b) and (c), their memory, Neo4j's, and an analyst's addClaim. Writes
// bench/results/<date>.json and docs/benchmarks.md + .svg (bench/report.ts).
// --quick (CI): the smallest size, few iterations, 1 s autocannon runs, no bulk import, the report
// to a temporary folder.
// It resets the database it runs on (and refuses one holding API writes, naming them, unless
// --discard-api-writes), and leaves the seed in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeed } from '../loader/load.ts';
import { refuseToDiscardApiWrites } from '../loader/write.ts';
import { startApi, type ChildServer } from '../../bench/apiProcess.ts';
import { freePort } from '../ports.ts';
import { generateGraph } from '../../bench/generate.ts';
import { memoryNow, type MemoryFigures } from '../../bench/load.ts';
import { measureLoads } from '../../bench/loadThroughput.ts';
import { operationNames } from '../../bench/operations.ts';
import { startPeer, type Peer } from '../../bench/peer.ts';
import { writeReport } from '../../bench/report.ts';
import { machine, peakOf, resultsFile, sizeIndependence, versions, writeResults, type BenchResults, type OperationResult, type SizeResult } from '../../bench/results.ts';
import { measureBaseline, measureOperation, warmUp, type Settings } from '../../bench/threeWays.ts';
import { addClaimLatency } from '../../bench/writeLatency.ts';
import { loadConfig, projectRoot, type Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { connect } from '../launcher/connect.ts';
import type { Database } from '../neo4j/database.ts';
import { pidFile } from '../launcher/localServer.ts';
import { interruption, runMain } from './run.ts';

interface Options extends Settings {
  sizes: number[];
  quick: boolean;
  /** At which sizes the bulk import is timed too. */
  bulk: 'largest' | 'all' | 'none';
  seed: number;
  writes: number;
  discardApiWrites: boolean;
  /** The load's floor and loader take three rounds when three fit in this time (measureLoads). */
  loadRoundsWithinSeconds: number;
}

function positiveInts(name: string, raw: string): number[] {
  const values = raw.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new UserError(`--${name} must be positive integers separated by commas, got "${raw}"`);
  return values;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      quick: { type: 'boolean', default: false },
      iterations: { type: 'string' },
      'warm-up': { type: 'string' },
      duration: { type: 'string' },
      budget: { type: 'string' },
      bulk: { type: 'string', default: 'largest' },
      seed: { type: 'string', default: '1' },
      'discard-api-writes': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  if (!['largest', 'all', 'none'].includes(values.bulk)) throw new UserError(`--bulk must be largest, all or none, got "${values.bulk}"`);
  const sizes = positiveInts('sizes', values.sizes).sort((a, b) => a - b);
  const one = (name: string, raw: string | undefined, normal: number, short: number) => (raw === undefined ? (quick ? short : normal) : positiveInts(name, raw)[0]!);
  return {
    sizes: quick ? sizes.slice(0, 1) : sizes,
    quick,
    bulk: quick ? 'none' : (values.bulk as Options['bulk']),
    seed: positiveInts('seed', values.seed)[0]!,
    warmUp: one('warm-up', values['warm-up'], 10, 2),
    iterations: one('iterations', values.iterations, 100, 10),
    durationSeconds: one('duration', values.duration, 5, 1),
    budgetSeconds: one('budget', values.budget, 30, 5),
    serverWarmUpSeconds: quick ? 0.5 : 2,
    loadRoundsWithinSeconds: quick ? 0 : 60,
    connections: [8, 32],
    writes: quick ? 10 : 100,
    discardApiWrites: values['discard-api-writes'],
  };
}

/** The same Neo4j for the API's and the peer's processes. */
// Without the benchmark's own NODE_OPTIONS (a large heap for loading a million relationships):
// the servers run as `npm start` runs them.
const neo4jEnv = (config: Config): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: undefined,
  NEO4J_URI: config.neo4j.uri,
  NEO4J_USER: config.neo4j.user,
  NEO4J_PASSWORD: config.neo4j.password,
  NEO4J_DATABASE: config.neo4j.database,
});

/** The local Neo4j's memory now (VmHWM: its peak since it started); null for an external server. */
function neo4jMemory(config: Config) {
  if (config.external) return null;
  return memoryNow(Number(fs.readFileSync(pidFile(config.local.homeDir), 'utf8').trim()));
}

async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.read<{ version: string; edition: string }>('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
  return row ? `${row.version} ${row.edition}` : 'unknown';
}

const ms = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1)).padStart(7);

function printOperation(op: string, r: OperationResult): void {
  const same = [r.sameAnswer.api.same ? 'same' : 'DIFFERS', r.sameAnswer.peer ? (r.sameAnswer.peer.same ? 'same' : 'differs') : 'n/a'];
  console.log(
    `  ${op.padEnd(24)} p50 a ${ms(r.latency.floor.p50)}  b ${ms(r.latency.api.p50)}  c ${ms(r.latency.peer?.p50)} ms` +
      `   b/a ${r.ratios.apiOverFloor.p50.toFixed(2).padStart(6)}  b/c ${r.ratios.apiOverPeer?.p50.toFixed(2).padStart(6) ?? '     -'}` +
      `   answers b ${same[0]}, c ${same[1]}`,
  );
}

async function benchSize(config: Config, db: Database, size: number, options: Options, signal: AbortSignal): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graph-'));
  try {
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
    console.log(`\n== ${size} relationships`);
    const graph = await generateGraph(path.join(dir, 'graph'), { relationships: size, seed: options.seed });
    console.log(`generated in ${elapsed()}: ${JSON.stringify(graph.counts)}`);
    const bulk = options.bulk === 'all' || (options.bulk === 'largest' && size === options.sizes.at(-1));
    const load = await measureLoads(config, graph, { bulk, roundsWithinSeconds: options.loadRoundsWithinSeconds });
    console.log(
      `load: floor ${load.floorSeconds.toFixed(1)} s, loader ${load.loaderSeconds.toFixed(1)} s (${load.loaderVsFloor.toFixed(2)}x the floor's speed` +
        `${load.rounds && load.rounds.length > 1 ? `; medians of ${load.rounds.length} rounds` : ''})` +
        (load.bulkSeconds === null ? '' : `, bulk ${load.bulkSeconds.toFixed(1)} s (${load.bulkVsLoader!.toFixed(1)}x the loader's)`) +
        ` [${elapsed()}]`,
    );
    const operations: SizeResult['operations'] = {};
    const memory = { api: [] as MemoryFigures[], peer: [] as MemoryFigures[] };
    let api: ChildServer | undefined;
    let peer: Peer | undefined;
    let emptyQuery: SizeResult['emptyQuery'];
    try {
      api = await startApi({ port: await freePort(), env: neo4jEnv(config) });
      // A quick run is a smoke test: it need not wait the full query timeout for each question
      // the peer cannot answer in time (its figures are not published).
      const peerEnv = options.quick ? { ...neo4jEnv(config), QUERY_TIMEOUT_MS: '5000' } : neo4jEnv(config);
      peer = await startPeer({ port: await freePort(), env: peerEnv });
      console.log(`the API (pid ${api.pid}) and the peer (pid ${peer.pid}) answer [${elapsed()}]`);
      const targets = { driver: db.driver, database: db.name, api: { endpoint: `${api.url}/graphql`, pid: api.pid }, peer: { endpoint: peer.url, pid: peer.pid } };
      await warmUp(targets, graph.probes, options.serverWarmUpSeconds);
      console.log(`every question asked each way for up to ${options.serverWarmUpSeconds} s, untimed [${elapsed()}]`);
      emptyQuery = await measureBaseline(targets, options);
      console.log(`  { __typename } (HTTP and GraphQL alone)   p50 b ${ms(emptyQuery.api.p50)}  c ${ms(emptyQuery.peer.p50)} ms`);
      for (const op of operationNames) {
        if (signal.aborted) throw new UserError('Interrupted.');
        const measured = await measureOperation(op, graph.probes, targets, options);
        operations[op] = measured.result;
        memory.api.push(...measured.memory.api);
        memory.peer.push(...measured.memory.peer);
        printOperation(op, measured.result);
      }
    } finally {
      await peer?.stop();
      await api?.stop();
    }
    const p = graph.probes;
    const addClaim = await addClaimLatency(db, [...new Set([p.hub, p.leaf, p.claimant, p.pathFrom, p.pathTo])], options.writes);
    console.log(`addClaim: p50 ${addClaim.p50} ms, p95 ${addClaim.p95} ms (${addClaim.samples} writes) [${elapsed()}]`);
    return {
      relationships: size,
      counts: graph.counts,
      probes: graph.probes,
      load,
      operations,
      memory: { api: peakOf(memory.api), peer: peakOf(memory.peer), neo4j: neo4jMemory(config) },
      emptyQuery,
      addClaim,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runMain(async () => {
  const options = parseOptions();
  const config = loadConfig();
  const signal = interruption();
  const connection = await connect(config, signal);
  const { db } = connection;
  const date = new Date().toISOString().slice(0, 10);
  const file = resultsFile(date, options.quick);
  let results: BenchResults | undefined;
  try {
    await refuseToDiscardApiWrites(db, 'The benchmark resets the database: it', options.discardApiWrites, '--discard-api-writes (or run it against another database)');
    results = {
      date,
      machine: machine(),
      versions: versions(await serverVersion(db)),
      settings: { sizes: options.sizes, warmUp: options.warmUp, serverWarmUpSeconds: options.serverWarmUpSeconds, loadRoundsWithinSeconds: options.loadRoundsWithinSeconds, iterations: options.iterations, durationSeconds: options.durationSeconds, budgetSeconds: options.budgetSeconds, connections: options.connections, quick: options.quick, seed: options.seed },
      sizes: [],
      sizeIndependence: {},
    };
    for (const size of options.sizes) {
      results.sizes.push(await benchSize(config, db, size, options, signal));
      results.sizeIndependence = sizeIndependence(results.sizes);
      writeResults(file, results); // after each size, so that a failure later keeps what was measured
    }
  } finally {
    // The seed again, whatever happened (not after a refusal: then nothing was touched).
    if (results) {
      const { report } = await loadSeed(db, { reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
      console.log(`\nThe seed is loaded again (${report.claims.created} claims).`);
    }
    await connection.close();
  }
  console.log(`Results: ${path.relative(projectRoot, file)}`);
  const docsDir = options.quick ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-docs-')) : path.join(projectRoot, 'docs');
  const written = await writeReport(results, docsDir, path.relative(projectRoot, file));
  console.log(`Report: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
});
