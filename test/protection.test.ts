// What keeps the API up and honest, against the real server and Neo4j: bounded lists and
// cost, the per-request budget and deadline, list arguments bounded by the vocabulary, dates
// before 1000, supported operations, security headers, the rate limit, and introspection
// and suggestions that follow configuration.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { graphql } from 'graphql';
import { apiLimits, loadConfig } from '../src/config.ts';
import { parsePartialDate } from '../src/domain/partialDate.ts';
import { Database, DatabaseUnavailableError, type Params } from '../src/neo4j/database.ts';
import type { RecordShape } from 'neo4j-driver';
import { createContext } from '../src/api/context.ts';
import { RequestBudget } from '../src/api/requestBudget.ts';
import { buildSchema } from '../src/api/schema.ts';
import { relationshipTypes } from '../src/domain/vocabulary.ts';
import { seededApp, startTestApp, testApiSettings, type TestApp } from './support/testGraph.ts';

type Errors = { message: string; extensions?: { code?: string; argumentName?: string } }[];

async function post(app: TestApp, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Errors } };
}

describe('the schema bounds every list', () => {
  const schema = buildSchema();

  it('gives every list field that reaches across the graph a `first` whose default is apiLimits.defaultListSize', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'))) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects = isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type));
        const first = field.args.find((a) => a.name === 'first' || a.name === 'limit');
        // Lists inside one record, a page, a subgraph or a path are bounded by that record or by their parent's argument.
        const container = /(Connection|Edge|Subgraph|Path|Vocabulary)$/.test(type.name);
        // A claim's claimants, disputers, quotes and contradictions come with the claim (curated, a handful each).
        const inline =
          (['Relationship', 'Figure', 'Claim'].includes(type.name) && ['claimedBy', 'disputedBy', 'evidence', 'conflictsWith', 'contradicts'].includes(field.name)) ||
          // An actor's registry facts and a record's names come with it (a handful per record judged the same as it); a pair's reasons with the pair.
          (type.name === 'Actor' && ['identifiers', 'registryNames', 'designations'].includes(field.name)) ||
          (type.name === 'RegistryEntry' && field.name === 'names') ||
          (type.name === 'MatchPair' && field.name === 'reasons') ||
          // A mention's spans are read with it, from its own edge (one per time the text names the actor): they reach nothing.
          (type.name === 'SourceMention' && field.name === 'spans') ||
          // A source's suggestions are read from its own text, at most apiLimits.maxSuggestions of each; a suggestion's candidates and claimants are a handful.
          type.name === 'Suggestions' ||
          (type.name === 'ActorSuggestion' && field.name === 'candidates') ||
          (type.name === 'ClaimSuggestion' && field.name === 'claimedBy');
        if (listOfObjects && !first && !container && !inline) unbounded.push(`${type.name}.${field.name}`);
        if (first?.name === 'first' && type.name !== 'Query') assert.equal(first.defaultValue, apiLimits.defaultListSize, `${type.name}.${field.name}(first)`);
      }
    }
    assert.deepEqual(unbounded, []);
  });
});

