// Hostile writes against the real server: every argument and input field of every mutation made
// hostile one at a time, with an admin token; text that UTF-8 cannot store, claims and names that
// cannot be, refused on the one path (the API and the seed files alike); counts that must agree
// with the lists after a retraction. Tests that write load the seed afresh when they end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { getNamedType, getNullableType, isListType } from 'graphql';
import { validateSeed } from '../../src/loader/load.ts';
import { SeedValidationError } from '../../src/domain/problems.ts';
import { createToken } from '../../src/auth/tokens.ts';
import { contentHash, reseedAfterwards, seededApp } from '../support/testGraph.ts';
import { seed, firstError, snippet, parseGraphQLBody, record, serverFailures, type Check, postGraphQL, runGraphQLCases, noProblems, attackedApp } from './corpus.ts';
import { mutationType, writeCalls, type WriteTarget, writeTargets, writeCase, writeCases } from './targets.ts';

// ---------------------------------------------------------------------------------------------
// Every mutation argument and input field
// ---------------------------------------------------------------------------------------------

describe('hostile writes against the real server (every mutation argument and input field, with an admin token)', () => {
  const attacked = attackedApp();
  const url = attacked.url;
  reseedAfterwards();
  const headers: Record<string, string> = {};
  before(async () => {
    headers.authorization = `Bearer ${await createToken(attacked.db, `hostile-admin-${process.pid}-${Date.now()}`, 'admin')}`;
  });
  const targets = writeTargets();
  it('finds every mutation, and the fields of its inputs', () => {
    assert.deepEqual(Object.keys(writeCalls).sort(), Object.keys(mutationType.getFields()).sort(), 'writeCalls has a call of every mutation');
    const labels = targets.map((t) => t.label);
    for (const expected of ['addSource(input.text)', 'addClaim(input.quotes)', 'updateClaim(expectedVersion)', 'updateActor(patch.aliases)', 'retractClaim(reason)']) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    }
  });
  for (const target of targets) {
    it(`${target.label}: injection, unicode, huge, empty, out-of-range and over-long values`, async () =>
      noProblems(await runGraphQLCases(url(), 'mutation arguments', writeCases(target, headers))));
  }
  it('still answers, and logged no internal error, uncaught exception or unhandled rejection', async () => {
    const answer = await postGraphQL(url(), { query: '{ stats { actors } }' });
    assert.equal(answer.status, 200, snippet(answer));
    assert.deepEqual(serverFailures, []);
  });
});

// ---------------------------------------------------------------------------------------------
// The rest of the probe (issue 22): text that UTF-8 cannot store, claims and names that cannot
// be, counts that must agree with the lists (Neo4j's own: neo4j.test.ts)
// ---------------------------------------------------------------------------------------------

/** A lone surrogate added to the value the call would otherwise send (or to "x"): a list gets one such entry. */
function withLoneSurrogate(target: WriteTarget): unknown {
  const [arg, inner] = target.path;
  const call = writeCalls[target.field.name]!;
  const given = inner === undefined ? call[arg] : (call[arg] as Record<string, unknown> | undefined)?.[inner];
  const first = Array.isArray(given) ? given[0] : given;
  const value = `${typeof first === 'string' ? first : 'x'}\ud800`;
  return isListType(getNullableType(target.type)) ? [value] : value;
}

/** Refused, naming the field: BAD_USER_INPUT at it (or inside it), or NOT_FOUND for an id that names nothing. */
const refusedAt =
  (path: string): Check =>
  (answer, body) => {
    const error = firstError(body);
    const name = error?.extensions?.argumentName ?? '';
    const at = name === path || name.startsWith(`${path}[`);
    if (at && (error?.extensions?.code === 'BAD_USER_INPUT' || error?.extensions?.code === 'NOT_FOUND')) return undefined;
    return `expected BAD_USER_INPUT or NOT_FOUND naming ${path}, got ${snippet(answer)}`;
  };

