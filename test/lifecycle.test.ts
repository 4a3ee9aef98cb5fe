// `npm start` as a user runs it: its own Neo4j, the seed, GraphQL; Ctrl-C stops everything
// it started; a restart finds the data still there. Uses its own home and ports.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/start.ts')], { env, cwd: projectRoot });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start not ready in 180 s:\n${output}`)), 180_000);
    child.stdout!.on('data', () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function stats(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { actors relationships sources } }' }),
  });
  return ((await response.json()) as { data: { stats: { actors: number; relationships: number; sources: number } } }).data.stats;
}

describe('npm start', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-start-'));
  let running: ChildProcess | undefined;
  after(() => running?.kill('SIGKILL'));

  it('serves GraphQL from its own Neo4j, stops it on Ctrl-C, and keeps the data across a restart', async () => {
    const [api, bolt, http] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEO4J_LOCAL_HOME: home,
      NEO4J_BOLT_PORT: String(bolt),
      NEO4J_HTTP_PORT: String(http),
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
      PORT: String(api),
    };

    const first = await startServer(env);
    running = first.child;
    assert.match(first.output(), new RegExp(`http://127.0.0.1:${api}/graphql`));
    assert.match(first.output(), new RegExp(`bolt://localhost:${bolt}`));
    assert.match(first.output(), new RegExp(`http://localhost:${http}/browser/`));
    const before = await stats(api);
    assert.ok(before.actors > 0 && before.relationships > 0 && before.sources === 5, JSON.stringify(before));
    const browser = await fetch(`http://127.0.0.1:${http}/browser/`);
    assert.equal(browser.status, 200, 'Neo4j Browser is served');

    assert.equal(await interrupt(first.child), 0, first.output());
    assert.match(first.output(), /Stopped the API and Neo4j\./);
    for (const port of [api, bolt, http]) assert.equal(await portOpen(port), false, `port ${port} is closed after Ctrl-C`);

    const second = await startServer(env);
    running = second.child;
    assert.match(second.output(), /relationships: 0 created, 0 updated, \d+ unchanged, 0 removed/);
    assert.deepEqual(await stats(api), before);
    assert.equal(await interrupt(second.child), 0);
    running = undefined;
  });
});
