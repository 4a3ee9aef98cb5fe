// One benchmark operation asked three ways against the same graph: (a) the floor, hand-written
// Cypher over the bare driver; (b) this project's API over HTTP; (c) the @neo4j/graphql peer over
// HTTP. Single-client latency interleaved, the answers compared, then autocannon on (b) and (c).
import type { Driver } from 'neo4j-driver';
import { apiQuery } from './apiQueries.ts';
import { askFloor, floorQuery } from './floorQueries.ts';
import { cannon, type MemoryFigures } from './load.ts';
import { operationNames, type OperationName, type Probes } from './operations.ts';
import { peerAnswerIds, peerRequest } from './peer.ts';
import { postGraphQL } from './postGraphQL.ts';
import { ratios, throughputOf, type OperationResult, type Throughput, type Way } from './results.ts';
import { compareAnswers } from './sameAnswer.ts';
import { interleave, type Ask, type Percentiles } from './timing.ts';

export interface Targets {
  driver: Driver;
  database: string;
  api: { endpoint: string; pid: number };
  peer: { endpoint: string; pid: number };
}

export interface Settings {
  warmUp: number;
  iterations: number;
  /** How long single-client timing may spend on one way of one operation before it takes fewer samples. */
  budgetSeconds: number;
  durationSeconds: number;
  /** How long each way is asked each question before any timing (warmUp). */
  serverWarmUpSeconds: number;
  /** autocannon's connections; memory is sampled during the runs with the most. */
  connections: number[];
}

export interface Measured {
  result: OperationResult;
  /** The API's and the peer's memory sampled during the runs with the most connections. */
  memory: { api: MemoryFigures[]; peer: MemoryFigures[] };
}

/** autocannon on one GraphQL request at each number of connections, sampling `pid` at the most. */
async function throughput(endpoint: string, pid: number, op: OperationName, request: { query: string; variables: Record<string, unknown> }, settings: Settings) {
  const most = Math.max(...settings.connections);
  const runs: Throughput[] = [];
  const memory: MemoryFigures[] = [];
  for (const connections of settings.connections) {
    const figures = await cannon(endpoint, [{ name: op, ...request }], { connections, durationSeconds: settings.durationSeconds, pid: connections === most ? pid : undefined });
    runs.push(throughputOf(connections, figures));
    if (figures.memory) memory.push(figures.memory);
  }
  return { runs, memory };
}

/** The empty query: what HTTP and GraphQL cost before any Cypher. */
const emptyQuery = { query: '{ __typename }', variables: {} };

/** Operation `op` asked each way: the floor, the API, and the peer where it can ask it; with the requests asked. */
function askedEachWay(op: OperationName, probes: Probes, targets: Targets) {
  const floor = floorQuery(op, probes);
  const api = apiQuery(op, probes);
  const peer = peerRequest(op, probes);
  const ways: Partial<Record<Way, Ask>> = {
    floor: () => askFloor(targets.driver, targets.database, floor),
    api: async () => api.ids(await postGraphQL(targets.api.endpoint, api)),
  };
  if (!('unsupported' in peer)) ways.peer = async () => peerAnswerIds(op, await postGraphQL(targets.peer.endpoint, peer));
  return { ways, api, peer };
}

/**
 * Before any timing, every question is asked each way (the floor, the API, the peer) for up to
 * `seconds` (at most 200 times): their code is then compiled by the JIT as a server that has run
 * a while has it, and the first operation timed is not the only one timed cold. The peer's
 * failures here are left to measureOperation to record.
 */
export async function warmUp(targets: Targets, probes: Probes, seconds: number): Promise<void> {
  const repeat = async (ask: () => Promise<unknown>) => {
    const until = performance.now() + seconds * 1000;
    for (let i = 0; i < 200 && performance.now() < until; i++) await ask();
  };
  await repeat(() => postGraphQL(targets.api.endpoint, emptyQuery));
  await repeat(() => postGraphQL(targets.peer.endpoint, emptyQuery));
  for (const op of operationNames) {
    const { ways } = askedEachWay(op, probes, targets);
    await repeat(ways.floor!);
    await repeat(ways.api!);
    if (ways.peer) await repeat(ways.peer).catch(() => {});
  }
}

/** The round trip of an empty query ({ __typename }) to the API and the peer: what HTTP and GraphQL cost before any Cypher. */
export async function measureBaseline(targets: Targets, settings: Settings): Promise<Record<'api' | 'peer', Percentiles>> {
  const ask = (endpoint: string) => async () => (await postGraphQL(endpoint, emptyQuery), []);
  const { latency } = await interleave<'api' | 'peer'>({ api: ask(targets.api.endpoint), peer: ask(targets.peer.endpoint) }, settings.warmUp, settings.iterations);
  return { api: latency.api!, peer: latency.peer! };
}

export async function measureOperation(op: OperationName, probes: Probes, targets: Targets, settings: Settings): Promise<Measured> {
  const { ways, api, peer } = askedEachWay(op, probes, targets);
  const peerSupported = !('unsupported' in peer);
  // The peer may fail where it can ask (a timeout on a hub): that is its answer, not the benchmark's failure.
  const { firstAnswers, latency, failures } = await interleave<Way>(ways, settings.warmUp, settings.iterations, ['peer'], settings.budgetSeconds * 1000);
  const peerAnswered = peerSupported && failures.peer === undefined;

  const apiLoad = await throughput(targets.api.endpoint, targets.api.pid, op, api, settings);
  const peerLoad = peerAnswered ? await throughput(targets.peer.endpoint, targets.peer.pid, op, peer, settings) : null;
  const peerLatency = latency.peer ?? null;
  const result: OperationResult = {
    latency: { floor: latency.floor!, api: latency.api!, peer: peerLatency },
    sameAnswer: { api: compareAnswers(firstAnswers.floor!, firstAnswers.api!), peer: peerAnswered ? compareAnswers(firstAnswers.floor!, firstAnswers.peer!) : null },
    ratios: { apiOverFloor: ratios(latency.api!, latency.floor!), apiOverPeer: peerLatency ? ratios(latency.api!, peerLatency) : null },
    throughput: { api: apiLoad.runs, peer: peerLoad?.runs ?? null },
    ...('unsupported' in peer ? { peerUnsupported: peer.unsupported } : peer.note ? { peerNote: peer.note } : {}),
    ...(failures.peer ? { peerError: failures.peer } : {}),
  };
  return { result, memory: { api: apiLoad.memory, peer: peerLoad?.memory ?? [] } };
}
