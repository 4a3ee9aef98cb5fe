// Source.suggestions and rejectSuggestion over the real API and Neo4j: what a new source's text
// suggests (a known actor, a new colonel with his guessed kind and a close existing actor, a claim
// with its type, stance, claimant and a date read relative to publication), a suggestion made a
// claim or rejected leaves the list, a rejection survives a seed reload, and bad input changes nothing.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { contentHash, reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { reader: '', editor: '' };
const stamp = `${process.pid}-${Date.now()}`;
const allegiance = 'Colonel Gulmurod Halimov swore allegiance to Islamic State last month, according to Islam Karimov.';
const based = 'Katibat Imam Bukhari fighters are based in Syria.';
const article = [`Dispatch ${stamp}`, '', allegiance, based].join('\n');

before(async () => {
  tokens.reader = await createToken(setup.db, `reader-${stamp}`, 'reader');
  tokens.editor = await createToken(setup.db, `editor-${stamp}`, 'editor');
});
reseedAfterwards();

const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) => setup.app.graphql<T>(query, variables, token);

interface Ref { text: string; kind: string; actor: { id: string } | null }
interface ClaimSuggestion { key: string; subject: Ref; type: string; object: Ref; stance: string; claimedBy: Ref[]; since: string | null; dateText: string | null; quote: string; start: number; end: number; cue: string | null }
interface ActorSuggestion { key: string; text: string; start: number; end: number; actor: { id: string } | null; match: string; kind: string; candidates: { actor: { id: string }; match: string }[] }
interface Answer { source: { text: string; suggestions: { actors: ActorSuggestion[]; claims: ClaimSuggestion[] } } }

const suggestionsQuery = `query($id: ID!) { source(id: $id) { text suggestions {
  actors { key text start end actor { id } match kind candidates { actor { id } match } }
  claims { key subject { text kind actor { id } } type object { text kind actor { id } } stance claimedBy { text kind actor { id } } since dateText quote start end cue }
} } }`;
const reject = `mutation($source: ID!, $key: ID!) { rejectSuggestion(source: $source, key: $key) { id } }`;

async function suggestionsOf(id: string): Promise<Answer['source']> {
  const answer = await gql<Answer>(suggestionsQuery, { id });
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data!.source;
}

const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const claimOf = (source: Answer['source'], type: string) => source.suggestions.claims.find((c) => c.type === type);

let sourceId = '';

