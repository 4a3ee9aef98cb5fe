// Analysts' writes through GraphQL, against the real Neo4j: who may write, the loader's own
// checks on every claim, optimistic concurrency, retraction, merges, the change log, and the
// loader leaving what the API wrote alone. Every refused write is shown to change nothing by
// a content hash of the whole database taken before and after.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadSeed } from '../src/loader/load.ts';
import { loadConfig, projectRoot } from '../src/config.ts';
import { createToken, revokeToken } from '../src/auth/tokens.ts';
import { ConcurrentChangeError } from '../src/errors.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { commitFailure, CommitOutcomeUnknownError } from '../src/neo4j/database.ts';
import { formatError } from '../src/api/errors.ts';
import { config, contentHash, reseedAfterwards, seed, seededApp, startTestApp, testApiSettings, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
const tokens: Record<'reader' | 'editor' | 'editor2' | 'admin' | 'revoked', string> = { reader: '', editor: '', editor2: '', admin: '', revoked: '' };
const names: Record<string, string> = {};

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  for (const [key, role] of [['reader', 'reader'], ['editor', 'editor'], ['editor2', 'editor'], ['admin', 'admin'], ['revoked', 'editor']] as const) {
    names[key] = `${key}-${stamp}`;
    tokens[key] = await createToken(setup.db, names[key]!, role);
  }
  await revokeToken(setup.db, names.revoked!);
});
reseedAfterwards();

const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) => setup.app.graphql<T>(query, variables, token);

function codeOf(response: GraphQLResponse<unknown>): string | undefined {
  return response.body.errors?.[0]?.extensions?.code;
}

const article = [
  'Analysts in Bishkek said on Monday that the Islamic Movement of Uzbekistan has sworn allegiance to Islamic State.',
  'The claim could not be confirmed.  Katibat Imam Bukhari, they said, remains loyal to the Taliban.',
].join('\n');

const addSource = `mutation($input: AddSourceInput!) { addSource(input: $input) { id title published publishedPrecision via language accessed textHash origin text mentions { actor { id } count } } }`;
const addClaim = `mutation($input: AddClaimInput!) { addClaim(input: $input) { id version origin stance quotes relationship { id status claimCount } evidence { quote start end } claimedBy { id name } disputedBy { id name } } }`;
const claimInput = (source: string) => ({
  subject: 'islamic-movement-of-uzbekistan',
  type: 'PLEDGED_ALLEGIANCE_TO',
  object: 'islamic-state',
  stance: 'ATTRIBUTED',
  claimedBy: ['analysts-in-bishkek'],
  source,
  quotes: ['the Islamic Movement of Uzbekistan has sworn allegiance to Islamic State'],
});

interface SourceResult { addSource: { id: string; text: string; textHash: string; origin: string; publishedPrecision: string; via: string | null; language: string | null; accessed: string | null; mentions: { actor: { id: string }; count: number }[] } }
interface ClaimResult {
  addClaim: {
    id: string; version: number; origin: string; quotes: string[]; relationship: { id: string; status: string; claimCount: number }; evidence: { quote: string; start: number; end: number }[];
    claimedBy: { id: string; name: string }[]; disputedBy: { id: string; name: string }[];
  };
}
interface Problem { argumentName: string; path: string; message: string; quote?: { matched: string; quoteOffset: number; textOffset: number; differsAt: number; quoteHas: string; textHas: string | null } }
const problemsOf = (response: GraphQLResponse<unknown>) => (response.body.errors?.[0]?.extensions?.problems ?? []) as Problem[];

let sourceId = '';
let claimId = '';

describe('who may write', () => {
  const refusals: [string, string | undefined, string][] = [
    ['without a token', undefined, 'UNAUTHENTICATED'],
    ["with a reader's token", 'reader', 'FORBIDDEN'],
  ];
  for (const [what, who, code] of refusals) {
    it(`refuses every write ${what} (${code}) and changes nothing`, async () => {
      const before = await contentHash(setup.db);
      const token = who ? tokens[who as keyof typeof tokens] : undefined;
      const answers = [
        await gql(addSource, { input: { title: 'T', published: '2016', text: article } }, token),
        await gql(addClaim, { input: claimInput('rferl-2015-01-is-70-million') }, token),
        await gql(`mutation { addActor(input: {name: "Someone", kind: PERSON}) { id } }`, {}, token),
        await gql(`mutation { retractClaim(id: "islam-karimov--leads--uzbekistan--rferl-2015-04", reason: "r") { id } }`, {}, token),
        await gql(`mutation { mergeActors(keep: "islamic-state", merge: "daesh") { id } }`, {}, token),
      ];
      for (const answer of answers) assert.equal(codeOf(answer), code, JSON.stringify(answer.body));
      assert.equal(await contentHash(setup.db), before);
    });
  }

  it('refuses a revoked token with 401 UNAUTHENTICATED and changes nothing', async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(addSource, { input: { title: 'T', published: '2016', text: article } }, tokens.revoked);
    assert.equal(answer.status, 401);
    assert.equal(codeOf(answer), 'UNAUTHENTICATED');
    assert.equal(await contentHash(setup.db), before);
  });

  it("refuses an editor's merge (admins merge) and changes nothing", async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(`mutation { mergeActors(keep: "islamic-state", merge: "taliban") { id } }`, {}, tokens.editor);
    assert.equal(codeOf(answer), 'FORBIDDEN');
    assert.match(answer.body.errors![0]!.message, /needs role admin/);
    assert.equal(await contentHash(setup.db), before);
  });

  it('answers viewer with the token holder', async () => {
    const answer = await gql<{ viewer: { name: string; role: string } | null }>('{ viewer { name role } }', {}, tokens.editor);
    assert.deepEqual(answer.body.data?.viewer, { name: names.editor, role: 'editor' });
    assert.equal((await gql<{ viewer: null }>('{ viewer { name } }', {})).body.data?.viewer, null);
  });
});

