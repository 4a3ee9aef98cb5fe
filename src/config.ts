// All configuration, read once from environment variables, with defaults that work on a
// fresh machine. Limits and timeouts live here too, so that the API, the CLI and the
// benchmarks share them; those of the API's arguments and of entries are src/domain/limits.ts's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';
import { queryLimits } from './domain/limits.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jConnection {
  uri: string;
  user: string;
  /** For the local server without NEO4J_PASSWORD: '' until its first start generates one (the launcher then sets it). */
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
  /** The file that keeps the generated password (<homeDir>/password); undefined when NEO4J_PASSWORD is set. */
  passwordFile?: string;
  /** Where a running `npm start` says which Neo4j it uses, for the other commands (src/launcher/runningInstance.ts). */
  runningFile: string;
}

/**
 * A write transaction that fails on a transient error (a deadlock between two writes) is run
 * again, at most `attempts` times in all, waiting twice as long each time (src/neo4j/database.ts).
 */
export const writeRetry = { attempts: 8, firstDelayMs: 20, maxDelayMs: 1_000 } as const;

/**
 * Registry files (src/registries/): the largest snapshot read, in UTF-8 bytes. The UN Security
 * Council Consolidated List was 2.2 MB in 2024; a file many times that is not one.
 */
export const registryLimits = { maxRegistryBytes: 20_000_000 } as const;

/** Limits of the API: its arguments' (src/domain/limits.ts), and what one request and its document may hold. */
export const apiLimits = {
  ...queryLimits,
  /** GraphQL documents: nesting depth, aliases, directives and tokens. */
  maxQueryDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2_000,
  /**
   * The most objects a document may ask for, counted before it runs: each list multiplies
   * what it holds by its `first` or `limit` (src/api/queryCost.ts).
   */
  maxQueryCost: 50_000,
  /**
   * What a source's `suggestions` counts toward maxQueryCost: it reads every actor's names and
   * runs the suggestion engine on the text, so a request may ask it of at most 5 sources.
   */
  suggestionsCost: 10_000,
  /** What one request may hold while it runs, counted as fields resolve: a backstop to the cost. */
  maxResolvedFields: 250_000,
  maxResolvedTextBytes: 4_000_000,
  /** HTTP: request body, and how long a client may take to send its headers and its request. */
  maxBodyBytes: 1_000_000,
  headersTimeoutMs: 10_000,
  receiveTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  /**
   * GraphQL requests admitted at once, from their headers (their body is read within) to the
   * end of their answer; more answer 503 at once rather than queue for the database
   * (src/http/slots.ts).
   */
  maxConcurrentRequests: 64,
  /** Of those, how many execute at once (the others wait their turn, src/http/slots.ts). */
  maxExecutingRequests: 8,
  /** Of the admitted, how many one client (remote address) may still be sending the body of; more answer 429. */
  maxPendingBodiesPerClient: 16,
  /** Clients the rate limiter remembers (least recently seen forgotten first). */
  maxRateLimitedClients: 10_000,
  /** The Neo4j-Bookmark request header (src/http/bookmarks.ts): how many bookmarks, and how long each. */
  maxBookmarks: 16,
  maxBookmarkLength: 512,
} as const;

export interface ApiSettings {
  /** Wall-clock limit of one request, on top of Neo4j's transaction timeout. */
  requestTimeoutMs: number;
  /** Per-client token bucket: requests per second and burst; perSecond 0 turns it off. */
  rateLimit: { perSecond: number; burst: number };
  /** GraphQL introspection and "Did you mean" suggestions (off by default when NODE_ENV=production). */
  introspection: boolean;
  suggestions: boolean;
  /**
   * Neo4j Browser's page, http://localhost:NEO4J_HTTP_PORT: the one origin allowed (CORS) to
   * fetch the style and guide the API serves it under /browser/ (src/http/browserKit.ts).
   */
  browserOrigin: string;
  /** READ_REQUIRES_TOKEN: queries need a bearer token (any role); reading is open by default. */
  readRequiresToken: boolean;
  /** CORS_ORIGINS: the other origins (comma-separated, never "*") whose pages may call /graphql; none by default. */
  corsOrigins: string[];
  /**
   * TRUST_PROXY: the API is reachable only through a reverse proxy, so a client is the address
   * the proxy appended to X-Forwarded-For, not the proxy's socket (src/http/clientAddress.ts).
   */
  trustProxy: boolean;
  /**
   * On SIGTERM the API drains (App.drain in src/http/app.ts): /health answers 503 "draining" at once; after
   * DRAIN_DELAY_MS (time for a balancer that polls /health to stop sending) it stops accepting
   * connections, finishes what is in flight, then exits; what is still running after
   * drainTimeoutMs (a request's deadline plus a write's transaction timeout) is cut off.
   */
  drainDelayMs: number;
  drainTimeoutMs: number;
}