describe('a new source suggests', () => {
  before(async () => {
    const added = await gql<{ addSource: { id: string } }>(`mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`, { input: { title: `Dispatch ${stamp}`, published: '2015-05-28', text: article } }, tokens.editor);
    assert.equal(added.body.errors, undefined, JSON.stringify(added.body.errors));
    sourceId = added.body.data!.addSource.id;
  });

  it('the known actors it names, and a new name with its guessed kind and a close existing actor', async () => {
    const { text, suggestions } = await suggestionsOf(sourceId);
    const known = suggestions.actors.find((a) => a.actor?.id === 'islamic-state');
    assert.ok(known, JSON.stringify(suggestions.actors));
    assert.equal(text.slice(known.start, known.end), 'Islamic State');
    const colonel = suggestions.actors.find((a) => a.text === 'Gulmurod Halimov');
    assert.ok(colonel, JSON.stringify(suggestions.actors));
    assert.deepEqual([colonel.actor, colonel.match, colonel.kind], [null, 'NONE', 'PERSON']);
    assert.equal(text.slice(colonel.start, colonel.end), 'Gulmurod Halimov');
  });

  it('a claim from a cue of the vocabulary, attributed to its speaker, dated relative to publication', async () => {
    const { text, suggestions } = await suggestionsOf(sourceId);
    const claim = claimOf({ text, suggestions }, 'PLEDGED_ALLEGIANCE_TO');
    assert.ok(claim, JSON.stringify(suggestions.claims));
    assert.deepEqual([claim.subject.text, claim.subject.actor, claim.subject.kind], ['Gulmurod Halimov', null, 'PERSON']);
    assert.equal(claim.object.actor?.id, 'islamic-state');
    assert.equal(claim.stance, 'ATTRIBUTED');
    assert.deepEqual(claim.claimedBy.map((c) => c.actor?.id), ['islam-karimov']);
    assert.deepEqual([claim.since, claim.dateText, claim.cue], ['2015-04', 'last month', 'swore allegiance']);
    assert.equal(claim.quote, allegiance);
    assert.equal(text.slice(claim.start, claim.end), allegiance);
  });

  it('leaves out a suggestion once a claim on the source has its subject, type and object', async () => {
    const before = claimOf(await suggestionsOf(sourceId), 'OPERATES_IN');
    assert.ok(before, 'OPERATES_IN suggested from "based in"');
    assert.deepEqual([before.subject.actor?.id, before.object.actor?.id], ['katibat-imam-bukhari', 'syria']);
    const input = { subject: 'katibat-imam-bukhari', type: 'OPERATES_IN', object: 'syria', stance: 'ASSERTED', source: sourceId, quotes: [based] };
    const added = await gql(`mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }`, { input }, tokens.editor);
    assert.equal(added.body.errors, undefined, JSON.stringify(added.body.errors));
    assert.equal(claimOf(await suggestionsOf(sourceId), 'OPERATES_IN'), undefined);
  });

  it('no longer knows an actor whose mention in this source an editor rejected', async () => {
    const rejected = await gql(`mutation($source: ID!, $actor: ID!) { rejectMention(source: $source, actor: $actor, reason: "not the president here") { id } }`, { source: sourceId, actor: 'islam-karimov' }, tokens.editor);
    assert.equal(rejected.body.errors, undefined, JSON.stringify(rejected.body.errors));
    const after = await suggestionsOf(sourceId);
    assert.equal(after.suggestions.actors.find((a) => a.actor?.id === 'islam-karimov'), undefined, JSON.stringify(after.suggestions.actors));
    const claim = claimOf(after, 'PLEDGED_ALLEGIANCE_TO');
    assert.ok(claim, JSON.stringify(after.suggestions.claims));
    assert.ok(!claim.claimedBy.some((c) => c.actor?.id === 'islam-karimov'), JSON.stringify(claim.claimedBy));
  });
});

describe('the cost of suggestions', () => {
  it('counts each source\'s suggestions as apiLimits.suggestionsCost: a request asks them of a few sources at most', async () => {
    const few = await gql<{ sources: { suggestions: { claims: { key: string }[] } }[] }>(`{ sources(first: 4) { suggestions { claims { key } } } }`, {});
    assert.equal(few.body.errors, undefined, JSON.stringify(few.body.errors));
    assert.equal(few.body.data!.sources.length, 4);
    const many = await gql(`{ sources(first: 6) { suggestions { claims { key } } } }`, {});
    assert.equal(codeOf(many), 'QUERY_TOO_COSTLY', JSON.stringify(many.body));
  });
});

