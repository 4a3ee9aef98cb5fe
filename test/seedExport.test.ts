// The seed export round trip, against the real Neo4j: an analyst's work written through
// GraphQL (a source, actors, claims; a retraction, contradictions, a merge) is exported as seed
// files (by the function and by `npm run export -- --format seed`), loaded with the seed into an
// emptied database, and found again as it was. Changes to the seed files' own records cannot be
// added, and are listed as revisions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { defaultDataDir, defaultSourcesDir, loadSeed, validateSeed } from '../src/loader/load.ts';
import { createToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { exportSeed, type SeedExportReport } from '../src/export/seedExport.ts';
import { claimProjection, toClaim, type ClaimRow } from '../src/graph/model.ts';
import { config, openTestDb, seed, seededApp } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { editor: '', admin: '' };
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-export-'));

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  tokens.editor = await createToken(setup.db, `export-editor-${stamp}`, 'editor');
  tokens.admin = await createToken(setup.db, `export-admin-${stamp}`, 'admin');
});
// What these tests write would change what later test files count: the seed is loaded afresh
// (with a connection of its own: seededApp closes its own first).
after(async () => {
  const db = openTestDb();
  await seed(db, true);
  await db.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

async function write<T>(query: string, variables: Record<string, unknown>, token = tokens.editor): Promise<T> {
  const answer = await setup.app.graphql<T>(query, variables, token);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data!;
}

// Line ends, quotes, a hash sign, Cyrillic, trailing spaces: the text must come back byte for byte.
const article = [
  'SAMARKAND, 3 March 2016 - A spokesman for the Samarkand Analytical Circle said on Thursday that the Islamic Movement of Uzbekistan "has cooperated with Katibat Imam Bukhari since early 2015."\r',
  'The circle also said: the Islamic Movement of Uzbekistan # operates in northern Afghanistan.\r',
  'Officials in Tashkent denied that Jamaat Ansarullah pledged allegiance to the Islamic Movement of Uzbekistan.',
  'Ташкент: «без комментариев».   ',
  '',
].join('\n');

const seedSource = 'rferl-2015-01-is-70-million';
const seedClaims = {
  retracted: 'islam-karimov--leads--uzbekistan--rferl-2015-04',
  contradictsApi: 'tajik-is-militant-group--affiliated-with--jamaat-ansarullah--rferl-2015-01',
  pair: ['us-led-coalition--attacked--islamic-state--rferl-2015-01', 'islamic-state--operates-in--iraq--rferl-2015-01'] as const,
};

const ids = { source: '', circle: '', twin: '', observers: '', cooperates: '', operates: '', denied: '', member: '' };

async function addClaim(input: Record<string, unknown>): Promise<string> {
  const data = await write<{ addClaim: { id: string } }>('mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }', { input });
  return data.addClaim.id;
}

async function contradict(claim: string, other: string): Promise<void> {
  await write('mutation($a: ID!, $b: ID!) { contradict(claim: $a, other: $b) { id } }', { a: claim, b: other });
}

async function addActor(input: Record<string, unknown>): Promise<string> {
  return (await write<{ addActor: { id: string } }>('mutation($input: AddActorInput!) { addActor(input: $input) { id } }', { input })).addActor.id;
}

/** An analyst's day: every kind of write the export must carry, and three changes to seed records. */
async function analystsDay(): Promise<void> {
  const source = await write<{ addSource: { id: string } }>('mutation($input: AddSourceInput!) { addSource(input: $input) { id } }', {
    input: { title: 'Samarkand circle: "IMU and Bukhari cooperate"', publisher: 'Test Wire', author: 'A. Writer', published: '2016-03-03', url: 'https://example.org/a?b=1#c', via: 'Fergana', language: 'en', accessed: '2016-03-04', text: article },
  });
  ids.source = source.addSource.id;
  ids.circle = await addActor({ name: 'Samarkand Analytical Circle', kind: 'ORGANIZATION', description: 'A think tank in Samarkand: "independent", it says.' });
  ids.twin = await addActor({ name: 'Samarkand Analytic Circle', kind: 'ORGANIZATION' });
  ids.observers = await addActor({ name: 'Bishkek Observers', kind: 'ORGANIZATION', aliases: ['null', 'On', '0x1F'], description: 'yes: a test; # not a comment' });

  ids.cooperates = await addClaim({
    subject: 'islamic-movement-of-uzbekistan', type: 'COOPERATES_WITH', object: 'katibat-imam-bukhari', stance: 'ATTRIBUTED', claimedBy: [ids.circle],
    since: '2015', dateText: 'since early 2015', note: 'The circle names no source: "unconfirmed".', source: ids.source,
    quotes: ['the Islamic Movement of Uzbekistan "has cooperated with Katibat Imam Bukhari since early 2015."'],
  });
  ids.operates = await addClaim({
    subject: 'islamic-movement-of-uzbekistan', type: 'OPERATES_IN', object: 'afghanistan', stance: 'ATTRIBUTED', claimedBy: [ids.twin], source: ids.source,
    quotes: ['the Islamic Movement of Uzbekistan # operates in northern Afghanistan'],
  });
  ids.denied = await addClaim({
    subject: 'jamaat-ansarullah', type: 'PLEDGED_ALLEGIANCE_TO', object: 'islamic-movement-of-uzbekistan', stance: 'DENIED', disputedBy: ['uzbekistan'], source: ids.source,
    quotes: ['Officials in Tashkent denied that Jamaat Ansarullah pledged allegiance', 'Ташкент: «без комментариев»'],
  });
  // A claim on a seed source, its quote wrapped where the text has a space (stored, and so exported, as the text prints it).
  ids.member = await addClaim({
    subject: 'kadyr-malikov', type: 'MEMBER_OF', object: 'religion-law-and-politics-analytical-center', role: 'director', stance: 'ASSERTED', source: seedSource,
    quotes: ['Kadyr Malikov, who leads the Religion, Law\nand Politics analytical center'],
  });

  await write('mutation($id: ID!) { retractClaim(id: $id, reason: "misread: the circle repeats a rumour") { id } }', { id: ids.operates });
  await contradict(ids.member, ids.cooperates);
  await contradict(seedClaims.contradictsApi, ids.denied);
  await write('mutation($keep: ID!, $merge: ID!) { mergeActors(keep: $keep, merge: $merge) { id } }', { keep: ids.circle, merge: ids.twin }, tokens.admin);

  // Changes to records of the seed files: revisions.
  await write('mutation($id: ID!) { retractClaim(id: $id, reason: "test") { id } }', { id: seedClaims.retracted });
  const tajikistan = await write<{ actor: { aliases: string[]; version: number } }>('{ actor(id: "tajikistan") { aliases version } }', {});
  await write('mutation($v: Int!, $aliases: [String!]) { updateActor(id: "tajikistan", expectedVersion: $v, patch: {aliases: $aliases}) { id } }', {
    v: tajikistan.actor.version,
    aliases: [...tajikistan.actor.aliases, 'Tojikiston'],
  });
  await contradict(...seedClaims.pair);
}

/** Every file under `dir`, relative path to content. */
function filesIn(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file, 'utf8'));
  }
  return files;
}

