// What an analyst wrote is never lost nor misused, against the real Neo4j through the real API: a
// reset names rejected suggestions (and says the export does not carry them), a deleted actor's id
// is never given again, addClaim refuses a new actor it never names, mention judgements follow a
// merge (and its undo), a seed file's mention stays the loader's when a write matches it again,
// addFigure marks its actors' mentions, and a refusal names an actor rather than its id.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { refuseToDiscardApiWrites } from '../src/loader/write.ts';
import { contentHash, reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { editor: '', admin: '' };
const text = 'Zarafshon Watch says the IMU threatens Fergana, officials told ASIA-Plus on Monday. Fergana counts 10 militants.';
let source = '';

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = tokens.editor) => setup.app.graphql<T>(query, variables, token);
const ok = <T>(answer: GraphQLResponse<T>): T => {
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data!;
};

const addActor = async (name: string) =>
  ok(await gql<{ addActor: { id: string } }>('mutation($input: AddActorInput!) { addActor(input: $input) { id } }', { input: { name, kind: 'ORGANIZATION' } })).addActor.id;
const versionOf = async (id: string) => ok(await gql<{ actor: { version: number; aliases: string[] } }>('query($id: ID!) { actor(id: $id) { version aliases } }', { id })).actor;
const setAliases = async (id: string, aliases: string[]) =>
  ok(await gql('mutation($id: ID!, $v: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $v, patch: $patch) { id } }', { id, v: (await versionOf(id)).version, patch: { aliases } }));
const merge = async (keep: string, merged: string) => ok(await gql('mutation($keep: ID!, $merge: ID!) { mergeActors(keep: $keep, merge: $merge) { id } }', { keep, merge: merged }, tokens.admin));

/** The source's mentions: actor id → added texts and count. */
async function mentionsOf(id: string): Promise<Map<string, { count: number; added: string[] }>> {
  const data = ok(await gql<{ source: { mentions: { actor: { id: string }; count: number; added: string[] }[] } }>(
    'query($id: ID!) { source(id: $id) { mentions(first: 500) { actor { id } count added } } }',
    { id },
  ));
  return new Map(data.source.mentions.map((m) => [m.actor.id, m]));
}

const judgements = (actor: string) =>
  setup.db.read<{ source: string; rejected: string | null; added: string[] | null }>('MATCH (j:MentionJudgement {actor: $actor}) RETURN j.source AS source, j.rejected AS rejected, j.added AS added', { actor });

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  tokens.editor = await createToken(setup.db, `safety-editor-${stamp}`, 'editor');
  tokens.admin = await createToken(setup.db, `safety-admin-${stamp}`, 'admin');
  source = ok(await gql<{ addSource: { id: string } }>('mutation($input: AddSourceInput!) { addSource(input: $input) { id } }', { input: { title: 'Data safety test', published: '2016-05-02', text } })).addSource.id;
});
reseedAfterwards();

