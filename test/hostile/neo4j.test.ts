// Hostile clients of Neo4j itself, on a Neo4j of its own: a flood of wrong passwords must lock
// no one out and leave the API able to connect, and a web page must not open Bolt from a foreign
// origin.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type Config } from '../../src/config.ts';
import { verifyThroughRateLimit } from '../../src/neo4j/authRateLimit.ts';
import { connect } from '../../src/launcher/connect.ts';
import { createDriver } from '../../src/neo4j/database.ts';
import { startLocalNeo4j, type RunningNeo4j } from '../../src/launcher/localServer.ts';
import { freePort, removeInstance, tempHome } from '../support/localNeo4j.ts';

/** An HTTP request on the Bolt port as a web page's WebSocket would open it: its status (101 when upgraded). */
function boltUpgrade(port: number, origin: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', Origin: origin },
    });
    request.setTimeout(10_000, () => request.destroy(new Error('no answer to the upgrade in 10 s')));
    request.once('upgrade', (response, socket) => (socket.destroy(), resolve(response.statusCode)));
    request.once('response', (response) => (response.resume(), resolve(response.statusCode)));
    request.once('error', reject);
    request.end();
  });
}

describe('a flood of wrong Neo4j passwords, and web pages on Bolt (a Neo4j of its own)', () => {
  /** Wrong-password logins in the flood, and how many at once. */
  const floodLogins = 600;
  const floodConcurrency = 20;
  const home = tempHome('neo4j-flood-');
  let config: Config;
  let running: RunningNeo4j | undefined;
  before(async () => {
    config = loadConfig({
      NEO4J_LOCAL_HOME: home,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: String(await freePort()),
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '64m',
    });
    running = await startLocalNeo4j(config);
  });
  after(async () => {
    await running?.stop();
    removeInstance(home);
  });

  /** Whether a driver with this password logs in (and runs a query); the refusal's code when not. */
  const login = async (password: string): Promise<string> => {
    const driver = createDriver({ ...config.neo4j, password });
    try {
      await driver.executeQuery('RETURN 1', {}, { database: config.neo4j.database });
      return 'ok';
    } catch (error) {
      return String((error as { code?: string }).code);
    } finally {
      await driver.close();
    }
  };

  it('the password flood leaves the API connected', async () => {
    const codes = new Map<string, number>();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: floodConcurrency }, async () => {
        for (let i = next++; i < floodLogins; i = next++) {
          const code = await login(`wrong-${i}`);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${floodLogins} wrong-password logins in ${seconds.toFixed(1)} s (${Math.round(floodLogins / seconds)}/s): ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    assert.deepEqual([...codes], [['Neo.ClientError.Security.Unauthorized', floodLogins]], 'each refused as a wrong password, none locked out');

    const right = await Promise.all(Array.from({ length: 40 }, () => login(config.neo4j.password)));
    assert.deepEqual(right.filter((code) => code !== 'ok'), [], '40 of 40 logins with the right password succeed');
    // A restarted API: connect() reuses the running server and verifies its login.
    const connection = await connect(config);
    try {
      assert.deepEqual(await connection.db.read('RETURN 1 AS one'), [{ one: 1 }]);
    } finally {
      await connection.close();
    }
  });

  it('a wrong password is refused at once at start-up, not retried as a rate limit would be', async () => {
    const driver = createDriver({ ...config.neo4j, password: 'wrong' });
    const started = Date.now();
    try {
      await assert.rejects(verifyThroughRateLimit(driver, config.neo4j.database, config.limits), /Unauthorized|authentication failure/i);
    } finally {
      await driver.close();
    }
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });

  it("refuses a WebSocket upgrade on Bolt from a foreign web origin, and accepts Neo4j Browser's own", async () => {
    const { boltPort, httpPort } = config.local;
    for (const origin of ['http://evil.example', 'null', `http://localhost:${httpPort + 1}`, `https://localhost:${httpPort}`]) {
      assert.equal(await boltUpgrade(boltPort, origin), 403, `Origin: ${origin}`);
    }
    for (const origin of [`http://localhost:${httpPort}`, `http://127.0.0.1:${httpPort}`]) {
      assert.equal(await boltUpgrade(boltPort, origin), 101, `Origin: ${origin}`);
    }
    assert.equal(await login(config.neo4j.password), 'ok', 'drivers (no web origin) still connect');
  });
});