/** A seed folder holding seed/ and the export's data files and texts. */
function combine(exported: string): { dataDir: string; sourcesDir: string } {
  const dataDir = path.join(temp, 'combined', 'data');
  const sourcesDir = path.join(temp, 'combined', 'sources');
  fs.cpSync(defaultDataDir, dataDir, { recursive: true });
  fs.cpSync(defaultSourcesDir, sourcesDir, { recursive: true });
  fs.cpSync(path.join(exported, 'data'), dataDir, { recursive: true, errorOnExist: true, force: false });
  fs.cpSync(path.join(exported, 'sources'), sourcesDir, { recursive: true, errorOnExist: true, force: false });
  return { dataDir, sourcesDir };
}

const without = (props: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(props).filter(([k]) => !keys.includes(k)));

/**
 * What the database holds of the exported records: every property and link. Origin, version
 * and the loader's content hash are left out: the reloaded records are seed records (no
 * origin, version 1), and the API's hash does not cover retraction or contradictions.
 */
async function snapshot(claimIds: string[]) {
  const bookkeeping = ['origin', 'version', 'hash', 'file'];
  const [row] = await setup.db.read<{ source: Record<string, unknown>; actors: { props: Record<string, unknown>; labels: string[] }[]; claims: ClaimRow[]; mentions: Record<string, unknown>[] }>(
    `MATCH (s:Source {id: $source})
     RETURN properties(s) AS source,
            COLLECT { MATCH (a:Actor) WHERE a.id IN $actors RETURN {props: properties(a), labels: labels(a)} ORDER BY a.id } AS actors,
            COLLECT { MATCH (c:Claim) WHERE c.id IN $claims RETURN ${claimProjection('c')} ORDER BY c.id } AS claims,
            COLLECT { MATCH (s)-[m:MENTIONS]->(a:Actor) RETURN m {.*, actor: a.id} ORDER BY a.id } AS mentions`,
    { source: ids.source, actors: [ids.circle, ids.observers], claims: claimIds },
  );
  const claims = row!.claims.map((c) => ({ ...toClaim(c), version: null, origin: null, props: without(c.props, ...bookkeeping) }));
  // The relationships of these claims and of the claims they contradict (their status depends on it).
  const relationships = await setup.db.read<{ props: Record<string, unknown> }>(
    `MATCH (c:Claim) WHERE c.id IN $claims
     UNWIND [c.relationship] + COLLECT { MATCH (c)-[:CONTRADICTS]-(o:Claim) RETURN o.relationship } AS id
     WITH DISTINCT id
     MATCH (a:Actor)-[r {id: id}]->(b:Actor)
     RETURN r {.*, type: type(r), from: a.id, to: b.id} AS props ORDER BY r.id`,
    { claims: claimIds },
  );
  return {
    source: without(row!.source, ...bookkeeping),
    actors: row!.actors.map((a) => ({ props: without(a.props, ...bookkeeping), labels: [...a.labels].sort() })),
    claims,
    relationships: relationships.map((r) => r.props),
    mentions: row!.mentions.map((m) => without(m, 'origin', 'hash')),
  };
}

