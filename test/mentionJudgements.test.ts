// An editor's judgements of mentions, against the real Neo4j through the real API: rejectMention
// and addMention, audited, remembered across a reload of the seed files, a rename of the actor and
// a new claim; the matching rules of src/domain/mentions.ts on a source added through the API.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { apiWrites } from '../src/loader/write.ts';
import { contentHash, reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { reader: '', editor: '' };

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  tokens.reader = await createToken(setup.db, `reader-${stamp}`, 'reader');
  tokens.editor = await createToken(setup.db, `mention-editor-${stamp}`, 'editor');
});
reseedAfterwards();

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = tokens.editor) => setup.app.graphql<T>(query, variables, token);
const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const argumentOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.argumentName;

interface Mentioned { actor: { id: string }; count: number; origin: string; spans: { start: number; end: number }[]; added: string[] }
const mentionFields = 'mentions(first: 500) { actor { id } count origin spans { start end } added }';

async function mentionsOf(source: string): Promise<Map<string, Mentioned>> {
  const answer = await gql<{ source: { mentions: Mentioned[] } }>(`query($id: ID!) { source(id: $id) { ${mentionFields} } }`, { id: source });
  return new Map(answer.body.data!.source.mentions.map((m) => [m.actor.id, m]));
}

const reject = `mutation($source: ID!, $actor: ID!, $reason: String!) { rejectMention(source: $source, actor: $actor, reason: $reason) { id ${mentionFields} } }`;
const add = `mutation($source: ID!, $actor: ID!, $text: String!) { addMention(source: $source, actor: $actor, text: $text) { id ${mentionFields} } }`;

async function rename(actor: string, patch: Record<string, unknown>): Promise<void> {
  const read = await gql<{ actor: { version: number } }>('query($id: ID!) { actor(id: $id) { version } }', { id: actor });
  const answer = await gql('mutation($id: ID!, $v: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $v, patch: $patch) { id } }', {
    id: actor,
    v: read.body.data!.actor.version,
    patch,
  });
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
}

const seeded = 'rferl-2015-01-is-70-million';

describe('rejectMention', () => {
  it('refuses a reader, a blank reason, an unknown actor and an actor the source does not mention, and writes nothing', async () => {
    const before = await contentHash(setup.db);
    assert.equal(codeOf(await gql(reject, { source: seeded, actor: 'kadyr-malikov', reason: 'wrong' }, tokens.reader)), 'FORBIDDEN');
    const blank = await gql(reject, { source: seeded, actor: 'kadyr-malikov', reason: '  ' });
    assert.deepEqual([codeOf(blank), argumentOf(blank)], ['BAD_USER_INPUT', 'reason']);
    const unknown = await gql(reject, { source: seeded, actor: 'no-such-actor', reason: 'wrong' });
    assert.deepEqual([codeOf(unknown), argumentOf(unknown)], ['NOT_FOUND', 'actor']);
    const absent = await gql(reject, { source: seeded, actor: 'asia-plus', reason: 'wrong' });
    assert.deepEqual([codeOf(absent), argumentOf(absent)], ['BAD_USER_INPUT', 'actor'], JSON.stringify(absent.body));
    assert.equal(await contentHash(setup.db), before);
  });

  it('removes the mention, records who and why, and keeps it away across a reload of the seed and a rename', async () => {
    assert.ok((await mentionsOf(seeded)).has('kadyr-malikov'), 'the seed mentions him');
    const answer = await gql<{ rejectMention: { id: string; mentions: Mentioned[] } }>(reject, { source: seeded, actor: 'kadyr-malikov', reason: 'a namesake' });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.ok(!answer.body.data!.rejectMention.mentions.some((m) => m.actor.id === 'kadyr-malikov'));

    const history = await gql<{ history: { action: string; after: string; by: string }[] }>('query($id: ID!) { history(id: $id) { action after by } }', { id: seeded });
    const entry = history.body.data!.history.find((c) => c.action === 'REJECT_MENTION');
    assert.ok(entry, JSON.stringify(history.body));
    assert.deepEqual(JSON.parse(entry.after), { actor: 'kadyr-malikov', rejected: 'a namesake' });
    assert.match(entry.by, /^mention-editor-/);

    const report = await seed(setup.db);
    assert.ok(!(await mentionsOf(seeded)).has('kadyr-malikov'), `a reload brings it back: ${JSON.stringify(report.report.mentions)}`);
    await rename('kadyr-malikov', { aliases: ['Malikov', 'Kadir Malikov', 'K. Malikov'] });
    assert.ok(!(await mentionsOf(seeded)).has('kadyr-malikov'), 'a rename brings it back');
    assert.ok((await apiWrites(setup.db)).kinds.some((k) => k.kind === 'judgements of mentions'), 'a reset would name the judgement it loses');
  });
});