describe('rejectSuggestion', () => {
  it('refuses a reader and a key the source does not suggest, changing nothing', async () => {
    const key = claimOf(await suggestionsOf(sourceId), 'PLEDGED_ALLEGIANCE_TO')!.key;
    const before = await contentHash(setup.db);
    assert.equal(codeOf(await gql(reject, { source: sourceId, key }, tokens.reader)), 'FORBIDDEN');
    const wrong = await gql(reject, { source: sourceId, key: 'c-0' }, tokens.editor);
    assert.equal(codeOf(wrong), 'BAD_USER_INPUT', JSON.stringify(wrong.body));
    assert.match(wrong.body.errors![0]!.message, /^key: "c-0" is not a suggestion of this source/);
    const malformed = await gql(reject, { source: sourceId, key: 'c-0-LEADS-0-1' }, tokens.editor);
    assert.equal(codeOf(malformed), 'BAD_USER_INPUT', JSON.stringify(malformed.body));
    assert.match(malformed.body.errors![0]!.message, /^key: is not a suggestion key/);
    assert.equal(codeOf(await gql(reject, { source: 'no-such-source', key }, tokens.editor)), 'NOT_FOUND');
    assert.equal(await contentHash(setup.db), before);
  });

  it('removes it, records it in the history, and a seed reload does not bring it back', async () => {
    const colonel = (await suggestionsOf(sourceId)).suggestions.actors.find((a) => a.text === 'Gulmurod Halimov')!;
    const claim = claimOf(await suggestionsOf(sourceId), 'PLEDGED_ALLEGIANCE_TO')!;
    for (const key of [claim.key, colonel.key]) {
      const answer = await gql<{ rejectSuggestion: { id: string } }>(reject, { source: sourceId, key }, tokens.editor);
      assert.equal(answer.body.data?.rejectSuggestion.id, sourceId, JSON.stringify(answer.body));
    }
    const history = await gql<{ history: { action: string; after: string }[] }>(`query($id: ID!) { history(id: $id) { action after } }`, { id: sourceId });
    const rejections = history.body.data!.history.filter((change) => change.action === 'REJECT_SUGGESTION');
    assert.deepEqual(rejections.map((change) => JSON.parse(change.after).key).sort(), [claim.key, colonel.key].sort());
    await seed(setup.db);
    const after = await suggestionsOf(sourceId);
    assert.equal(claimOf(after, 'PLEDGED_ALLEGIANCE_TO'), undefined);
    assert.equal(after.suggestions.actors.find((a) => a.text === 'Gulmurod Halimov'), undefined);
    assert.ok(after.suggestions.actors.some((a) => a.actor?.id === 'islamic-state'), 'the others stay');
  });

  it('keys on what a suggestion says: a rejection survives an alias that moves the subject\'s span', async () => {
    const claim = (await suggestionsOf(sourceId)).suggestions.claims.find((c) => c.cue === 'swore allegiance');
    assert.equal(claim, undefined, 'rejected above');
    const added = await gql<{ addActor: { id: string; version: number } }>(`mutation($input: AddActorInput!) { addActor(input: $input) { id version } }`, { input: { name: `Gulmurod Khalimov ${stamp}`, kind: 'PERSON' } }, tokens.editor);
    assert.equal(added.body.errors, undefined, JSON.stringify(added.body.errors));
    const { id, version } = added.body.data!.addActor;
    const patch = { aliases: ['Halimov'] };
    const updated = await gql(`mutation($id: ID!, $version: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $version, patch: $patch) { id } }`, { id, version, patch }, tokens.editor);
    assert.equal(updated.body.errors, undefined, JSON.stringify(updated.body.errors));
    const { suggestions } = await suggestionsOf(sourceId);
    const known = suggestions.actors.find((a) => a.actor?.id === id);
    assert.ok(known, `the alias now names the colonel: ${JSON.stringify(suggestions.actors)}`);
    assert.equal(known.text, 'Halimov', 'the span moved');
    assert.equal(suggestions.claims.find((c) => c.cue === 'swore allegiance'), undefined, JSON.stringify(suggestions.claims));
    assert.ok(suggestions.claims.every((c) => /^c-[0-9a-z]{2,14}$/.test(c.key)), 'keys are short');
    const other = await gql<{ addSource: { id: string } }>(`mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`, { input: { title: `Copy ${stamp}`, published: '2015-05-28', text: article.replace('Dispatch', 'Copy') } }, tokens.editor);
    assert.equal(other.body.errors, undefined, JSON.stringify(other.body.errors));
    assert.notEqual(other.body.data!.addSource.id, sourceId);
    const fresh = (await suggestionsOf(other.body.data!.addSource.id)).suggestions.claims.find((c) => c.cue === 'swore allegiance');
    assert.equal(fresh?.subject.actor?.id, id, 'the same text in a source without the rejection still suggests it');
  });
});
