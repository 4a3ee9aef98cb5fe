// The local Neo4j launcher: its failure modes, each with one clear error that says what to do;
// the local server's password (generated, kept in its home, moved off the old default); and
// the neo4j.conf hardening, checked against a real server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { loadConfig, type Config } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import { ensureDistribution, findJava } from '../src/launcher/assemble.ts';
import { createDriver } from '../src/neo4j/database.ts';
import { legacyPassword } from '../src/launcher/localPassword.ts';
import { apocAllowlist, startLocalNeo4j, type RunningNeo4j } from '../src/launcher/localServer.ts';
import { freePort, removeInstance, tempHome } from './support/localNeo4j.ts';

function listenAnywhere(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.end('not neo4j\n'));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const javaHome = path.dirname(path.dirname(fs.realpathSync(execFileSync('which', ['java'], { encoding: 'utf8' }).trim())));

const homes: string[] = [];
after(() => homes.forEach(removeInstance));

/** A config for a throw-away local instance: no NEO4J_URI, its own home and ports. */
function localConfig(overrides: Record<string, string>) {
  const home = tempHome('neo4j-test-');
  homes.push(home);
  return loadConfig({ NEO4J_LOCAL_HOME: home, NEO4J_PASSWORD: 'test-password', ...overrides });
}

describe('local Neo4j launcher errors', () => {
  let occupied: net.Server;
  before(async () => {
    occupied = await listenAnywhere();
  });
  after(() => occupied.close());

  it('says the Bolt port is taken by something that is not Neo4j', async () => {
    const config = localConfig({ NEO4J_BOLT_PORT: String(portOf(occupied)) });
    await assert.rejects(startLocalNeo4j(config), (error: Error) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, new RegExp(`Port ${portOf(occupied)} \\(Neo4j Bolt\\) is already in use.*NEO4J_BOLT_PORT`));
      return true;
    });
  });

  it('says the HTTP port is taken', async () => {
    const free = await listenAnywhere();
    const boltPort = portOf(free);
    free.close();
    const config = localConfig({ NEO4J_BOLT_PORT: String(boltPort), NEO4J_HTTP_PORT: String(portOf(occupied)) });
    await assert.rejects(startLocalNeo4j(config), /Port \d+ \(Neo4j HTTP and Browser\) is already in use.*NEO4J_HTTP_PORT/);
  });

  it('rejects a malformed memory setting before starting anything', () => {
    assert.throws(() => loadConfig({ NEO4J_HEAP: 'lots' }), /NEO4J_HEAP must be a memory size such as 512m or 2g, got "lots"/);
  });

  it('says Java is missing and how to fix it', () => {
    assert.throws(() => findJava({ PATH: '/nonexistent' }), /Java was not found.*install it.*JAVA_HOME.*NEO4J_URI/s);
  });

  it('says Maven is missing when Neo4j still has to be assembled', () => {
    const distDir = tempHome('neo4j-dist-');
    homes.push(distDir);
    assert.throws(() => ensureDistribution(distDir, { PATH: '/nonexistent', JAVA_HOME: javaHome }), /Maven \(mvn\) was not found.*install it/s);
  });

  it('reports a server that fails to start with what it logged, without hanging', async () => {
    const ports = await Promise.all([listenAnywhere(), listenAnywhere()]);
    const [bolt, http] = ports.map(portOf);
    ports.forEach((server) => server.close());
    const config = localConfig({ NEO4J_BOLT_PORT: String(bolt), NEO4J_HTTP_PORT: String(http), NEO4J_HEAP: '100000g' });
    await assert.rejects(startLocalNeo4j(config), /Neo4j failed to start.*Could not reserve enough space/s);
  });
});

/** A throw-away instance's settings, as a fresh shell would give them: no NEO4J_URI, no NEO4J_PASSWORD unless given. */
async function instanceEnv(home: string): Promise<Record<string, string>> {
  return {
    NEO4J_LOCAL_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  };
}

/** Whether the server accepts this password for the config's user. */
async function accepts(config: Config, password: string): Promise<boolean> {
  const driver = createDriver({ ...config.neo4j, password });
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    return true;
  } catch (error) {
    if (!String((error as { code?: string }).code).includes('Unauthorized')) throw error;
    return false;
  } finally {
    await driver.close();
  }
}

