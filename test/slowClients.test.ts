// Slow clients against the real server (issue 22): sockets that send their headers and part of a
// body, then hold it. Such a body is answered 408 at the deadline and its admission given back;
// one client cannot hold every admission; /health says when none is left. And clients that send
// a whole request and leave at once: their work holds their admission, and what has not begun
// never runs. Only reads, and only `{ stats { actors } }`, so the database is left as it is.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RecordShape } from 'neo4j-driver';
import { apiLimits, type ApiSettings } from '../src/config.ts';
import { Database, type Params } from '../src/neo4j/database.ts';
import type { Health } from '../src/http/health.ts';
import { config, openTestDb, startTestApp, testApiSettings, type TestApp } from './support/testGraph.ts';

/** Short, so that bodies pass their deadline within the test; long enough for a loaded machine to answer. */
const requestTimeoutMs = 3_000;
const settings: ApiSettings = { ...testApiSettings, requestTimeoutMs };
const query = JSON.stringify({ query: '{ stats { actors } }' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A socket that sent its headers and the first bytes of a 100-byte body, and holds the rest. */
interface SlowBody {
  /** The status the server answered, once it has. */
  status?: number;
  /** Settles when the socket has closed, from either side. */
  closed: Promise<void>;
  socket: net.Socket;
}

function slowBody(port: number, localAddress = '127.0.0.1'): SlowBody {
  const socket = net.connect({ host: '127.0.0.1', port, localAddress });
  const slow: SlowBody = { socket, closed: new Promise((resolve) => socket.on('close', () => resolve())) };
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
    slow.status ??= Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]) || undefined;
  });
  socket.on('error', () => {}); // a reset by the server is one of the answers this test expects
  socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":"');
  return slow;
}

/** Opens `count` slow bodies and waits until the server has seen them (each answered or still held). */
async function openSlowBodies(port: number, count: number, localAddresses = ['127.0.0.1']): Promise<SlowBody[]> {
  const bodies = Array.from({ length: count }, (_, i) => slowBody(port, localAddresses[i % localAddresses.length]));
  await Promise.all(bodies.map((body) => new Promise((resolve) => body.socket.once('connect', resolve))));
  await sleep(200);
  return bodies;
}

async function closeAll(bodies: SlowBody[]): Promise<void> {
  for (const body of bodies) body.socket.destroy();
  await Promise.all(bodies.map((body) => body.closed));
}

/** `n` GraphQL requests at once; each status, or 0 when none came within `timeoutMs`. */
async function statuses(app: TestApp, n: number, timeoutMs = 10_000): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      try {
        const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query, signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    }),
  );
}

async function health(app: TestApp): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${app.url}/health`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Health };
}

/** A client that sends a whole request and closes its side at once; settles when the socket has closed. */
function leavingClient(port: number): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  socket.once('connect', () => socket.end(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${query.length}\r\n\r\n${query}`));
  return new Promise((resolve) => socket.on('close', () => resolve()));
}

/** The real database, whose requests' statements wait at a gate until the test opens it (/health's own does not). */
class GatedDatabase extends Database {
  /** Statements of requests started (reached the gate). */
  started = 0;
  /** Of those, waiting at the gate now. */
  held = 0;
  open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  override async read<T extends RecordShape = RecordShape>(cypher: string, params?: Params, timeoutMs?: number): Promise<T[]> {
    if (!cypher.includes('dbms.components')) {
      this.started += 1;
      this.held += 1;
      await this.gate;
      this.held -= 1;
    }
    return super.read<T>(cypher, params, timeoutMs);
  }
}

/** "200×12 503×8": how many of each value. */
function count(values: number[]): string {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([value, n]) => `${value}×${n}`).join(' ');
}

