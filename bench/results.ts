// What `npm run bench` writes to bench/results/<date>.json and `npm run bench:report` reads:
// the machine, the versions, and per graph size the load figures, every latency figure of every
// operation asked three ways, the ratios between them, throughput and memory.
import type { RegistryBenchResult } from './registries.ts';
import type { ReplicasBenchResult } from './replicas.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config.ts';
import type { GeneratedGraph } from './generate.ts';
import type { CannonFigures, MemoryFigures } from './load.ts';
import type { LoadFigures } from './loadThroughput.ts';
import type { OperationName, Probes } from './operations.ts';
import type { Agreement } from './sameAnswer.ts';
import type { Percentiles } from './timing.ts';

/** a: hand-written Cypher over the bare driver; b: this project's API over HTTP; c: the @neo4j/graphql peer over HTTP. */
export const ways = ['floor', 'api', 'peer'] as const;
export type Way = (typeof ways)[number];

export interface Ratios {
  p50: number;
  p95: number;
  p99: number;
}

/** autocannon at one number of connections, on one operation. */
export interface Throughput {
  connections: number;
  requestsPerSecond: number;
  /** Requests answered within the run; the latencies are theirs (none: 0). */
  completed: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, connection errors, timeouts and answers holding GraphQL errors. */
  failures: number;
  firstError?: string;
}

export interface OperationResult {
  latency: { floor: Percentiles; api: Percentiles; peer: Percentiles | null };
  /** On the first call: the API's answer and the peer's, each against the floor's. */
  sameAnswer: { api: Agreement; peer: Agreement | null };
  /** b/a and b/c of each percentile. */
  ratios: { apiOverFloor: Ratios; apiOverPeer: Ratios | null };
  throughput: { api: Throughput[]; peer: Throughput[] | null };
  /** Why the peer cannot ask this question, or how its request differs. */
  peerUnsupported?: string;
  peerNote?: string;
  /** The peer's error where it can ask but failed to answer (then it has no figures). */
  peerError?: string;
}

export interface ProcessMemory {
  /** The highest RSS sampled during the 32-connection runs, MiB. */
  peakRssMiB: number;
  /** The process's lifetime peak (VmHWM) after them, MiB. */
  vmHwmMiB: number;
}

export interface SizeResult {
  relationships: number;
  counts: GeneratedGraph['counts'];
  probes: Probes;
  load: LoadFigures;
  operations: Partial<Record<OperationName, OperationResult>>;
  /** Neo4j's is read once per size: its RSS then, and its peak since it started (loads included). */
  memory: { api: ProcessMemory | null; peer: ProcessMemory | null; neo4j: { rssMiB: number; vmHwmMiB: number } | null };
  /** An empty query's round trip ({ __typename }): HTTP and GraphQL before any Cypher. Absent in results before it was measured. */
  emptyQuery?: { api: Percentiles; peer: Percentiles };
  /** An analyst's addClaim through src/writes (one transaction each), on this graph. */
  addClaim: Percentiles;
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string };
  versions: { node: string; neo4j: string; neo4jGraphql: string; project: string };
  settings: { sizes: number[]; warmUp: number; serverWarmUpSeconds?: number; loadRoundsWithinSeconds?: number; iterations: number; durationSeconds: number; budgetSeconds: number; connections: number[]; quick: boolean; seed: number };
  sizes: SizeResult[];
  /** Per operation and way: p50 at the largest size / p50 at the smallest (when more than one size ran). */
  sizeIndependence: Partial<Record<OperationName, Partial<Record<Way, number>>>>;
  /** Sizes measured in separate runs (mergeResults), with their dates. */
  runs?: { sizes: number[]; date: string }[];
  /** The registry import and matching at scale (bench/registries.ts). */
  registries?: RegistryBenchResult;
  /** API replicas behind nginx, the proxy's cost and a bookmark's (bench/replicas.ts). */
  replicas?: ReplicasBenchResult;
}

/**
 * One results file from runs that measured different sizes with the same settings (a 1M size
 * takes an hour on its own): the sizes in order, and the size ratios across them.
 */
export function mergeResults(parts: BenchResults[]): BenchResults {
  const [first] = parts;
  if (!first) throw new Error('nothing to merge');
  const sizes = parts.flatMap((part) => part.sizes).sort((a, b) => a.relationships - b.relationships);
  return {
    ...first,
    settings: { ...first.settings, sizes: sizes.map((s) => s.relationships) },
    sizes,
    sizeIndependence: sizeIndependence(sizes),
    runs: parts.map((part) => ({ sizes: part.sizes.map((s) => s.relationships), date: part.date })),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

export function ratios(over: Percentiles, under: Percentiles): Ratios {
  return { p50: round(over.p50 / under.p50), p95: round(over.p95 / under.p95), p99: round(over.p99 / under.p99) };
}

export function throughputOf(connections: number, figures: CannonFigures): Throughput {
  const firstError = Object.values(figures.graphqlErrorsByQuery)[0]?.firstMessage;
  return {
    connections,
    requestsPerSecond: round(figures.requestsPerSecond),
    completed: figures.totalRequests,
    p50Ms: figures.latencyMs.p50,
    p99Ms: figures.latencyMs.p99,
    failures: figures.non2xx + figures.errors + figures.timeouts + figures.graphqlErrors,
    ...(firstError ? { firstError } : {}),
  };
}

/** The peak of several memory samplings of one process. */
export function peakOf(samples: MemoryFigures[]): ProcessMemory | null {
  if (samples.length === 0) return null;
  return { peakRssMiB: Math.max(...samples.map((s) => s.peakRssMiB)), vmHwmMiB: Math.max(...samples.map((s) => s.vmHwmMiB)) };
}

export function sizeIndependence(sizes: SizeResult[]): BenchResults['sizeIndependence'] {
  if (sizes.length < 2) return {};
  const [smallest, largest] = [sizes[0]!, sizes.at(-1)!];
  const result: BenchResults['sizeIndependence'] = {};
  for (const [op, large] of Object.entries(largest.operations) as [OperationName, OperationResult][]) {
    const small = smallest.operations[op];
    if (!small) continue;
    result[op] = {};
    for (const way of ways) {
      const [a, b] = [small.latency[way], large.latency[way]];
      if (a && b) result[op]![way] = round(b.p50 / a.p50);
    }
  }
  return result;
}

export function machine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()} ${os.arch()}` };
}

const packageVersion = (file: string) => (JSON.parse(fs.readFileSync(path.join(projectRoot, file), 'utf8')) as { version: string }).version;

export function versions(neo4j: string): BenchResults['versions'] {
  return { node: process.version, neo4j, neo4jGraphql: packageVersion('node_modules/@neo4j/graphql/package.json'), project: packageVersion('package.json') };
}

/** bench/results/<YYYY-MM-DD>.json (a quick run: <YYYY-MM-DD>-quick.json, so that it never replaces a full run's). */
export function resultsFile(date: string, quick: boolean): string {
  return path.join(projectRoot, 'bench', 'results', `${date}${quick ? '-quick' : ''}.json`);
}

export function writeResults(file: string, results: BenchResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

export function readResults(file: string): BenchResults {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
}
