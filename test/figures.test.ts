// Figures written through GraphQL, against the real Neo4j: addFigure with the loader's own figure
// checks and new actors made in its transaction, every problem of a refused figure at once (and
// nothing written: a content hash of the whole database before and after), updateFigure's version
// check, retractFigure hiding the figure from every list, a reload of the seed keeping them, and
// the seed export writing them as seed files that load beside seed/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';
import { exportSeed } from '../src/export/seedExport.ts';
import { createToken } from '../src/auth/tokens.ts';
import { findViolations } from '../src/graph/invariants.ts';
import { loadSeed, validateSeed } from '../src/loader/load.ts';
import { config, contentHash, reseedAfterwards, seed, seededApp, type GraphQLResponse } from './support/testGraph.ts';

const setup = seededApp();
let editor = '';

before(async () => {
  await seed(setup.db, true);
  editor = await createToken(setup.db, `figure-editor-${process.pid}-${Date.now()}`, 'editor');
});
reseedAfterwards();

const gql = <T>(query: string, variables: Record<string, unknown>) => setup.app.graphql<T>(query, variables, editor);
const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const problemsOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.problems ?? [];

const article = [
  'A group of 10 people left Khujand for Syria in March, the regional police said on Tuesday.',
  'The police put the number of local residents fighting abroad at more than 200.',
].join('\n');

const figureFields = 'id version origin measure value qualifier unit date stance status quotes note evidence { quote start end } about { id } place { id } claimedBy { id name kind } source { id } retracted { by reason }';
const addFigure = `mutation($input: AddFigureInput!) { addFigure(input: $input) { ${figureFields} } }`;
const updateFigure = `mutation($id: ID!, $v: Int!, $patch: FigurePatch!) { updateFigure(id: $id, expectedVersion: $v, patch: $patch) { ${figureFields} } }`;

interface FigureNode {
  id: string;
  version: number;
  origin: string;
  measure: string;
  value: number | null;
  qualifier: string | null;
  unit: string;
  date: string | null;
  stance: string;
  status: string;
  quotes: string[];
  evidence: { quote: string; start: number; end: number }[];
  about: { id: string };
  place: { id: string } | null;
  claimedBy: { id: string; name: string; kind: string }[];
  retracted: { by: string; reason: string } | null;
}

let sourceId = '';
let figureId = '';

const input = () => ({
  about: 'tajikistan',
  measure: 'people who left for Syria in a group',
  value: 10,
  unit: 'people',
  date: '2015-03',
  place: 'syria',
  stance: 'ATTRIBUTED',
  claimedBy: ['new:police'],
  source: sourceId,
  quotes: ['A group of 10 people left Khujand for Syria in March'],
  newActors: [{ ref: 'new:police', name: 'Sughd Regional Police', kind: 'ORGANIZATION' }],
});