describe('slow clients', () => {
  const db = openTestDb();
  before(async () => {
    // The first request of a process compiles and plans what later ones reuse: not within a short deadline.
    const warm = await startTestApp(db);
    try {
      assert.deepEqual(await statuses(warm, 1, 60_000), [200]);
    } finally {
      await warm.stop();
    }
  });
  after(() => db.close());

  for (const rateLimit of [settings.rateLimit, config.api.rateLimit]) {
    describe(`rate limit ${rateLimit.perSecond ? 'on' : 'off'}`, () => {
      let app: TestApp;
      let port = 0;
      before(async () => {
        app = await startTestApp(db, { ...settings, rateLimit });
        port = Number(new URL(app.url).port);
      });
      after(() => app.stop());

      it('64 slow bodies past the deadline leave GraphQL answering within a second of the sockets closing', async () => {
        const bodies = await openSlowBodies(port, 64);
        await sleep(requestTimeoutMs + 500);
        await closeAll(bodies);
        const slow = `the slow bodies were answered ${count(bodies.map((b) => b.status ?? 0))}`;
        const perClient = apiLimits.maxPendingBodiesPerClient;
        assert.equal(slow, `the slow bodies were answered 408×${perClient} 429×${64 - perClient}`);
        assert.deepEqual(await statuses(app, 1, 1_000), [200], `within a second of the sockets closing; ${slow}`);
        const answers = await statuses(app, 20);
        assert.deepEqual(answers, Array(20).fill(200), `20 at once after the sockets closed: ${count(answers)}; ${slow}`);
      });
    });
  }

  describe('one client holding bodies', () => {
    let app: TestApp;
    let port = 0;
    before(async () => {
      app = await startTestApp(db, settings);
      port = Number(new URL(app.url).port);
    });
    after(() => app.stop());

    it('leaves another client answered while its bodies are pending, and is refused beyond its share', async () => {
      const bodies = await openSlowBodies(port, 64, ['127.0.0.2']);
      try {
        const answers = await statuses(app, 20);
        assert.deepEqual(answers, Array(20).fill(200), `the other client, while 64 slow bodies were pending: ${count(answers)}`);
        const refused = bodies.filter((body) => body.status === 429).length;
        assert.equal(refused, 64 - apiLimits.maxPendingBodiesPerClient, `the slow client was answered ${count(bodies.map((b) => b.status ?? 0))}`);
      } finally {
        await closeAll(bodies);
      }
    });

    it('answers a body unfinished at the deadline 408, closes its connection and gives its admission back', async () => {
      const [body] = await openSlowBodies(port, 1);
      assert.equal((await health(app)).body.graphql.admitted, 1);
      const started = Date.now();
      await body!.closed;
      assert.equal(body!.status, 408);
      assert.ok(Date.now() - started < requestTimeoutMs + 1_000, `closed after ${Date.now() - started} ms`);
      assert.equal((await health(app)).body.graphql.admitted, 0);
    });

    it('makes /health answer 503 and say so while no request can be admitted, and 200 once one can', async () => {
      const clients = Array.from({ length: Math.ceil(apiLimits.maxConcurrentRequests / apiLimits.maxPendingBodiesPerClient) }, (_, i) => `127.0.0.${i + 2}`);
      const bodies = await openSlowBodies(port, apiLimits.maxConcurrentRequests, clients);
      try {
        const full = await health(app);
        assert.equal(full.status, 503, JSON.stringify(full.body));
        assert.equal(full.body.status, 'busy');
        assert.equal(full.body.graphql.accepting, false);
        assert.equal(full.body.neo4j.reachable, true);
        assert.match(full.body.graphql.reason ?? '', /admitted/);
        assert.deepEqual(await statuses(app, 1), [503]);
      } finally {
        await closeAll(bodies);
      }
      await sleep(100);
      const free = await health(app);
      assert.equal(free.status, 200, JSON.stringify(free.body));
      assert.deepEqual(free.body.graphql, { accepting: true, admitted: 0, limit: apiLimits.maxConcurrentRequests });
    });
  });

  describe('clients that send a whole request and leave at once', () => {
    const gated = new GatedDatabase(db.driver, db.name, db.limits);
    let app: TestApp;
    let port = 0;
    before(async () => {
      // A deadline far off: what stops their queued work must be that they left, not the deadline.
      app = await startTestApp(gated, { ...testApiSettings, requestTimeoutMs: 60_000 });
      port = Number(new URL(app.url).port);
    });
    after(async () => {
      gated.open();
      await app.stop();
    });

    it('hold their admission while their work runs, and what had not begun never runs', async () => {
      const leavers = 2 * apiLimits.maxConcurrentRequests;
      await Promise.all(Array.from({ length: leavers }, () => leavingClient(port)));
      await sleep(300);
      const { admitted } = (await health(app)).body.graphql;
      assert.ok(gated.held > 0 && gated.held <= apiLimits.maxExecutingRequests, `${gated.held} statements at the gate`);
      assert.equal(admitted, gated.held, `${leavers} clients left; the requests still executing hold their admission, the others none`);
      const startedBeforeOpen = gated.started;
      gated.open();
      // Behind any work still queued for a slot: answered once it has all started.
      const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(10_000) });
      assert.equal(response.status, 200);
      assert.equal(gated.started, startedBeforeOpen, 'no statement started for a client that left before its turn');
      for (let i = 0; i < 50 && (await health(app)).body.graphql.admitted > 0; i++) await sleep(100);
      assert.equal((await health(app)).body.graphql.admitted, 0, 'every admission given back once the work ended');
    });
  });
});