describe('npm run export -- --format seed', () => {
  const out = path.join(temp, 'export');
  let report: SeedExportReport;

  it('writes what the API added as seed files, and what it changed of seed records as revisions', async () => {
    await analystsDay();
    report = await exportSeed(setup.db, out);
    const sourceFile = `data/${ids.source}.yaml`;
    const claimsFile = `data/api-claims-${seedSource}.yaml`;
    assert.deepEqual(report, {
      files: [`sources/${ids.source}.txt`, sourceFile, claimsFile, 'data/api-actors.yaml', 'revisions.yaml'],
      added: { sources: 1, actors: 2, claims: 4, figures: 0 },
      inFiles: 0,
      revisions: 3,
      mergedAway: [ids.twin],
    });
    assert.equal(fs.readFileSync(path.join(out, 'sources', `${ids.source}.txt`), 'utf8'), article);

    const data = parse(fs.readFileSync(path.join(out, sourceFile), 'utf8'));
    assert.deepEqual(data.source, {
      id: ids.source, file: `${ids.source}.txt`, title: 'Samarkand circle: "IMU and Bukhari cooperate"', publisher: 'Test Wire', author: 'A. Writer', published: '2016-03-03', url: 'https://example.org/a?b=1#c',
      via: 'Fergana', language: 'en', accessed: '2016-03-04',
    });
    assert.match(fs.readFileSync(path.join(out, sourceFile), 'utf8'), /published: "2016-03-03"/);
    assert.deepEqual(data.actors.map((a: { id: string }) => a.id), [ids.circle]);
    assert.deepEqual(data.actors[0].aliases, ['Samarkand Analytic Circle'], 'the merged twin lives on as an alias');
    const claim = (id: string) => data.claims.find((c: { id: string }) => c.id === id);
    assert.deepEqual(data.claims.map((c: { id: string }) => c.id), [ids.cooperates, ids.denied, ids.operates].sort());
    assert.deepEqual(claim(ids.cooperates), {
      id: ids.cooperates, type: 'COOPERATES_WITH', subject: 'islamic-movement-of-uzbekistan', object: 'katibat-imam-bukhari', since: '2015', dateText: 'since early 2015',
      stance: 'ATTRIBUTED', claimedBy: [ids.circle], note: 'The circle names no source: "unconfirmed".', quotes: ['the Islamic Movement of Uzbekistan "has cooperated with Katibat Imam Bukhari since early 2015."'],
    });
    assert.deepEqual(claim(ids.operates).claimedBy, [ids.circle], 'the claimant moved by the merge');
    assert.equal(claim(ids.operates).retracted.reason, 'misread: the circle repeats a rumour');
    assert.deepEqual(claim(ids.denied).contradicts, [seedClaims.contradictsApi], 'a seed claim contradicting an added one is listed on the added one');

    const onSeedSource = parse(fs.readFileSync(path.join(out, claimsFile), 'utf8'));
    assert.deepEqual(onSeedSource.actors, undefined);
    assert.equal(onSeedSource.claims[0].source, seedSource);
    assert.deepEqual(onSeedSource.claims[0].contradicts, [ids.cooperates]);
    assert.equal(onSeedSource.claims[0].quotes[0], 'Kadyr Malikov, who leads the Religion, Law and Politics analytical center', 'the quote as the text prints it');
    const unused = parse(fs.readFileSync(path.join(out, 'data', 'api-actors.yaml'), 'utf8'));
    assert.deepEqual(unused.actors, [{ id: ids.observers, kind: 'Organization', name: 'Bishkek Observers', aliases: ['null', 'On', '0x1F'], description: 'yes: a test; # not a comment' }]);

    const revisions = parse(fs.readFileSync(path.join(out, 'revisions.yaml'), 'utf8'));
    assert.deepEqual(revisions.claims.map((r: { id: string; file: string; changed: object }) => [r.id, r.file, Object.keys(r.changed)]), [
      [seedClaims.retracted, 'seed/data/rferl-2015-04-cooperate-with-russia.yaml', ['retracted']],
    ]);
    assert.equal(revisions.claims[0].changed.retracted.files, null);
    assert.deepEqual(revisions.actors[0].changed.aliases.api.at(-1), 'Tojikiston');
    assert.deepEqual(revisions.contradictions, [{ claim: seedClaims.pair[0], contradicts: seedClaims.pair[1] }]);
    assert.deepEqual(Object.keys(revisions), ['actors', 'claims', 'contradictions'], 'kinds with nothing to revise are left out');
  });

  it('refuses to write into a folder that is not empty', async () => {
    await assert.rejects(exportSeed(setup.db, out), /is not empty: export into a new or empty folder/);
  });

  it('writes the same files from the command line', () => {
    const again = path.join(temp, 'export-cli');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--format', 'seed', '--out', again], { cwd: projectRoot, encoding: 'utf8', env: process.env });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /Wrote 1 source, 2 actors and 4 claims added through the API/);
    assert.match(run.stderr, /3 records revise seed records: apply them by hand/);
    assert.deepEqual(filesIn(again), filesIn(out));
    assert.match(spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--format', 'seed'], { cwd: projectRoot, encoding: 'utf8', env: process.env }).stderr, /give --out DIR/);
  });

  it('loads with the seed into an emptied database, giving back what the API wrote', async () => {
    const combined = combine(out);
    const batch = validateSeed(combined);
    assert.equal(batch.claims.length, validateSeed().claims.length + 4);

    // Exported against seed files that hold the export already: nothing is added twice.
    const second = await exportSeed(setup.db, path.join(temp, 'export-again'), combined);
    assert.deepEqual(second, { files: ['revisions.yaml'], added: { sources: 0, actors: 0, claims: 0, figures: 0 }, inFiles: 7, revisions: 3, mergedAway: [ids.twin] });

    const claimIds = [ids.cooperates, ids.operates, ids.denied, ids.member];
    const written = await snapshot(claimIds);
    assert.equal(written.claims.length, 4);
    assert.ok(written.mentions.length >= 4, JSON.stringify(written.mentions));
    await loadSeed(setup.db, { ...combined, reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
    const loaded = await snapshot(claimIds);
    assert.deepEqual(loaded, written);

    const statusOf = (claim: string) => loaded.relationships.find((r) => r.id === loaded.claims.find((c) => c.id === claim)!.relationshipId)!.status;
    assert.equal(statusOf(ids.cooperates), 'DISPUTED');
    assert.equal(statusOf(ids.member), 'DISPUTED');
    assert.equal(loaded.claims.find((c) => c.id === ids.operates)!.retracted!.reason, 'misread: the circle repeats a rumour');
    const [left] = await setup.db.read<{ api: number }>("RETURN COUNT { MATCH (n) WHERE n.origin = 'api' } + COUNT { MATCH ()-[r]->() WHERE r.origin = 'api' } AS api");
    assert.equal(left!.api, 0, 'the reloaded records are seed records');
  });
});
