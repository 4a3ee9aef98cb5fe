// Offices that end, against the real Neo4j on the seed: Kazakhstan's National Security Committee
// had two chairmen in the sources (Abykaev, reported 2015-01; Zhumakanov, reported 2016-07), and
// asOf gives one at each date; the earlier tenure's end is derived, with its reason, apart from
// `until`; an undated tie holds from when it was first reported; an API write that adds a later
// chairman ends the predecessor's tenure, its retraction restores it, and a deputy ends nobody's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { loadSeed } from '../src/loader/load.ts';
import { config, reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const setup = seededApp();
let editor = '';

before(async () => {
  await seed(setup.db, true);
  editor = await createToken(setup.db, `succession-editor-${process.pid}-${Date.now()}`, 'editor');
});
reseedAfterwards();

const knb = 'kazakhstan-national-security-committee';
const abykaev = 'nurtai-abykaev--leads--kazakhstan-national-security-committee--chairman';
const zhumakanov = 'vladimir-zhumakanov--leads--kazakhstan-national-security-committee--chairman';

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const answer = await setup.app.graphql<T>(query, variables, token);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data!;
}

/** The holders of a LEADS role of the committee at a date: the question of docs/queries.md. */
async function holders(asOf: string | null, role = 'chairman', knownAsOf: string | null = null): Promise<string[]> {
  const data = await gql<{ actor: { relationships: { role: string; from: { id: string } }[] } }>(
    `query($id: ID!, $asOf: String, $knownAsOf: String) { actor(id: $id) { relationships(types: [LEADS], direction: IN, asOf: $asOf, knownAsOf: $knownAsOf) { role from { id } } } }`,
    { id: knb, asOf, knownAsOf },
  );
  return data.actor.relationships.filter((r) => r.role === role).map((r) => r.from.id).sort();
}

interface Ended {
  until: string | null;
  endedBySuccession: { before: string; reason: string; successor: { id: string; name: string }; successorRelationship: { id: string } } | null;
}

async function tenure(id: string): Promise<Ended> {
  const data = await gql<{ relationships: { edges: { node: Ended & { id: string } }[] } }>(
    `{ relationships(types: [LEADS], first: 500) { edges { node { id until endedBySuccession { before reason successor { id name } successorRelationship { id } } } } } }`,
  );
  const found = data.relationships.edges.find((edge) => edge.node.id === id);
  assert.ok(found, `relationship ${id}`);
  return { until: found.node.until, endedBySuccession: found.node.endedBySuccession };
}

describe('who chaired the KNB', () => {
  it('in January 2015: Abykaev alone; in July 2016: Zhumakanov alone; before either was reported: nobody', async () => {
    assert.deepEqual(await holders('2015-01'), ['nurtai-abykaev']);
    assert.deepEqual(await holders('2016-07'), ['vladimir-zhumakanov']);
    assert.deepEqual(await holders('2014-12'), [], 'an undated tenure holds from its first report, not from the beginning of time');
    assert.deepEqual(await holders(null), ['nurtai-abykaev', 'vladimir-zhumakanov'], 'for all time, both');
  });

  it("gives Abykaev's tenure a derived end with its reason, apart from the sources' until", async () => {
    const ended = await tenure(abykaev);
    assert.equal(ended.until, null, 'no source states when his tenure ended');
    assert.deepEqual(ended.endedBySuccession, {
      before: '2016-07',
      reason: "derived, not a source's statement: succeeded as chairman by Vladimir Zhumakanov, first reported in office 2016-07 (The Diplomat); one chairman at a time",
      successor: { id: 'vladimir-zhumakanov', name: 'Vladimir Zhumakanov' },
      successorRelationship: { id: zhumakanov },
    });
    assert.deepEqual(await tenure(zhumakanov), { until: null, endedBySuccession: null }, 'nobody later is reported in office');
  });

  it('as known on a day before the Diplomat (July 2016) was surely out, Abykaev still chairs in July 2016; once it was, Zhumakanov alone', async () => {
    assert.deepEqual(await holders('2016-07', 'chairman', '2016-07-15'), ['nurtai-abykaev'], 'a successor not known yet ends nobody');
    assert.deepEqual(await holders('2016-07', 'chairman', '2016-07'), ['vladimir-zhumakanov']);
  });
});

describe('an undated tie', () => {
  it('is absent, with its claims, as of a date before its source was published', async () => {
    const claim = 'nurtai-abykaev--leads--kazakhstan-national-security-committee--rferl-2015-01';
    const claims = async (asOf: string) =>
      (await gql<{ claims: { edges: { node: { id: string } }[] } }>(`query($asOf: String) { claims(about: "nurtai-abykaev", asOf: $asOf, first: 500) { edges { node { id } } } }`, { asOf })).claims.edges.map((e) => e.node.id);
    assert.ok((await claims('2015-01')).includes(claim));
    assert.ok(!(await claims('2014-12')).includes(claim), 'reported in 2015-01, so not held in 2014-12');
  });
});

