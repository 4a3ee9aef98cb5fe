// Compiled execution (graphql-jit, src/api/jit.ts) answers exactly as graphql-js's execute:
// the same data and the same errors, formatted as clients see them, on the seed graph.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, parse, type ExecutionResult, type GraphQLError } from 'graphql';
import { readExamples } from '../src/docs/examples.ts';
import { createContext } from '../src/api/context.ts';
import { formatError } from '../src/api/errors.ts';
import { compiledExecution } from '../src/api/jit.ts';
import { RequestBudget } from '../src/api/requestBudget.ts';
import { buildSchema } from '../src/api/schema.ts';
import { openTestDb, reseedAfterwards, seed } from './support/testGraph.ts';

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** A budget smaller than the server's, to stop a request while it runs. */
  budget?: { maxResolvedFields: number; maxResolvedTextBytes: number };
}

const cases: Case[] = [
  ...readExamples().map((example) => ({ name: `docs: ${example.title}`, query: example.query })),
  {
    name: 'variables, defaults, aliases, fragments and directives',
    query: `query Q($id: ID!, $depth: Int = 1, $withIds: Boolean!, $skipNames: Boolean = true) {
      hub: actor(id: $id) { ...Names kind aliases }
      around: neighborhood(id: $id, depth: $depth) { nodes { id @include(if: $withIds) name @skip(if: $skipNames) } relationships { ... on Relationship { id type status } } }
      __typename
    }
    fragment Names on Actor { id name __typename }`,
    variables: { id: 'islamic-movement-of-uzbekistan', withIds: true },
  },
  {
    name: 'a relationship with its claims, evidence and sources',
    query: `{ relationships(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type from { id } to { id } since until status
      claimedBy { id } disputedBy { id } evidence { quote source { id title published } } } } } }`,
  },
  { name: 'introspection', query: '{ __schema { queryType { name } types { name kind } } __type(name: "Actor") { fields { name args { name defaultValue } } } }' },
  { name: 'an argument out of range', query: '{ neighborhood(id: "islamic-state", depth: 5) { nodes { id } } }' },
  { name: 'a traversal from an unknown actor', query: '{ neighborhood(id: "no-such-actor") { nodes { id } } }' },
  { name: 'an unknown actor is null', query: '{ actor(id: "no-such-actor") { id } }' },
  { name: 'a malformed date', query: '{ relationships(asOf: "2015-13") { totalCount } }' },
  { name: 'a required variable missing', query: 'query Q($id: ID!) { actor(id: $id) { id } }', variables: {} },
  { name: 'a variable of the wrong type', query: 'query Q($depth: Int) { neighborhood(id: "islamic-state", depth: $depth) { nodes { id } } }', variables: { depth: 'two' } },
  { name: 'two operations, one named', query: 'query A { stats { actors } } query B { stats { sources } }', operationName: 'B' },
  { name: 'two operations, none named', query: 'query A { stats { actors } } query B { stats { sources } }' },
  { name: 'an operation name that does not exist', query: 'query A { stats { actors } }', operationName: 'C' },
  {
    name: 'a request stopped by its budget while it runs',
    query: '{ sources { id title text } }',
    budget: { maxResolvedFields: 1_000, maxResolvedTextBytes: 500 },
  },
];

/** The answer as a client reads it: data, and each error as formatError gives it. */
function asClientSees(result: ExecutionResult): unknown {
  const errors = result.errors?.map((error: GraphQLError) => formatError(error.toJSON(), error));
  return JSON.parse(JSON.stringify({ data: result.data, errors }));
}

describe('compiled execution (graphql-jit) against graphql-js', () => {
  const db = openTestDb();
  const schema = buildSchema();
  const run = compiledExecution(schema);
  before(() => seed(db));
  after(() => db.close());

  const context = (c: Case) => {
    const base = createContext(db);
    return c.budget ? { ...base, budget: new RequestBudget(AbortSignal.timeout(60_000), c.budget) } : base;
  };
  const compiled = (c: Case, document = parse(c.query)) =>
    run({ document, operationName: c.operationName ?? null, variableValues: c.variables, contextValue: context(c) });

  for (const c of cases) {
    it(c.name, async () => {
      const document = parse(c.query);
      const expected = asClientSees(await execute({ schema, document, variableValues: c.variables, operationName: c.operationName, contextValue: context(c) }));
      // Twice: the first compiles the query, the second takes it from the cache.
      for (const round of ['compiled', 'cached']) {
        const actual = asClientSees(await compiled(c, document));
        assert.deepEqual(actual, expected, round);
      }
    });
  }

  it('covers data and errors both', async () => {
    const results = await Promise.all(cases.map((c) => compiled(c)));
    const codes = results.flatMap((r) => (r.errors ?? []).map((e) => formatError(e.toJSON(), e).extensions?.code));
    assert.ok(results.filter((r) => r.data && !r.errors).length >= 10, 'answers with data');
    for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'RESPONSE_TOO_LARGE']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  });
});

// A mutation's fields run one after another, and none runs after one has failed (the GraphQL
// specification's serial execution, as graphql-js runs it): the later writes must not happen.
describe('several mutations in one request, the second failing', () => {
  const db = openTestDb();
  const schema = buildSchema();
  const run = compiledExecution(schema);
  before(() => seed(db));
  after(() => db.close());
  reseedAfterwards();

  const editor = () => createContext(db, undefined, 'test', { name: 'jit-test', role: 'editor' });
  const query = (name: string) => `mutation {
    first: addActor(input: {name: "${name} One", kind: PERSON}) { id }
    failing: retractClaim(id: "no-such-claim", reason: "none") { id }
    third: addActor(input: {name: "${name} Three", kind: PERSON}) { id }
  }`;
  const written = async (name: string) =>
    (await db.read<{ id: string }>('MATCH (a:Actor) WHERE a.name STARTS WITH $name RETURN a.id AS id ORDER BY id', { name })).map((row) => row.id);

  it('answers as graphql-js, and neither runs the fields after the failed one', async () => {
    const expected = asClientSees(await execute({ schema, document: parse(query('Serial Js')), contextValue: editor() }));
    assert.deepEqual(await written('Serial Js'), ['serial-js-one']);
    // Twice: the first compiles the query, the second takes it from the cache.
    const document = parse(query('Serial Jit'));
    for (const [round, ids] of [['compiled', ['serial-jit-one']], ['cached', ['serial-jit-one', 'serial-jit-one-2']]] as const) {
      const actual = asClientSees(await run({ document, operationName: null, variableValues: undefined, contextValue: editor() }));
      assert.deepEqual(actual, expected, round);
      assert.deepEqual(await written('Serial Jit'), ids, round);
    }
  });
});
