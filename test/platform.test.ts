// The server skeleton against the real Neo4j: health, the stats query end to end, HTTP errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../src/neo4j/database.ts';
import { createApp, listen } from '../src/http/app.ts';
import { config, seededApp } from './support/testGraph.ts';

describe('HTTP server', () => {
  const setup = seededApp();
  const db = setup.db;

  it('GET /health answers 200 with the Neo4j version when the database answers', async () => {
    const response = await fetch(`${setup.app.url}/health`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; neo4j: { reachable: boolean; version: string } };
    assert.equal(body.status, 'ok');
    assert.equal(body.neo4j.reachable, true);
    assert.match(body.neo4j.version, /^5\.\d+/);
  });

  it('{ stats } returns the counts that Cypher finds in Neo4j', async () => {
    const { status, body } = await setup.app.graphql<{ stats: { actors: number; relationships: number; sources: number } }>(
      '{ stats { actors relationships sources } }',
    );
    assert.equal(status, 200);
    const [direct] = await db.read<{ actors: number; relationships: number; sources: number }>(`
      CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
      CALL () { MATCH (:Actor)-[r]->(:Actor) WHERE r.status IS NOT NULL AND r.retracted IS NULL RETURN count(r) AS relationships }
      CALL () { MATCH (s:Source) RETURN count(s) AS sources }
      RETURN actors, relationships, sources`);
    assert.deepEqual(body.data?.stats, direct);
    assert.ok(direct!.actors > 50, `expected the seeded actors, got ${direct!.actors}`);
    assert.equal(direct!.sources, 5);
  });

  it('answers a malformed GraphQL request with 400, not a crash', async () => {
    const response = await fetch(`${setup.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    assert.equal(response.status, 400);
    const { status, body } = await setup.app.graphql('{ nope }');
    assert.equal(status, 400);
    assert.match(body.errors?.[0]?.message ?? '', /Cannot query field "nope"/);
  });

  it('answers unknown paths with 404', async () => {
    const response = await fetch(`${setup.app.url}/nowhere`);
    assert.equal(response.status, 404);
  });
});

describe('connection URIs', () => {
  it('reads through a routing neo4j:// URI as well as bolt://', async () => {
    const uri = config.neo4j.uri.replace(/^bolt:\/\//, 'neo4j://');
    const db = openDatabase({ ...config.neo4j, uri }, config.limits);
    try {
      const [row] = await db.read<{ n: number }>('MATCH (s:Source) RETURN count(s) AS n');
      assert.equal(row?.n, 5);
    } finally {
      await db.close();
    }
  });
});

describe('health when Neo4j is down', () => {
  it('GET /health answers 503 and says the database is unreachable', async () => {
    const db = openDatabase({ ...config.neo4j, uri: 'bolt://127.0.0.1:1' }, { ...config.limits, queryTimeoutMs: 2000 });
    const app = await createApp(db, config.api);
    await listen(app.server, 0, '127.0.0.1');
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      assert.equal(response.status, 503);
      const body = (await response.json()) as { neo4j: { reachable: boolean; error?: string } };
      assert.equal(body.neo4j.reachable, false);
      assert.ok(body.neo4j.error);
    } finally {
      await app.stop();
      await db.close();
    }
  });
});
