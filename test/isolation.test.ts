// `npm test` beside an analyst's graph: an analyst starts the graph the README's way (npm start,
// on Bolt's default port when it is free, with a generated password) and adds a source through
// addSource; a second `npm test -- writes` from a shell whose NEO4J_* variables all name the
// analyst's server passes on a server of its own and leaves the analyst's database byte for
// byte as it was. Named for tests explicitly (NEO4J_TEST_URI), the analyst's server is refused:
// first as not marked for tests, then for the API writes it holds. And the seed command and the
// benchmark refuse to discard those writes, naming them.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { loadConfig, projectRoot } from '../src/config.ts';
import { openDatabase, type Database } from '../src/neo4j/database.ts';
import { testDatabaseLabel } from '../src/neo4j/testDatabase.ts';
import { portInUse } from '../src/ports.ts';
import { contentHash } from './support/testGraph.ts';
import { freePort, removeInstance, startApi, stopWith, tempHome } from './support/localNeo4j.ts';

interface Finished {
  code: number | null;
  output: string;
}

/** An npm command in this clone with exactly `env`, to its end (bounded: 15 minutes). */
function npm(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const child = spawn('npm', args, { cwd: projectRoot, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGINT'), 15 * 60_000);
  // 'close', not 'exit': its output is then read to the end.
  return new Promise((resolve, reject) => {
    child.once('error', (error) => (clearTimeout(timer), reject(error)));
    child.once('close', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

describe("npm test beside an analyst's graph", () => {
  const home = tempHome('actorgraph-analyst-');
  let analyst: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let db: Database;
  let sourceId = '';
  let hashBefore = '';

  before(async () => {
    // Bolt's default port when free, as a new user's `npm start` takes it; never one in use.
    const bolt = (await portInUse(7687)) ? await freePort() : 7687;
    env = { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_LOCAL_HOME: home, NEO4J_BOLT_PORT: String(bolt), NEO4J_HTTP_PORT: String(await freePort()), PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' };
    const started = await startApi(env);
    analyst = started.child;
    const config = loadConfig(env);
    db = openDatabase(config.neo4j, config.limits);
    // What a second terminal of the same shell would hold: every variable naming the analyst's server.
    env = { ...env, NEO4J_URI: config.neo4j.uri, NEO4J_PASSWORD: config.neo4j.password, NEO4J_USER: config.neo4j.user };
    const token = await createToken(db, `analyst-${process.pid}`, 'editor');
    const response = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($input: AddSourceInput!) { addSource(input: $input) { id } }',
        variables: { input: { title: 'An analyst’s note', published: '2026-12', text: 'Only this analyst has this text: Katibat Imam Bukhari moved north.' } },
      }),
    });
    const body = (await response.json()) as { data?: { addSource: { id: string } } };
    assert.ok(body.data?.addSource.id, JSON.stringify(body));
    sourceId = body.data.addSource.id;
    hashBefore = await contentHash(db);
  });

  after(async () => {
    await db?.close();
    if (analyst) await stopWith(analyst, 'SIGTERM');
    removeInstance(home);
  });

  it("passes on a server of its own and leaves the analyst's database as it was", async () => {
    const run = await npm(['test', '--', '--skip-typecheck', 'writes'], env);
    assert.equal(run.code, 0, run.output.slice(-4000));
    assert.match(run.output, /Started a Neo4j for the tests in \S+actorgraph-test-neo4j-/);
    assert.doesNotMatch(run.output, new RegExp(`Bolt port ${env.NEO4J_BOLT_PORT}\\b`));
    assert.equal(await contentHash(db), hashBefore, "the analyst's database is byte for byte the same");
  });

  it("refuses the analyst's server named for tests while it is not marked as a test database", async () => {
    const run = await npm(['test', '--', '--skip-typecheck', 'writes'], { ...env, NEO4J_TEST_URI: env.NEO4J_URI, NEO4J_TEST_PASSWORD: env.NEO4J_PASSWORD });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /will not use the Neo4j at bolt:\/\/127\.0\.0\.1:\d+ .*not marked as a test database/);
    assert.equal(await contentHash(db), hashBefore);
  });

  it('refuses a server marked for tests that holds API writes, naming them', async () => {
    await db.write(`CREATE (:${testDatabaseLabel})`);
    const marked = await contentHash(db);
    const run = await npm(['test', '--', '--skip-typecheck', 'writes'], { ...env, NEO4J_TEST_URI: env.NEO4J_URI, NEO4J_TEST_PASSWORD: env.NEO4J_PASSWORD });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, new RegExp(`holds 1 records written through the API \\(1 sources \\(${sourceId}\\)\\)`));
    assert.equal(await contentHash(db), marked);
  });

  it('seed --reset and the benchmark refuse to discard the API writes and say which', async () => {
    const hash = await contentHash(db);
    const seed = await npm(['run', 'seed', '--', '--reset'], env);
    assert.equal(seed.code, 1, seed.output);
    assert.match(seed.output, new RegExp(`--reset would discard 1 records written or changed through the API: 1 sources \\(${sourceId}\\).*--discard-api-writes`, 's'));
    const bench = await npm(['run', 'bench', '--', '--quick'], env);
    assert.equal(bench.code, 1, bench.output);
    assert.match(bench.output, new RegExp(`The benchmark resets the database: it would discard 1 records .*1 sources \\(${sourceId}\\)`));
    assert.equal(await contentHash(db), hash);
  });
});