/** Runs `start` with console.log captured: its result, and what it printed. */
async function capturingLog<T>(start: () => Promise<T>): Promise<[T, string]> {
  const log = mock.method(console, 'log', () => {});
  try {
    return [await start(), log.mock.calls.map((call) => call.arguments.join(' ')).join('\n')];
  } finally {
    log.mock.restore();
  }
}

describe('the Neo4j password in config', () => {
  it('needs NEO4J_PASSWORD for an external server, and says so', () => {
    assert.throws(() => loadConfig({ NEO4J_URI: 'neo4j+s://db.example.org' }), (error: Error) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /NEO4J_URI is set but NEO4J_PASSWORD is not: set NEO4J_PASSWORD/);
      return true;
    });
    const external = loadConfig({ NEO4J_URI: 'neo4j+s://db.example.org', NEO4J_PASSWORD: 'secret-one' });
    assert.equal(external.neo4j.password, 'secret-one');
    assert.equal(external.local.passwordFile, undefined);
  });

  it('reads the local password file, which NEO4J_PASSWORD overrides', () => {
    const home = tempHome('neo4j-password-');
    homes.push(home);
    const fresh = loadConfig({ NEO4J_LOCAL_HOME: home });
    assert.equal(fresh.local.passwordFile, path.join(home, 'password'));
    assert.equal(fresh.neo4j.password, '', 'nothing until the first start generates it');
    fs.writeFileSync(path.join(home, 'password'), 'stored-password\n');
    assert.equal(loadConfig({ NEO4J_LOCAL_HOME: home }).neo4j.password, 'stored-password');
    const given = loadConfig({ NEO4J_LOCAL_HOME: home, NEO4J_PASSWORD: 'given-password' });
    assert.equal(given.neo4j.password, 'given-password');
    assert.equal(given.local.passwordFile, undefined);
  });
});

