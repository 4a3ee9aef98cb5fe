// API replicas behind the reverse proxy, side by side in one run on the seed: the web app's
// read mix (autocannon) straight to one replica, through nginx to that one replica, and through
// nginx to two; what the proxy adds to the cheapest request, and what a bookmark costs a read
// (one client, each pair of ways in turn). The replicas run as the compose
// profile `cluster` runs them (TRUST_PROXY, no rate limit of their own), over `neo4j://`.
import { performance } from 'node:perf_hooks';
import type { Config } from '../src/config.ts';
import { createToken, revokeToken } from '../src/auth/tokens.ts';
import type { Database } from '../src/neo4j/database.ts';
import { freePort } from '../src/ports.ts';
import { startApi, type ChildServer } from './apiProcess.ts';
import { cannon, graphqlMix, type CannonFigures } from './load.ts';
import { startProxy } from './proxyProcess.ts';

export interface ReplicaRun {
  name: 'direct, one replica' | 'proxy, one replica' | 'proxy, two replicas';
  figures: Omit<CannonFigures, 'memory' | 'graphqlErrorsByQuery'>;
}

export interface ReplicasBenchResult {
  connections: number;
  durationSeconds: number;
  runs: ReplicaRun[];
  /** One client, `samples` requests of `{ __typename }` (no database) each way in turn: the median straight to a replica, and through the proxy to it. */
  proxy: { samples: number; directMs: number; proxiedMs: number };
  /** One client, `samples` reads each way in turn: the median with the bookmark of a write, and without. */
  bookmark: { samples: number; withMs: number; withoutMs: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A replica's environment over `config`'s Neo4j, through the routing driver; its record of the running instance goes to `runningFile`, nowhere the project reads. */
export function replicaEnv(config: Config, runningFile: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_URI: config.neo4j.uri.replace(/^bolt:/, 'neo4j:'),
    NEO4J_USER: config.neo4j.user,
    NEO4J_PASSWORD: config.neo4j.password,
    NEO4J_DATABASE: config.neo4j.database,
    NEO4J_RUNNING_FILE: runningFile,
  };
}

/** As the compose profile `cluster` runs a replica: the proxy holds the rate limit and names the client. */
export const replicaSettings = { TRUST_PROXY: 'true', RATE_LIMIT_PER_SECOND: '0' };

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

/** The cheapest request, one client, straight and through the proxy in turn: what the proxy adds. */
async function proxyCost(direct: string, proxied: string, samples: number): Promise<ReplicasBenchResult['proxy']> {
  const times = { direct: [] as number[], proxied: [] as number[] };
  for (let i = 0; i < samples; i++) {
    for (const [way, url] of [['direct', direct], ['proxied', proxied]] as const) {
      const started = performance.now();
      await (await post(url, '{ __typename }')).text();
      times[way].push(performance.now() - started);
    }
  }
  return { samples, directMs: median(times.direct), proxiedMs: median(times.proxied) };
}

/** A write's bookmark, then reads with and without it in turn, timed from one client. */
async function bookmarkCost(db: Database, url: string, samples: number): Promise<ReplicasBenchResult['bookmark']> {
  const name = `bench-replicas-${Date.now()}`;
  const token = await createToken(db, name, 'editor');
  try {
    const written = await post(url, `mutation { addActor(input: {name: "${name}", kind: GROUP}) { id } }`, { authorization: `Bearer ${token}` });
    const bookmark = written.headers.get('neo4j-bookmark');
    if (!bookmark) throw new Error('A write answered without its Neo4j-Bookmark header');
    const read = '{ search(text: "Bukhori", limit: 10) { id name } }';
    const times = { with: [] as number[], without: [] as number[] };
    for (let i = 0; i < samples; i++) {
      for (const way of ['with', 'without'] as const) {
        const started = performance.now();
        await (await post(url, read, way === 'with' ? { 'neo4j-bookmark': bookmark } : {})).text();
        times[way].push(performance.now() - started);
      }
    }
    return { samples, withMs: median(times.with), withoutMs: median(times.without) };
  } finally {
    await revokeToken(db, name);
  }
}

/** `bookmarkSamples`: the one-client requests of each way, for the proxy's cost and the bookmark's. */
export async function benchReplicas(db: Database, config: Config, options: { connections: number; durationSeconds: number; bookmarkSamples: number }): Promise<ReplicasBenchResult> {
  const servers: ChildServer[] = [];
  try {
    const [a, b] = await Promise.all([0, 1].map(async () => startApi({ port: await freePort(), env: replicaEnv(config, `/tmp/actorgraph-bench-replica-${process.pid}.json`), settings: replicaSettings })));
    servers.push(a!, b!);
    const noLimit = { perSecond: 1_000_000, burst: 1_000_000 };
    const host = (server: ChildServer) => new URL(server.url).host;
    const one = await startProxy({ port: await freePort(), upstreams: [host(a!)], rateLimit: noLimit });
    servers.push(one);
    const two = await startProxy({ port: await freePort(), upstreams: [host(a!), host(b!)], rateLimit: noLimit });
    servers.push(two);
    // The seed's actors (the generated graph's ids are gone once the seed is loaded again).
    const mix = graphqlMix('islamic-movement-of-uzbekistan', 'islamic-state');
    const targets: [ReplicaRun['name'], string][] = [
      ['direct, one replica', a!.url],
      ['proxy, one replica', one.url],
      ['proxy, two replicas', two.url],
    ];
    // Every way warmed up first (the replicas' code and Neo4j's caches), so that the first measured is not the coldest.
    for (const [, url] of targets) await cannon(`${url}/graphql`, mix, { connections: options.connections, durationSeconds: options.durationSeconds });
    const runs: ReplicaRun[] = [];
    for (const [name, url] of targets) {
      const { memory: _memory, graphqlErrorsByQuery: _errors, ...figures } = await cannon(`${url}/graphql`, mix, { connections: options.connections, durationSeconds: options.durationSeconds });
      runs.push({ name, figures });
    }
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      runs,
      proxy: await proxyCost(a!.url, one.url, options.bookmarkSamples),
      bookmark: await bookmarkCost(db, a!.url, options.bookmarkSamples),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The figures as lines for the console and docs/scaling.md. */
export function describeReplicas(r: ReplicasBenchResult): string {
  const lines = r.runs.map(
    ({ name, figures: f }) =>
      `  ${name.padEnd(22)} ${Math.round(f.requestsPerSecond)} requests/s, p50 ${f.latencyMs.p50} ms, p99 ${f.latencyMs.p99} ms (${f.totalRequests} requests, ${f.non2xx} non-2xx, ${f.errors} errors, ${f.graphqlErrors} GraphQL errors)`,
  );
  return [
    `${r.connections} connections, ${r.durationSeconds} s each, the web app's read mix on the seed:`,
    ...lines,
    `  the proxy's cost, one client, { __typename }: median ${r.proxy.proxiedMs.toFixed(2)} ms through nginx, ${r.proxy.directMs.toFixed(2)} ms straight (${r.proxy.samples} of each)`,
    `  a read with a write's bookmark: median ${r.bookmark.withMs.toFixed(2)} ms, without: ${r.bookmark.withoutMs.toFixed(2)} ms (${r.bookmark.samples} of each, one client)`,
  ].join('\n');
}
