// A first load's fast paths against the real Neo4j: the relationships derived in memory
// (src/loader/relationships.ts) are those src/graph/derive.ts derives from the same claims, and
// `--bulk` (neo4j-admin's importer, on a server of this test's own) leaves the very graph the
// loader leaves, which a later load then finds unchanged. Data: a generated graph (hubs,
// several claims per relationship, denials, contradictions) plus a file of the rarer cases
// (retractions, a contradiction by a retracted claim, spans that cross, roles spelt two ways, a
// figure, an actor without aliases, quotes, commas and line breaks in the texts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bulkLoad } from '../src/loader/bulk.ts';
import { loadSeed } from '../src/loader/load.ts';
import { generateGraph } from '../bench/generate.ts';
import { loadConfig } from '../src/config.ts';
import { deriveRelationships } from '../src/graph/derive.ts';
import { connect, type Connection } from '../src/launcher/connect.ts';
import type { Database } from '../src/neo4j/database.ts';
import { config, openTestDb, reseedAfterwards } from './support/testGraph.ts';
import { freePort, removeInstance, tempHome } from './support/localNeo4j.ts';

const text = [
  'Rare cases, "quoted", with commas, and a line break\r\nin Windows style.',
  'Alpha Front cooperates with Beta Brigade.',
  'Alpha Front no longer cooperates with Beta Brigade, a spokesman said.',
  'Gamma Group was led by Delta Person, its Deputy Leader, from 2015.',
  'Delta Person left Gamma Group in 2010.',
  'Some 300 fighters joined Alpha Front.',
  'Epsilon Person became chairman of Gamma Group in 2012.',
].join('\n');

const quote = (i: number) => text.split('\n')[i]!.replace('\r', '');
const retraction = { at: '2026-01-01T00:00:00.000Z', by: 'tester', reason: 'misread' };

/** A data file of the cases a generated graph lacks, with its source text. */
const rareCases = {
  source: { id: 'rare-cases-source', file: 'rare-cases.txt', title: 'Rare "cases", in one text', published: '2016-03', reliability: { grade: 'C', reason: 'Test: fairly reliable.' } },
  actors: [
    { id: 'alpha-front', kind: 'Group', name: 'Alpha Front' },
    { id: 'beta-brigade', kind: 'Group', name: 'Beta Brigade', aliases: ['Beta Bde'] },
    { id: 'gamma-group', kind: 'Group', name: 'Gamma Group' },
    { id: 'delta-person', kind: 'Person', name: 'Delta Person', description: 'Named in "one" text,\nover two lines.' },
    { id: 'epsilon-person', kind: 'Person', name: 'Epsilon Person' },
  ],
  claims: [
    // Both retracted: derived from both, marked retracted.
    { id: 'alpha--cooperates--beta--1', type: 'COOPERATES_WITH', subject: 'alpha-front', object: 'beta-brigade', stance: 'ASSERTED', quotes: [quote(1)], retracted: retraction },
    { id: 'alpha--cooperates--beta--2', type: 'COOPERATES_WITH', subject: 'alpha-front', object: 'beta-brigade', stance: 'ATTRIBUTED', claimedBy: ['delta-person'], quotes: [quote(2)], retracted: retraction },
    // Contradicted only by a retracted claim: not disputed for it.
    { id: 'beta--cooperates--alpha', type: 'COOPERATES_WITH', subject: 'beta-brigade', object: 'alpha-front', stance: 'ASSERTED', quotes: [quote(1)] },
    { id: 'beta--opposes--alpha', type: 'OPPOSES', subject: 'beta-brigade', object: 'alpha-front', stance: 'ASSERTED', quotes: [quote(2)], contradicts: ['beta--cooperates--alpha'], retracted: retraction },
    // One live claim and one retracted of the same relationship; the role spelt two ways; an end before the start;
    // two live claims graded apart (the relationship's grades in claim order, the best second).
    { id: 'delta--leads--gamma--a', type: 'LEADS', subject: 'delta-person', object: 'gamma-group', role: 'Deputy Leader', since: '2015', stance: 'ASSERTED', quotes: [quote(3)], note: 'A note\nover "two" lines, with a comma.', credibility: { grade: 3, reason: 'Test: possibly true.' } },
    { id: 'delta--leads--gamma--b', type: 'LEADS', subject: 'delta-person', object: 'gamma-group', role: 'deputy leader', until: '2010', stance: 'ASSERTED', quotes: [quote(4)], credibility: { grade: 1, reason: 'Test: confirmed.' } },
    // A single-holder office, whose later chairman (rareCasesLater) ends this tenure: a derived end.
    { id: 'epsilon--leads--gamma', type: 'LEADS', subject: 'epsilon-person', object: 'gamma-group', role: 'chairman', since: '2012', stance: 'ASSERTED', quotes: [quote(6)] },
    { id: 'delta--leads--gamma--c', type: 'LEADS', subject: 'delta-person', object: 'gamma-group', role: 'deputy  leader', stance: 'DENIED', disputedBy: ['beta-brigade'], quotes: [quote(4)], retracted: retraction },
    { id: 'gamma--split--delta', type: 'SPLIT_FROM', subject: 'gamma-group', object: 'alpha-front', stance: 'ATTRIBUTED', claimedBy: ['beta-brigade', 'delta-person'], quotes: [quote(0)] },
  ],
  figures: [
    { id: 'alpha-fighters', about: 'alpha-front', place: 'gamma-group', measure: 'fighters who joined', value: 300, qualifier: 'some', unit: 'people', stance: 'ASSERTED', quotes: [quote(5)] },
  ],
};

