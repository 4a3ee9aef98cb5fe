// Admiralty grading against the real Neo4j (issue #25): grades in seed files stored and reloaded
// when they change, refused with file, line and field when bad; editors' grades through the API with
// their reasons in the change log, refused when bad with nothing written, kept by `npm run seed`;
// the minReliability/minCredibility filters on claims, relationships and a traversal; a
// relationship's best grading; and the exports carrying the grades.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { createToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { SeedValidationError } from '../src/domain/problems.ts';
import { exportGraph } from '../src/export/exportGraph.ts';
import { readProvenance } from '../src/export/provenance.ts';
import { renderFtm, render } from '../src/export/render.ts';
import { exportSeed } from '../src/export/seedExport.ts';
import { loadSeed, validateSeed } from '../src/loader/load.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage } from './support/chromium.ts';
import { config, contentHash, reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
reseedAfterwards();
const tokens = { reader: '', editor: '' };
const editorName = `grading-editor-${process.pid}-${Date.now()}`;

const source = 'rferl-2015-01-is-70-million';
const otherSource = 'eurasianet-2002-09-16-imu-threat-alive';
const claim = 'nursultan-nazarbayev--leads--kazakhstan--rferl-2015-01';
const otherClaim = 'nursultan-nazarbayev--leads--kazakhstan--eurasianet-2002-09';

/** A copy of the seed (data and texts) in a temporary folder, its files edited by `edit`. */
function seedCopy(edit: (file: string, doc: ReturnType<typeof parseDocument>) => void): { dataDir: string; sourcesDir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grading-seed-'));
  const [dataDir, sourcesDir] = [path.join(dir, 'data'), path.join(dir, 'sources')];
  fs.cpSync(path.join(projectRoot, 'seed', 'data'), dataDir, { recursive: true });
  fs.cpSync(path.join(projectRoot, 'seed', 'sources'), sourcesDir, { recursive: true });
  for (const name of fs.readdirSync(dataDir)) {
    const file = path.join(dataDir, name);
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    edit(name, doc);
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  }
  return { dataDir, sourcesDir };
}

/** Sets (or, with null, removes) the grade of the file's source and of the claim `id` in it. */
function grade(doc: ReturnType<typeof parseDocument>, reliability: { grade: string; reason: string } | null, credibility: { id: string; grade: number; reason: string } | null) {
  if (reliability) doc.setIn(['source', 'reliability'], doc.createNode(reliability));
  if (credibility) {
    const claims = doc.get('claims') as { items: { get(key: string): unknown }[] };
    const i = claims.items.findIndex((item) => item.get('id') === credibility.id);
    assert.ok(i >= 0, `claim ${credibility.id} in the file`);
    doc.setIn(['claims', i, 'credibility'], doc.createNode({ grade: credibility.grade, reason: credibility.reason }));
  }
}

/** Every grade taken out of a data file, so that the API's tests start from an ungraded graph whatever the seed grades. */
function ungrade(_: string, doc: ReturnType<typeof parseDocument>) {
  if (doc.has('source')) doc.deleteIn(['source', 'reliability']);
  for (const kind of ['claims', 'figures']) {
    const entries = doc.get(kind) as { items: unknown[] } | undefined;
    entries?.items.forEach((_, i) => doc.deleteIn([kind, i, 'credibility']));
  }
}

const loadSeedAt = (dirs: { dataDir: string; sourcesDir: string }, reset = false) =>
  loadSeed(setup.db, { ...dirs, reset, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => setup.app.graphql<T>(query, variables, token);
const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const argumentOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.argumentName;

interface Graded {
  source: { reliability: { grade: string; reason: string; by: string | null; at: string | null } | null };
  claim: { version: number; origin: string; credibility: { grade: number; reason: string; by: string | null; at: string | null } | null; grade: string; relationship: { id: string; bestGrade: string | null } };
}
const gradedQuery = `query($source: ID!, $claim: ID!) {
  source(id: $source) { reliability { grade reason by at } }
  claim(id: $claim) { version origin grade credibility { grade reason by at } relationship { id bestGrade } }
}`;
const readGrades = async (s = source, c = claim) => (await gql<Graded>(gradedQuery, { source: s, claim: c })).body.data!;

const gradeSource = `mutation($id: ID!, $grade: Reliability, $reason: String!) { gradeSource(id: $id, grade: $grade, reason: $reason) { id origin reliability { grade reason by at } } }`;
const gradeClaim = `mutation($id: ID!, $grade: Int, $reason: String!, $expectedVersion: Int) {
  gradeClaim(id: $id, grade: $grade, reason: $reason, expectedVersion: $expectedVersion) { id version credibility { grade reason by } relationship { bestGrade } }
}`;

before(async () => {
  await seed(setup.db, true);
  tokens.reader = await createToken(setup.db, `grading-reader-${process.pid}-${Date.now()}`, 'reader');
  tokens.editor = await createToken(setup.db, editorName, 'editor');
});

describe('grades in seed files', () => {
  const load = loadSeedAt;
  after(async () => seed(setup.db, true));

  it('are stored as the files give them (no by/at), and the relationship shows its best grading', async () => {
    const dirs = seedCopy((name, doc) => {
      ungrade(name, doc);
      if (name.startsWith(source)) grade(doc, { grade: 'B', reason: 'Named outlet, on the record.' }, { id: claim, grade: 2, reason: 'Confirmed by another source.' });
      if (name.startsWith(otherSource)) grade(doc, { grade: 'A', reason: 'Test: best reliability.' }, { id: otherClaim, grade: 3, reason: 'Test: possibly true.' });
    });
    await load(dirs, true);
    const graded = await readGrades();
    assert.deepEqual(graded.source.reliability, { grade: 'B', reason: 'Named outlet, on the record.', by: null, at: null });
    assert.deepEqual(graded.claim.credibility, { grade: 2, reason: 'Confirmed by another source.', by: null, at: null });
    // Best credibility first (2 beats 3), though the other claim's source is the more reliable.
    assert.equal(graded.claim.grade, 'B2');
    assert.equal(graded.claim.relationship.bestGrade, 'B2');
    // The first load derived its relationships in memory (src/loader/relationships.ts): derive.ts's Cypher gives the same.
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('a source regraded in its file reloads, and derives its claims\' relationships again', async () => {
    const dirs = seedCopy((name, doc) => {
      ungrade(name, doc);
      if (name.startsWith(source)) grade(doc, { grade: 'D', reason: 'Test: regraded.' }, { id: claim, grade: 4, reason: 'Test: doubtful.' });
      if (name.startsWith(otherSource)) grade(doc, { grade: 'A', reason: 'Test: best reliability.' }, { id: otherClaim, grade: 3, reason: 'Test: possibly true.' });
    });
    const { report } = await load(dirs);
    assert.equal(report.sources.updated, 1, 'the regraded source is updated');
    assert.equal(report.claims.updated, 1, 'the regraded claim is updated');
    const graded = await readGrades();
    assert.equal(graded.source.reliability?.grade, 'D');
    assert.equal(graded.claim.grade, 'D4');
    assert.equal(graded.claim.relationship.bestGrade, 'A3');
  });

  it('a bad grade is refused with the file, the line and the field, and nothing is loaded', () => {
    const dirs = seedCopy((name, doc) => {
      if (name.startsWith(source)) {
        doc.setIn(['source', 'reliability'], doc.createNode({ grade: 'G', reason: 'no such grade' }));
        grade(doc, null, { id: claim, grade: 7, reason: 'no such grade' });
      }
    });
    assert.throws(
      () => validateSeed(dirs),
      (error: unknown) => {
        assert.ok(error instanceof SeedValidationError);
        const problems = error.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.path}`);
        assert.ok(problems.some((p) => /^rferl-2015-01-is-70-million\.yaml:\d+ source\.reliability\.grade$/.test(p)), problems.join('; '));
        assert.ok(problems.some((p) => /^rferl-2015-01-is-70-million\.yaml:\d+ claims\[\d+\]\.credibility\.grade$/.test(p)), problems.join('; '));
        assert.match(error.message, /must be one of A, B, C, D, E, F/);
        assert.match(error.message, /must be one of 1, 2, 3, 4, 5, 6/);
        return true;
      },
    );
  });
});

describe('grades set through the API', () => {
  // The seed without its grades: what these tests grade is then all that is graded.
  const ungraded = seedCopy(ungrade);
  before(async () => loadSeedAt(ungraded, true));

  it('an editor grades a source and a claim; the change log keeps each with its reason; the relationship is derived again at once', async () => {
    const graded = await gql<{ gradeSource: { origin: string; reliability: { grade: string; reason: string; by: string; at: string } } }>(
      gradeSource,
      { id: source, grade: 'C', reason: 'Relays another outlet\'s unnamed sources.' },
      tokens.editor,
    );
    assert.equal(graded.body.errors, undefined, JSON.stringify(graded.body.errors));
    assert.equal(graded.body.data!.gradeSource.reliability.grade, 'C');
    assert.equal(graded.body.data!.gradeSource.reliability.by, editorName);
    assert.equal(graded.body.data!.gradeSource.origin, 'API', 'the loader leaves it alone from now on');
    const claimed = await gql<{ gradeClaim: { version: number; credibility: { grade: number }; relationship: { bestGrade: string } } }>(
      gradeClaim,
      { id: claim, grade: 2, reason: 'Confirmed by the 2002 article.', expectedVersion: 1 },
      tokens.editor,
    );
    assert.equal(claimed.body.errors, undefined, JSON.stringify(claimed.body.errors));
    assert.equal(claimed.body.data!.gradeClaim.credibility.grade, 2);
    assert.equal(claimed.body.data!.gradeClaim.version, 2);
    assert.equal(claimed.body.data!.gradeClaim.relationship.bestGrade, 'C2');
    const history = await gql<{ source: { action: string; by: string; before: string; after: string }[]; claim: { action: string; after: string }[] }>(
      'query($s: ID!, $c: ID!) { source: history(id: $s) { action by before after } claim: history(id: $c) { action after } }',
      { s: source, c: claim },
    );
    const [sourceChange] = history.body.data!.source;
    assert.equal(sourceChange?.action, 'GRADE_SOURCE');
    assert.equal(sourceChange?.by, editorName);
    assert.deepEqual(JSON.parse(sourceChange!.before), { reliability: null });
    assert.equal(JSON.parse(sourceChange!.after).reliability.reason, 'Relays another outlet\'s unnamed sources.');
    assert.equal(history.body.data!.claim[0]?.action, 'GRADE_CLAIM');
    assert.equal(JSON.parse(history.body.data!.claim[0]!.after).credibility.grade, 2);
  });

  it('regrading a source derives the relationships of its claims again in the same write', async () => {
    await gql(gradeSource, { id: source, grade: 'A', reason: 'Test: regraded.' }, tokens.editor);
    assert.equal((await readGrades()).claim.relationship.bestGrade, 'A2');
  });

  it('a bad grade or reason is BAD_USER_INPUT naming the argument, and writes nothing; a reader may not grade', async () => {
    const before = await contentHash(setup.db);
    const cases: [string, Record<string, unknown>, string][] = [
      [gradeClaim, { id: claim, grade: 7, reason: 'x' }, 'grade'],
      [gradeClaim, { id: claim, grade: 0, reason: 'x' }, 'grade'],
      [gradeClaim, { id: claim, grade: 3, reason: '   ' }, 'reason'],
      [gradeSource, { id: source, grade: 'B', reason: '' }, 'reason'],
    ];
    for (const [mutation, variables, argument] of cases) {
      const answer = await gql(mutation, variables, tokens.editor);
      assert.equal(codeOf(answer), 'BAD_USER_INPUT', JSON.stringify(answer.body));
      assert.equal(argumentOf(answer), argument, JSON.stringify(answer.body));
    }
    const unknown = await gql(gradeClaim, { id: 'no-such-claim', grade: 2, reason: 'x' }, tokens.editor);
    assert.equal(codeOf(unknown), 'NOT_FOUND');
    const stale = await gql(gradeClaim, { id: claim, grade: 3, reason: 'x', expectedVersion: 1 }, tokens.editor);
    assert.equal(codeOf(stale), 'CONFLICT');
    const reader = await gql(gradeSource, { id: source, grade: 'B', reason: 'x' }, tokens.reader);
    assert.equal(codeOf(reader), 'FORBIDDEN');
    assert.equal(await contentHash(setup.db), before, 'nothing was written');
  });

  it('a grade set through the API survives a reload of the seed', async () => {
    const { report } = await loadSeedAt(ungraded);
    assert.ok(report.sources.kept >= 1 && report.claims.kept >= 1, JSON.stringify(report));
    const graded = await readGrades();
    assert.equal(graded.source.reliability?.grade, 'A');
    assert.equal(graded.claim.credibility?.grade, 2);
    assert.equal(graded.claim.relationship.bestGrade, 'A2');
    // Read with only the fields asked for, as a list brings them (src/graph/include.ts).
    const listed = await gql<{ claims: { edges: { node: { grade: string; credibility: { reason: string } } }[] } }>(
      'query($source: ID!) { claims(source: $source, about: "kazakhstan", types: [LEADS]) { edges { node { grade credibility { reason } } } } }',
      { source },
    );
    assert.deepEqual(listed.body.data?.claims.edges.map((e) => e.node), [{ grade: 'A2', credibility: { reason: 'Confirmed by the 2002 article.' } }], JSON.stringify(listed.body));
  });

  it('the web app\'s evidence panel shows each claim\'s grade with its reasons, and the relationship\'s best', { timeout: 300_000 }, async () => {
    await ensureWebBuild();
    const { browser, page, pageErrors } = await openAppPage();
    try {
      const relationship = (await readGrades()).claim.relationship.id;
      await page.goto(`${setup.app.url}/?focus=nursultan-nazarbayev&select=${relationship}`);
      await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
      const panel = page.getByTestId('side-panel');
      const graded = panel.locator(`[data-testid="claim"][data-claim-id="${claim}"]`).getByTestId('claim-grade');
      assert.equal(await graded.textContent(), 'A2');
      const reasons = (await graded.getAttribute('title')) ?? '';
      assert.match(reasons, /Source reliability A/);
      assert.match(reasons, /Credibility 2: Confirmed by the 2002 article\./);
      assert.equal(await panel.locator(`[data-testid="claim"][data-claim-id="${otherClaim}"]`).getByTestId('claim-grade').textContent(), 'ungraded');
      assert.equal(await panel.getByTestId('relationship-grade').textContent(), 'A2');
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });

  it('the filters keep claims and relationships graded at least as asked; ungraded never passes', async () => {
    type Ids = { claims: { edges: { node: { id: string } }[] }; relationships: { edges: { node: { id: string } }[] } };
    const query = `query($r: Reliability, $c: Int) {
      claims(minReliability: $r, minCredibility: $c, first: 500) { edges { node { id } } }
      relationships(minReliability: $r, minCredibility: $c, first: 500) { edges { node { id } } }
    }`;
    const ids = async (r: string | null, c: number | null) => {
      const answer = await gql<Ids>(query, { r, c });
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      return { claims: answer.body.data!.claims.edges.map((e) => e.node.id), relationships: answer.body.data!.relationships.edges.map((e) => e.node.id) };
    };
    const relationship = (await readGrades()).claim.relationship.id;
    assert.deepEqual(await ids('A', 2), { claims: [claim], relationships: [relationship] });
    assert.deepEqual(await ids('A', 1), { claims: [], relationships: [] }, 'credibility 2 is not 1');
    // minReliability alone: every claim of the source graded A, graded or not itself.
    const fromSource = (await ids('B', null)).claims;
    assert.ok(fromSource.length > 1 && fromSource.includes(claim));
    assert.deepEqual((await ids(null, 6)).claims, [claim], 'only the graded claim passes a credibility filter, however lax');
    await gql(gradeClaim, { id: otherClaim, grade: 1, reason: 'Test: confirmed.' }, tokens.editor);
    assert.deepEqual((await ids(null, 1)).claims, [otherClaim]);
    assert.deepEqual((await ids('A', 1)).relationships, [], 'the claim graded 1 is from an ungraded source');
    const bad = await gql(query, { r: null, c: 9 });
    assert.equal(codeOf(bad), 'BAD_USER_INPUT');
    assert.equal(argumentOf(bad), 'minCredibility');
  });

  it('a traversal takes the filters on every hop', async () => {
    type Hood = { neighborhood: { relationships: { id: string; claims: { source: { reliability: { grade: string } | null } }[] }[] } };
    const query = `query($r: Reliability) { neighborhood(id: "nursultan-nazarbayev", depth: 2, minReliability: $r) { relationships { id claims { source { reliability { grade } } } } } }`;
    const all = (await gql<Hood>(query, { r: null })).body.data!.neighborhood.relationships;
    const graded = (await gql<Hood>(query, { r: 'A' })).body.data!.neighborhood.relationships;
    assert.ok(graded.length > 0 && all.length > graded.length, `${graded.length} of ${all.length}`);
    for (const r of graded) assert.ok(r.claims.some((c) => c.source.reliability?.grade === 'A'), r.id);
  });

  it('grade null makes it ungraded again, with the reason in the change log', async () => {
    const answer = await gql<{ gradeClaim: { credibility: null } }>(gradeClaim, { id: otherClaim, grade: null, reason: 'Test: the confirmation was withdrawn.' }, tokens.editor);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal(answer.body.data!.gradeClaim.credibility, null);
    const history = await gql<{ history: { action: string; after: string }[] }>('query($id: ID!) { history(id: $id, first: 1) { action after } }', { id: otherClaim });
    assert.deepEqual(JSON.parse(history.body.data!.history[0]!.after), { credibility: null, reason: 'Test: the confirmation was withdrawn.' });
  });

  it('leaves the graph whole: every relationship as its claims derive it, every version as the change log counts it', async () => {
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('every export format carries the grades', async () => {
    const graph = await exportGraph(setup.db);
    const relationship = (await readGrades()).claim.relationship.id;
    const edge = graph.edges.find((e) => e.id === relationship)!;
    assert.equal(edge.properties.bestGrade, 'A2');
    const claims = edge.properties.claims as string[];
    assert.equal((edge.properties.claimGrades as string[])[claims.indexOf(claim)], 'A2');
    assert.equal(edge.properties.grades, undefined, 'the filters\' index stays inside');
    for (const format of ['graphml', 'gexf', 'csv', 'json', 'cypher'] as const) {
      const text = JSON.stringify(render(format, graph));
      assert.match(text, /bestGrade/, format);
      assert.match(text, /claimGrades/, format);
    }
    const ftm = renderFtm('ftm', graph, await readProvenance(setup.db, graph));
    assert.match(ftm, /Source reliability \(Admiralty\): A\. Test: regraded\./);
    assert.match(ftm, /best grading of its claims \(Admiralty, source reliability and credibility\) A2/);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'grading-export-'));
    await exportSeed(setup.db, out, ungraded);
    const revisions = fs.readFileSync(path.join(out, 'revisions.yaml'), 'utf8');
    assert.match(revisions, /reliability:\s*\n\s*files: null\s*\n\s*api:\s*\n\s*grade: A\s*\n\s*reason: "?Test: regraded\./);
    assert.match(revisions, /credibility:/);
  });
});