describe('addSource', () => {
  it('stores the text byte for byte with its hash, via, language and access date, finds the known actors it mentions, and logs who added it', async () => {
    const input = { title: 'IMU pledge reported', publisher: 'Test Wire', published: '2016-08', via: 'Fergana', language: 'en', accessed: '2016-08-30', text: article };
    const answer = await gql<SourceResult>(addSource, { input }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const source = answer.body.data!.addSource;
    sourceId = source.id;
    assert.equal(source.id, '2016-08-imu-pledge-reported', 'short, from date and title, never the publisher');
    assert.deepEqual([source.via, source.language, source.accessed], ['Fergana', 'en', '2016-08-30']);
    assert.equal(source.text, article);
    assert.equal(source.origin, 'API');
    assert.equal(source.publishedPrecision, 'month');
    assert.match(source.textHash, /^[0-9a-f]{64}$/);
    const mentioned = source.mentions.map((m) => m.actor.id);
    for (const id of ['islamic-movement-of-uzbekistan', 'islamic-state', 'katibat-imam-bukhari', 'taliban']) assert.ok(mentioned.includes(id), `${id} in ${mentioned}`);
    assert.ok(!mentioned.includes('uzbekistan'), '"Islamic Movement of Uzbekistan" is one mention, of the IMU');
    const history = await gql<{ history: { by: string; action: string; target: string; before: string | null; after: string }[] }>(
      'query($id: ID!) { history(id: $id) { by action target before after } }',
      { id: source.id },
    );
    const [change] = history.body.data!.history;
    assert.equal(change?.by, names.editor);
    assert.equal(change?.action, 'ADD_SOURCE');
    assert.equal(change?.before, null);
    assert.equal(JSON.parse(change!.after).textHash, source.textHash);
  });

  it('answers the stored source for the same text again, without a copy', async () => {
    const before = await contentHash(setup.db);
    const again = await gql<SourceResult>(addSource, { input: { title: 'Another title', published: '2016', text: article } }, tokens.editor2);
    assert.equal(again.body.data?.addSource.id, sourceId);
    assert.equal(await contentHash(setup.db), before);
  });

  it('refuses a date that is no date, naming the field', async () => {
    const answer = await gql(addSource, { input: { title: 'x', published: '2016-02-30', text: 'Some text.' } }, tokens.editor);
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'input.published');
  });

  it('gives a long title a short id, and refuses a bad language and a future access date, every problem at once', async () => {
    const title = 'Tajikistani SWAT commander joins Islamic State and says so in a long video addressed to the president';
    const long = await gql<SourceResult>(addSource, { input: { title, published: '2015-05-28', text: `${article}\nA second text.` } }, tokens.editor);
    assert.equal(long.body.errors, undefined, JSON.stringify(long.body.errors));
    assert.equal(long.body.data!.addSource.id, '2015-05-28-tajikistani-swat-commander-joins');
    assert.ok(long.body.data!.addSource.id.length <= 48);
    const before = await contentHash(setup.db);
    const nextYear = String(new Date().getUTCFullYear() + 1);
    const answer = await gql(addSource, { input: { title: 'x', published: '2016-02-30', language: 'Russian', accessed: nextYear, text: 'Some third text.' } }, tokens.editor);
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.deepEqual(problemsOf(answer).map((p) => `${p.path}: ${p.message}`).sort(), [
      `accessed: is after today`,
      'language: must be a BCP 47 language tag such as "ru", "en" or "uz-Cyrl"',
      'published: "2016-02-30" is not a real date',
    ]);
    assert.equal(await contentHash(setup.db), before);
  });

  it('refuses a URL that is not http or https, naming the field', async () => {
    const answer = await gql(addSource, { input: { title: 'x', published: '2016', url: 'javascript:alert(1)', text: 'Some other text.' } }, tokens.editor);
    assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'input.url');
    assert.match(answer.body.errors![0]!.message, /must be an http or https URL/);
  });
});