const laterText = 'Zeta Person, the chairman of Gamma Group, spoke.';

/** A later source: an undated chairman first observed after his predecessor's last observation, held by an inference. */
const rareCasesLater = {
  source: { id: 'rare-cases-later-source', file: 'rare-cases-later.txt', title: 'A later text', published: '2018-05', reliability: { grade: 'B', reason: 'Test: usually reliable.' } },
  actors: [{ id: 'zeta-person', kind: 'Person', name: 'Zeta Person' }],
  claims: [
    { id: 'zeta--leads--gamma', type: 'LEADS', subject: 'zeta-person', object: 'gamma-group', role: 'chairman', stance: 'INFERRED', note: 'Test: read from the appositive.', quotes: [laterText], credibility: { grade: 2, reason: 'Test: probably true.' } },
  ],
};

/** A generated graph with the rare cases added, in a folder of its own. */
async function testSeed(relationships: number): Promise<{ dataDir: string; sourcesDir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-seed-'));
  const { dataDir, sourcesDir } = await generateGraph(path.join(dir, 'graph'), { relationships, format: 'json' });
  fs.writeFileSync(path.join(sourcesDir, 'rare-cases.txt'), text);
  fs.writeFileSync(path.join(dataDir, 'rare-cases.json'), JSON.stringify(rareCases));
  fs.writeFileSync(path.join(sourcesDir, 'rare-cases-later.txt'), laterText);
  fs.writeFileSync(path.join(dataDir, 'rare-cases-later.json'), JSON.stringify(rareCasesLater));
  return { dataDir, sourcesDir };
}

/** A node's or edge's properties in key order, each with its type. */
const props = (x: string) => `COLLECT { UNWIND keys(${x}) AS k WITH k ORDER BY k RETURN [k, valueType(${x}[k]), ${x}[k]] }`;

/** Every node's labels and properties (with their types), every edge's type, ends and properties, as sorted lines. */
async function graphDump(db: Database): Promise<string[]> {
  const [row] = await db.read<{ lines: unknown[] }>(
    `CALL () { MATCH (n) RETURN [COLLECT { UNWIND labels(n) AS l WITH l ORDER BY l RETURN l }, ${props('n')}] AS line
               UNION ALL
               MATCH (a)-[r]->(b) RETURN [type(r), coalesce(a.id, a.name), coalesce(b.id, b.name), ${props('r')}] AS line }
     RETURN collect(line) AS lines`,
  );
  return row!.lines.map((line) => JSON.stringify(line)).sort();
}

/** The derived relationships, as sorted lines. */
async function relationshipDump(db: Database): Promise<string[]> {
  const rows = await db.read<{ line: unknown }>(
    `MATCH (a:Actor)-[r]->(b:Actor) WHERE r.claimCount IS NOT NULL RETURN [type(r), a.id, b.id, ${props('r')}] AS line`,
  );
  return rows.map((row) => JSON.stringify(row.line)).sort();
}

function assertSame(actual: string[], expected: string[], what: string) {
  const missing = expected.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !expected.includes(line));
  assert.deepEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] }, what);
  assert.equal(actual.length, expected.length, what);
}

const loadOptions = { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs };

describe('relationships of a first load', () => {
  const db = openTestDb();
  let seed: { dataDir: string; sourcesDir: string };
  before(async () => {
    seed = await testSeed(400);
  });
  after(() => db.close());
  reseedAfterwards();

  it('are those src/graph/derive.ts derives from the same claims', async () => {
    const { report } = await loadSeed(db, { ...seed, ...loadOptions, reset: true });
    assert.equal(report.claims.created > 500, true);
    const inMemory = await relationshipDump(db);
    assert.ok(inMemory.some((line) => line.includes('"retracted","BOOLEAN NOT NULL",true')), 'a relationship all of whose claims are retracted');
    // The rare cases' grades (in claim order, the best apart), a succession and an inference's status are there to compare.
    const rare = (holder: string) => inMemory.find((line) => line.startsWith(`["LEADS","${holder}","gamma-group",`)) ?? '';
    assert.match(rare('delta-person'), /"grades","[^"]+",\["C3","C1"\]\].*"heldFromStart","STRING NOT NULL","2015-01-01"/);
    assert.match(rare('delta-person'), /"bestGrade","STRING NOT NULL","C1"/);
    assert.match(rare('epsilon-person'), /"heldUntilEnd","STRING NOT NULL","2018-04-30"/);
    assert.match(rare('epsilon-person'), /"successor","STRING NOT NULL","zeta-person"/);
    assert.match(rare('zeta-person'), /"status","STRING NOT NULL","INFERRED"/);
    const keys = await db.read<{ id: string; type: string }>('MATCH (c:Claim) RETURN DISTINCT c.relationship AS id, c.type AS type');
    const counts = await deriveRelationships(db.statements(loadOptions.timeoutMs), keys, loadOptions);
    assert.equal(counts.derived, inMemory.length);
    assertSame(await relationshipDump(db), inMemory, 'derived in Cypher');
  });
});

describe('npm run seed -- --bulk', () => {
  const home = tempHome('bulk-neo4j-');
  let connection: Connection | undefined;
  let seed: { dataDir: string; sourcesDir: string };
  const env: Record<string, string | undefined> = { ...process.env, NEO4J_URI: undefined, NEO4J_USER: undefined, NEO4J_PASSWORD: undefined, NEO4J_DATABASE: undefined, NEO4J_LOCAL_HOME: home };
  before(async () => {
    seed = await testSeed(600);
    [env.NEO4J_BOLT_PORT, env.NEO4J_HTTP_PORT] = [String(await freePort()), String(await freePort())];
    connection = await connect(loadConfig(env));
  });
  after(async () => {
    await connection?.close();
    removeInstance(home);
  });

  it('leaves the graph the loader leaves, which a later load finds unchanged', async () => {
    const { db } = connection!;
    const bulkConfig = loadConfig(env);
    await loadSeed(db, { ...seed, ...loadOptions, reset: true });
    const loaded = await graphDump(db);
    await assert.rejects(bulkLoad(bulkConfig, connection!, { ...seed, ...loadOptions }), /only loads into an empty one/);

    const { report } = await bulkLoad(bulkConfig, connection!, { ...seed, ...loadOptions, replace: true });
    assert.equal(report.claims.created, loaded.filter((line) => line.startsWith('[["Claim"],')).length);
    assertSame(await graphDump(db), loaded, 'bulk-loaded graph');
    const [indexes] = await db.read<{ offline: number }>("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS offline");
    assert.equal(indexes?.offline, 0);

    const again = await loadSeed(db, { ...seed, ...loadOptions });
    for (const [name, counts] of Object.entries(again.report).filter(([name]) => name !== 'relationships')) {
      assert.deepEqual(counts, { created: 0, updated: 0, unchanged: (report as unknown as Record<string, { created: number }>)[name]!.created, removed: 0, kept: 0 }, name);
    }
    assert.deepEqual(again.report.relationships, { derived: 0, removed: 0 });
    assertSame(await graphDump(db), loaded, 'graph after a later load');
  });

  it('refuses a server it does not run, naming why', async () => {
    const external = { ...loadConfig(env), external: true };
    await assert.rejects(bulkLoad(external, connection!, { ...seed, ...loadOptions }), /NEO4J_URI names another server/);
    const other = { ...connection!, server: { owned: false, stop: async () => {} } };
    await assert.rejects(bulkLoad(loadConfig(env), other, { ...seed, ...loadOptions }), /another process runs it/);
  });
});
