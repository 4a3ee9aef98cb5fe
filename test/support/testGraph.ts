// The test database and app every integration test shares: `npm test` points NEO4J_URI at the real server it created for the tests
// (src/cli/test.ts); a test file refuses to run against any database not marked as one.
import { createHash } from 'node:crypto';
import { after, before } from 'node:test';
import { loadSeed } from '../../src/loader/load.ts';
import { loadConfig, type ApiSettings } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/neo4j/database.ts';
import { isTestDatabase } from '../../src/neo4j/testDatabase.ts';
import { createApp, listen } from '../../src/http/app.ts';

export const config = loadConfig();

/** Every test that imports this file stops here unless its database was made for tests. */
async function refuseUnlessTestDatabase(): Promise<void> {
  const db = openDatabase(config.neo4j, config.limits);
  try {
    if (!(await isTestDatabase(db))) {
      throw new Error(`The Neo4j at ${config.neo4j.uri} is not marked as a test database: the tests would reset it. Run them with npm test, which creates its own.`);
    }
  } finally {
    await db.close();
  }
}
await refuseUnlessTestDatabase();

export function openTestDb(): Database {
  return openDatabase(config.neo4j, config.limits);
}

/** Loads the real seed (idempotent; `reset` wipes the database first). */
export async function seed(db: Database, reset = false) {
  return loadSeed(db, { reset, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
}

export interface GraphQLResponse<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string; argumentName?: string; problems?: { argumentName: string; message: string }[] } }[] };
}

export interface TestApp {
  url: string;
  stop(): Promise<void>;
  /** POST /graphql, with `token` as its bearer token when given. */
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
}

/** The API's settings in tests: as configured, without the per-client rate limit (every test client is 127.0.0.1). */
export const testApiSettings: ApiSettings = { ...config.api, rateLimit: { perSecond: 0, burst: 0 } };

/** The real HTTP app on a free port. */
export async function startTestApp(db: Database, settings: ApiSettings = testApiSettings): Promise<TestApp> {
  const app = await createApp(db, settings);
  await listen(app.server, 0, '127.0.0.1');
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stop: app.stop,
    graphql: async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
    },
  };
}

/**
 * For a describe block: seeds the database and starts the real app before its tests, and
 * stops both after them. Read `app` inside tests (it exists once `before` has run).
 */
export function seededApp(): { db: Database; readonly app: TestApp } {
  const db = openTestDb();
  let app: TestApp | undefined;
  before(async () => {
    await seed(db);
    app = await startTestApp(db);
  });
  after(async () => {
    await app?.stop();
    await db.close();
  });
  return {
    db,
    get app() {
      if (!app) throw new Error('the app starts in before()');
      return app;
    },
  };
}

/**
 * For tests that write through the API: the loader never removes what the API wrote, so later
 * test files would count it. Registers an `after` that loads the seed afresh (--reset), with a
 * connection of its own (seededApp closes its own first).
 */
export function reseedAfterwards(): void {
  after(async () => {
    const db = openTestDb();
    try {
      await seed(db, true);
    } finally {
      await db.close();
    }
  });
}

/** JSON with object keys sorted, so equal content always prints the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** A SHA-256 of everything in the database: every node's labels and properties, every relationship's ends, type and properties. */
export async function contentHash(db: Database): Promise<string> {
  const [row] = await db.read<{ nodes: unknown[]; rels: unknown[] }>(
    `CALL () { MATCH (n) RETURN collect([labels(n), properties(n)]) AS nodes }
     CALL () { MATCH (a)-[r]->(b) RETURN collect([type(r), a.id, b.id, properties(r)]) AS rels }
     RETURN nodes, rels`,
    {},
    config.limits.loaderTimeoutMs,
  );
  const lines = [...row!.nodes, ...row!.rels].map(canonical).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
