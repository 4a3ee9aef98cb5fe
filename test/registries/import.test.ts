// The UN Security Council list imported onto the seed graph, against the real Neo4j: both
// snapshots in either order, the key's pairs decided as labelled (no hard negative decided SAME
// automatically), a judgement honoured on re-import, the same file again changing nothing, every
// quote cut from the stored snapshot at its offsets, and each bad file refused with its record
// named and nothing written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { importOptions } from '../support/registries.ts';
import { readKey, snapshotFile } from '../../bench/matching/inputs.ts';
import { actorIdOf } from '../../src/registries/unScPlan.ts';
import { importRegistryText, type RegistryImportReport } from '../../src/writes/registryImport.ts';
import { judgeMatch, undoJudgement } from '../../src/writes/judgements.ts';
import { updateActor } from '../../src/writes/actors.ts';
import { createToken, revokeToken } from '../../src/auth/tokens.ts';
import type { Database } from '../../src/neo4j/database.ts';
import { contentHash, openTestDb, seed, startTestApp, type TestApp } from '../support/testGraph.ts';

const options = importOptions;
const texts = {
  '2018-10-29': fs.readFileSync(snapshotFile('2018-10-29'), 'utf8'),
  '2024-09-26': fs.readFileSync(snapshotFile('2024-09-26'), 'utf8'),
};
type Snapshot = keyof typeof texts;
const key = readKey();

