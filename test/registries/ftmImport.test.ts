// FollowTheMoney entities imported as a registry, against the real Neo4j: the seed graph exported
// as FtM (checked by followthemoney itself), the database emptied, the file imported through
// `npm run import`'s path, and the same actors (names, kinds), identifiers and ties coming back as
// registry actors; every quote cut from the stored file at its offsets; the same file again
// changing nothing; a Sanction's authority found by name or the tie counted out; each bad file
// refused with its line named and nothing written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { matchingSettings, projectRoot } from '../../src/config.ts';
import type { ExportGraph } from '../../src/domain/formats.ts';
import { relationshipTypes } from '../../src/domain/vocabulary.ts';
import { exportGraph } from '../../src/export/exportGraph.ts';
import { actorEntityId } from '../../src/export/ftm.ts';
import { readProvenance } from '../../src/export/provenance.ts';
import { renderFtm } from '../../src/export/render.ts';
import { resetDatabase } from '../../src/loader/write.ts';
import { importRegistryText, type RegistryImportReport } from '../../src/writes/registryImport.ts';
import { ftmCheck } from '../support/python.ts';
import { config, contentHash, openTestDb, seed } from '../support/testGraph.ts';

const settings = matchingSettings({});
// A bulk write, as npm run import makes it: the loader's bound, not one query's.
const options = { thresholds: settings, limits: settings, timeoutMs: config.limits.loaderTimeoutMs };

const sorted = <T>(values: T[]) => values.map((value) => JSON.stringify(value)).sort();

