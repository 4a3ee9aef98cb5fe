// The UN Security Council list imported onto the seed graph, against the real Neo4j: both
// snapshots in either order, the key's pairs decided as labelled (no hard negative decided SAME
// automatically), a judgement honoured on re-import, the same file again changing nothing, every
// quote cut from the stored snapshot at its offsets, and each bad file refused with its record
// named and nothing written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { matchingSettings } from '../../src/config.ts';
import { readKey, snapshotFile } from '../../bench/matching/inputs.ts';
import { actorIdOf } from '../../src/registries/unScPlan.ts';
import { importRegistryText, type RegistryImportReport } from '../../src/writes/registryImport.ts';
import { judgeMatch, undoJudgement } from '../../src/writes/judgements.ts';
import { contentHash, openTestDb, seed } from '../support/testGraph.ts';

const settings = matchingSettings({});
const options = { thresholds: settings, limits: settings };
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
    await judgeMatch(db, 'analyst', pending.id, 'NOT_SAME');
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
  });
});
