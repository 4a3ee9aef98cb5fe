// npm test [-- [--skip-typecheck] NAME...]: type-check, then run every test in test/ and its
// folders (or those whose path under test/ contains a NAME: `hostile` runs test/hostile/*) with
// node's test runner against a Neo4j made for them. (npm run test:unit runs test/domain/ alone,
// with no database.)
//
// By default that is a server of its own: a new home in the temporary directory, free ports,
// started here, marked as a test database, stopped and removed at the end. No NEO4J_* variable
// of the shell (an analyst's NEO4J_URI, NEO4J_LOCAL_HOME, ports or password) is used, so the
// tests can neither touch a database they did not create nor depend on what else listens here.
// NEO4J_TEST_URI (with NEO4J_TEST_PASSWORD, NEO4J_TEST_USER, NEO4J_TEST_DATABASE) names a server
// given for tests explicitly instead; it is used only when marked as a test database and
// holding no API writes. The exit code is the test runner's.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeApiWrites, apiWrites } from '../loader/write.ts';
import { loadConfig, projectRoot, type Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { connect, type Connection } from '../launcher/connect.ts';
import { isTestDatabase, markTestDatabase, testDatabaseLabel } from '../neo4j/testDatabase.ts';
import { freePort } from '../ports.ts';
import { interruption, runMain } from './run.ts';

type Env = NodeJS.ProcessEnv;

/** NEO4J_* settings that say how to run a server, not which one: the test server keeps them. */
const serverShape = ['NEO4J_DIST_DIR', 'NEO4J_HEAP', 'NEO4J_PAGECACHE', 'NEO4J_START_TIMEOUT_MS'];

/** The shell's environment without any NEO4J_* variable that names a server, a home, a port or credentials. */
function withoutNeo4j(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('NEO4J_') || serverShape.includes(name)));
}

/** Every *.test.ts under test/, its folders included, as a path under test/ ("api.test.ts", "domain/quotes.test.ts"), in order. */
function testFiles(filter: string[]): string[] {
  const dir = path.join(projectRoot, 'test');
  const all = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  const chosen = filter.length ? all.filter((name) => filter.some((f) => name.includes(f))) : all;
  if (filter.length && !chosen.length) throw new UserError(`No test file in test/ matches ${filter.map((f) => `"${f}"`).join(', ')}.`);
  return chosen.map((name) => path.join('test', name));
}

interface TestServer {
  env: Env;
  connection: Connection;
  /** Stops the server if it was started here and removes its home. */
  dispose(): Promise<void>;
}

/** A new local Neo4j in a temporary home on free ports, marked as a test database. */
async function ownServer(base: Env, signal: AbortSignal): Promise<TestServer> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-test-neo4j-'));
  const env: Env = { ...base, NEO4J_LOCAL_HOME: home, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HTTP_PORT: String(await freePort()) };
  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  const config = loadConfig(env);
  let connection: Connection | undefined;
  try {
    connection = await connect(config, signal); // a first start generates the password and sets it in config
    await markTestDatabase(connection.db, config.limits.loaderTimeoutMs);
  } catch (error) {
    await connection?.close();
    removeHome();
    throw error;
  }
  console.log(`Started a Neo4j for the tests in ${home} (Bolt port ${config.local.boltPort}, HTTP port ${config.local.httpPort}).`);
  return { env: { ...env, ...connectionEnv(config) }, connection, dispose: async () => (await connection.close(), removeHome()) };
}

/** The server NEO4J_TEST_URI names, once it shows it was made for tests and holds nothing of an analyst's. */
async function givenServer(base: Env, shell: Env, signal: AbortSignal): Promise<TestServer> {
  const env: Env = {
    ...base,
    NEO4J_URI: shell.NEO4J_TEST_URI,
    NEO4J_USER: shell.NEO4J_TEST_USER,
    NEO4J_PASSWORD: shell.NEO4J_TEST_PASSWORD,
    NEO4J_DATABASE: shell.NEO4J_TEST_DATABASE,
  };
  if (!env.NEO4J_PASSWORD) throw new UserError('NEO4J_TEST_URI is set but NEO4J_TEST_PASSWORD is not: set it to the password of that test server.');
  const config = loadConfig(env);
  const connection = await connect(config, signal);
  const refuse = async (why: string) => {
    await connection.close();
    throw new UserError(`The tests will not use the Neo4j at ${config.neo4j.uri} (database "${config.neo4j.database}"): ${why}`);
  };
  if (!(await isTestDatabase(connection.db))) {
    await refuse(`it is not marked as a test database. The tests reset it; if it is made for them, mark it with the Cypher statement CREATE (:${testDatabaseLabel}), or unset NEO4J_TEST_URI and let npm test start its own.`);
  }
  const writes = await apiWrites(connection.db);
  if (writes.total > 0) await refuse(`it holds ${writes.total} records written through the API (${describeApiWrites(writes)}), which the tests would discard.`);
  console.log(`Testing against the test database at ${config.neo4j.uri}, as NEO4J_TEST_URI says.`);
  return { env: { ...env, ...connectionEnv(config) }, connection, dispose: () => connection.close() };
}

/** How the test processes reach the server: as an external one, so none of them starts another. */
function connectionEnv(config: Config): Env {
  return { NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password, NEO4J_DATABASE: config.neo4j.database };
}

function typeCheck(): boolean {
  console.log('Type-checking...');
  const tsc = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['--noEmit'], { stdio: 'inherit', cwd: projectRoot });
  return tsc.status === 0;
}

function runTests(files: string[], env: Env, signal: AbortSignal): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit', cwd: projectRoot, env });
  signal.addEventListener('abort', () => child.kill('SIGINT'));
  return new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
}

runMain(async () => {
  const args = process.argv.slice(2);
  const files = testFiles(args.filter((arg) => arg !== '--skip-typecheck'));
  if (!args.includes('--skip-typecheck') && !typeCheck()) {
    console.error('Type check failed.');
    return 1;
  }
  const interrupted = interruption();
  const base = withoutNeo4j(process.env);
  const server = process.env.NEO4J_TEST_URI ? await givenServer(base, process.env, interrupted) : await ownServer(base, interrupted);
  try {
    return await runTests(files, server.env, interrupted);
  } finally {
    await server.dispose();
  }
});