describe('addFigure', () => {
  before(async () => {
    const added = await gql<{ addSource: { id: string } }>('mutation($input: AddSourceInput!) { addSource(input: $input) { id } }', {
      input: { title: 'Ten leave Khujand for Syria', published: '2015-04-07', text: article },
    });
    assert.equal(added.body.errors, undefined, JSON.stringify(added.body.errors));
    sourceId = added.body.data!.addSource.id;
  });

  it('adds a figure with its new claimant, the quote located in the text, at version 1 and in the change log', async () => {
    const answer = await gql<{ addFigure: FigureNode }>(addFigure, { input: input() });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const figure = answer.body.data!.addFigure;
    figureId = figure.id;
    assert.ok(figure.id.length <= 48, figure.id);
    assert.deepEqual(
      { ...figure, id: undefined, claimedBy: figure.claimedBy.map((a) => a.name) },
      {
        id: undefined,
        version: 1,
        origin: 'API',
        measure: 'people who left for Syria in a group',
        value: 10,
        qualifier: null,
        unit: 'people',
        date: '2015-03',
        stance: 'ATTRIBUTED',
        status: 'ALLEGED',
        quotes: ['A group of 10 people left Khujand for Syria in March'],
        note: null,
        evidence: [{ quote: 'A group of 10 people left Khujand for Syria in March', start: 0, end: 52 }],
        about: { id: 'tajikistan' },
        place: { id: 'syria' },
        claimedBy: ['Sughd Regional Police'],
        source: { id: sourceId },
        retracted: null,
      },
    );
    assert.equal(figure.claimedBy[0]!.kind, 'ORGANIZATION');
    const history = await gql<{ figure: { action: string; after: string }[]; actor: { action: string }[] }>(
      'query($f: ID!, $a: ID!) { figure: history(id: $f) { action after } actor: history(id: $a) { action } }',
      { f: figure.id, a: figure.claimedBy[0]!.id },
    );
    assert.deepEqual(history.body.data!.figure.map((c) => c.action), ['ADD_FIGURE']);
    assert.equal(JSON.parse(history.body.data!.figure[0]!.after).claimedBy[0], figure.claimedBy[0]!.id);
    assert.deepEqual(history.body.data!.actor.map((c) => c.action), ['ADD_ACTOR']);
    const listed = await gql<{ figures: { id: string }[]; source: { figures: { id: string }[] } }>(
      'query($s: ID!) { figures(about: "tajikistan", first: 500) { id } source(id: $s) { figures { id } } }',
      { s: sourceId },
    );
    assert.ok(listed.body.data!.figures.some((f) => f.id === figure.id));
    assert.deepEqual(listed.body.data!.source.figures.map((f) => f.id), [figure.id]);
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('refuses a quote that is not verbatim in the source, and writes nothing, not even its new actor', async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(addFigure, { input: { ...input(), quotes: ['A group of ten people left Khujand for Syria'] } });
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.deepEqual(problemsOf(answer).map((p) => p.argumentName), ['input.quotes[0]']);
    assert.equal(await contentHash(setup.db), before);
  });

  it('reports a bad date, a bad quote, an undeclared ref and a missing qualifier together, and writes nothing', async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(addFigure, {
      input: { ...input(), value: null, date: 'March 2015', disputedBy: ['new:nobody'], quotes: ['A group of 10 people', 'left Khujand for Iraq'] },
    });
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    const problems = problemsOf(answer);
    assert.deepEqual(problems.map((p) => p.argumentName).sort(), ['input.date', 'input.disputedBy[0]', 'input.quotes[1]', 'input.value']);
    assert.match(problems.find((p) => p.argumentName === 'input.date')!.message, /partial date/);
    assert.match(problems.find((p) => p.argumentName === 'input.value')!.message, /qualifier/);
    assert.match(problems.find((p) => p.argumentName === 'input.disputedBy[0]')!.message, /"new:nobody" names no entry of newActors/);
    assert.equal(await contentHash(setup.db), before);
  });

  it("reports a new actor's bad fields with the figure's, and a new actor the figure never names", async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(addFigure, {
      input: { ...input(), date: '2015-02-30', newActors: [{ ref: 'new:police', name: ' ', kind: 'ORGANIZATION' }, { ref: 'new:spare', name: 'Spare', kind: 'PERSON' }] },
    });
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.deepEqual(problemsOf(answer).map((p) => p.argumentName).sort(), ['input.date', 'input.newActors[0].name', 'input.newActors[1].ref']);
    assert.equal(await contentHash(setup.db), before);
  });
});

