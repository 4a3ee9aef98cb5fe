// The benchmark's peer (the API @neo4j/graphql generates) against the real Neo4j and the seed:
// it starts as a process of its own, answers every operation it supports without errors, and
// answers the same ids as this project's graph functions do for the same question.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { operationNames, type OperationName, type Probes } from '../bench/operations.ts';
import { peerAnswerIds, peerRequest, startPeer, type Peer } from '../bench/peer.ts';
import { listClaims } from '../src/graph/claims.ts';
import { listRelationships, relationshipsOfActors } from '../src/graph/relationships.ts';
import { searchActors } from '../src/graph/search.ts';
import { neighborhood } from '../src/graph/traversal.ts';
import type { Database } from '../src/neo4j/database.ts';
import { openTestDb, seed } from './support/testGraph.ts';

const db = openTestDb();
let peer: Peer | undefined;
let probes: Probes;

/** The probes, chosen in the seed as the generator chooses them in a generated graph. */
async function seedProbes(db: Database): Promise<Probes> {
  const [row] = await db.read<{ leaf: string; claimant: string; source: string }>(
    `CALL () { MATCH (a:Actor) WHERE COUNT { (a)-[r]-(:Actor) WHERE r.claimCount IS NOT NULL } = 1 RETURN a.id AS leaf ORDER BY leaf LIMIT 1 }
     CALL () { MATCH (a:Actor)<-[:CLAIMED_BY]-(c:Claim {stance: 'ATTRIBUTED'}) WITH a.id AS claimant, count(c) AS n RETURN claimant ORDER BY n DESC, claimant LIMIT 1 }
     CALL () { MATCH (s:Source)<-[:IN_SOURCE]-(c:Claim) WITH s.id AS source, count(c) AS n RETURN source ORDER BY n DESC, source LIMIT 1 }
     RETURN leaf, claimant, source`,
  );
  assert.ok(row, 'the seed holds a leaf, a claimant and a source');
  return {
    ...row,
    hub: 'islamic-state',
    pathFrom: 'islamic-state',
    pathTo: row.leaf,
    searchText: 'Bukhori',
    quoteText: 'Islamic',
    asOf: '2015-01',
    types: ['PLEDGED_ALLEGIANCE_TO', 'MEMBER_OF', 'OPERATES_IN'],
  };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const pageIds = async (page: Promise<{ items: { node: { id: string } }[] }>) => (await page).items.map((item) => item.node.id);
const neighbors = async (id: string, depth: number) => ids((await neighborhood(db, { id, depth })).nodes).sort();

/** What this project's graph functions answer for each question the peer can ask. */
const expected: Record<Exclude<OperationName, 'shortestPath'>, () => Promise<string[]>> = {
  actor: async () => ids((await relationshipsOfActors(db, [probes.hub], {}, 'BOTH', 50)).get(probes.hub) ?? []),
  search: async () => ids(await searchActors(db, { text: probes.searchText, limit: 10 })),
  neighborhood1Hub: () => neighbors(probes.hub, 1),
  neighborhood2Hub: () => neighbors(probes.hub, 2),
  neighborhood1Leaf: () => neighbors(probes.leaf, 1),
  neighborhood2Leaf: () => neighbors(probes.leaf, 2),
  // The API orders by the latest observation by the date, which the peer cannot: compare the
  // first 50 of every match by id.
  relationshipsAsOf: async () => (await pageIds(listRelationships(db, { asOf: probes.asOf, types: probes.types, first: 500 }))).sort().slice(0, 50),
  relationshipsClaimedBy: () => pageIds(listRelationships(db, { claimedBy: probes.claimant, first: 50 })),
  relationshipsSource: () => pageIds(listRelationships(db, { source: probes.source, first: 50 })),
  claimsAsOf: () => pageIds(listClaims(db, { asOf: probes.asOf, first: 50 })),
  claimsClaimedBy: () => pageIds(listClaims(db, { claimedBy: probes.claimant, first: 50 })),
  claimsSource: () => pageIds(listClaims(db, { source: probes.source, first: 50 })),
  contestedAbout: () => pageIds(listRelationships(db, { about: probes.hub, contested: true, first: 50 })),
  quoteSearch: () => pageIds(listClaims(db, { text: probes.quoteText, first: 50 })),
};

async function ask(request: { query: string; variables: Record<string, unknown> }): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(peer!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

describe('the @neo4j/graphql peer', () => {
  before(async () => {
    await seed(db);
    probes = await seedProbes(db);
    // Neo4j plans the peer's largest statements (the actor's 36 lists with their claims) for
    // seconds the first time: more than the API's 15 s query timeout on a busy machine.
    peer = await startPeer({ port: 0, env: { ...process.env, QUERY_TIMEOUT_MS: '120000' } });
  });
  after(async () => {
    await peer?.stop();
    await db.close();
  });

  it('runs as a process of its own', () => {
    assert.ok(peer && peer.pid !== process.pid);
    assert.match(peer.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('says why it cannot find a shortest path', () => {
    const request = peerRequest('shortestPath', probes);
    assert.ok('unsupported' in request && /path/.test(request.unsupported));
  });

  for (const op of operationNames.filter((name) => name !== 'shortestPath') as Exclude<OperationName, 'shortestPath'>[]) {
    it(`answers ${op} as the project's graph functions do`, async () => {
      const request = peerRequest(op, probes);
      assert.ok('query' in request, `${op} is supported`);
      const body = await ask(request);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const answer = peerAnswerIds(op, body.data);
      assert.ok(answer.length > 0, `${op} answers something`);
      assert.deepEqual(answer, await expected[op]());
    });
  }

  it('rejects with what the peer printed when it cannot start', async () => {
    await assert.rejects(startPeer({ port: 0, env: { ...process.env, NEO4J_BOLT_PORT: 'not-a-port', NEO4J_URI: '' } }), /NEO4J_BOLT_PORT/);
  });
});
