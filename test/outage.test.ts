// Honest outages, against a real Neo4j of the test's own that it stops and kills: `npm start`
// with NEO4J_URI starts while the database is down and recovers when it comes up; a bounded
// query loop survives Neo4j being killed, no request hangs, and the API recovers by itself.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { startLocalNeo4j, type RunningNeo4j } from '../src/launcher/localServer.ts';
import { freePort, removeInstance, startApi, stopWith, tempHome, type Started } from './support/localNeo4j.ts';

const password = 'outage-test-password';

interface Answer {
  status: number;
  code?: string;
  ms: number;
}

/** One GraphQL request with a hard client-side limit, so a hang fails the test instead of stalling it. */
async function ask(url: string, query: string, limitMs = 15_000): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(limitMs),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started };
}

async function until<T>(what: string, limitMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${limitMs / 1000} s`);
}

const healthStatus = async (url: string) => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) })).status;

describe('outages', async () => {
  const [bolt, http, api] = [await freePort(), await freePort(), await freePort()];
  const home = tempHome('actorgraph-outage-');
  const neo4jConfig = loadConfig({
    NEO4J_LOCAL_HOME: home,
    NEO4J_BOLT_PORT: String(bolt),
    NEO4J_HTTP_PORT: String(http),
    NEO4J_PASSWORD: password,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  });
  const url = `http://127.0.0.1:${api}`;
  let neo4j: RunningNeo4j | undefined;
  let apiProcess: Started | undefined;
  after(async () => {
    if (apiProcess) await stopWith(apiProcess.child, 'SIGINT');
    await neo4j?.stop();
    removeInstance(home);
  });

  it('npm start with NEO4J_URI starts while Neo4j is down, answers 503 at once, then seeds and serves when it is up', async () => {
    apiProcess = await startApi({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEO4J_URI: `bolt://127.0.0.1:${bolt}`,
      NEO4J_PASSWORD: password,
      PORT: String(api),
      RATE_LIMIT_PER_SECOND: '0',
      NEO4J_PROBE_INTERVAL_MS: '250',
    });
    assert.match(apiProcess.output(), /does not answer yet/);

    const started = Date.now();
    assert.equal(await healthStatus(url), 503);
    const down = await ask(url, '{ stats { actors } }');
    assert.equal(down.status, 503);
    assert.equal(down.code, 'SERVICE_UNAVAILABLE');
    assert.ok(Date.now() - started < 2_000, `503 answers took ${Date.now() - started} ms`);

    neo4j = await startLocalNeo4j(neo4jConfig);
    const up = Date.now();
    await until('health 200 after Neo4j came up', 30_000, async () => ((await healthStatus(url)) === 200 ? true : undefined));
    const actors = await until('the seed loaded after Neo4j came up', 60_000, async () => {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { actors } }"}' });
      const body = (await response.json()) as { data?: { stats: { actors: number } } };
      return body.data && body.data.stats.actors > 0 ? body.data.stats.actors : undefined;
    });
    console.log(`# API answered 200 ${Date.now() - up} ms after Neo4j was up, with ${actors} actors seeded`);
  });

  it('a bounded query loop survives Neo4j being killed: fast 503s, no hang, recovery without a restart', async () => {
    assert.ok(neo4j?.pid, 'the previous test started Neo4j');
    const answers: (Answer & { at: number })[] = [];
    let running = true;
    const client = async () => {
      for (let i = 0; running && i < 10_000; i++) {
        // A request that fails (its 15 s limit reached: a hang) is an answer the assertions below name, not an unhandled rejection.
        const started = Date.now();
        const answer = await ask(url, '{ search(text: "Bukhari") { id } stats { relationships } }').catch(
          (error: Error): Answer => ({ status: 0, code: `${error.name}: ${error.message}`, ms: Date.now() - started }),
        );
        answers.push({ ...answer, at: Date.now() });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const clients = Array.from({ length: 4 }, client);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    process.kill(neo4j.pid, 'SIGKILL');
    const killed = Date.now();
    await until('a SERVICE_UNAVAILABLE answer after the kill', 15_000, async () =>
      answers.some((a) => a.at > killed && a.code === 'SERVICE_UNAVAILABLE') ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(await healthStatus(url), 503);

    await neo4j.stop(); // it is dead already: this disarms its watchdog
    neo4j = await startLocalNeo4j(neo4jConfig);
    const back = Date.now();
    await until('a 200 answer after Neo4j came back', 30_000, async () => (answers.some((a) => a.at > back && a.status === 200) ? true : undefined));
    const recovered = answers.find((a) => a.at > back && a.status === 200)!.at - back;
    running = false;
    await Promise.all(clients);

    const during = answers.filter((a) => a.at > killed && a.at < back);
    assert.ok(during.length > 0);
    assert.ok(
      answers.every((a) => a.status === 200 || (a.status === 503 && a.code === 'SERVICE_UNAVAILABLE')),
      `unexpected answers: ${JSON.stringify(answers.filter((a) => a.status !== 200 && a.code !== 'SERVICE_UNAVAILABLE').slice(0, 5))}`,
    );
    const slowest = Math.max(...during.map((a) => a.ms));
    const slow = during.filter((a) => a.ms > 1_500).length;
    assert.ok(slow <= 8, `${slow} of ${during.length} answers during the outage took over 1.5 s (slowest ${slowest} ms)`);
    console.log(
      `# ${answers.length} requests; during the outage ${during.length} answers, slowest ${slowest} ms; ` + `recovered ${recovered} ms after Neo4j was back`,
    );
    assert.equal(await healthStatus(url), 200);
  });
});