describe('updateFigure and retractFigure', () => {
  it('refuses a stale expectedVersion as a CONFLICT and changes nothing', async () => {
    const before = await contentHash(setup.db);
    const answer = await gql(updateFigure, { id: figureId, v: 7, patch: { value: 12 } });
    assert.equal(codeOf(answer), 'CONFLICT');
    assert.equal(await contentHash(setup.db), before);
  });

  it('updates at the current version, keeping what the patch leaves out, and logs the fields that changed', async () => {
    const answer = await gql<{ updateFigure: FigureNode }>(updateFigure, { id: figureId, v: 1, patch: { value: null, qualifier: 'a group of', note: 'The text gives "a group of 10"; the count is kept in the quote.' } });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const figure = answer.body.data!.updateFigure;
    assert.deepEqual([figure.version, figure.value, figure.qualifier, figure.date, figure.quotes], [2, null, 'a group of', '2015-03', ['A group of 10 people left Khujand for Syria in March']]);
    const history = await gql<{ history: { action: string; before: string; after: string }[] }>('query($id: ID!) { history(id: $id) { action before after } }', { id: figureId });
    const [update] = history.body.data!.history;
    assert.equal(update!.action, 'UPDATE_FIGURE');
    assert.deepEqual(JSON.parse(update!.before), { value: 10, qualifier: null, note: null });
    const cleared = await gql(updateFigure, { id: figureId, v: 2, patch: { measure: null, date: '2015-13' } });
    assert.deepEqual(problemsOf(cleared).map((p) => p.argumentName).sort(), ['patch.date', 'patch.measure']);
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('retracts a figure: every list leaves it out, includeRetracted and its id still answer it', async () => {
    const answer = await gql<{ retractFigure: FigureNode }>('mutation($id: ID!) { retractFigure(id: $id, reason: "the police later gave 12") { id version retracted { reason } } }', { id: figureId });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.deepEqual(answer.body.data!.retractFigure, { id: figureId, version: 3, retracted: { reason: 'the police later gave 12' } });
    type Lists = { figures: { id: string }[]; all: { id: string }[]; source: { figures: { id: string }[] }; actor: { figures: { id: string }[] } };
    const lists = await gql<Lists>(
      'query($s: ID!) { figures(about: "tajikistan", first: 500) { id } all: figures(about: "tajikistan", first: 500, includeRetracted: true) { id } source(id: $s) { figures { id } } actor(id: "tajikistan") { figures(first: 500) { id } } }',
      { s: sourceId },
    );
    const data = lists.body.data!;
    assert.deepEqual([data.figures, data.source.figures, data.actor.figures].map((list) => list.some((f) => f.id === figureId)), [false, false, false]);
    assert.ok(data.all.some((f) => f.id === figureId));
    const again = await gql('mutation($id: ID!) { retractFigure(id: $id, reason: "again") { id } }', { id: figureId });
    assert.equal(codeOf(again), 'BAD_USER_INPUT');
    assert.deepEqual(await findViolations(setup.db), []);
  });

  it('a reload of the seed keeps the figure the API wrote, retracted as it was', async () => {
    await loadSeed(setup.db, { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
    const [row] = await setup.db.read<{ version: number; retracted: boolean; claimant: string }>(
      'MATCH (f:Figure {id: $id})-[:CLAIMED_BY]->(a:Actor) RETURN f.version AS version, f.retracted AS retracted, a.name AS claimant',
      { id: figureId },
    );
    assert.deepEqual(row, { version: 3, retracted: true, claimant: 'Sughd Regional Police' });
  });

  it('the seed export writes the figure and its new actor as seed files that load beside seed/', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'figure-export-'));
    const report = await exportSeed(setup.db, out);
    assert.equal(report.added.figures, 1);
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'figure-export-data-'));
    const sources = fs.mkdtempSync(path.join(os.tmpdir(), 'figure-export-sources-'));
    fs.cpSync(path.join(projectRoot, 'seed', 'data'), data, { recursive: true });
    fs.cpSync(path.join(out, 'data'), data, { recursive: true });
    fs.cpSync(path.join(projectRoot, 'seed', 'sources'), sources, { recursive: true });
    fs.cpSync(path.join(out, 'sources'), sources, { recursive: true });
    const batch = validateSeed({ dataDir: data, sourcesDir: sources });
    const figure = batch.figures.find((f) => f.id === figureId)!;
    assert.deepEqual([figure.about, figure.place, figure.props.qualifier, figure.props.retracted, figure.evidence.map((e) => e.quote)], [
      'tajikistan',
      'syria',
      'a group of',
      true,
      ['A group of 10 people left Khujand for Syria in March'],
    ]);
    assert.ok(batch.actors.some((a) => a.id === figure.claimedBy[0] && a.props.name === 'Sughd Regional Police'));
  });
});