describe('a write that adds a holder', () => {
  const text = [
    'Marat Testbaev, the deputy chairman of the National Security Committee, spoke first.',
    'Askar Testov, the new chairman of the National Security Committee, answered questions.',
  ].join('\n');
  let source = '';
  const actors: Record<string, string> = {};
  const addClaim = `mutation($input: AddClaimInput!) { addClaim(input: $input) { id relationship { id } } }`;
  const claim = (subject: string, role: string, quote: string) => ({ subject, type: 'LEADS', object: knb, role, stance: 'ASSERTED', source, quotes: [quote] });

  before(async () => {
    const added = await gql<{ addSource: { id: string } }>(
      `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`,
      { input: { title: 'A later report', publisher: 'Test Wire', published: '2017-03', text } },
      editor,
    );
    source = added.addSource.id;
    for (const name of ['Marat Testbaev', 'Askar Testov']) {
      actors[name] = (await gql<{ addActor: { id: string } }>(`mutation($input: AddActorInput!) { addActor(input: $input) { id } }`, { input: { name, kind: 'PERSON' } }, editor)).addActor.id;
    }
  });

  it('a deputy chairman ends no chairman', async () => {
    await gql(addClaim, { input: claim(actors['Marat Testbaev']!, 'deputy chairman', 'Marat Testbaev, the deputy chairman of the National Security Committee') }, editor);
    assert.equal((await tenure(zhumakanov)).endedBySuccession, null);
    assert.deepEqual(await holders('2017-03'), ['vladimir-zhumakanov']);
    assert.deepEqual(await holders('2017-03', 'deputy chairman'), [actors['Marat Testbaev']]);
  });

  it("a later chairman ends the predecessor's tenure, and retracting the claim restores it", async () => {
    const added = await gql<{ addClaim: { id: string; relationship: { id: string } } }>(
      addClaim,
      { input: claim(actors['Askar Testov']!, 'chairman', 'Askar Testov, the new chairman of the National Security Committee') },
      editor,
    );
    const ended = (await tenure(zhumakanov)).endedBySuccession;
    assert.equal(ended?.before, '2017-03');
    assert.equal(ended?.successor.id, actors['Askar Testov']);
    assert.match(ended?.reason ?? '', /succeeded as chairman by Askar Testov, first reported in office 2017-03 \(Test Wire\)/);
    assert.equal((await tenure(abykaev)).endedBySuccession?.successor.id, 'vladimir-zhumakanov', 'each tenure is ended by the next holder');
    assert.deepEqual(await holders('2017-03'), [actors['Askar Testov']]);
    assert.deepEqual(await holders('2016-07'), ['vladimir-zhumakanov']);

    await gql(`mutation($id: ID!) { retractClaim(id: $id, reason: "test: not so") { id } }`, { id: added.addClaim.id }, editor);
    assert.equal((await tenure(zhumakanov)).endedBySuccession, null, 'a retracted holder ends nobody');
    assert.deepEqual(await holders('2017-03'), ['vladimir-zhumakanov']);
  });

  it("names a successor renamed since in the predecessor's reason, and keeps the graph as its claims derive it", async () => {
    const rename = `mutation($id: ID!, $v: Int!, $name: String!) { updateActor(id: $id, expectedVersion: $v, patch: {name: $name}) { version } }`;
    const { updateActor } = await gql<{ updateActor: { version: number } }>(rename, { id: 'vladimir-zhumakanov', v: 1, name: 'Vladimir Zhumakanov (renamed)' }, editor);
    assert.match((await tenure(abykaev)).endedBySuccession?.reason ?? '', /succeeded as chairman by Vladimir Zhumakanov \(renamed\),/);
    await gql(rename, { id: 'vladimir-zhumakanov', v: updateActor.version, name: 'Vladimir Zhumakanov' }, editor);
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it("names a successor renamed in the seed files in the predecessor's reason once they are loaded again", async () => {
    await seed(setup.db, true); // the seed's own actor again, not the one the API renamed above (which a load keeps)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'succession-seed-'));
    const [dataDir, sourcesDir] = [path.join(dir, 'data'), path.join(dir, 'sources')];
    fs.cpSync(path.join(projectRoot, 'seed', 'data'), dataDir, { recursive: true });
    fs.cpSync(path.join(projectRoot, 'seed', 'sources'), sourcesDir, { recursive: true });
    const file = path.join(dataDir, 'diplomat-2016-07-ready-to-face-isis.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const [was, now] = ['name: Vladimir Zhumakanov\n    aliases: [', 'name: Vladimir Zhumakanov (seed rename)\n    aliases: [Vladimir Zhumakanov, '];
    assert.ok(text.includes(was));
    fs.writeFileSync(file, text.replace(was, now));
    await loadSeed(setup.db, { dataDir, sourcesDir, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
    assert.match((await tenure(abykaev)).endedBySuccession?.reason ?? '', /succeeded as chairman by Vladimir Zhumakanov \(seed rename\),/);
    assert.deepEqual(await findViolations(setup.db), []);
    await seed(setup.db, true);
  });
});
