// All configuration, read once from environment variables, with defaults that work on a
// fresh machine. Limits and timeouts live here too, so that the API, the CLI and the
// benchmarks share them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface LocalNeo4jSettings {
  /** Where the Maven-assembled server jars live (shared by every instance). */
  distDir: string;
  /** conf/, data/, logs/, run/ of this instance. */
  homeDir: string;
  boltPort: number;
  httpPort: number;
  heapMax: string;
  pageCache: string;
  startTimeoutMs: number;
}

/** Limits of the API's traversals and pages; a breach is a BAD_USER_INPUT error that says so. */
export const apiLimits = {
  maxNeighborhoodDepth: 4,
  maxPathDepth: 8,
  maxAllegianceDepth: 4,
  maxPageSize: 500,
  maxSearchLimit: 100,
  maxNeighborhoodLimit: 1000,
  maxSearchTextLength: 200,
  /** GraphQL documents: nesting depth, cost, aliases and tokens (graphql-armor). */
  maxQueryDepth: 12,
  maxQueryCost: 20_000,
  maxAliases: 30,
  maxTokens: 2_000,
} as const;

export interface Limits {
  /** Neo4j transaction timeout for every query the API, the CLI and the loader run. */
  queryTimeoutMs: number;
  /** Timeout of the loader's single write transaction. */
  loaderTimeoutMs: number;
  loaderBatchSize: number;
}

export interface Config {
  /** Set when NEO4J_URI is given: use that server and never start one. */
  external: boolean;
  neo4j: Neo4jConnection;
  local: LocalNeo4jSettings;
  http: { host: string; port: number };
  /** Whether `npm start` loads the seed before serving (docker-compose runs it as its own service). */
  seedOnStart: boolean;
  limits: Limits;
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new UserError(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function sizeVar(env: Env, name: string, fallback: string): string {
  const value = strVar(env, name, fallback);
  if (!/^\d+[kmgKMG]?$/.test(value)) {
    throw new UserError(`Environment variable ${name} must be a memory size such as 512m or 2g, got "${value}"`);
  }
  return value;
}

function strVar(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export function loadConfig(env: Env = process.env): Config {
  const boltPort = intVar(env, 'NEO4J_BOLT_PORT', 7687);
  const external = Boolean(env.NEO4J_URI);
  return {
    external,
    neo4j: {
      uri: external ? String(env.NEO4J_URI) : `bolt://127.0.0.1:${boltPort}`,
      user: strVar(env, 'NEO4J_USER', 'neo4j'),
      password: strVar(env, 'NEO4J_PASSWORD', 'actorgraph'),
      database: strVar(env, 'NEO4J_DATABASE', 'neo4j'),
    },
    local: {
      distDir: path.resolve(projectRoot, strVar(env, 'NEO4J_DIST_DIR', '.neo4j/dist')),
      homeDir: path.resolve(projectRoot, strVar(env, 'NEO4J_LOCAL_HOME', '.neo4j/instance')),
      boltPort,
      httpPort: intVar(env, 'NEO4J_HTTP_PORT', 7474),
      heapMax: sizeVar(env, 'NEO4J_HEAP', '1g'),
      pageCache: sizeVar(env, 'NEO4J_PAGECACHE', '512m'),
      startTimeoutMs: intVar(env, 'NEO4J_START_TIMEOUT_MS', 180_000),
    },
    http: {
      host: strVar(env, 'HOST', '127.0.0.1'),
      port: intVar(env, 'PORT', 4000),
    },
    seedOnStart: strVar(env, 'SEED_ON_START', 'true') !== 'false',
    limits: {
      queryTimeoutMs: intVar(env, 'QUERY_TIMEOUT_MS', 15_000),
      loaderTimeoutMs: intVar(env, 'LOADER_TIMEOUT_MS', 600_000),
      loaderBatchSize: intVar(env, 'LOADER_BATCH_SIZE', 2_000),
    },
  };
}