describe('addActor and addClaim', () => {
  it('adds an actor with a unique slug id', async () => {
    const add = `mutation($input: AddActorInput!) { addActor(input: $input) { id name kind aliases version origin } }`;
    const first = await gql<{ addActor: { id: string; version: number; origin: string } }>(
      add,
      { input: { name: 'Analysts in Bishkek', kind: 'ORGANIZATION', aliases: ['Bishkek analysts'] } },
      tokens.editor,
    );
    assert.equal(first.body.data?.addActor.id, 'analysts-in-bishkek');
    assert.equal(first.body.data?.addActor.version, 1);
    assert.equal(first.body.data?.addActor.origin, 'API');
    const second = await gql<{ addActor: { id: string } }>(add, { input: { name: 'Analysts in Bishkek', kind: 'ORGANIZATION' } }, tokens.editor);
    assert.equal(second.body.data?.addActor.id, 'analysts-in-bishkek-2');
  });

  it('refuses a name longer than an index holds, naming the field', async () => {
    const answer = await gql(`mutation { addActor(input: {name: "${'N'.repeat(201)}", kind: GROUP}) { id } }`, {}, tokens.editor);
    assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'input.name');
    assert.match(answer.body.errors![0]!.message, /must be at most 200 characters/);
  });

  it('gives two editors adding the same name at once two actors, never one overwritten', async () => {
    const add = `mutation($input: AddActorInput!) { addActor(input: $input) { id } }`;
    const input = { name: 'Same Name Cell', kind: 'GROUP' };
    const answers = await Promise.all([gql<{ addActor: { id: string } }>(add, { input }, tokens.editor), gql<{ addActor: { id: string } }>(add, { input }, tokens.editor2)]);
    const ids = answers.map((a) => a.body.data?.addActor.id).sort();
    assert.deepEqual(ids, ['same-name-cell', 'same-name-cell-2'], JSON.stringify(answers.map((a) => a.body)));
    const [row] = await setup.db.read<{ n: number; changes: number }>(
      "RETURN COUNT { MATCH (a:Actor) WHERE a.id STARTS WITH 'same-name-cell' } AS n, COUNT { MATCH (c:Change {action: 'ADD_ACTOR'}) WHERE c.target STARTS WITH 'same-name-cell' } AS changes",
    );
    assert.deepEqual(row, { n: 2, changes: 2 });
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('bad date and bad quote in one addClaim give two problems with their paths and the quote diff, no internal ids, and write nothing', async () => {
    const before = await contentHash(setup.db);
    const quote = 'the Islamic Movement of Uzbekistan has denied it';
    const input = { ...claimInput(sourceId), since: 'May 2015', until: '2016-02-30', quotes: [claimInput(sourceId).quotes[0], quote], claimedBy: ['no-such-actor'] };
    const answer = await gql(addClaim, { input }, tokens.editor);
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    const problems = problemsOf(answer);
    assert.deepEqual(problems.map((p) => p.path), ['since', 'until', 'claimedBy[0]', 'quotes[1]'], JSON.stringify(problems));
    assert.deepEqual(problems.map((p) => p.argumentName), ['input.since', 'input.until', 'input.claimedBy[0]', 'input.quotes[1]']);
    const [since, until, claimant, notVerbatim] = problems;
    assert.match(since!.message, /must be a partial date/);
    assert.equal(until!.message, '"2016-02-30" is not a real date');
    assert.equal(claimant!.message, 'unknown actor id "no-such-actor"');
    const at = article.indexOf('the Islamic Movement of Uzbekistan has ');
    assert.deepEqual(notVerbatim!.quote, { matched: 'the Islamic Movement of Uzbekistan has ', quoteOffset: 0, textOffset: at, differsAt: 39, quoteHas: 'd', textHas: 's' });
    assert.equal(notVerbatim!.message, 'not verbatim in the source: "the Islamic Movement of Uzbekistan has " matches, then the quote has "d" where the text has "s" (character 40 of the quote)');
    for (const problem of problems) assert.ok(!problem.message.includes(sourceId) && !/[0-9a-f]{16}/.test(problem.message), problem.message);
    assert.equal(await contentHash(setup.db), before);
  });

  it('refuses a quote longer than a passage, before looking for it', async () => {
    const answer = await gql(addClaim, { input: { ...claimInput(sourceId), quotes: ['word '.repeat(1000)] } }, tokens.editor);
    assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'input.quotes[0]');
    assert.match(answer.body.errors![0]!.message, /a quote is at most 2000 characters/);
  });

  it('refuses an ASSERTED claim with a claimant, as the loader does', async () => {
    const answer = await gql(addClaim, { input: { ...claimInput(sourceId), stance: 'ASSERTED' } }, tokens.editor);
    assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'input.claimedBy');
    assert.match(answer.body.errors![0]!.message, /an ASSERTED claim is the source's own voice/);
  });

  it('adds a claim with the offsets of its quote and derives its relationship in the same write', async () => {
    const answer = await gql<ClaimResult>(addClaim, { input: claimInput(sourceId) }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const claim = answer.body.data!.addClaim;
    claimId = claim.id;
    assert.equal(claim.id, `${sourceId}-c1`, 'short: its source and its number there');
    assert.deepEqual(claim.quotes, claim.evidence.map((e) => e.quote), 'quotes, as the input names them');
    assert.equal(claim.version, 1);
    assert.equal(claim.origin, 'API');
    const [evidence] = claim.evidence;
    assert.equal(article.slice(evidence!.start, evidence!.end), evidence!.quote);
    assert.equal(claim.relationship.id, 'islamic-movement-of-uzbekistan--pledged-allegiance-to--islamic-state');
    assert.equal(claim.relationship.claimCount, 1);
    assert.equal(claim.relationship.status, 'ALLEGED');
  });

  it('accepts a quote whose whitespace differs from the text, as the loader does', async () => {
    const answer = await gql<ClaimResult>(
      addClaim,
      { input: { ...claimInput(sourceId), type: 'COOPERATES_WITH', object: 'taliban', subject: 'katibat-imam-bukhari', stance: 'ASSERTED', claimedBy: [], since: '2015', quotes: ['Katibat Imam Bukhari, they said,\n remains loyal'] } },
      tokens.editor,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  });
});

describe('addClaim with new actors', () => {
  const actorIds = () => setup.db.read<{ id: string }>('MATCH (a:Actor) RETURN a.id AS id ORDER BY id').then((rows) => rows.map((r) => r.id));
  const claimsOf = `query($id: ID!, $role: ClaimRole) { actor(id: $id) { claims(role: $role) { id } } }`;

  it('creates the claimant and disputer it names by ref in the claim transaction, audited ADD_ACTOR, and Actor.claims(role:) finds the claim by them', async () => {
    const input = {
      ...claimInput(sourceId),
      subject: 'katibat-imam-bukhari', type: 'PLEDGED_ALLEGIANCE_TO', object: 'taliban',
      claimedBy: ['new:speaker'], disputedBy: ['new:denier'],
      quotes: ['Katibat Imam Bukhari, they said, remains loyal to the Taliban'],
      newActors: [
        { ref: 'new:speaker', name: 'Bishkek Observers', kind: 'ORGANIZATION', aliases: ['the observers'] },
        { ref: 'new:denier', name: 'Katibat Spokesman', kind: 'PERSON' },
      ],
    };
    const answer = await gql<ClaimResult>(addClaim, { input }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const claim = answer.body.data!.addClaim;
    assert.deepEqual(claim.claimedBy.map((a) => a.name), ['Bishkek Observers']);
    assert.deepEqual(claim.disputedBy.map((a) => a.name), ['Katibat Spokesman']);
    const [speaker, denier] = [claim.claimedBy[0]!.id, claim.disputedBy[0]!.id];
    assert.equal(speaker, 'bishkek-observers');
    const [change] = await setup.db.read<{ by: string; after: string }>("MATCH (c:Change {action: 'ADD_ACTOR', target: $id}) RETURN c.by AS by, c.after AS after", { id: speaker });
    assert.equal(change?.by, names.editor);
    assert.deepEqual(JSON.parse(change!.after).aliases, ['the observers']);
    for (const [id, role] of [[speaker, 'CLAIMANT'], [denier, 'DISPUTER'], [speaker, null]] as const) {
      const claims = await gql<{ actor: { claims: { id: string }[] } }>(claimsOf, { id, role }, tokens.reader);
      assert.deepEqual(claims.body.data?.actor.claims.map((c) => c.id), [claim.id], `${id} as ${role}`);
    }
    const asSubject = await gql<{ actor: { claims: { id: string }[] } }>(claimsOf, { id: speaker, role: 'SUBJECT' }, tokens.reader);
    assert.deepEqual(asSubject.body.data?.actor.claims, []);
  });

  it('a refused addClaim with newActors leaves no actor, and says every problem of the actors and the claim at once', async () => {
    const before = await contentHash(setup.db);
    const actorsBefore = await actorIds();
    const input = {
      ...claimInput(sourceId),
      claimedBy: ['new:1', 'new:2'], object: 'new:9',
      quotes: ['the Islamic Movement of Uzbekistan has sworn allegiance to Islamic Stat'.replace('Stat', 'Stats')],
      newActors: [
        { ref: 'new:1', name: 'Good New Group', kind: 'GROUP' },
        { ref: 'new:2', name: '   ', kind: 'PERSON' },
        { ref: 'two', name: 'Refless', kind: 'PERSON' },
      ],
    };
    const answer = await gql(addClaim, { input }, tokens.editor);
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.deepEqual(problemsOf(answer).map((p) => p.path), ['object', 'newActors[1].name', 'newActors[2].ref', 'quotes[0]'], JSON.stringify(problemsOf(answer)));
    assert.match(problemsOf(answer)[0]!.message, /"new:9" names no entry of newActors/);
    assert.deepEqual(await actorIds(), actorsBefore, 'no actor left behind');
    assert.equal(await contentHash(setup.db), before);
  });
});

describe('deleteActor', () => {
  const remove = `mutation($id: ID!, $v: Int!) { deleteActor(id: $id, expectedVersion: $v) }`;

  it('refuses to delete an actor a claim uses, naming the uses, and writes nothing', async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(remove, { id: 'bishkek-observers', v: 1 }, tokens.editor);
    assert.equal(codeOf(answer), 'BAD_USER_INPUT', JSON.stringify(answer.body));
    assert.equal(answer.body.errors![0]!.message, 'id: is used by 1 claim(s) or figure(s) it claims: nothing was deleted. An actor can be deleted only when nothing uses it');
    assert.equal(await contentHash(setup.db), before);
    const seeded = await gql(remove, { id: 'islamic-state', v: 1 }, tokens.editor);
    assert.match(seeded.body.errors![0]!.message, /came from the seed files/);
  });

  it('deletes an unused actor with its found mentions; the change log holds the whole actor; a stale version is a CONFLICT', async () => {
    const added = await gql<{ addActor: { id: string } }>(
      `mutation { addActor(input: {name: "Katibat Imam Bukhari Orphan", kind: GROUP, aliases: ["Imam Bukhari"], description: "made for a claim never written"}) { id } }`,
      {},
      tokens.editor,
    );
    const id = added.body.data!.addActor.id;
    assert.equal(codeOf(await gql(remove, { id, v: 2 }, tokens.editor)), 'CONFLICT');
    assert.equal(codeOf(await gql(remove, { id, v: 1 }, tokens.reader)), 'FORBIDDEN');
    const answer = await gql<{ deleteActor: string }>(remove, { id, v: 1 }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal(answer.body.data!.deleteActor, id);
    const [row] = await setup.db.read<{ n: number }>('RETURN COUNT { MATCH (a {id: $id}) } AS n', { id });
    assert.equal(row!.n, 0);
    const history = await gql<{ history: { action: string; by: string; before: string | null; after: string | null }[] }>('query($id: ID!) { history(id: $id) { action by before after } }', { id });
    const deleted = history.body.data!.history.find((c) => c.action === 'DELETE_ACTOR')!;
    assert.equal(deleted.by, names.editor);
    assert.equal(deleted.after, null);
    const kept = JSON.parse(deleted.before!);
    assert.deepEqual([kept.name, kept.kind, kept.aliases, kept.description], ['Katibat Imam Bukhari Orphan', 'Group', ['Imam Bukhari'], 'made for a claim never written']);
    assert.deepEqual(await findViolations(setup.db), []);
  });
});

describe('updateClaim', () => {
  const update = `mutation($id: ID!, $v: Int!, $patch: ClaimPatch!) { updateClaim(id: $id, expectedVersion: $v, patch: $patch) { id version note since } }`;

  it('lets one of two editors updating the same version win; the other gets CONFLICT and nothing is lost', async () => {
    const [a, b] = await Promise.all([
      gql<{ updateClaim: { version: number; note: string } }>(update, { id: claimId, v: 1, patch: { note: 'first editor' } }, tokens.editor),
      gql<{ updateClaim: { version: number; note: string } }>(update, { id: claimId, v: 1, patch: { note: 'second editor', since: '2016' } }, tokens.editor2),
    ]);
    const answers = [a, b];
    const won = answers.filter((r) => r.body.data?.updateClaim);
    const lost = answers.filter((r) => codeOf(r) === 'CONFLICT');
    assert.equal(won.length, 1, JSON.stringify(answers.map((r) => r.body)));
    assert.equal(lost.length, 1);
    assert.match(lost[0]!.body.errors![0]!.message, /is at version 2, not 1/);
    const winner = won[0]!.body.data!.updateClaim;
    assert.equal(winner.version, 2);
    const now = await gql<{ claim: { note: string; version: number; since: string | null } }>('query($id: ID!) { claim(id: $id) { note version since } }', { id: claimId });
    assert.deepEqual(now.body.data?.claim, { note: winner.note, version: 2, since: winner.note === 'second editor' ? '2016' : null });
    const history = await gql<{ history: { action: string; by: string; before: string; after: string }[] }>('query($id: ID!) { history(id: $id) { action by before after } }', { id: claimId });
    const updates = history.body.data!.history.filter((h) => h.action === 'UPDATE_CLAIM');
    assert.equal(updates.length, 1);
    assert.deepEqual(JSON.parse(updates[0]!.before).note, null);
    assert.equal(JSON.parse(updates[0]!.after).note, winner.note);
    // The loser reads again and reapplies: nothing lost.
    const retry = await gql<{ updateClaim: { version: number } }>(update, { id: claimId, v: 2, patch: { dateText: 'on Monday' } }, tokens.editor);
    assert.equal(retry.body.data?.updateClaim.version, 3);
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('answers NOT_FOUND for an unknown claim, and refuses clearing a required field', async () => {
    assert.equal(codeOf(await gql(update, { id: 'no-such-claim', v: 1, patch: { note: 'x' } }, tokens.editor)), 'NOT_FOUND');
    const cleared = await gql(update, { id: claimId, v: 3, patch: { stance: null } }, tokens.editor);
    assert.equal(cleared.body.errors![0]!.extensions!.argumentName, 'patch.stance');
  });
});

describe('retractClaim and contradict', () => {
  const relationship = 'katibat-imam-bukhari--cooperates-with--taliban';

  it('hides a retracted claim and a relationship left without a live claim; includeRetracted shows them, with who, when and why', async () => {
    const claims = await gql<{ claims: { edges: { node: { id: string; relationship: { id: string } } }[] } }>('query($s: ID!) { claims(source: $s) { edges { node { id relationship { id } } } } }', { s: sourceId });
    const allied = claims.body.data!.claims.edges.find((e) => e.node.relationship.id === relationship)!.node.id;
    const retract = await gql<{ retractClaim: { retracted: { by: string; reason: string; at: string }; version: number } }>(
      'mutation($id: ID!) { retractClaim(id: $id, reason: "misread the sentence") { version retracted { at by reason } } }',
      { id: allied },
      tokens.editor,
    );
    assert.equal(retract.body.data?.retractClaim.retracted.by, names.editor);
    assert.equal(retract.body.data?.retractClaim.retracted.reason, 'misread the sentence');
    assert.equal(retract.body.data?.retractClaim.version, 2);

    const lists = `query($s: ID!, $all: Boolean) {
      claims(source: $s, includeRetracted: $all) { edges { node { id } } }
      actor(id: "katibat-imam-bukhari") { relationships(types: [COOPERATES_WITH], includeRetracted: $all) { id retracted } }
      relationships(types: [COOPERATES_WITH], includeRetracted: $all) { edges { node { id } } }
      neighborhood(id: "katibat-imam-bukhari", includeRetracted: $all) { relationships { id } }
    }`;
    type Lists = { claims: { edges: { node: { id: string } }[] }; actor: { relationships: { id: string; retracted: boolean }[] }; relationships: { edges: { node: { id: string } }[] }; neighborhood: { relationships: { id: string }[] } };
    const hidden = (await gql<Lists>(lists, { s: sourceId })).body.data!;
    assert.ok(!hidden.claims.edges.some((e) => e.node.id === allied));
    assert.ok(!hidden.actor.relationships.some((r) => r.id === relationship));
    assert.ok(!hidden.relationships.edges.some((e) => e.node.id === relationship));
    assert.ok(!hidden.neighborhood.relationships.some((r) => r.id === relationship));
    const shown = (await gql<Lists>(lists, { s: sourceId, all: true })).body.data!;
    assert.ok(shown.claims.edges.some((e) => e.node.id === allied));
    assert.deepEqual(shown.actor.relationships.find((r) => r.id === relationship), { id: relationship, retracted: true });
    assert.ok(shown.relationships.edges.some((e) => e.node.id === relationship));
    assert.ok(shown.neighborhood.relationships.some((r) => r.id === relationship));

    const again = await gql('mutation($id: ID!) { retractClaim(id: $id, reason: "twice") { id } }', { id: allied }, tokens.editor);
    assert.equal(codeOf(again), 'BAD_USER_INPUT');
  });

  it('makes both relationships DISPUTED when one claim contradicts another', async () => {
    const answer = await gql<{ contradict: { contradicts: { id: string }[]; relationship: { status: string } } }>(
      'mutation($a: ID!, $b: ID!) { contradict(claim: $a, other: $b) { contradicts { id } relationship { status } } }',
      { a: claimId, b: 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-01' },
      tokens.editor,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal(answer.body.data?.contradict.relationship.status, 'DISPUTED');
    assert.ok(answer.body.data?.contradict.contradicts.some((c) => c.id === 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-01'));
  });
});

describe('mergeActors', () => {
  it('moves names and claims to the actor kept, keeps the merged id resolving, and an admin can undo it', async () => {
    const merge = await gql<{ mergeActors: { id: string; aliases: string[] } }>(
      'mutation { mergeActors(keep: "analysts-in-bishkek", merge: "analysts-in-bishkek-2") { id aliases } }',
      {},
      tokens.admin,
    );
    assert.equal(merge.body.errors, undefined, JSON.stringify(merge.body.errors));
    const resolved = await gql<{ actor: { id: string } }>('{ actor(id: "analysts-in-bishkek-2") { id } }', {});
    assert.equal(resolved.body.data?.actor.id, 'analysts-in-bishkek');

    // A claim naming the merged id lands on the actor kept.
    const viaMerged = await gql<ClaimResult>(
      addClaim,
      { input: { ...claimInput(sourceId), type: 'OPERATES_IN', object: 'kyrgyzstan', subject: 'analysts-in-bishkek-2', stance: 'ASSERTED', claimedBy: [], quotes: ['Analysts in Bishkek said on Monday'] } },
      tokens.editor,
    );
    assert.equal(viaMerged.body.data?.addClaim.relationship.id, 'analysts-in-bishkek--operates-in--kyrgyzstan');

    const imuClaims = await gql<{ actor: { claims: { id: string }[] } }>('{ actor(id: "analysts-in-bishkek") { claims(role: CLAIMANT) { id } } }', {});
    assert.ok(imuClaims.body.data?.actor.claims.some((c) => c.id === claimId));

    const undo = await gql<{ unmergeActors: { id: string } }>('mutation { unmergeActors(merged: "analysts-in-bishkek-2") { id } }', {}, tokens.admin);
    assert.equal(undo.body.data?.unmergeActors.id, 'analysts-in-bishkek-2');
    const back = await gql<{ actor: { id: string } }>('{ actor(id: "analysts-in-bishkek-2") { id } }', {});
    assert.equal(back.body.data?.actor.id, 'analysts-in-bishkek-2');
    const history = await gql<{ history: { action: string }[] }>('{ history(id: "analysts-in-bishkek-2") { action } }', {});
    assert.deepEqual(history.body.data?.history.map((h) => h.action), ['UNMERGE_ACTORS', 'MERGE_ACTORS', 'ADD_ACTOR']);
  });
});

describe('mergeActors refuses a claim of an actor about itself', () => {
  const merge = (keep: string, gone: string) => gql('mutation($keep: ID!, $merge: ID!) { mergeActors(keep: $keep, merge: $merge) { id } }', { keep, merge: gone }, tokens.admin);

  it('refuses, naming the live claim and writing nothing, to merge two actors it relates; merges once it is retracted', async () => {
    const actor = async (name: string) => (await gql<{ addActor: { id: string } }>('mutation($name: String!) { addActor(input: {name: $name, kind: GROUP}) { id } }', { name }, tokens.editor)).body.data!.addActor.id;
    const [keep, gone] = [await actor('Self Claim Kept'), await actor('Self Claim Gone')];
    const input = { ...claimInput(sourceId), subject: gone, type: 'COOPERATES_WITH', object: keep, stance: 'ASSERTED', claimedBy: [], quotes: ['Analysts in Bishkek said on Monday'] };
    const added = await gql<ClaimResult>(addClaim, { input }, tokens.editor);
    assert.equal(added.body.errors, undefined, JSON.stringify(added.body.errors));
    const claim = added.body.data!.addClaim.id;

    for (const [k, g] of [[keep, gone], [gone, keep]] as const) {
      const before = await contentHash(setup.db);
      const answer = await merge(k, g);
      assert.equal(codeOf(answer), 'BAD_USER_INPUT', JSON.stringify(answer.body));
      assert.equal(answer.body.errors![0]!.extensions!.argumentName, 'merge');
      assert.match(answer.body.errors![0]!.message, new RegExp(`1 live claim\\(s\\) \\(COOPERATES_WITH in "IMU pledge reported"\\): merged, each would be a claim of ${k} about itself`));
      assert.ok(!answer.body.errors![0]!.message.includes(claim), 'no claim id in the message');
      assert.equal(await contentHash(setup.db), before);
    }

    const retracted = await gql('mutation($id: ID!) { retractClaim(id: $id, reason: "the same group twice") { id } }', { id: claim }, tokens.editor);
    assert.equal(retracted.body.errors, undefined, JSON.stringify(retracted.body.errors));
    const merged = await merge(keep, gone);
    assert.equal(merged.body.errors, undefined, JSON.stringify(merged.body.errors));
    assert.deepEqual(await findViolations(setup.db), [], 'a retracted claim may be of an actor about itself');
    const undone = await gql('mutation($merged: ID!) { unmergeActors(merged: $merged) { id } }', { merged: gone }, tokens.admin);
    assert.equal(undone.body.errors, undefined, JSON.stringify(undone.body.errors));
  });

  it('findViolations names a live claim whose subject is its object', async () => {
    const claim = 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-01';
    const moveObject = (from: string, to: string) =>
      setup.db.write('MATCH (c:Claim {id: $claim})-[o:OBJECT]->(:Actor {id: $from}) MATCH (t:Actor {id: $to}) DELETE o CREATE (c)-[:OBJECT]->(t)', { claim, from, to });
    await moveObject('taliban', 'katibat-imam-bukhari');
    try {
      const violations = await findViolations(setup.db);
      assert.ok(violations.some((v) => v.id === claim && v.problem === 'is live and its subject is its object (katibat-imam-bukhari); a claim relates two different actors'), JSON.stringify(violations));
    } finally {
      await moveObject('katibat-imam-bukhari', 'taliban');
    }
    assert.deepEqual(await findViolations(setup.db), []);
  });
});

describe('Database.transaction: deadlocks and commits whose outcome is unknown', () => {
  it('retries a deadlock on the real server: two writes locking two nodes in opposite orders both commit', async () => {
    const ids = ['deadlock-probe-a', 'deadlock-probe-b'];
    await setup.db.write('UNWIND $ids AS id CREATE (:DeadlockProbe {id: id, n: 0})', { ids });
    let arrived = 0;
    let attempts = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    // Each takes its first node, waits until the other holds its own, then asks for the other's: a deadlock.
    const lockBoth = (first: string, second: string) =>
      setup.db.transaction(async (tx) => {
        attempts += 1;
        await tx.run('MATCH (p:DeadlockProbe {id: $id}) SET p.n = p.n + 1', { id: first });
        if (++arrived === 2) bothHoldOne();
        await barrier;
        await tx.run('MATCH (p:DeadlockProbe {id: $id}) SET p.n = p.n + 1', { id: second });
      });
    try {
      await Promise.all([lockBoth(ids[0]!, ids[1]!), lockBoth(ids[1]!, ids[0]!)]);
      const rows = await setup.db.read<{ n: string }>('MATCH (p:DeadlockProbe) RETURN toString(p.n) AS n ORDER BY p.id');
      assert.deepEqual(rows.map((row) => row.n), ['2', '2'], 'both writes committed whole');
      assert.ok(attempts >= 3, `${attempts} attempts: Neo4j chose one of the two as the deadlock's victim, and it ran again`);
    } finally {
      await setup.db.write('MATCH (p:DeadlockProbe) DELETE p');
    }
  });

  it('a commit cut short by the server going away is COMMIT_OUTCOME_UNKNOWN, telling the client to send the same Idempotency-Key', () => {
    const connectionLost = Object.assign(new Error('Connection was closed by server'), { code: 'ServiceUnavailable' });
    const error = commitFailure(connectionLost);
    assert.ok(error instanceof CommitOutcomeUnknownError, String(error));
    const shown = formatError({ message: 'x' }, error);
    assert.equal(shown.extensions?.code, 'COMMIT_OUTCOME_UNKNOWN');
    assert.match(shown.message, /may or may not have been saved\. Send it again with the same Idempotency-Key/);
    // A commit the server refused committed nothing: it stays what it was.
    const refused = Object.assign(new Error('constraint'), { code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    assert.equal(commitFailure(refused), refused);
  });

  it('a write whose actors keep being merged under it is CONFLICT, saying it may be sent again', () => {
    const shown = formatError({ message: 'x' }, new ConcurrentChangeError('The actors a, b were merged or unmerged 5 times while this write waited for them'));
    assert.equal(shown.extensions?.code, 'CONFLICT');
    assert.match(shown.message, /Nothing was written; send the write again\.$/);
  });
});

describe('the loader and the API together', () => {
  it('a reload of the seed keeps what the API wrote, and the claims the API changed, as the API wrote them', async () => {
    const retracted = 'islam-karimov--leads--uzbekistan--rferl-2015-04';
    const answer = await gql('mutation($id: ID!) { retractClaim(id: $id, reason: "test") { id } }', { id: retracted }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const { report } = await seed(setup.db);
    assert.equal(report.claims.kept, 1);
    assert.equal(report.claims.removed, 0);
    assert.equal(report.sources.removed, 0);
    const rows = await setup.db.read<{ source: number; claim: number; retracted: boolean }>(
      `RETURN COUNT { MATCH (:Source {id: $source}) } AS source, COUNT { MATCH (:Claim {id: $claim}) } AS claim,
              COLLECT { MATCH (c:Claim {id: $retracted}) RETURN c.retracted }[0] AS retracted`,
      { source: sourceId, claim: claimId, retracted },
    );
    assert.deepEqual(rows[0], { source: 1, claim: 1, retracted: true });
  });

  it('npm run seed -- --reset refuses to wipe what the API wrote unless told to, names it, and says how to keep it', async () => {
    const before = await contentHash(setup.db);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--reset'], { cwd: projectRoot, encoding: 'utf8', env: process.env });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /--reset would discard \d+ records written or changed through the API: \d+ sources \([^)]*\), \d+ actors .*\d+ claims \(.*Export them first \(npm run export -- --format seed --out DIR\), then run again with --discard-api-writes/);
    assert.equal(await contentHash(setup.db), before);
  });
});

describe('the loader refuses to drop what API claims cite', () => {
  it('stops, writing nothing, when the files no longer have an actor that a claim written through the API cites', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-with-extra-'));
    fs.cpSync(path.join(projectRoot, 'seed', 'data'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'extra.yaml'), 'actors:\n  - id: a-passing-analyst\n    kind: Person\n    name: A Passing Analyst\n');
    const options = { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs };
    await loadSeed(setup.db, { ...options, dataDir: dir });
    const cited = await gql<ClaimResult>(
      addClaim,
      { input: { ...claimInput(sourceId), type: 'OPERATES_IN', subject: 'a-passing-analyst', object: 'kyrgyzstan', stance: 'ASSERTED', claimedBy: [], quotes: ['Analysts in Bishkek said'] } },
      tokens.editor,
    );
    assert.equal(cited.body.errors, undefined, JSON.stringify(cited.body.errors));
    const before = await contentHash(setup.db);
    await assert.rejects(loadSeed(setup.db, options), new RegExp(`no longer have "a-passing-analyst" \\(cited by claim ${cited.body.data!.addClaim.id}\\)`));
    assert.equal(await contentHash(setup.db), before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('cross-origin requests', () => {
  it('answers CORS only for the origins CORS_ORIGINS names, never *, and keeps CSRF prevention on', async () => {
    const app = await startTestApp(setup.db, { ...testApiSettings, corsOrigins: ['https://analysts.example.org'] });
    try {
      const preflight = (origin: string) =>
        fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
      const allowed = await preflight('https://analysts.example.org');
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://analysts.example.org');
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
      const foreign = await preflight('https://evil.example');
      assert.ok([400, 405].includes(foreign.status), String(foreign.status));
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      // A "simple" cross-site POST (no JSON content type, no preflight header) is refused before it runs.
      const simple = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example', authorization: `Bearer ${tokens.editor}` },
        body: JSON.stringify({ query: 'mutation { addActor(input: {name: "CSRF", kind: PERSON}) { id } }' }),
      });
      assert.equal(simple.status, 400);
      assert.match(await simple.text(), /CSRF/);
    } finally {
      await app.stop();
    }
    assert.throws(() => loadConfig({ CORS_ORIGINS: '*' }), /never "\*"/);
  });
});