describe('bounded work per request', () => {
  const setup = seededApp();

  it('applies `first` to nested lists, and checks it', async () => {
    const { body } = await post(setup.app, '{ actor(id: "islamic-state") { relationships(first: 2) { id } mentions(first: 1) { count } } sources(first: 2) { id mentions(first: 3) { count } } }');
    const data = body.data as { actor: { relationships: unknown[]; mentions: unknown[] }; sources: { mentions: unknown[] }[] };
    assert.equal(data.actor.relationships.length, 2);
    assert.equal(data.actor.mentions.length, 1);
    assert.equal(data.sources.length, 2);
    assert.ok(data.sources.every((s) => s.mentions.length === 3));
    for (const first of [0, apiLimits.maxPageSize + 1]) {
      const { body: bad } = await post(setup.app, `{ actor(id: "islamic-state") { relationships(first: ${first}) { id } } }`);
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(bad.errors?.[0]?.extensions?.argumentName, 'first');
    }
  });

  it('refuses a nested-list bomb before it runs, multiplying by list sizes', async () => {
    const bomb = '{ actor(id: "islamic-state") { relationships { from { relationships { from { relationships { from { relationships { from { relationships { from { id } } } } } } } } } } } }';
    const started = Date.now();
    const { response, body } = await post(setup.app, bomb);
    assert.equal(response.status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COSTLY');
    assert.match(body.errors![0]!.message, new RegExp(`limit is ${apiLimits.maxQueryCost}`));
    assert.ok(Date.now() - started < 2_000);
    const small = await post(setup.app, '{ actor(id: "islamic-state") { relationships(first: 5) { from { relationships(first: 5) { id } } } } }');
    assert.equal(small.response.status, 200);
  });

  it('stops a request whose answer outgrows its budget with one clear error', async () => {
    const budget = new RequestBudget(new AbortController().signal, { maxResolvedFields: 100, maxResolvedTextBytes: 1e9 });
    const result = await graphql({
      schema: buildSchema(),
      source: '{ actors(first: 100) { edges { node { id name aliases } } } }',
      contextValue: { ...createContext(setup.db), budget },
    });
    assert.equal(budget.stopped?.extensions.code, 'RESPONSE_TOO_LARGE');
    assert.ok(result.errors?.some((e) => e.extensions.code === 'RESPONSE_TOO_LARGE'));
    const text = new RequestBudget(new AbortController().signal, { maxResolvedFields: 1e9, maxResolvedTextBytes: 1000 });
    await graphql({ schema: buildSchema(), source: '{ sources { text } }', contextValue: { ...createContext(setup.db), budget: text } });
    assert.match(text.stopped?.message ?? '', /characters of text/);
  });

  it('fails a nested field whose loader fails, never answering an empty list', async () => {
    /** The real database, made unreachable after the first query of the request. */
    class FailingAfterFirst extends Database {
      calls = 0;
      override async read<T extends RecordShape = RecordShape>(cypher: string, params?: Params, timeoutMs?: number): Promise<T[]> {
        if (++this.calls > 1) throw new DatabaseUnavailableError();
        return super.read<T>(cypher, params, timeoutMs);
      }
    }
    const db = new FailingAfterFirst(setup.db.driver, setup.db.name, setup.db.limits);
    const result = await graphql({
      schema: buildSchema(),
      // The page and its claimants come in the first statement; the mentions of an actor reached
      // through them come from a loader, in the next.
      source: '{ relationships(statuses: [ALLEGED], first: 3) { edges { node { id claimedBy { id mentions(first: 3) { count } } } } } }',
      contextValue: createContext(db),
    });
    assert.ok(result.errors?.some((e) => e.originalError instanceof DatabaseUnavailableError), JSON.stringify(result));
    assert.doesNotMatch(JSON.stringify(result.data ?? null), /"mentions":\[\]/);
  });

  it('answers REQUEST_TIMEOUT with 503 when a request outlives REQUEST_TIMEOUT_MS', async () => {
    const app = await startTestApp(setup.db, { ...testApiSettings, requestTimeoutMs: 1 });
    try {
      const { response, body } = await post(app, '{ neighborhood(id: "islamic-state", depth: 4) { nodes { id } } }');
      assert.equal(response.status, 503);
      assert.equal(body.errors?.[0]?.extensions?.code, 'REQUEST_TIMEOUT');
    } finally {
      await app.stop();
    }
  });

  it('bounds list arguments by the vocabulary and de-duplicates them', async () => {
    const query = 'query($t: [RelationshipType!]) { neighborhood(id: "islamic-state", types: $t) { relationships { id } } }';
    const huge = await post(setup.app, query, { t: Array(30_000).fill('LEADS') });
    assert.equal(huge.response.status, 400);
    assert.equal(huge.body.errors?.[0]?.extensions?.argumentName, 'types');
    assert.match(huge.body.errors![0]!.message, new RegExp(`at most ${relationshipTypes.length} values`));
    const once = await post(setup.app, query, { t: ['LEADS'] });
    const repeated = await post(setup.app, query, { t: Array(relationshipTypes.length).fill('LEADS') });
    assert.deepEqual(repeated.body, once.body);
  });
});

describe('dates before the year 1000', () => {
  const setup = seededApp();

  it('keep four-digit bounds and real calendars', () => {
    assert.deepEqual([parsePartialDate('0999')?.start, parsePartialDate('0999')?.end], ['0999-01-01', '0999-12-31']);
    assert.equal(parsePartialDate('0999-02')?.end, '0999-02-28');
    assert.equal(parsePartialDate('0004-02')?.end, '0004-02-29');
    assert.equal(parsePartialDate('1900-02-29'), undefined);
    assert.equal(parsePartialDate('2000-02-29')?.start, '2000-02-29');
  });

  it('compare in order: nothing starts by 0999 that had not by 1000', async () => {
    const count = async (asOf: string) => ((await post(setup.app, `{ relationships(asOf: "${asOf}") { totalCount } }`)).body.data as { relationships: { totalCount: number } }).relationships.totalCount;
    const [early, y1000, later] = [await count('0999'), await count('1000'), await count('2016')];
    assert.ok(early <= y1000 && y1000 < later, `${early}, ${y1000}, ${later}`);
  });
});

describe('HTTP protections', () => {
  const setup = seededApp();

  it('sends security headers on every response', async () => {
    for (const path of ['/', '/graphql?query=%7Bstats%7Bactors%7D%7D', '/health', '/nowhere']) {
      const response = await fetch(`${setup.app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, path);
    }
  });

  it('answers a subscription with a 400 that names it, and a write without a token with UNAUTHENTICATED', async () => {
    const { response, body } = await post(setup.app, 'subscription { stats { actors } }');
    assert.equal(response.status, 400);
    assert.match(body.errors?.[0]?.message ?? '', /does not support subscription operations; it supports: query, mutation/);
    const write = await post(setup.app, 'mutation { addActor(input: {name: "X", kind: PERSON}) { id } }');
    assert.equal(write.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  it('limits each client to its rate, answering 429 with Retry-After', async () => {
    const app = await startTestApp(setup.db, { ...testApiSettings, rateLimit: { perSecond: 1, burst: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${app.url}/health`)).status);
      assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
      const limited = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { actors } }"}' });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      const body = (await limited.json()) as { errors: Errors };
      assert.equal(body.errors[0]?.extensions?.code, 'RATE_LIMITED');
    } finally {
      await app.stop();
    }
  });

  it('turns introspection and field suggestions off under NODE_ENV=production, and on when configured', async () => {
    const production = loadConfig({ NODE_ENV: 'production' }).api;
    assert.equal(production.introspection, false);
    assert.equal(production.suggestions, false);
    assert.equal(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).api.introspection, true);
    const app = await startTestApp(setup.db, { ...testApiSettings, introspection: production.introspection, suggestions: production.suggestions });
    try {
      const introspection = await post(app, '{ __schema { types { name } } }');
      assert.equal(introspection.response.status, 400);
      assert.match(introspection.body.errors?.[0]?.message ?? '', /introspection/i);
      const typo = await post(app, '{ actr(id: "x") { id } }');
      assert.doesNotMatch(typo.body.errors?.[0]?.message ?? '', /Did you mean/);
      const open = await post(setup.app, '{ actr(id: "x") { id } }');
      assert.match(open.body.errors?.[0]?.message ?? '', /Did you mean "actor"/);
    } finally {
      await app.stop();
    }
  });
});