export interface Limits {
  /** Neo4j transaction timeout for every query the API, the CLI and the loader run. */
  queryTimeoutMs: number;
  /** How long a read is retried when the database is unreachable before SERVICE_UNAVAILABLE. */
  retryTimeMs: number;
  /** How often an unreachable database is probed, so the API recovers by itself. */
  probeIntervalMs: number;
  /**
   * How long connecting retries while Neo4j answers AuthenticationRateLimit (an account locked
   * for a while by failed logins, on a server that locks), waiting twice as long each time up
   * to authRetryMaxDelayMs, before it gives up with an error.
   */
  authRetryMs: number;
  authRetryMaxDelayMs: number;
  /** Timeout of each of the loader's write transactions (one per batch of LOADER_BATCH_SIZE rows). */
  loaderTimeoutMs: number;
  loaderBatchSize: number;
}

export interface Config {
  /** Set when NEO4J_URI is given: use that server and never start one. */
  external: boolean;
  neo4j: Neo4jConnection;
  local: LocalNeo4jSettings;
  http: { host: string; port: number };
  api: ApiSettings;
  /** Whether `npm start` loads the seed before serving (docker-compose runs it as its own service). */
  seedOnStart: boolean;
  limits: Limits;
}

export type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new UserError(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** An integer of at least 1 (0 would be accepted and silently mean "none"). */
function positiveIntVar(env: Env, name: string, fallback: number): number {
  const value = intVar(env, name, fallback);
  if (value < 1) throw new UserError(`Environment variable ${name} must be at least 1, got "${env[name]}"`);
  return value;
}

function sizeVar(env: Env, name: string, fallback: string): string {
  const value = strVar(env, name, fallback);
  if (!/^\d+[kmgKMG]?$/.test(value)) {
    throw new UserError(`Environment variable ${name} must be a memory size such as 512m or 2g, got "${value}"`);
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = strVar(env, name, String(fallback));
  if (raw !== 'true' && raw !== 'false') throw new UserError(`Environment variable ${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

/** A comma-separated list of origins (scheme://host[:port]), each named: "*" is refused. */
function originsVar(env: Env, name: string): string[] {
  const origins = strVar(env, name, '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new UserError(`Environment variable ${name} must list origins such as https://analysts.example.org, comma-separated (never "*"); got "${origin}"`);
    }
  }
  return origins;
}

function strVar(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

/** The local server's generated password, once its first start has written it (src/launcher/localPassword.ts). */
function storedPassword(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new UserError(`Cannot read the Neo4j password file ${file}: ${(error as Error).message}`);
  }
}

/** NEO4J_PASSWORD; else the local server's stored one (there is no password file for an external server). */
function neo4jPassword(env: Env, passwordFile: string | undefined): string {
  const given = strVar(env, 'NEO4J_PASSWORD', '');
  if (given) return given;
  if (passwordFile) return storedPassword(passwordFile);
  throw new UserError(
    'NEO4J_URI is set but NEO4J_PASSWORD is not: set NEO4J_PASSWORD to the password of that server (only the local server gets a generated one).',
  );
}

/** NEO4J_RUNNING_FILE: the project's record of the running `npm start` (tests name one of their own). */
export function runningFile(env: Env = process.env): string {
  return path.resolve(projectRoot, strVar(env, 'NEO4J_RUNNING_FILE', '.neo4j/running.json'));
}

export function loadConfig(env: Env = process.env): Config {
  const boltPort = intVar(env, 'NEO4J_BOLT_PORT', 7687);
  const httpPort = intVar(env, 'NEO4J_HTTP_PORT', 7474);
  const external = Boolean(env.NEO4J_URI);
  const homeDir = path.resolve(projectRoot, strVar(env, 'NEO4J_LOCAL_HOME', '.neo4j/instance'));
  const passwordFile = external || env.NEO4J_PASSWORD ? undefined : path.join(homeDir, 'password');
  const production = env.NODE_ENV === 'production';
  const requestTimeoutMs = intVar(env, 'REQUEST_TIMEOUT_MS', 20_000);
  const queryTimeoutMs = intVar(env, 'QUERY_TIMEOUT_MS', 15_000);
  return {
    external,
    neo4j: {
      uri: external ? String(env.NEO4J_URI) : `bolt://127.0.0.1:${boltPort}`,
      user: strVar(env, 'NEO4J_USER', 'neo4j'),
      password: neo4jPassword(env, passwordFile),
      database: strVar(env, 'NEO4J_DATABASE', 'neo4j'),
    },
    local: {
      distDir: path.resolve(projectRoot, strVar(env, 'NEO4J_DIST_DIR', '.neo4j/dist')),
      homeDir,
      boltPort,
      httpPort,
      heapMax: sizeVar(env, 'NEO4J_HEAP', '1g'),
      pageCache: sizeVar(env, 'NEO4J_PAGECACHE', '512m'),
      startTimeoutMs: intVar(env, 'NEO4J_START_TIMEOUT_MS', 180_000),
      passwordFile,
      runningFile: runningFile(env),
    },
    http: {
      host: strVar(env, 'HOST', '127.0.0.1'),
      port: intVar(env, 'PORT', 4000),
    },
    api: {
      requestTimeoutMs,
      rateLimit: { perSecond: intVar(env, 'RATE_LIMIT_PER_SECOND', 20), burst: intVar(env, 'RATE_LIMIT_BURST', 100) },
      introspection: boolVar(env, 'GRAPHQL_INTROSPECTION', !production),
      suggestions: boolVar(env, 'GRAPHQL_SUGGESTIONS', !production),
      readRequiresToken: boolVar(env, 'READ_REQUIRES_TOKEN', false),
      corsOrigins: originsVar(env, 'CORS_ORIGINS'),
      trustProxy: boolVar(env, 'TRUST_PROXY', false),
      drainDelayMs: intVar(env, 'DRAIN_DELAY_MS', 0),
      drainTimeoutMs: requestTimeoutMs + queryTimeoutMs,
      browserOrigin: `http://localhost:${httpPort}`,
    },
    seedOnStart: strVar(env, 'SEED_ON_START', 'true') !== 'false',
    limits: {
      queryTimeoutMs,
      retryTimeMs: intVar(env, 'NEO4J_RETRY_MS', 1_000),
      probeIntervalMs: intVar(env, 'NEO4J_PROBE_INTERVAL_MS', 1_000),
      authRetryMs: intVar(env, 'NEO4J_AUTH_RETRY_MS', 60_000),
      authRetryMaxDelayMs: 5_000,
      loaderTimeoutMs: intVar(env, 'LOADER_TIMEOUT_MS', 600_000),
      loaderBatchSize: intVar(env, 'LOADER_BATCH_SIZE', 2_000),
    },
  };
}

/**
 * Entity matching (src/domain/matching/): a registry record against our actors. A pair is decided
 * SAME without review when an identifier is equal or its score is at least `autoSame`; from
 * `reviewFloor` up it is proposed to a reviewer. Blocking gives each record at most
 * `maxCandidates` actors and skips name keys that more than `maxPostings` actors share.
 * MATCH_AUTO_SAME, MATCH_REVIEW_FLOOR (0..1), MATCH_MAX_CANDIDATES, MATCH_MAX_POSTINGS.
 */
export interface MatchingSettings {
  autoSame: number;
  reviewFloor: number;
  maxCandidates: number;
  maxPostings: number;
}

export function matchingSettings(env: Env = process.env): MatchingSettings {
  const settings = {
    autoSame: fractionVar(env, 'MATCH_AUTO_SAME', 0.9),
    reviewFloor: fractionVar(env, 'MATCH_REVIEW_FLOOR', 0.6),
    maxCandidates: positiveIntVar(env, 'MATCH_MAX_CANDIDATES', 20),
    maxPostings: positiveIntVar(env, 'MATCH_MAX_POSTINGS', 1_000),
  };
  if (settings.reviewFloor > settings.autoSame) {
    throw new UserError(`MATCH_REVIEW_FLOOR (${settings.reviewFloor}) must not be above MATCH_AUTO_SAME (${settings.autoSame})`);
  }
  return settings;
}

function fractionVar(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UserError(`Environment variable ${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}