describe('importing FollowTheMoney entities', () => {
  const db = openTestDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-import-'));
  const file = path.join(dir, 'graph.ftm.jsonl');
  const run = (text: string, name = file, published: string | null = null) =>
    importRegistryText(db, 'test', { format: 'ftm', text, file: name, regimes: null, published }, options);
  let graph: ExportGraph;
  let text: string;
  let report: RegistryImportReport;

  before(async () => {
    await seed(db, true);
    graph = await exportGraph(db);
    fs.writeFileSync(file, renderFtm('ftm', graph, await readProvenance(db, graph)));
    text = fs.readFileSync(file, 'utf8');
    await resetDatabase(db);
    report = await run(text);
  });
  after(async () => {
    await seed(db, true);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the export is FtM that followthemoney reads without rejecting any entity', () => {
    const { status, report: check, stderr } = ftmCheck(file);
    assert.deepEqual(check.rejections, [], stderr);
    assert.equal(status, 0);
  });

  test('into an empty database: the same actors, names, kinds and identifiers, as registry actors', async () => {
    assert.equal(report.records, graph.nodes.length);
    assert.equal(report.actors.created, graph.nodes.length);
    const expected = graph.nodes.map((node) => ({
      identifier: actorEntityId(node.id),
      name: node.properties.name,
      kind: node.kind,
      aliases: [...((node.properties.aliases as string[] | null) ?? [])].sort(),
    }));
    const actual = await db.read<{ identifier: string; name: string; kind: string; aliases: string[] }>(
      `MATCH (i:Identifier {scheme: 'ftm'})-[:IDENTIFIES]->(a:Actor {origin: 'registry', registry: 'ftm'})
       RETURN i.value AS identifier, a.name AS name, a.kind AS kind, [x IN a.aliases | x] AS aliases`,
    );
    assert.deepEqual(sorted(actual.map((a) => ({ ...a, aliases: [...a.aliases].sort() }))), sorted(expected));
    const [{ n }] = (await db.read<{ n: number }>('MATCH (a:Actor) RETURN count(a) AS n')) as [{ n: number }];
    assert.equal(n, graph.nodes.length, 'no actor besides the records (no listing body)');
  });

  test('the same ties: type, ends and role', async () => {
    assert.equal(report.claims.created, graph.edges.length);
    const expected = graph.edges.map((edge) => ({ type: edge.type, from: actorEntityId(edge.source), to: actorEntityId(edge.target), role: edge.properties.role ?? null }));
    const actual = await db.read<{ type: string; from: string; to: string; role: string | null }>(
      `MATCH (a:Actor)-[r]->(b:Actor) WHERE type(r) IN $types
       MATCH (i:Identifier)-[:IDENTIFIES]->(a) MATCH (j:Identifier)-[:IDENTIFIES]->(b)
       RETURN type(r) AS type, i.value AS from, j.value AS to, r.role AS role`,
      { types: relationshipTypes },
    );
    assert.deepEqual(sorted(actual), sorted(expected));
  });

  test('one source, the file byte for byte, published on the latest day the entities state; every quote at its span', async () => {
    const [source] = await db.read<{ text: string; publisher: string; published: string; quotes: { quote: string; start: number; end: number }[]; names: { starts: number[]; ends: number[] }[] }>(
      `MATCH (s:Source {id: $id})
       RETURN s.text AS text, s.publisher AS publisher, s.published AS published,
              COLLECT { MATCH (:Claim)-[e:EVIDENCE]->(s) RETURN {quote: e.quote, start: e.start, end: e.end} } +
              COLLECT { MATCH (:Identifier)-[e:OBSERVED_IN]->(s) RETURN {quote: e.quote, start: e.start, end: e.end} } AS quotes,
              COLLECT { MATCH (:RegistryName)-[e:OBSERVED_IN]->(s) RETURN {starts: e.starts, ends: e.ends} } AS names`,
      { id: report.source },
    );
    assert.ok(source);
    assert.equal(source.text, text);
    assert.equal(source.publisher, 'actorgraph');
    const days = text.match(/"(?:first|last)_seen":"(\d{4}-\d{2}-\d{2})/g)!.map((field) => field.slice(-10)).sort();
    assert.equal(source.published, days.at(-1));
    assert.equal(source.quotes.length, graph.nodes.length + graph.edges.length);
    for (const q of source.quotes) assert.equal(text.slice(q.start, q.end), q.quote);
    for (const n of source.names) assert.ok(n.starts.every((start, i) => !text.slice(start, n.ends[i]).includes('"')));
    assert.deepEqual(Object.keys(report.leftOut), ['Article entities: neither a party nor a tie']);
  });

  test('importing the same file again changes nothing, through npm run import as well', async () => {
    const before = await contentHash(db);
    const again = await run(text);
    assert.equal(again.sourceAdded, false);
    assert.deepEqual(again.actors, { created: 0, amended: 0, unchanged: graph.nodes.length });
    assert.equal(again.claims.created + again.claims.updated, 0);
    assert.equal(await contentHash(db), before);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', 'ftm', file], { cwd: projectRoot, encoding: 'utf8', env: process.env });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /Actors: 0 created, 0 amended/);
    assert.equal(await contentHash(db), before);
  });

  test('a Sanction becomes DESIGNATES from the authority the file names; one naming no entity of the file is counted out', async () => {
    const lines = [
      { id: 'un-sc', schema: 'Organization', properties: { name: ['United Nations Security Council'], alias: ['UN Security Council'] } },
      { id: 'imu', schema: 'Organization', properties: { name: ['Islamic Movement of Uzbekistan'] }, last_change: '2024-09-26T10:00:00' },
      { id: 'imu-sanction', schema: 'Sanction', properties: { authority: ['UN Security Council'], entity: ['imu'], program: ['Al-Qaida'], startDate: ['2001-10-06'] } },
      { id: 'imu-ofac', schema: 'Sanction', properties: { authority: ['OFAC'], entity: ['imu'] } },
    ];
    const sanctions = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
    const imported = await run(sanctions, path.join(dir, 'sanctions.ftm.jsonl'));
    assert.deepEqual(imported.leftOut, { 'Sanctions whose authority is no entity of the file': 1 });
    const rows = await db.read<{ subject: string; object: string; since: string; role: string; quotes: string[]; published: string }>(
      `MATCH (s:Actor)<-[:SUBJECT]-(c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(o:Actor) MATCH (c)-[:IN_SOURCE]->(src:Source)
       RETURN s.name AS subject, o.name AS object, c.since AS since, c.role AS role, src.published AS published,
              COLLECT { MATCH (c)-[e:EVIDENCE]->() RETURN e.quote } AS quotes`,
    );
    assert.deepEqual(rows, [
      { subject: 'United Nations Security Council', object: 'Islamic Movement of Uzbekistan', since: '2001-10-06', role: 'Al-Qaida', published: '2024-09-26', quotes: ['"program":["Al-Qaida"]'] },
    ]);
  });

  test('each bad file is refused with its line named, and nothing is written', async () => {
    const good = '{"id":"p1","schema":"Person","properties":{"name":["A Person"]},"first_seen":"2020-01-02T00:00:00"}\n';
    const bad: [what: string, text: string, message: RegExp][] = [
      ['not JSON', `${good}{"id": "p2", schema}\n`, /:2 line: not JSON/],
      ['no id', `${good}{"schema":"Person","properties":{"name":["B"]}}\n`, /:2 id: no id/],
      ['no schema', `${good}{"id":"p2","properties":{"name":["B"]}}\n`, /:2 entity p2 schema: no schema/],
      ['unknown schema', `${good}{"id":"p2","schema":"Militia","properties":{"name":["B"]}}\n`, /:2 entity p2 schema: unknown schema "Militia"/],
      ['duplicate id', `${good}${good}`, /:2 entity p1: id p1 again \(first at line 1\)/],
      ['edge to an entity not in the file', `${good}{"id":"m1","schema":"Membership","properties":{"member":["p1"],"organization":["nowhere"]}}\n`, /:2 entity m1 properties\.organization: "nowhere" is no entity of this file/],
      ['no date', '{"id":"p1","schema":"Person","properties":{"name":["A Person"]}}\n', /no entity states a date .*--published YYYY-MM-DD/],
    ];
    const before = await contentHash(db);
    for (const [what, content, message] of bad) {
      const name = path.join(dir, `${what.replace(/ /g, '-')}.ftm.jsonl`);
      await assert.rejects(run(content, name), (error: Error) => {
        assert.match(error.message, message, what);
        if (what !== 'no date') assert.ok(error.message.includes(name), `${what}: names the file`);
        return true;
      });
    }
    assert.equal(await contentHash(db), before);
    // A date given by hand is taken when the entities state none.
    const dated = await run(bad.at(-1)![1], path.join(dir, 'undated.ftm.jsonl'), '2021-03-04');
    assert.equal(dated.records, 1);
  });
});