describe('importing the UN Security Council list', () => {
  const db = openTestDb();
  const run = (date: Snapshot, regimes: string[] | null = null, by = 'test') =>
    importRegistryText(db, by, { format: 'un-sc', text: texts[date], file: snapshotFile(date), regimes }, options);
  const reports: Partial<Record<Snapshot, RegistryImportReport>> = {};

  before(async () => {
    await seed(db, true);
    reports['2018-10-29'] = await run('2018-10-29');
    const { matching, timings, ...counts } = reports['2018-10-29'];
    console.log(`2018-10-29 imported: ${JSON.stringify({ ...counts, automatic: matching.automatic.map((a) => `${a.record}->${a.actor}`), queued: matching.queued, unmatched: matching.unmatched, timings })}`);
  });
  after(async () => {
    await seed(db, true);
    await db.close();
  });

  test('the snapshot is one source, stored byte for byte, every record an actor with its identifier and names', async () => {
    const report = reports['2018-10-29']!;
    assert.equal(report.records, 1093);
    assert.equal(report.sourceAdded, true);
    const [source] = await db.read<{ text: string; publisher: string; published: string; hash: string }>(
      'MATCH (s:Source {id: $id}) RETURN s.text AS text, s.publisher AS publisher, s.published AS published, s.textHash AS hash',
      { id: report.source },
    );
    assert.equal(source!.text, texts['2018-10-29']);
    assert.equal(Buffer.compare(Buffer.from(source!.text, 'utf8'), fs.readFileSync(snapshotFile('2018-10-29'))), 0);
    assert.equal(source!.publisher, 'UN Security Council');
    assert.equal(source!.published, '2018-10-29');
    const [counts] = await db.read<{ records: number; identifiers: number }>(
      `MATCH (a) WHERE (a:Actor OR a:MergedActor) AND a.referenceNumber IS NOT NULL
       WITH count(a) AS records MATCH (i:Identifier {scheme: 'un-sc'}) RETURN records, count(i) AS identifiers`,
    );
    assert.deepEqual(counts, { records: 1093, identifiers: 1093 });
  });

  test('every imported quote cuts exactly its text from the stored snapshot', async () => {
    const rows = await db.read<{ text: string; quotes: { quote: string; start: number; end: number }[]; names: { starts: number[]; ends: number[]; value: string }[] }>(
      `MATCH (s:Source {origin: 'registry'})
       RETURN s.text AS text,
              COLLECT { MATCH (:Claim)-[e:EVIDENCE]->(s) RETURN {quote: e.quote, start: e.start, end: e.end} } +
              COLLECT { MATCH (:Identifier)-[e:OBSERVED_IN]->(s) RETURN {quote: e.quote, start: e.start, end: e.end} } AS quotes,
              COLLECT { MATCH (n:RegistryName)-[e:OBSERVED_IN]->(s) RETURN {starts: e.starts, ends: e.ends, value: n.value} } AS names`,
    );
    assert.ok(rows.length > 0);
    for (const { text, quotes, names } of rows) {
      assert.ok(quotes.length > 1093);
      for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.quote);
      for (const n of names) {
        assert.equal(n.starts.length, n.ends.length);
        const raw = n.starts.map((start, i) => text.slice(start, n.ends[i])).join(' ');
        assert.ok(raw.length > 0 && !raw.includes('<'), `name ${n.value} at ${n.starts}`);
      }
    }
  });

  test('the key: automatic SAME only where the key says SAME, never on a hard negative', async () => {
    const automatic = reports['2018-10-29']!.matching.automatic;
    for (const decision of automatic) {
      const record = key.find((pair) => actorIdOf(pair.record) === decision.record && pair.actor === decision.actor);
      assert.equal(record?.label, 'SAME', `${decision.record} -> ${decision.actor} was decided SAME automatically`);
    }
    const pairs = await db.read<{ record: string; candidate: string; decision: string }>('MATCH (p:MatchPair) RETURN p.record AS record, p.candidate AS candidate, p.decision AS decision');
    const byPair = new Map(pairs.map((p) => [`${p.record}|${p.candidate}`, p.decision]));
    const in2018 = key.filter((pair) => pair.snapshots.includes('2018-10-29'));
    const same = in2018.filter((pair) => pair.label === 'SAME');
    for (const pair of same) {
      const decision = byPair.get(`${actorIdOf(pair.record)}|${pair.actor}`);
      assert.ok(decision === 'SAME' || decision === 'PENDING', `${pair.record} ~ ${pair.actor} is proposed (${decision})`);
    }
    for (const pair of in2018.filter((p) => p.label === 'NOT_SAME')) {
      assert.notEqual(byPair.get(`${actorIdOf(pair.record)}|${pair.actor}`), 'SAME', `${pair.record} ~ ${pair.actor}`);
    }
  });

  test('an automatic SAME attaches the designation to our actor: designated since the listing date', async () => {
    const rows = await db.read<{ since: string; quotes: string[] }>(
      `MATCH (:Actor {id: 'un-security-council'})<-[:SUBJECT]-(c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(:Actor {id: 'islamic-movement-of-uzbekistan'})
       RETURN c.since AS since, COLLECT { MATCH (c)-[e:EVIDENCE]->() RETURN e.quote ORDER BY e.start } AS quotes`,
    );
    assert.deepEqual(rows, [{ since: '2001-10-06', quotes: ['QDe.010', '2001-10-06'] }]);
  });

  test('importing the same file again changes nothing', async () => {
    const before = await contentHash(db);
    const again = await run('2018-10-29');
    assert.equal(again.sourceAdded, false);
    assert.deepEqual(again.actors, { created: 0, amended: 0, unchanged: 1093 });
    assert.equal(again.claims.created + again.claims.updated, 0);
    assert.equal(await contentHash(db), before);
  });

  test('a judgement is honoured on re-import, and undone', async () => {
    const [pending] = await db.read<{ id: string; record: string; candidate: string }>(
      "MATCH (p:MatchPair {decision: 'PENDING'}) RETURN p.id AS id, p.record AS record, p.candidate AS candidate ORDER BY p.score DESC LIMIT 1",
    );
    assert.ok(pending, 'the queue holds a pair');
    await judgeMatch(db, 'analyst', pending.id, 'NOT_SAME', 'PENDING');
    await assert.rejects(judgeMatch(db, 'another analyst', pending.id, 'SAME', 'PENDING'), /is NOT_SAME now \(judged by analyst at .*\), not PENDING as expected/);
    const before = await contentHash(db);
    await run('2018-10-29');
    assert.equal(await contentHash(db), before, 'NOT_SAME is remembered: nothing proposed again');
    await undoJudgement(db, 'analyst', pending.id);
    const [row] = await db.read<{ decision: string; changes: string[] }>(
      'MATCH (p:MatchPair {id: $id}) RETURN p.decision AS decision, COLLECT { MATCH (c:Change {target: $id}) RETURN c.action ORDER BY c.at, c.seq } AS changes',
      { id: pending.id },
    );
    assert.deepEqual(row, { decision: 'PENDING', changes: ['JUDGE_MATCH', 'UNDO_JUDGEMENT'] });
  });

  test('the newer snapshot adds its observations; a record it no longer holds keeps its designation of 2018', async () => {
    const report = await run('2024-09-26');
    reports['2024-09-26'] = report;
    const { matching, timings, ...counts } = report;
    console.log(`2024-09-26 imported after 2018-10-29: ${JSON.stringify({ ...counts, automatic: matching.automatic.map((a) => `${a.record}->${a.actor}`), queued: matching.queued, unmatched: matching.unmatched, timings })}`);
    assert.equal(report.records, 875);
    const kib = await db.read<{ source: string; since: string }>(
      `MATCH (c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(:Actor {id: 'katibat-imam-bukhari'}) MATCH (c)-[:IN_SOURCE]->(s)
       RETURN s.published AS source, c.since AS since ORDER BY source`,
    );
    assert.deepEqual(kib, [
      { source: '2018-10-29', since: '2018-03-29' },
      { source: '2024-09-26', since: '2018-03-29' },
    ]);
    const gone = await db.read<{ id: string; sources: string[] }>(
      `MATCH (c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(a) MATCH (c)-[:IN_SOURCE]->(s)
       WITH a, collect(s.published) AS sources WHERE sources = ['2018-10-29'] RETURN a.id AS id, sources LIMIT 5`,
    );
    assert.ok(gone.length > 0, 'some records of 2018 are off the list of 2024');
    shapes.push(await shape(db));
  });

  test('an automatic SAME undone after a later import takes every claim of the record back, and judged again brings them', async () => {
    const designations = (id: string) =>
      db.read<{ source: string }>(
        `MATCH (c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(:Actor {id: $id}) MATCH (c)-[:IN_SOURCE]->(s) RETURN s.published AS source ORDER BY source`,
        { id },
      );
    const pair = 'un-sc-qde-158--katibat-imam-bukhari';
    const before = await contentHash(db);
    await undoJudgement(db, 'analyst', pair);
    assert.deepEqual(await designations('katibat-imam-bukhari'), []);
    assert.deepEqual(await designations('un-sc-qde-158'), [{ source: '2018-10-29' }, { source: '2024-09-26' }]);
    await judgeMatch(db, 'analyst', pair, 'SAME');
    assert.deepEqual(await designations('katibat-imam-bukhari'), [{ source: '2018-10-29' }, { source: '2024-09-26' }]);
    const [row] = await db.read<{ automatic: boolean; by: string }>('MATCH (p:MatchPair {id: $pair}) RETURN p.automatic AS automatic, p.by AS by', { pair });
    assert.deepEqual(row, { automatic: false, by: 'analyst' });
    assert.notEqual(await contentHash(db), before, 'the judgements are recorded');
  });

  test("an analyst's edit of a registry actor survives a re-import", async () => {
    const [record] = await db.read<{ id: string; version: number }>(
      "MATCH (a:Actor {referenceNumber: 'QDi.299'}) RETURN a.id AS id, coalesce(a.version, 1) AS version",
    );
    assert.ok(record, 'QDi.299 is an actor of its own (not judged the same automatically)');
    await updateActor(db, 'analyst', record.id, record.version, { description: 'An analyst wrote this.' });
    const before = await contentHash(db);
    await run('2024-09-26');
    assert.equal(await contentHash(db), before);
    const [after] = await db.read<{ description: string }>('MATCH (a:Actor {id: $id}) RETURN a.description AS description', { id: record.id });
    assert.equal(after!.description, 'An analyst wrote this.');
  });

  describe('through the API', () => {
    let app: TestApp;
    const tokens: Record<string, string> = {};
    before(async () => {
      app = await startTestApp(db);
      for (const role of ['reader', 'editor', 'admin']) tokens[role] = await createToken(db, `registry-${role}`, role);
    });
    after(async () => {
      for (const role of ['reader', 'editor', 'admin']) await revokeToken(db, `registry-${role}`);
      await app.stop();
    });

    test('actorByIdentifier answers our actor, with its identifiers, registry names and designations', async () => {
      const { body } = await app.graphql<{ actor: { id: string; origin: string; identifiers: { scheme: string; value: string; sources: { published: string }[] }[]; registryNames: { value: string; quality: string }[]; designations: { by: { name: string }; since: string; referenceNumber: string; regime: string; listedIn: { published: string }[]; notListedIn: { published: string }[] }[] } }>(
        `{ actor: actorByIdentifier(identifier: {scheme: "un-sc", value: "QDe.158"}) { id origin identifiers { scheme value sources { published } }
             registryNames { value quality } designations { by { name } since referenceNumber regime listedIn { published } notListedIn { published } } } }`,
      );
      assert.equal(body.errors, undefined);
      const actor = body.data!.actor;
      assert.equal(actor.id, 'katibat-imam-bukhari');
      assert.equal(actor.origin, 'SEED', 'a seeded actor judged the same stays the seed\'s');
      assert.deepEqual(actor.identifiers, [{ scheme: 'un-sc', value: 'QDe.158', sources: [{ published: '2018-10-29' }, { published: '2024-09-26' }] }]);
      assert.ok(actor.registryNames.some((name) => name.value === 'Khataib al-Imam al-Bukhari' && name.quality === 'AKA'), JSON.stringify(actor.registryNames));
      assert.deepEqual(actor.designations, [
        { by: { name: 'United Nations Security Council' }, since: '2018-03-29', referenceNumber: 'QDe.158', regime: 'Al-Qaida', listedIn: [{ published: '2018-10-29' }, { published: '2024-09-26' }], notListedIn: [] },
      ]);
    });

    test('a record off the newer list: on the list of 2018-10-29, not on the list of 2024-09-26', async () => {
      const [off] = await db.read<{ id: string }>(
        `MATCH (c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(a:Actor) MATCH (c)-[:IN_SOURCE]->(s)
         WITH a, collect(s.published) AS sources WHERE sources = ['2018-10-29'] RETURN a.id AS id ORDER BY id LIMIT 1`,
      );
      const { body } = await app.graphql<{ actor: { registryEntry: { referenceNumber: string }; designations: { listedIn: { published: string }[]; notListedIn: { published: string }[] }[] } }>(
        `query ($id: ID!) { actor(id: $id) { registryEntry { referenceNumber } designations { listedIn { published } notListedIn { published } } } }`,
        { id: off!.id },
      );
      assert.equal(body.errors, undefined);
      assert.deepEqual(body.data!.actor.designations, [{ listedIn: [{ published: '2018-10-29' }], notListedIn: [{ published: '2024-09-26' }] }]);
    });

    test('search finds our actor by the registry\'s spelling, and tells registry actors from curated ones', async () => {
      const { body } = await app.graphql<{ any: { id: string }[]; curated: { origin: string }[]; registry: { origin: string }[] }>(
        `{ any: search(text: "Khataib al-Imam al-Bukhari") { id }
           curated: search(text: "Islamic", origins: [SEED, API], limit: 50) { origin }
           registry: search(text: "Islamic", origins: [REGISTRY], limit: 50) { origin } }`,
      );
      assert.equal(body.errors, undefined);
      assert.equal(body.data!.any[0]!.id, 'katibat-imam-bukhari');
      assert.ok(body.data!.curated.length > 0 && body.data!.curated.every((a) => a.origin !== 'REGISTRY'));
      assert.ok(body.data!.registry.length > 0 && body.data!.registry.every((a) => a.origin === 'REGISTRY'));
    });

    test('the review queue, resumable; a judgement through the API merges and is undone', async () => {
      const page = (after: string | null) =>
        app.graphql<{ matchQueue: { id: string; score: number; record: { referenceNumber: string; name: string }; candidate: { id: string }; reasons: { reason: string }[] }[] }>(
          `query ($after: ID) { matchQueue(first: 3, after: $after) { id score record { referenceNumber name } candidate { id } reasons { reason } } }`,
          { after },
        );
      const first = (await page(null)).body.data!.matchQueue;
      assert.equal(first.length, 3);
      const second = (await page(first[2]!.id)).body.data!.matchQueue;
      assert.ok(second.length > 0 && second.every((pair) => !first.some((p) => p.id === pair.id)) && second[0]!.score <= first[2]!.score);
      const pair = first[0]!;
      assert.ok(pair.reasons.length > 0);
      const judge = `mutation ($pair: ID!) { judgeMatch(pair: $pair, decision: SAME) { decision automatic by record { mergedInto } } }`;
      assert.equal((await app.graphql(judge, { pair: pair.id }, tokens.reader)).body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const judged = await app.graphql<{ judgeMatch: { decision: string; automatic: boolean; by: string; record: { mergedInto: string } } }>(judge, { pair: pair.id }, tokens.editor);
      assert.equal(judged.body.errors, undefined);
      assert.deepEqual(judged.body.data!.judgeMatch, { decision: 'SAME', automatic: false, by: 'registry-editor', record: { mergedInto: pair.candidate.id } });
      const { body } = await app.graphql<{ actor: { identifiers: { value: string }[] } }>(`query ($id: ID!) { actor(id: $id) { identifiers { value } } }`, { id: pair.candidate.id });
      assert.ok(body.data!.actor.identifiers.some((identifier) => identifier.value === pair.record.referenceNumber));
      const undone = await app.graphql<{ undoJudgement: { decision: string; record: { mergedInto: string | null } } }>(
        `mutation ($pair: ID!) { undoJudgement(pair: $pair) { decision record { mergedInto } } }`,
        { pair: pair.id },
        tokens.editor,
      );
      assert.deepEqual(undone.body.data!.undoJudgement, { decision: 'PENDING', record: { mergedInto: null } });
      const judgements = await app.graphql<{ judgements: { id: string; automatic: boolean }[] }>(`{ judgements(automatic: true) { id automatic } }`);
      const automatic = judgements.body.data!.judgements;
      assert.ok(automatic.length > 1 && automatic.every((j) => j.automatic));
      const rest = await app.graphql<{ judgements: { id: string }[] }>(`query ($after: ID) { judgements(automatic: true, after: $after) { id } }`, { after: automatic[0]!.id });
      assert.deepEqual(rest.body.data!.judgements.map((j) => j.id), automatic.slice(1).map((j) => j.id), 'resumed after the first');
    });

    test('importRegistry is an admin\'s, and refuses a bad file naming its record', async () => {
      const mutation = `mutation ($text: String!) { importRegistry(format: UN_SC, text: $text) { records source { id } } }`;
      const small = slice(texts['2024-09-26'], 1);
      assert.equal((await app.graphql(mutation, { text: small }, tokens.editor)).body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const count = async () => (await db.read<{ n: number; r: number }>('MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r'))[0];
      const before = await count();
      const bad = await app.graphql(mutation, { text: small.replace(/<REFERENCE_NUMBER>[^<]*<\/REFERENCE_NUMBER>/, '') }, tokens.admin);
      assert.equal(bad.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(bad.body.errors![0]!.message, /INDIVIDUAL \(DATAID \d+\).*no REFERENCE_NUMBER/);
      assert.deepEqual(await count(), before, 'nothing was written');
      const good = await app.graphql<{ importRegistry: { records: number } }>(mutation, { text: small }, tokens.admin);
      assert.equal(good.body.errors, undefined);
      assert.equal(good.body.data!.importRegistry.records, 1);
    });
  });
});

describe('bad registry files are refused with the record named, and nothing is written', () => {
  const db = openTestDb();
  before(() => seed(db, true));
  after(() => db.close());
  const text = slice(texts['2024-09-26'], 3);
  const cases: [string, string, RegExp][] = [
    ['truncated', text.slice(0, Math.floor(text.length / 2)), /:\d+ /],
    ['not XML', 'REFERENCE_NUMBER,NAME\nQDe.010,IMU\n', /file|CONSOLIDATED_LIST|XML|root/i],
    ['a wrong root element', text.replace(/CONSOLIDATED_LIST/g, 'SANCTIONS'), /root element is <SANCTIONS>/],
    ['a record without reference number', text.replace(/<REFERENCE_NUMBER>[^<]*<\/REFERENCE_NUMBER>/, ''), /INDIVIDUAL \(DATAID \d+\).*no REFERENCE_NUMBER/],
    ['two records with one reference number', duplicateFirst(text), /reference number (\w+\.\d+) again \(first at line \d+\)/],
    ['an oversized file', text.replace('<INDIVIDUALS>', `<!-- ${'x'.repeat(20_000_001)} --><INDIVIDUALS>`), /more than the 20000000 a registry file may have/],
  ];
  for (const [what, bad, message] of cases) {
    test(what, async () => {
      const before = await contentHash(db);
      await assert.rejects(importRegistryText(db, 'test', { format: 'un-sc', text: bad, file: 'bad.xml', regimes: null }, options), (error: Error) => {
        assert.match(error.message, /bad\.xml/);
        assert.match(error.message, message);
        return true;
      });
      assert.equal(await contentHash(db), before);
    });
  }
  test('an unknown regime', async () => {
    await assert.rejects(importRegistryText(db, 'test', { format: 'un-sc', text, file: 'list.xml', regimes: ['Hogwarts'] }, options), /no record of regime "hogwarts"; the list holds Taliban \(UN_LIST_TYPE\)/);
  });
});

describe('the snapshots imported in the other order give the same graph', () => {
  const db = openTestDb();
  after(async () => {
    await seed(db, true);
    await db.close();
  });
  test('2024-09-26 first, then 2018-10-29', async () => {
    await seed(db, true);
    for (const date of ['2024-09-26', '2018-10-29'] as const) {
      await importRegistryText(db, 'test', { format: 'un-sc', text: texts[date], file: snapshotFile(date), regimes: null }, options);
    }
    assert.ok(shapes.length === 1, 'the first order was imported');
    const other = await shape(db);
    assert.deepEqual(other.claims, shapes[0]!.claims);
    assert.deepEqual(other.identifiers, shapes[0]!.identifiers);
    assert.deepEqual(other.actors, shapes[0]!.actors);
  });
});

/** What either order must give alike: every claim (id, ends, since), identifier (with its actor) and record actor's fields. */
const shapes: Awaited<ReturnType<typeof shape>>[] = [];
async function shape(db: Database) {
  const claims = await db.read<{ id: string; s: string; o: string; since: string | null }>(
    `MATCH (s)<-[:SUBJECT]-(c:Claim {origin: 'registry'})-[:OBJECT]->(o) RETURN c.id AS id, s.id AS s, o.id AS o, c.since AS since ORDER BY id`,
  );
  const identifiers = await db.read<{ id: string; actor: string }>('MATCH (i:Identifier)-[:IDENTIFIES]->(a) RETURN i.id AS id, a.id AS actor ORDER BY id');
  const actors = (
    await db.read<{ id: string; name: string; aliases: string[]; kind: string }>(
      `MATCH (a) WHERE (a:Actor OR a:MergedActor) AND a.referenceNumber IS NOT NULL
       RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.kind AS kind ORDER BY id`,
    )
  ).map((actor) => ({ ...actor, aliases: [...actor.aliases].sort() }));
  return { claims, identifiers, actors };
}

/** The list's header and its first `n` individuals, as a list of its own. */
function slice(text: string, n: number): string {
  const start = text.indexOf('<INDIVIDUAL>');
  let end = start;
  for (let i = 0; i < n; i++) end = text.indexOf('</INDIVIDUAL>', end) + '</INDIVIDUAL>'.length;
  return `${text.slice(0, start)}${text.slice(start, end)}\n    </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n`;
}

/** The text with its first individual twice. */
function duplicateFirst(text: string): string {
  const start = text.indexOf('<INDIVIDUAL>');
  const end = text.indexOf('</INDIVIDUAL>') + '</INDIVIDUAL>'.length;
  return text.slice(0, end) + text.slice(start, end) + text.slice(end);
}
