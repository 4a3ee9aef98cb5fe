// Past one machine, with the real parts this machine can run: the test database's Neo4j server
// reached through the routing driver (neo4j://), two API processes (`npm start`'s entry point, as
// the compose profile `cluster` runs them: TRUST_PROXY, no rate limit of their own, no seeding),
// and Debian's nginx with the project's template in front. Read your own writes across replicas
// with the Neo4j-Bookmark header; a replica killed, and a rolling restart, under load from 16
// connections; and the rate limit held once for the deployment, not once per replica.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/auth/tokens.ts';
import { startApi, type ChildServer } from '../bench/apiProcess.ts';
import { startProxy } from '../bench/proxyProcess.ts';
import { replicaEnv, replicaSettings } from '../bench/replicas.ts';
import { config, openTestDb, reseedAfterwards, seed } from './support/testGraph.ts';
import { freePort } from './support/localNeo4j.ts';

const connections = 16;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-replicas-'));

/** A replica as the compose profile runs it, over the test database, on `port`. */
function replica(port: number, name: string): Promise<ChildServer> {
  return startApi({ port, env: replicaEnv(config, path.join(dir, `${name}-running.json`)), settings: replicaSettings });
}

interface Answer {
  status: number;
  bookmark: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, bookmark: response.headers.get('neo4j-bookmark'), body };
}

const addActor = 'mutation($name: String!) { addActor(input: {name: $name, kind: GROUP}) { id } }';
const readActor = 'query($id: ID!) { actor(id: $id) { id name } }';

interface Load {
  ok: number;
  failed: { status: number; message: string }[];
  /** The ids of the actors whose write was answered as committed. */
  written: string[];
  /** Requests answered ok after `mark` was called. */
  okAfterMark: number;
  mark(): void;
  stop(): Promise<void>;
}