describe('what a write keeps', () => {
  it('a reset refuses while a rejected suggestion exists, and says the export does not carry it', async () => {
    const data = ok(await gql<{ source: { suggestions: { actors: { key: string }[]; claims: { key: string }[] } } }>('query($id: ID!) { source(id: $id) { suggestions { actors { key } claims { key } } } }', { id: source }));
    const key = [...data.source.suggestions.actors, ...data.source.suggestions.claims][0]?.key;
    assert.ok(key, 'the text suggests something');
    ok(await gql('mutation($source: ID!, $key: ID!) { rejectSuggestion(source: $source, key: $key) { id } }', { source, key }));
    await assert.rejects(refuseToDiscardApiWrites(setup.db, '--reset', false, '--discard-api-writes'), /1 rejected suggestions \(.*The export does not carry the .*rejected suggestions/);
  });

  it("never gives a deleted actor's id to another actor", async () => {
    const first = await addActor('Short-Lived Brigade');
    ok(await gql('mutation($id: ID!, $v: Int!) { deleteActor(id: $id, expectedVersion: $v) }', { id: first, v: (await versionOf(first)).version }));
    const second = await addActor('Short-Lived Brigade');
    assert.notEqual(second, first);
  });

  it('addClaim refuses a new actor that no field names, and writes nothing', async () => {
    const hash = await contentHash(setup.db);
    const answer = await gql('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', {
      input: {
        subject: 'islamic-movement-of-uzbekistan', type: 'THREATENS', object: 'fergana-valley', stance: 'ASSERTED', source, quotes: ['the IMU threatens Fergana'],
        newActors: [{ ref: 'new:1', name: 'Unused Front', kind: 'ORGANIZATION' }],
      },
    });
    const problems = answer.body.errors?.[0]?.extensions?.problems ?? [];
    assert.deepEqual(problems.map((p) => p.argumentName), ['input.newActors[0].ref'], JSON.stringify(answer.body));
    assert.equal(await contentHash(setup.db), hash);
  });

  it('addFigure marks the mentions of its actors as addClaim does', async () => {
    const input = { title: 'Figure mentions test', published: '2016-05-03', text: 'Fergana counts 10 militants, officials said.' };
    const own = ok(await gql<{ addSource: { id: string } }>('mutation($input: AddSourceInput!) { addSource(input: $input) { id } }', { input })).addSource.id;
    assert.ok(!(await mentionsOf(own)).has('fergana-valley'), '"Fergana" alone is not yet the valley');
    ok(await gql('mutation($input: AddFigureInput!) { addFigure(input: $input) { id } }', {
      input: { about: 'islamic-movement-of-uzbekistan', measure: 'militants', value: 10, unit: 'people', place: 'fergana-valley', stance: 'ASSERTED', source: own, quotes: ['Fergana counts 10 militants'] },
    }));
    assert.equal((await mentionsOf(own)).get('fergana-valley')?.count, 1);
  });

  it("keeps a seed file's mention the loader's when a rename matches it again", async () => {
    const seeded = 'rferl-2015-01-is-70-million';
    const origin = () => setup.db.read<{ origin: string | null; hash: string | null }>('MATCH (:Source {id: $s})-[m:MENTIONS]->(:Actor {id: $a}) RETURN m.origin AS origin, m.hash AS hash', { s: seeded, a: 'kadyr-malikov' });
    const [was] = await origin();
    assert.ok(was && was.origin !== 'api', JSON.stringify(was));
    await setAliases('kadyr-malikov', [...(await versionOf('kadyr-malikov')).aliases, 'Kadyr M.']);
    assert.deepEqual(await origin(), [was]);
  });
});

describe('mention judgements follow merges', () => {
  it('a rejection survives a merge, a new claim and a rename; added texts stay marked; an undo gives them back', async () => {
    const watch = await addActor('Zarafshon Watch');
    ok(await gql('mutation($s: ID!, $a: ID!, $r: String!) { rejectMention(source: $s, actor: $a, reason: $r) { id } }', { s: source, a: watch, r: 'a namesake' }));
    const kept = await addActor('Kept Monitor');
    await merge(kept, watch);
    ok(await gql('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', {
      input: { subject: kept, type: 'AFFILIATED_WITH', object: 'islamic-movement-of-uzbekistan', stance: 'ASSERTED', source, quotes: ['Zarafshon Watch says the IMU'] },
    }));
    await setAliases(kept, [...(await versionOf(kept)).aliases, 'KM']);
    assert.ok(!(await mentionsOf(source)).has(kept), 'the rejected mention came back under the kept actor');

    const relay = await addActor('Relay Desk');
    ok(await gql('mutation($s: ID!, $a: ID!, $t: String!) { addMention(source: $s, actor: $a, text: $t) { id } }', { s: source, a: relay, t: 'officials' }));
    const desk = await addActor('Desk Kept');
    await merge(desk, relay);
    await setAliases(desk, ['DK']);
    assert.deepEqual((await mentionsOf(source)).get(desk)?.added, ['officials'], 'the added text is lost');

    ok(await gql('mutation($m: ID!) { unmergeActors(merged: $m) { id } }', { m: watch }, tokens.admin));
    assert.deepEqual(await judgements(watch), [{ source, rejected: 'a namesake', added: [] }]);
    assert.deepEqual(await judgements(kept), []);
  });

  it('leaves the graph whole', async () => assert.deepEqual(await findViolations(setup.db), []));
});

describe('refusals name actors, not ids', () => {
  it("renaming onto another actor's name names that actor's kind, not its id", async () => {
    const a = await addActor('Alpha Refusal Org');
    const b = await addActor('Beta Refusal Org');
    const answer = await gql('mutation($id: ID!, $v: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $v, patch: $patch) { id } }', { id: a, v: (await versionOf(a)).version, patch: { name: 'Beta Refusal Org' } });
    const message = answer.body.errors?.[0]?.message ?? '';
    assert.match(message, /"Beta Refusal Org" is the name of another actor \(a \w+\)/);
    assert.ok(!message.includes(b), message);
  });
});