describe('lone surrogates, impossible claims, dates and names, refused on the one path (API and seed files)', () => {
  const setup = seededApp();
  const headers: Record<string, string> = {};
  let hashBefore = '';
  before(async () => {
    headers.authorization = `Bearer ${await createToken(setup.db, `hostile-probe-${process.pid}-${Date.now()}`, 'admin')}`;
    hashBefore = await contentHash(setup.db);
  });
  const url = () => setup.app.url;
  const gql = (query: string, variables: Record<string, unknown>) => postGraphQL(url(), { query, variables }, headers);
  const textTargets = writeTargets().filter((target) => ['String', 'ID'].includes(getNamedType(target.type).name));

  it('a lone surrogate in every String and ID argument and input field of every mutation is refused, naming it', async () => {
    assert.ok(textTargets.length >= 30, `only ${textTargets.length} targets`);
    const cases = textTargets.map((target) => writeCase(target, 'a lone surrogate', withLoneSurrogate(target), headers, refusedAt(target.path.join('.'))));
    noProblems(await runGraphQLCases(url(), 'lone surrogates', cases));
  });

  const refusal = async (query: string, variables: Record<string, unknown>, argumentName: string, says: RegExp) => {
    const answer = await gql(query, variables);
    record('impossible entries', answer);
    const error = firstError(parseGraphQLBody(answer.body));
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', snippet(answer));
    assert.equal(error?.extensions?.argumentName, argumentName, snippet(answer));
    assert.match(error?.message ?? '', says);
  };
  const addClaim = 'mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }';
  const addActor = 'mutation ($input: AddActorInput!) { addActor(input: $input) { id } }';
  const updateActor = 'mutation ($id: ID!, $v: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $v, patch: $patch) { id } }';
  const claimInput = writeCalls.addClaim!.input as Record<string, unknown>;

  it('a claim whose subject is its object', () =>
    refusal(addClaim, { input: { ...claimInput, object: claimInput.subject } }, 'input.object', /is the subject too/));

  it('year 0000, in a claim and in a source', async () => {
    await refusal(addClaim, { input: { ...claimInput, since: '0000' } }, 'input.since', /year 0000/);
    await refusal(addClaim, { input: { ...claimInput, until: '0000-12-31' } }, 'input.until', /year 0000/);
    const source = writeCalls.addSource!.input as Record<string, unknown>;
    await refusal('mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }', { input: { ...source, published: '0000-01' } }, 'input.published', /year 0000/);
  });

  it('NUL and zero-width characters in names and aliases', async () => {
    for (const [name, char] of [['Islamic\u0000State', 'U\\+0000'], ['Islamic\u200BState', 'U\\+200B'], ['Da\u200Dish', 'U\\+200D'], ['\u2060Daesh', 'U\\+2060']] as const) {
      await refusal(addActor, { input: { name, kind: 'GROUP' } }, 'input.name', new RegExp(`${char}, a control or invisible character`));
    }
    const [actor] = await setup.db.read<{ version: number }>('MATCH (a:Actor {id: $id}) RETURN coalesce(a.version, 1) AS version', { id: seed.person });
    await refusal(updateActor, { id: seed.person, v: actor!.version, patch: { aliases: ['Malikov', 'Kadyr\u200CMalikov'] } }, 'patch.aliases[1]', /U\+200C/);
    // Between two letters of the Arabic script the non-joiner is spelling (Persian), not a trick.
    await refusal(updateActor, { id: seed.person, v: actor!.version, patch: { aliases: ['\u200C\u062F\u0648\u0644\u062A'] } }, 'patch.aliases[0]', /U\+200C/);
    // Accepted: so the write goes on to its version check (a stale version, so nothing is written).
    const persian = '\u062F\u0648\u0644\u062A\u200C\u0627\u0633\u0644\u0627\u0645\u06CC';
    const answer = await gql(updateActor, { id: seed.person, v: actor!.version + 100, patch: { aliases: [persian] } });
    assert.equal(firstError(parseGraphQLBody(answer.body))?.extensions?.code, 'CONFLICT', snippet(answer));
  });

  it("renaming an actor onto another actor's exact name, pointing to mergeActors", async () => {
    const [row] = await setup.db.read<{ version: number; other: string }>(
      'MATCH (a:Actor {id: $id}), (o:Actor {id: $other}) RETURN coalesce(a.version, 1) AS version, o.name AS other',
      { id: seed.person, other: seed.otherActor },
    );
    await refusal(updateActor, { id: seed.person, v: row!.version, patch: { name: row!.other } }, 'patch.name', /is the name of another actor \(a \w+\).*mergeActors/);
  });

  it('wrote nothing', async () => assert.equal(await contentHash(setup.db), hashBefore));

  it('the seed loader refuses the same, naming file, line and field', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-seed-'));
    try {
      const [dataDir, sourcesDir] = [path.join(root, 'data'), path.join(root, 'sources')];
      fs.mkdirSync(dataDir);
      fs.mkdirSync(sourcesDir);
      fs.writeFileSync(path.join(sourcesDir, 'one.txt'), 'The Example Group works with the Example Group.\n');
      fs.writeFileSync(
        path.join(dataDir, 'a.yaml'),
        [
          'source:',
          '  id: probe-a',
          '  file: one.txt',
          '  title: "A title \\uD800"',
          '  published: "0000-03"',
          'actors:',
          '  - id: nul-actor',
          '    kind: Group',
          '    name: "Nul\\0Actor"',
          '  - id: zero-width-actor',
          '    kind: Group',
          '    name: "Zero\\u200BWidth"',
          '    description: "\\uDC00 alone"',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(dataDir, 'b.yaml'),
        [
          'source:',
          '  id: probe-b',
          '  file: one.txt',
          '  title: Probe',
          'actors:',
          '  - id: example-group',
          '    kind: Group',
          '    name: Example Group',
          'claims:',
          '  - id: example-group--cooperates-with--example-group--probe-b',
          '    type: COOPERATES_WITH',
          '    subject: example-group',
          '    object: example-group',
          '    stance: ASSERTED',
          '    quotes: ["The Example Group works with the Example Group"]',
          '',
        ].join('\n'),
      );
      let problems: string[] = [];
      try {
        validateSeed({ dataDir, sourcesDir });
      } catch (error) {
        assert.ok(error instanceof SeedValidationError, String(error));
        problems = error.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.path}: ${p.message}`);
      }
      const expected = [
        /^a\.yaml:4 source\.title: holds an unpaired UTF-16 surrogate/,
        /^a\.yaml:5 source\.published: has year 0000/,
        /^a\.yaml:9 actors\[0\]\.name: holds U\+0000/,
        /^a\.yaml:12 actors\[1\]\.name: holds U\+200B/,
        /^a\.yaml:13 actors\[1\]\.description: holds an unpaired UTF-16 surrogate/,
        /^b\.yaml:13 claims\[0\]\.object: is the subject too \("example-group"\)/,
      ];
      for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `${String(pattern)} in\n${problems.join('\n')}`);
      assert.equal(problems.length, expected.length, problems.join('\n'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('stats count what the lists show, retracted relationships apart', () => {
  const setup = seededApp();
  reseedAfterwards();
  let token = '';
  before(async () => {
    token = await createToken(setup.db, `hostile-stats-${process.pid}-${Date.now()}`, 'admin');
  });
  interface Counts {
    stats: { relationships: number; retractedRelationships: number; claims: number; retractedClaims: number };
    live: { totalCount: number };
    all: { totalCount: number };
    liveClaims: { totalCount: number };
    allClaims: { totalCount: number };
  }
  const counts = async () => {
    const { body } = await setup.app.graphql<Counts>(
      `{ stats { relationships retractedRelationships claims retractedClaims }
         live: relationships { totalCount } all: relationships(includeRetracted: true) { totalCount }
         liveClaims: claims { totalCount } allClaims: claims(includeRetracted: true) { totalCount } }`,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data!;
  };
  const agree = (c: Counts) => {
    assert.equal(c.stats.relationships, c.live.totalCount, 'stats.relationships as the list');
    assert.equal(c.stats.retractedRelationships, c.all.totalCount - c.live.totalCount, 'the retracted ones apart');
    assert.equal(c.stats.claims, c.liveClaims.totalCount, 'stats.claims as the list');
    assert.equal(c.stats.retractedClaims, c.allClaims.totalCount - c.liveClaims.totalCount);
  };

  it('agree before and after the only claim of a relationship is retracted', async () => {
    const before = await counts();
    agree(before);
    const [lone] = await setup.db.read<{ id: string }>(
      `MATCH (c:Claim) WHERE c.retracted IS NULL WITH c.relationship AS relationship, collect(c.id) AS ids WHERE size(ids) = 1
       RETURN ids[0] AS id ORDER BY id LIMIT 1`,
    );
    const retracted = await setup.app.graphql('mutation ($id: ID!) { retractClaim(id: $id, reason: "stats probe") { id } }', { id: lone!.id }, token);
    assert.equal(retracted.body.errors, undefined, JSON.stringify(retracted.body.errors));
    const afterwards = await counts();
    agree(afterwards);
    assert.equal(afterwards.stats.relationships, before.stats.relationships - 1);
    assert.equal(afterwards.stats.retractedRelationships, before.stats.retractedRelationships + 1);
    assert.equal(afterwards.stats.claims, before.stats.claims - 1);
  });
});
