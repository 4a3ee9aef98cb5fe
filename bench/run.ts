// The benchmark (npm run bench, whose command line is src/cli/bench.ts): for each size, a
// generated graph of that many relationships (generate.ts), its load timed through the loader
// against the raw floor (and the bulk import at the largest size), then every operation of
// operations.ts asked three ways, interleaved: (a) hand-written Cypher over the bare driver, (b)
// this project's API over HTTP, (c) the @neo4j/graphql peer over HTTP, with autocannon on (b)
// and (c), their memory, Neo4j's, and an analyst's addClaim. Writes bench/results/<date>.json
// and docs/benchmarks.md + .svg (report.ts); a quick run (CI) writes the report to a temporary
// folder. It resets the database it is given (and refuses one holding API writes, naming them,
// unless told to discard them), and leaves the seed in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchReplicas, describeReplicas } from './replicas.ts';
import { loadSeed } from '../src/loader/load.ts';
import { refuseToDiscardApiWrites } from '../src/loader/write.ts';
import { freePort } from '../src/ports.ts';
import { projectRoot, type Config } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import type { Database } from '../src/neo4j/database.ts';
import { startApi, type ChildServer } from './apiProcess.ts';
import { generateGraph } from './generate.ts';
import { memoryNow, type MemoryFigures } from './load.ts';
import { measureLoads } from './loadThroughput.ts';
import { operationNames } from './operations.ts';
import { startPeer, type Peer } from './peer.ts';
import { writeReport } from './report.ts';
import { machine, peakOf, resultsFile, sizeIndependence, versions, writeResults, type BenchResults, type OperationResult, type SizeResult } from './results.ts';
import { measureBaseline, measureOperation, warmUp, type Settings } from './threeWays.ts';
import { addClaimLatency } from './writeLatency.ts';
import { benchRegistries } from './registries.ts';
import { runSuggestionBench } from './suggestions.ts';

export interface Options extends Settings {
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

/** The command line's flags (src/cli/bench.ts), as parseArgs gives them. */
export interface Flags {
  sizes: string;
  quick: boolean;
  iterations?: string;
  'warm-up'?: string;
  duration?: string;
  budget?: string;
  bulk: string;
  seed: string;
  'discard-api-writes': boolean;
}

/** The settings of a run: a quick one takes the smallest size only, and short runs, unless told otherwise. */
export function benchOptions(values: Flags): Options {
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

/** What the benchmark runs on: the database it resets, and how to find the local Neo4j's process for its memory. */
export interface BenchTarget {
  config: Config;
  db: Database;
  /** The local Neo4j's pid now (the bulk import restarts it), or null for an external server. */
  neo4jPid: () => number | null;
  signal: AbortSignal;
}

/** The local Neo4j's memory now (VmHWM: its peak since it started); null for an external server. */
const neo4jMemory = (pid: number | null) => (pid === null ? null : memoryNow(pid));

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

async function benchSize({ config, db, neo4jPid, signal }: BenchTarget, size: number, options: Options): Promise<SizeResult> {
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
      memory: { api: peakOf(memory.api), peer: peakOf(memory.peer), neo4j: neo4jMemory(neo4jPid()) },
      emptyQuery,
      addClaim,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark on `target`'s database; writes the results file and the report, and leaves the seed loaded. */
export async function runBenchmark(target: BenchTarget, options: Options): Promise<void> {
  const { config, db } = target;
  const date = new Date().toISOString().slice(0, 10);
  const file = resultsFile(date, options.quick);
  // Pure and quick (no database): the suggestions' leave-one-out figures on the seeds, first.
  console.log(`\n== Suggestions, each seed left out in turn (docs/suggestions.md)\n${runSuggestionBench(path.join(projectRoot, 'bench', 'results'))}`);
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
      results.sizes.push(await benchSize(target, size, options));
      results.sizeIndependence = sizeIndependence(results.sizes);
      writeResults(file, results); // after each size, so that a failure later keeps what was measured
    }
    results.registries = await benchRegistries(db, config, options.quick ? 5_000 : 100_000);
    writeResults(file, results);
    // On the seed (its actors are the mix's): the finally below loads it again, without the bookmark's write.
    await loadSeed(db, { reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
    results.replicas = await benchReplicas(db, config, { connections: options.connections.at(-1) ?? 32, durationSeconds: options.durationSeconds, bookmarkSamples: options.quick ? 20 : 200 });
    console.log(`\n== API replicas behind nginx (docs/scaling.md)\n${describeReplicas(results.replicas)}`);
    writeResults(file, results);
  } finally {
    // The seed again, whatever happened (not after a refusal: then nothing was touched).
    if (results) {
      const { report } = await loadSeed(db, { reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
      console.log(`\nThe seed is loaded again (${report.claims.created} claims).`);
    }
  }
  console.log(`Results: ${path.relative(projectRoot, file)}`);
  const docsDir = options.quick ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-docs-')) : path.join(projectRoot, 'docs');
  const written = await writeReport(results, docsDir, path.relative(projectRoot, file));
  console.log(`Report: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
}
