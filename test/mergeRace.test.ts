// Merges racing claims, against the real Neo4j through the API: one mergeActors while six
// editors add claims naming the actor merged, and merges undone and redone under eight editors.
// Every acknowledged claim must keep its subject, object and source and answer claim(id), no
// write may fail with an internal error (deadlocks are retried), and every invariant holds.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { claimIsWhole, findViolations } from '../src/graph/invariants.ts';
import { reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { editor: '', admin: '' };
let sourceId = '';

const article = 'The Merge Race Cells met in Osh. Officials said the cells cooperate with the Taliban and with Islamic State.';
const quote = 'the cells cooperate with the Taliban';
const objects = ['taliban', 'islamic-state', 'islamic-movement-of-uzbekistan', 'katibat-imam-bukhari'];

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  tokens.editor = await createToken(setup.db, `race-editor-${stamp}`, 'editor');
  tokens.admin = await createToken(setup.db, `race-admin-${stamp}`, 'admin');
  const answer = await setup.app.graphql<{ addSource: { id: string } }>(
    'mutation($input: AddSourceInput!) { addSource(input: $input) { id } }',
    { input: { title: 'Merge race', publisher: 'Race Wire', published: '2017-03', text: article } },
    tokens.editor,
  );
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  sourceId = answer.body.data!.addSource.id;
});
reseedAfterwards();

/** What the writes answered: the claims acknowledged, and every error by its code. */
interface Tally {
  claims: string[];
  errors: Map<string, number>;
}

const newTally = (): Tally => ({ claims: [], errors: new Map() });

function count<T>(tally: Tally, answer: GraphQLResponse<T>): T | undefined {
  for (const error of answer.body.errors ?? []) {
    const code = error.extensions?.code ?? 'NO_CODE';
    tally.errors.set(code, (tally.errors.get(code) ?? 0) + 1);
  }
  return answer.body.data ?? undefined;
}

async function addActor(name: string): Promise<string> {
  const answer = await setup.app.graphql<{ addActor: { id: string } }>(`mutation($name: String!) { addActor(input: {name: $name, kind: GROUP}) { id } }`, { name }, tokens.editor);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data!.addActor.id;
}

async function addClaim(tally: Tally, subject: string, object: string): Promise<void> {
  const input = { subject, type: 'COOPERATES_WITH', object, stance: 'ASSERTED', source: sourceId, quotes: [quote] };
  const data = count(tally, await setup.app.graphql<{ addClaim: { id: string } }>('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', { input }, tokens.editor));
  if (data?.addClaim) tally.claims.push(data.addClaim.id);
}

async function merge(tally: Tally, keep: string, gone: string): Promise<void> {
  count(tally, await setup.app.graphql('mutation($keep: ID!, $merge: ID!) { mergeActors(keep: $keep, merge: $merge) { id } }', { keep, merge: gone }, tokens.admin));
}

async function unmerge(tally: Tally, gone: string): Promise<void> {
  count(tally, await setup.app.graphql('mutation($merged: ID!) { unmergeActors(merged: $merged) { id } }', { merged: gone }, tokens.admin));
}

/** The acknowledged claims stored without one subject, object or source, or whose claim(id) answers an error. */
async function brokenClaims(ids: string[]): Promise<string[]> {
  const rows = await setup.db.read<{ id: string }>(
    `UNWIND $ids AS id OPTIONAL MATCH (c:Claim {id: id})
     WITH id, c WHERE c IS NULL OR NOT (${claimIsWhole})
     RETURN id`,
    { ids },
  );
  const broken = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 25) {
    const chunk = ids.slice(i, i + 25);
    const query = `{ ${chunk.map((id, n) => `c${n}: claim(id: ${JSON.stringify(id)}) { id subject { id } object { id } source { id } relationship { id } }`).join(' ')} }`;
    const answer = await setup.app.graphql<Record<string, { id: string } | null>>(query);
    // A claim whose fields fail answers null (claim is nullable), with an error.
    for (const [n, id] of chunk.entries()) if (!answer.body.data?.[`c${n}`]) broken.push(id);
  }
  return [...new Set(broken)];
}

async function assertWhole(what: string, tally: Tally): Promise<void> {
  const broken = await brokenClaims(tally.claims);
  const violations = await findViolations(setup.db);
  const errors = Object.fromEntries(tally.errors);
  console.log(`${what}: ${tally.claims.length} claims acknowledged, ${broken.length} broken, errors ${JSON.stringify(errors)}, ${violations.length} violations`);
  assert.deepEqual(errors, {}, 'no write fails');
  assert.deepEqual(broken, [], 'every acknowledged claim has its subject, object and source');
  assert.deepEqual(violations, []);
}

/** The loop runs until this many claims, or so many rounds or seconds (a slow machine races fewer). */
const loopClaims = 1_000;
const maxLoopRounds = 200;
const loopSeconds = 180;

describe('a merge racing claims that name the actor merged', () => {
  it('one mergeActors against six editors, ten times: every acknowledged claim is whole and every invariant holds', async () => {
    const tally = newTally();
    for (let trial = 1; trial <= 10; trial++) {
      const keep = await addActor(`Merge Race Kept ${trial}`);
      const gone = await addActor(`Merge Race Gone ${trial}`);
      const editor = async (n: number) => {
        for (let k = 0; k < 3; k++) await addClaim(tally, gone, objects[(n + k) % objects.length]!);
      };
      await Promise.all([merge(tally, keep, gone), ...[0, 1, 2, 3, 4, 5].map(editor)]);
    }
    assert.equal(tally.claims.length, 10 * 6 * 3);
    await assertWhole('one merge, six editors, ten times', tally);
  });

  it('merges undone and redone under eight editors until 1,000 claims: every acknowledged claim is whole and every invariant holds', async () => {
    const tally = newTally();
    const keep = await addActor('Merge Loop Kept');
    const gone = await addActor('Merge Loop Gone');
    let merging = true;
    const admin = async () => {
      // The issue's scale: 45 of 1,027 acknowledged claims were broken (bounded by rounds too).
      const until = Date.now() + loopSeconds * 1000;
      for (let round = 0; round < maxLoopRounds && tally.claims.length < loopClaims && Date.now() < until; round++) {
        await merge(tally, keep, gone);
        await unmerge(tally, gone);
      }
      merging = false;
    };
    const editor = async (n: number) => {
      for (let k = 0; merging; k++) await addClaim(tally, k % 3 === 0 ? keep : gone, objects[(n + k) % objects.length]!);
    };
    await Promise.all([admin(), ...[0, 1, 2, 3, 4, 5, 6, 7].map(editor)]);
    assert.ok(tally.claims.length >= loopClaims / 10, `only ${tally.claims.length} claims raced the merges`);
    await assertWhole('merge/unmerge loop, eight editors', tally);
  });
});