describe('matching a source added through the API', () => {
  const text = 'The IMU threatens Fergana, officials told ASIA-Plus on Monday.\nSource: Fergana';
  let source = '';

  before(async () => {
    const answer = await gql<{ addSource: { id: string } }>('mutation($input: AddSourceInput!) { addSource(input: $input) { id } }', {
      input: { title: 'Mentions test', published: '2016-05-02', text },
    });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    source = answer.body.data!.addSource.id;
  });

  it('marks "ASIA-Plus" as Asia-Plus, and not "Fergana" alone as the Fergana Valley', async () => {
    const mentions = await mentionsOf(source);
    assert.deepEqual(mentions.get('asia-plus')?.spans, [{ start: text.indexOf('ASIA-Plus'), end: text.indexOf('ASIA-Plus') + 'ASIA-Plus'.length }]);
    assert.equal(mentions.get('asia-plus')?.origin, 'API');
    assert.ok(!mentions.has('fergana-valley'), JSON.stringify([...mentions.keys()]));
  });

  it('marks "Fergana" as the Fergana Valley once a claim on the source names it', async () => {
    const answer = await gql('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', {
      input: { subject: 'islamic-movement-of-uzbekistan', type: 'THREATENS', object: 'fergana-valley', stance: 'ASSERTED', source, quotes: ['The IMU threatens Fergana'] },
    });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal((await mentionsOf(source)).get('fergana-valley')?.count, 2);
  });

  it('lets an editor add a mention by a text no name matches, kept across a reload and a rename', async () => {
    const missing = await gql(add, { source, actor: 'kadyr-malikov', text: 'Gulmurjd' });
    assert.deepEqual([codeOf(missing), argumentOf(missing)], ['BAD_USER_INPUT', 'text']);
    const answer = await gql<{ addMention: { mentions: Mentioned[] } }>(add, { source, actor: 'islamic-movement-of-uzbekistan', text: 'officials' });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const at = text.indexOf('officials');
    const imu = answer.body.data!.addMention.mentions.find((m) => m.actor.id === 'islamic-movement-of-uzbekistan');
    assert.deepEqual(imu?.spans, [{ start: 4, end: 7 }, { start: at, end: at + 'officials'.length }]);
    assert.deepEqual(imu?.added, ['officials']);

    await seed(setup.db);
    await rename('islamic-movement-of-uzbekistan', { description: 'renamed in a test', aliases: ['IMU', 'IDU', 'Islamic Movement of Turkestan'] });
    const after = (await mentionsOf(source)).get('islamic-movement-of-uzbekistan');
    assert.deepEqual(after?.spans, imu?.spans, 'the added mention stays');
    assert.deepEqual(after?.added, ['officials']);
  });

  it('keeps a rejected mention away when a later claim names the actor, until an editor adds it again', async () => {
    assert.equal(codeOf(await gql(reject, { source, actor: 'asia-plus', reason: 'the agency only relays' })), undefined);
    const claim = await gql('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', {
      input: { subject: 'asia-plus', type: 'AFFILIATED_WITH', object: 'islamic-movement-of-uzbekistan', stance: 'ASSERTED', source, quotes: ['officials told ASIA-Plus'] },
    });
    assert.equal(claim.body.errors, undefined, JSON.stringify(claim.body.errors));
    assert.ok(!(await mentionsOf(source)).has('asia-plus'));
    assert.equal(codeOf(await gql(add, { source, actor: 'asia-plus', text: 'ASIA-Plus' })), undefined);
    assert.equal((await mentionsOf(source)).get('asia-plus')?.count, 1);
  });

  it('leaves the graph whole: every change-log entry names its source', async () => {
    assert.deepEqual(await findViolations(setup.db), []);
  });
});