/** `connections` clients, each writing an actor and reading the graph's size in turn, as fast as they are answered, until stopped. */
function startLoad(url: string, token: string, label: string): Load {
  let running = true;
  let marked = false;
  const load: Omit<Load, 'mark' | 'stop'> = { ok: 0, failed: [], written: [], okAfterMark: 0 };
  const settle = (answer: Answer | Error) => {
    if (answer instanceof Error) return void load.failed.push({ status: 0, message: answer.message });
    if (answer.status === 200 && !answer.body.errors && answer.body.data) {
      load.ok += 1;
      if (marked) load.okAfterMark += 1;
      return;
    }
    load.failed.push({ status: answer.status, message: answer.body.errors?.[0]?.message ?? '' });
  };
  const worker = async (n: number) => {
    for (let i = 0; running; i++) {
      const name = `Replica load ${label} ${n}-${i}`;
      const wrote = await post(url, addActor, { name }, { authorization: `Bearer ${token}` }).catch((error: Error) => error);
      settle(wrote);
      const id = wrote instanceof Error ? undefined : (wrote.body.data?.addActor as { id?: string } | undefined)?.id;
      if (id && !(wrote as Answer).body.errors) load.written.push(id);
      settle(await post(url, '{ stats { actors relationships } }').catch((error: Error) => error));
    }
  };
  const workers = Array.from({ length: connections }, (_, n) => worker(n));
  return {
    ...load,
    get ok() {
      return load.ok;
    },
    get okAfterMark() {
      return load.okAfterMark;
    },
    mark: () => (marked = true),
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** How long a replica may take to drain before it is killed: its drain timeout, and a little. */
const drainGraceMs = loadConfig({}).api.drainTimeoutMs + 5_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API replicas behind nginx over one Neo4j', () => {
  const db = openTestDb();
  reseedAfterwards();
  let a: ChildServer;
  let b: ChildServer;
  let proxy: ChildServer;
  let token = '';
  const ports = { a: 0, b: 0 };

  before(async () => {
    await seed(db);
    token = await createToken(db, `replicas-${Date.now()}`, 'editor');
    [ports.a, ports.b] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([replica(ports.a, 'a'), replica(ports.b, 'b')]);
    proxy = await startProxy({ port: await freePort(), upstreams: [`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`], rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } });
  });
  after(async () => {
    await Promise.all([proxy?.stop(), a?.stop(), b?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  /** Every write the clients were told committed is in the database, and none twice (a write retried on the other replica is answered from its idempotency key). */
  async function assertKept(written: string[], label: string): Promise<void> {
    const [row] = await db.read<{ found: number }>('MATCH (a:Actor) WHERE a.id IN $ids RETURN count(a) AS found', { ids: written });
    assert.equal(row?.found, written.length, 'every write answered as committed is in the database');
    const twice = await db.read<{ name: string }>(
      'MATCH (a:Actor) WHERE a.name STARTS WITH $prefix WITH a.name AS name, count(*) AS copies WHERE copies > 1 RETURN name',
      { prefix: `Replica load ${label} ` },
    );
    assert.deepEqual(twice, [], 'no write was made twice');
  }

  // On one server every bookmark it issued is reached already: this shows the header's round trip
  // (A's bookmark taken by B's Neo4j session, a write's bookmark replacing the one it was sent with),
  // not a read waiting for a lagging server, which only a cluster can show.
  it('a write through replica A and a read through replica B with its bookmark see the write, 200 times out of 200', async () => {
    let seen = 0;
    let previous: string | null = null;
    for (let i = 0; i < 200; i++) {
      const wrote: Answer = await post(a.url, addActor, { name: `Bookmark test ${i}` }, { authorization: `Bearer ${token}`, ...(previous ? { 'neo4j-bookmark': previous } : {}) });
      assert.equal(wrote.status, 200, JSON.stringify(wrote.body));
      assert.ok(wrote.bookmark && !wrote.bookmark.includes(','), `a write answers with its one bookmark: ${wrote.bookmark}`);
      assert.notEqual(wrote.bookmark, previous, 'the write\'s bookmark replaces the one it was sent with');
      previous = wrote.bookmark;
      const id = (wrote.body.data?.addActor as { id: string }).id;
      const read = await post(b.url, readActor, { id }, { 'neo4j-bookmark': wrote.bookmark });
      assert.equal(read.status, 200, JSON.stringify(read.body));
      if ((read.body.data?.actor as { id?: string } | null)?.id === id) seen += 1;
    }
    console.log(`# bookmarks: ${seen} of 200 reads through B saw the write made through A`);
    assert.equal(seen, 200);
    // A read answers without a bookmark; the proxy passes a write's on.
    assert.equal((await post(b.url, '{ stats { actors } }')).bookmark, null);
    const throughProxy = await post(proxy.url, addActor, { name: 'Bookmark through the proxy' }, { authorization: `Bearer ${token}` });
    assert.match(throughProxy.bookmark ?? '', /\S/);
  });

  it('a write sent again to B with the key it had on A is answered from the key, with a bookmark, and written once', async () => {
    const headers = { authorization: `Bearer ${token}`, 'idempotency-key': `replicas-${Date.now()}` };
    const first = await post(a.url, addActor, { name: 'Written once across replicas' }, headers);
    const again = await post(b.url, addActor, { name: 'Written once across replicas' }, headers);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(again.body.data, first.body.data);
    assert.equal((again.body.extensions?.writes as { replayed: boolean }[] | undefined)?.[0]?.replayed, true);
    // Its transaction committed (it changed nothing), so a read elsewhere can start after the first write.
    assert.match(again.bookmark ?? '', /\S/, 'a replayed write answers with a bookmark too');
    const [row] = await db.read<{ copies: number }>('MATCH (x:Actor {name: $name}) RETURN count(x) AS copies', { name: 'Written once across replicas' });
    assert.equal(row?.copies, 1);
  });

  it('refuses a malformed bookmark with a 400 naming the header, and one the database does not know naming it too', async () => {
    const malformed = await post(b.url, '{ stats { actors } }', {}, { 'neo4j-bookmark': 'not a bookmark!' });
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.errors?.[0]?.message ?? '', /Neo4j-Bookmark/);
    const tooMany = await post(b.url, '{ stats { actors } }', {}, { 'neo4j-bookmark': Array.from({ length: 17 }, () => 'FB:abc').join(',') });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.errors?.[0]?.message ?? '', /at most 16/);
    const unknown = await post(b.url, '{ stats { actors } }', {}, { 'neo4j-bookmark': 'FB:kcwQnotarealbookmarkatall' });
    assert.equal(unknown.body.errors?.[0]?.extensions?.header, 'Neo4j-Bookmark', JSON.stringify(unknown.body));
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    // Each replica still answers, and a refused request holds no place (a drain would wait for it).
    assert.equal((await post(b.url, '{ stats { actors } }')).status, 200);
    const health = (await (await fetch(`${b.url}/health`)).json()) as { graphql: { admitted: number } };
    assert.equal(health.graphql.admitted, 0);
  });

  it('replica A killed (SIGKILL) under load from 16 connections: the proxy sends the rest to B, and nothing written is lost', async () => {
    const load = startLoad(proxy.url, token, 'kill');
    let before = 0;
    try {
      await pause(2_000);
      before = load.ok;
      process.kill(a.pid, 'SIGKILL');
      await a.exited;
      load.mark();
      await pause(3_000);
    } finally {
      await load.stop();
    }
    console.log(`# SIGKILL: ${before} answered before the kill, ${load.okAfterMark} after it, ${load.failed.length} failed ${JSON.stringify(load.failed.slice(0, 3))}; ${load.written.length} writes answered`);
    assert.ok(before > 0 && load.okAfterMark > 0, 'B answered after A was killed');
    // Only requests in flight on A when it died may fail: at most one per connection.
    assert.ok(load.failed.length <= connections, `${load.failed.length} failed`);
    await assertKept(load.written, 'kill');
    a = await replica(ports.a, 'a');
  });

  it('a rolling restart (SIGTERM A, wait, restart; then B) under the same load: no request fails, nothing written is lost', async () => {
    const load = startLoad(proxy.url, token, 'rolling');
    try {
      await pause(1_500);
      for (const which of ['a', 'b'] as const) {
        const server = which === 'a' ? a : b;
        await server.stop(drainGraceMs);
        console.log(`# replica ${which}: ${server.output().split('\n').filter((line) => line.startsWith('Drain')).join(' / ')}`);
        assert.match(server.output(), /Drained: every request in flight was answered\./, server.output());
        const restarted = await replica(ports[which], which);
        if (which === 'a') a = restarted;
        else b = restarted;
        // nginx counts a refused connection against a replica for fail_timeout (2 s): wait it out before the next.
        await pause(3_000);
      }
      load.mark();
      await pause(1_000);
    } finally {
      await load.stop();
    }
    console.log(`# rolling restart: ${load.ok} answered, ${load.failed.length} failed ${JSON.stringify(load.failed.slice(0, 3))}; ${load.written.length} writes answered`);
    assert.deepEqual(load.failed, []);
    assert.ok(load.okAfterMark > 0);
    await assertKept(load.written, 'rolling');
  });

  it('the rate limit with two replicas behind the proxy holds at the configured figure, not twice it', async () => {
    const { perSecond, burst } = loadConfig({}).api.rateLimit;
    const limited = await startProxy({ port: await freePort(), upstreams: [`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`], rateLimit: { perSecond, burst } });
    try {
      const total = 3 * burst;
      const started = Date.now();
      const statuses: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < total) {
            next += 1;
            statuses.push((await post(limited.url, '{ stats { actors } }')).status);
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      const accepted = statuses.filter((status) => status === 200).length;
      const refused = statuses.filter((status) => status === 429).length;
      const most = burst + 1 + Math.ceil(perSecond * seconds);
      console.log(`# rate limit (${perSecond}/s, burst ${burst}) through two replicas: ${accepted} of ${total} accepted in ${seconds.toFixed(2)} s (the limit allows at most ${most}; per replica it would be ${2 * most}), ${refused} refused with 429`);
      assert.equal(accepted + refused, total, `only 200 and 429: ${[...new Set(statuses)].join(', ')}`);
      assert.ok(accepted >= burst && accepted <= most, `${accepted} accepted, between ${burst} and ${most}`);
    } finally {
      await limited.stop();
    }
  });
});