describe('a new local instance', () => {
  const home = tempHome('neo4j-new-');
  let env: Record<string, string>;
  let config: Config;
  let running: RunningNeo4j | undefined;
  let log = '';
  before(async () => {
    env = await instanceEnv(home);
    config = loadConfig(env);
    [running, log] = await capturingLog(() => startLocalNeo4j(config));
  });
  after(async () => {
    await running?.stop();
    removeInstance(home);
  });
  const http = (route: string, init?: RequestInit) => fetch(`http://127.0.0.1:${config.local.httpPort}${route}`, init);

  it('gets a generated password, kept in <home>/password (mode 0600), said where once', async () => {
    const password = running?.generatedPassword ?? '';
    assert.match(password, /^[0-9a-f]{48}$/);
    assert.equal(config.neo4j.password, password, 'the caller connects with it');
    const file = path.join(home, 'password');
    assert.equal(fs.readFileSync(file, 'utf8'), `${password}\n`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.match(log, new RegExp(`Generated a password for the local Neo4j; it is kept in ${file}\\.`));
    assert.ok(!log.includes(password), 'the launcher itself does not print the password');
    assert.equal(loadConfig(env).neo4j.password, password, 'every later command reads it');
    assert.equal(await accepts(config, password), true);
    assert.equal(await accepts(config, legacyPassword), false);
  });

  it('answers no foreign origin over HTTP (CORS preflight)', async () => {
    const preflight = await http('/', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    const allowed = preflight.headers.get('access-control-allow-origin');
    assert.notEqual(allowed, '*');
    assert.equal(allowed, `http://localhost:${config.local.httpPort}`);
  });

  it('serves Neo4j Browser and its discovery document, but no Cypher over HTTP', async () => {
    const browser = await http('/browser/');
    assert.equal(browser.status, 200);
    assert.match(await browser.text(), /<title>Neo4j Browser/);
    const discovery = (await (await http('/', { headers: { Accept: 'application/json' } })).json()) as Record<string, string>;
    assert.equal(discovery.bolt_direct, `bolt://localhost:${config.local.boltPort}`);
    const auth = `Basic ${Buffer.from(`${config.neo4j.user}:${config.neo4j.password}`).toString('base64')}`;
    for (const [route, body] of [
      ['/db/neo4j/tx/commit', { statements: [{ statement: 'RETURN 1' }] }],
      ['/db/neo4j/query/v2', { statement: 'RETURN 1' }],
    ] as const) {
      const response = await http(route, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(response.status, 404, `POST ${route} is refused`);
    }
  });

  it('loads only the allowlisted APOC, and every built-in procedure the project and Browser use', async () => {
    const driver = createDriver(config.neo4j);
    const run = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: config.neo4j.database })).records.map((r) => r.toObject());
    try {
      const names = [
        ...(await run("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.' RETURN name")),
        ...(await run("SHOW FUNCTIONS YIELD name WHERE name STARTS WITH 'apoc.' RETURN name")),
      ].map((row) => String(row.name));
      const prefixes = apocAllowlist.map((pattern) => pattern.replace(/\*$/, ''));
      assert.ok(names.includes('apoc.coll.sum'));
      assert.deepEqual(names.filter((name) => !prefixes.some((prefix) => name.startsWith(prefix))), []);
      for (const risky of ['load', 'import', 'export', 'cypher', 'periodic', 'trigger', 'systemdb', 'do', 'when', 'case', 'util', 'log', 'schema']) {
        assert.ok(!names.some((name) => name.startsWith(`apoc.${risky}.`) || name === `apoc.${risky}`), `no apoc.${risky}`);
      }
      await assert.rejects(run("CALL apoc.load.json('file:///etc/passwd')"), /ProcedureNotFound|no procedure/i);
      assert.deepEqual(await run('RETURN apoc.coll.sum([1, 2, 3]) AS sum'), [{ sum: 6 }]);

      await run('CREATE FULLTEXT INDEX launcher_test IF NOT EXISTS FOR (n:LauncherTest) ON EACH [n.name]');
      await run("CREATE (:LauncherTest {name: 'Bukhari'})");
      await run('CALL db.awaitIndexes(60)');
      const found = await run("CALL db.index.fulltext.queryNodes('launcher_test', 'bukhari') YIELD node RETURN node.name AS name");
      assert.deepEqual(found, [{ name: 'Bukhari' }]);
      const [kernel] = await run('CALL dbms.components() YIELD name, edition RETURN name, edition');
      assert.deepEqual(kernel, { name: 'Neo4j Kernel', edition: 'community' });
      // What Neo4j Browser calls when it connects and draws.
      for (const procedure of ['db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.schema.visualization', 'dbms.clientConfig', 'dbms.showCurrentUser']) {
        await run(`CALL ${procedure}()`);
      }
    } finally {
      await driver.close();
    }
  });

  it('keeps the password on the next start, and does not show it again', async () => {
    const password = config.neo4j.password;
    await running?.stop();
    running = undefined;
    const again = loadConfig(env);
    running = await startLocalNeo4j(again);
    assert.equal(running.owned, true);
    assert.equal(running.generatedPassword, undefined);
    assert.equal(again.neo4j.password, password);
    assert.equal(await accepts(again, password), true);
  });
});

describe('an instance created with the old default password', () => {
  const home = tempHome('neo4j-legacy-');
  let running: RunningNeo4j | undefined;
  after(async () => {
    await running?.stop();
    removeInstance(home);
  });

  it(`is moved from "${legacyPassword}" to a generated password on its next start`, async () => {
    const env = await instanceEnv(home);
    // What the old launcher left: an instance whose password is the old default, and no password file.
    running = await startLocalNeo4j(loadConfig({ ...env, NEO4J_PASSWORD: legacyPassword }));
    await running.stop();
    assert.equal(fs.existsSync(path.join(home, 'password')), false);

    const config = loadConfig(env);
    let log: string;
    [running, log] = await capturingLog(() => startLocalNeo4j(config));
    const password = running.generatedPassword ?? '';
    assert.match(password, /^[0-9a-f]{48}$/);
    assert.equal(fs.readFileSync(path.join(home, 'password'), 'utf8'), `${password}\n`);
    assert.equal(fs.statSync(path.join(home, 'password')).mode & 0o777, 0o600);
    assert.match(log, new RegExp(`still had the old default password "${legacyPassword}": it now has a generated one, kept in ${home}/password`));
    assert.equal(await accepts(config, password), true);
    assert.equal(await accepts(config, legacyPassword), false);
    assert.equal(loadConfig(env).neo4j.password, password);
  });
});
