// npm run bench:load -- [--url http://127.0.0.1:4000] [--pid N] [--duration 60] [--connections 32]
//                       [--from ID --to ID] [--out FILE]
// HTTP load on a RUNNING API: autocannon's connections each cycle through a mix of GraphQL
// POSTs like the web app's (search, actor, neighbourhood, relationships page, shortest path,
// contested claims, stats), while the API process's resident memory is read from /proc.
// Each query is first sent once and must answer data without errors, so the run measures
// real answers. Counted as failures: non-2xx responses, connection errors (timeouts included),
// and responses of any status whose body holds a GraphQL `errors` array.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
// The fields the web app asks of a relationship, so the load is the app's.
import { relationshipFields } from '../web/src/api/queries.ts';

export interface GraphQLRequest {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface LoadOptions {
  url: string;
  durationSeconds: number;
  connections: number;
  pid?: number;
  from: string;
  to: string;
}

export interface MemoryFigures {
  pid: number;
  startRssMiB: number;
  peakRssMiB: number;
  /** The process's lifetime peak (VmHWM) at the end of the run, start-up and seeding included. */
  vmHwmMiB: number;
  samples: number;
}

/** A run's autocannon figures (CannonFigures), with what it asked of which API and its memory. */
export interface LoadReport extends Omit<CannonFigures, 'memory'> {
  url: string;
  durationSeconds: number;
  connections: number;
  queries: string[];
  apiMemory: MemoryFigures | null;
  loadAverage: { before: number[]; after: number[] };
}


/** The requests every connection cycles through, in order. */
export function graphqlMix(from: string, to: string): GraphQLRequest[] {
  return [
    { name: 'search', query: 'query($text: String!) { search(text: $text, limit: 10) { id name kind aliases description } }', variables: { text: 'Bukhori' } },
    { name: 'actor', query: `query($id: ID!) { actor(id: $id) { id name kind aliases description relationships { ${relationshipFields} } } }`, variables: { id: 'islamic-state' } },
    { name: 'neighborhood', query: `query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id name kind aliases } relationships { ${relationshipFields} } } }`, variables: { id: 'islamic-state' } },
    { name: 'relationships', query: `query($asOf: String) { relationships(first: 50, asOf: $asOf) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${relationshipFields} } } } }`, variables: { asOf: '2015-01' } },
    { name: 'shortestPath', query: `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id name kind } relationships { ${relationshipFields} } } }`, variables: { from, to } },
    { name: 'contestedClaims', query: `{ contestedClaims(first: 50) { totalCount edges { node { ${relationshipFields} } } } }`, variables: {} },
    { name: 'stats', query: '{ stats { actors relationships claims sources } }', variables: {} },
  ];
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

/** The first error message of a GraphQL response body, or undefined when it has none. */
function graphqlError(body: string): string | undefined {
  if (!body.includes('"errors"')) return undefined; // cheap test first: most bodies have none
  try {
    const parsed = JSON.parse(body) as GraphQLBody;
    return parsed.errors?.length ? parsed.errors[0]!.message : undefined;
  } catch {
    return undefined;
  }
}

/** Sends each request once: any error, or a null top-level field, stops the benchmark before it starts. */
async function checkAnswers(endpoint: string, requests: GraphQLRequest[]): Promise<void> {
  for (const { name, query, variables } of requests) {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as GraphQLBody;
    const nulls = Object.entries(body.data ?? {}).filter(([, value]) => value === null).map(([field]) => field);
    if (!response.ok || body.errors?.length || !body.data || nulls.length > 0) {
      throw new UserError(`Query "${name}" does not answer data: HTTP ${response.status}, ${body.errors?.[0]?.message ?? `null ${nulls.join(', ') || 'data'}`}`);
    }
  }
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new UserError(`No process ${pid}: /proc/${pid}/status cannot be read`);
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new UserError(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}

/** A process's resident memory now and its lifetime peak (VmHWM), MiB. */
export function memoryNow(pid: number): { rssMiB: number; vmHwmMiB: number } {
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  return { rssMiB: mib(statusKiB(pid, 'VmRSS')), vmHwmMiB: mib(statusKiB(pid, 'VmHWM')) };
}

/**
 * Reads VmRSS every `everyMs`; stop() returns the figures with VmHWM read then. Throws at
 * once when the process is not there, and at stop() when it went away during the run.
 */
export function sampleMemory(pid: number, everyMs = 250): { stop: () => MemoryFigures } {
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  const startKiB = statusKiB(pid, 'VmRSS');
  let peakKiB = startKiB;
  let samples = 1;
  let lost: unknown;
  const timer = setInterval(() => {
    try {
      peakKiB = Math.max(peakKiB, statusKiB(pid, 'VmRSS'));
      samples++;
    } catch (error) {
      lost = error;
      clearInterval(timer);
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      if (lost !== undefined) throw new UserError(`The process ${pid} went away during the run: ${String(lost)}`);
      return { pid, startRssMiB: mib(startKiB), peakRssMiB: mib(peakKiB), vmHwmMiB: mib(statusKiB(pid, 'VmHWM')), samples };
    },
  };
}

export interface CannonFigures {
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  graphqlErrorsByQuery: Record<string, { count: number; firstMessage: string }>;
  /** The memory of the process `pid` during the run, when one was given. */
  memory: MemoryFigures | null;
}

/**
 * autocannon's connections each cycling through `requests` (GraphQL POSTs to `endpoint`) for
 * `durationSeconds`, counting the answers whose body holds GraphQL errors; the memory of `pid`,
 * when given, is sampled meanwhile.
 */
export async function cannon(
  endpoint: string,
  mix: GraphQLRequest[],
  options: { connections: number; durationSeconds: number; pid?: number },
): Promise<CannonFigures> {
  const graphqlErrorsByQuery: CannonFigures['graphqlErrorsByQuery'] = {};
  const requests: autocannon.Request[] = mix.map(({ name, query, variables }) => ({
    method: 'POST',
    path: new URL(endpoint).pathname,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    onResponse: (_status: number, body: string) => {
      const message = graphqlError(body);
      if (message === undefined) return;
      const seen = (graphqlErrorsByQuery[name] ??= { count: 0, firstMessage: message });
      seen.count++;
    },
  }));
  const memory = options.pid === undefined ? undefined : sampleMemory(options.pid);
  const result = await autocannon({ url: endpoint, connections: options.connections, duration: options.durationSeconds, requests });
  return {
    requestsPerSecond: result.requests.mean,
    latencyMs: { mean: result.latency.mean, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: Object.values(graphqlErrorsByQuery).reduce((sum, { count }) => sum + count, 0),
    graphqlErrorsByQuery,
    memory: memory?.stop() ?? null,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const endpoint = new URL('/graphql', options.url).href;
  const mix = graphqlMix(options.from, options.to);
  await checkAnswers(endpoint, mix);
  const before = os.loadavg();
  const { memory, ...figures } = await cannon(endpoint, mix, options);
  return {
    url: endpoint,
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    queries: mix.map((request) => request.name),
    ...figures,
    apiMemory: memory,
    loadAverage: { before, after: os.loadavg() },
  };
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new UserError(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** The command line of `npm run bench:load` (src/cli/benchLoad.ts). */
export async function loadCli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      pid: { type: 'string' },
      from: { type: 'string', default: 'kadyr-malikov' },
      to: { type: 'string', default: 'taliban' },
      out: { type: 'string' },
    },
  });
  const report = await runLoad({
    url: values.url ?? `http://127.0.0.1:${loadConfig().http.port}`,
    durationSeconds: positiveInt('duration', values.duration, 60),
    connections: positiveInt('connections', values.connections, 32),
    pid: values.pid === undefined ? undefined : positiveInt('pid', values.pid, 0),
    from: values.from,
    to: values.to,
  });
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  if (values.out) fs.writeFileSync(values.out, `${json}\n`);
}
