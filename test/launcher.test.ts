// The local Neo4j launcher's failure modes: each gives one clear error that says what to do.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import { ensureDistribution, findJava } from '../src/neo4j/assemble.ts';
import { startLocalNeo4j } from '../src/neo4j/localServer.ts';

function listenAnywhere(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.end('not neo4j\n'));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const javaHome = path.dirname(path.dirname(fs.realpathSync(execFileSync('which', ['java'], { encoding: 'utf8' }).trim())));

/** A config for a throw-away local instance: no NEO4J_URI, its own home and ports. */
function localConfig(overrides: Record<string, string>) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-test-'));
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
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-dist-'));
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
