// Hostile GraphQL documents against the real server: token, depth, alias and directive limits,
// fragment cycles, operations, introspection, malformed documents, and nested-list bombs
// generated through every list field of the schema. Each must be refused or answered small;
// afterwards the server must still answer and the database must hold exactly what it held.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GraphQLArgument, type GraphQLObjectType } from 'graphql';
import { apiLimits } from '../../src/config.ts';
import { maxBombBytes, seed, firstError, snippet, type GraphQLCase, checks, runGraphQLCases, noProblems, attackedApp, afterTheCorpus } from './corpus.ts';
import { type Field, objectTypeOf, isListField, requiredArgs, routeTo, reachableTypes, selectionFor, wrapInRoute } from './targets.ts';

// ---------------------------------------------------------------------------------------------
// Nested-list bombs, generated from the list fields of the schema
// ---------------------------------------------------------------------------------------------

interface Edge {
  field: Field;
  from: GraphQLObjectType;
  to: GraphQLObjectType;
}

function edgesOf(type: GraphQLObjectType): Edge[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const to = objectTypeOf(field);
    return to ? [{ field, from: type, to }] : [];
  });
}

/** The shortest chain of object fields from one type to another (at least one field). */
function chainBetween(from: GraphQLObjectType, to: GraphQLObjectType): Edge[] | undefined {
  const queue: { type: GraphQLObjectType; chain: Edge[] }[] = edgesOf(from).map((edge) => ({ type: edge.to, chain: [edge] }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { type, chain } = queue.shift()!;
    if (type === to) return chain;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const edge of edgesOf(type)) queue.push({ type: edge.to, chain: [...chain, edge] });
  }
  return undefined;
}

/** The largest value each size argument allows (apiLimits), so a bomb asks for the most. */
function largestSize(field: Field, arg: GraphQLArgument): number | undefined {
  if (arg.name === 'first') return apiLimits.maxPageSize;
  if (arg.name === 'limit') return field.name === 'search' || field.name === 'searchMatches' ? apiLimits.maxSearchLimit : apiLimits.maxNeighborhoodLimit;
  if (arg.name === 'maxDepth') return apiLimits.maxPathDepth;
  if (arg.name === 'depth') return field.name === 'allegianceChain' ? apiLimits.maxAllegianceDepth : apiLimits.maxNeighborhoodDepth;
  return undefined;
}

function edgeText(edge: Edge, largest: boolean): string {
  const sizes = largest ? edge.field.args.flatMap((arg) => (largestSize(edge.field, arg) === undefined ? [] : [`${arg.name}: ${largestSize(edge.field, arg)}`])) : [];
  const args = [...requiredArgs(edge.field), ...sizes];
  return `${edge.field.name}${args.length ? `(${args.join(', ')})` : ''}`;
}

/**
 * For a list field, a document that nests it as deep as the depth limit allows: the list and the
 * way back to the list's parent, again and again; or, when there is no way back (a list on
 * Query), the list once and then round its item type again and again.
 */
function bombThrough(listEdge: Edge, largest: boolean): GraphQLCase | undefined {
  const route = routeTo(listEdge.from);
  if (!route) return undefined;
  const back = chainBetween(listEdge.to, listEdge.from);
  const head = back ? [] : [listEdge];
  const loop = back ? [listEdge, ...back] : chainBetween(listEdge.to, listEdge.to);
  if (!loop) return undefined; // a list that cannot nest
  const levels = apiLimits.maxQueryDepth - route.length - 1; // the leaf is a level too
  const chain = [...head, ...Array.from({ length: levels - head.length }, (_, i) => loop[i % loop.length]!)];
  const cycle = [...head, ...loop];
  const leaf = selectionFor(chain.at(-1)!.field).replace(/[{}]/g, '').trim();
  const body = chain.reduceRight((inner, edge) => `${edgeText(edge, largest)} { ${inner} }`, leaf);
  const path = chain.slice(0, cycle.length + 1).map((edge) => edge.field.name).join('.');
  return {
    name: `${listEdge.from.name}.${listEdge.field.name}: ${path}… ${levels} levels, ${largest ? 'largest sizes' : 'default sizes'}`,
    query: `{ ${wrapInRoute(route, body)} }`,
    check: checks.bounded(maxBombBytes),
  };
}

function generatedBombs(): GraphQLCase[] {
  const listEdges = reachableTypes().flatMap((type) => edgesOf(type).filter((edge) => isListField(edge.field)));
  return listEdges.flatMap((edge) => [bombThrough(edge, false), bombThrough(edge, true)].filter((c): c is GraphQLCase => c !== undefined));
}

/** The bombs named in the brief, written out, plus wide ones (many aliases of a large list). */
const namedBombs: readonly [string, string][] = [
  ['actor.relationships.from…', `{ actor(id: "${seed.actor}") { relationships(first: 500) { from { relationships(first: 500) { from { relationships(first: 500) { from { relationships(first: 500) { from { id } } } } } } } } } }`],
  ['actor.mentions.source.mentions.actor…', `{ actor(id: "${seed.actor}") { mentions(first: 500) { source { mentions(first: 500) { actor { mentions(first: 500) { source { mentions(first: 500) { actor { id } } } } } } } } } }`],
  ['actor.figures.about.figures…', `{ actor(id: "${seed.actor}") { figures(first: 500) { about { figures(first: 500) { about { figures(first: 500) { about { figures(first: 500) { id } } } } } } } } }`],
  ['source.relationships.evidence.source.relationships…', `{ source(id: "${seed.source}") { relationships(first: 500) { evidence { source { relationships(first: 500) { evidence { source { relationships(first: 500) { evidence { quote } } } } } } } } } }`],
  ['sources(500).relationships(500).from.relationships(500)', '{ sources(first: 500) { relationships(first: 500) { from { relationships(first: 500) { id } } } } }'],
  ['neighborhood(1000).relationships.from.relationships(500)', `{ neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { relationships { from { relationships(first: 500) { from { id } } } } } }`],
  ['neighborhood(1000) nodes and relationships, evidence', `{ neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { nodes { id aliases } relationships { id evidence { quote source { id } } } } }`],
  ['timeline(500).from.relationships(500)', `{ timeline(id: "${seed.actor}", first: 500) { from { relationships(first: 500) { to { id } } } } }`],
  ['allegianceChain(depth 4, 500).to.relationships(500)', `{ allegianceChain(id: "${seed.group}", depth: 4, first: 500) { to { relationships(first: 500) { id } } } }`],
  ['contestedClaims(500).claimedBy.relationships(500)', '{ contestedClaims(first: 500) { edges { node { claimedBy { relationships(first: 500) { id } } } } } }'],
  ['relationships(500).conflictsWith ×8', `{ relationships(first: 500) { edges { node { ${'conflictsWith { '.repeat(8)}id${' }'.repeat(8)} } } } }`],
  ['relationships(500).claimedBy.figures(500).evidence', '{ relationships(first: 500) { edges { node { claimedBy { figures(first: 500) { evidence { quote } } } } } } }'],
  ['shortestPath(8).nodes.relationships(500).evidence', `{ shortestPath(from: "${seed.person}", to: "${seed.otherActor}", maxDepth: 8) { nodes { relationships(first: 500) { evidence { quote } } } } }`],
  ['sources(500) with every text', '{ sources(first: 500) { id text } }'],
  ['30 aliases × sources(500) text', `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: sources(first: 500) { text }`).join(' ')} }`],
  ['30 aliases × relationships(500) evidence', `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: relationships(first: 500) { edges { node { evidence { quote } } } }`).join(' ')} }`],
  ['30 aliases × neighborhood(1000)', `{ ${Array.from({ length: 30 }, (_, i) => `n${i}: neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { nodes { id } }`).join(' ')} }`],
  // Leaf fields cost nothing, so long texts multiply freely within the cost limit.
  ['relationships(500).evidence.source.text', '{ relationships(first: 500) { edges { node { evidence { source { text } } } } } }'],
  ['9 aliases × relationships(500).evidence.source.text', `{ ${Array.from({ length: 9 }, (_, i) => `r${i}: relationships(first: 500) { edges { node { evidence { source { text } } } } }`).join(' ')} }`],
  ['30 aliases × search(100)', `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(text: "islamic state", limit: 100) { id aliases description }`).join(' ')} }`],
];

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/** Fragments F1..Flevels on `type`, each spreading the previous one `width` times. */
function spreadBomb(type: string, selection: string, levels: number, width: number): string {
  const fragments = [`fragment F0 on ${type} { ${selection} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on ${type} { ${new Array<string>(width).fill(`...F${i - 1}`).join(' ')} }`);
  return fragments.join(' ');
}

const deepIntrospection = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }`;

const documentCases: readonly GraphQLCase[] = [
  { name: 'over the token limit (2,500 fields)', query: `{ ${'__typename '.repeat(2_500)} }`, check: checks.all(checks.status(400), checks.says(/token/i)) },
  { name: 'over the token limit (punctuation only)', query: `{ stats { actors } } ${'{ '.repeat(3_000)}`, check: checks.status(400) },
  {
    name: 'just under the token limit (200 fragments)',
    query: `{ stats { ${Array.from({ length: 200 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 200 }, (_, i) => `fragment F${i} on Stats { actors }`).join(' ')}`,
    check: checks.answered,
  },
  {
    name: '1,900 × __typename (under the token limit; graphql-js caps the field-merging work)',
    query: `{ ${'__typename '.repeat(1_900)}}`,
    check: (answer, body) => (/token/i.test(firstError(body)?.message ?? '') ? `refused for tokens under the limit: ${snippet(answer)}` : undefined),
  },
  { name: 'a 900 KB comment (comments are not tokens)', query: `# ${'x'.repeat(900_000)}\n{ stats { actors } }`, check: checks.answered },
  {
    name: 'deeper than the depth limit',
    query: `{ actor(id: "${seed.actor}") { ${'relationships(first: 1) { from { '.repeat(6)}id${' } }'.repeat(6)} } }`,
    check: checks.all(checks.status(400), checks.says(/depth/i)),
  },
  { name: 'at the depth limit', query: `{ actor(id: "${seed.actor}") { ${'relationships(first: 1) { from { '.repeat(5)}id${' } }'.repeat(5)} } }`, check: checks.answered },
  { name: 'deeply nested selection of __typename (parser recursion)', query: `{ ${'actor(id: "x") { '.repeat(600)}__typename${' }'.repeat(600)} }`, check: checks.status(400) },
  { name: 'deeply nested list literal', query: `{ search(text: "x", kinds: ${'['.repeat(900)}GROUP${']'.repeat(900)}) { id } }`, check: checks.status(400) },
  { name: 'deeply nested object literal', query: `{ search(text: "x", kinds: ${'{a: '.repeat(600)}1${'}'.repeat(600)}) { id } }`, check: checks.status(400) },
  { name: '31 aliases (one over the limit)', query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.all(checks.status(400), checks.says(/alias/i)) },
  { name: '30 aliases (at the limit)', query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.answered },
  { name: '100 aliases', query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.all(checks.status(400), checks.says(/alias/i)) },
  { name: '500 aliases of __typename (graphql-armor allows these)', query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`, check: checks.status(200, 400) },
  { name: '100 @skip on one field', query: `{ stats ${'@skip(if: false) '.repeat(100)}{ actors } }`, check: checks.status(400) },
  { name: '100 @include spread over fields', query: `{ ${Array.from({ length: 100 }, () => 'stats @include(if: true) { actors }').join(' ')} }`, check: checks.status(400) },
  { name: '50 directives (at the limit)', query: `{ ${Array.from({ length: 50 }, () => 'stats @include(if: true) { actors }').join(' ')} }`, check: checks.answered },
  { name: '@defer (not supported by graphql 16)', query: '{ stats @defer { actors } }', check: checks.status(400) },
  { name: 'an unknown directive ×100', query: `{ stats ${'@nope '.repeat(100)}{ actors } }`, check: checks.status(400) },
  { name: 'fragment spreading itself', query: `fragment A on Actor { id ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle A→B→A', query: `fragment A on Actor { ...B } fragment B on Actor { ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle A→B→C→A', query: `fragment A on Actor { ...B } fragment B on Actor { ...C } fragment C on Actor { id ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle through a nested field', query: `fragment A on Actor { relationships { from { ...A } } } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  ...(
    [
      [3, 10],
      [3, 20],
      [4, 5],
      [4, 40],
      [5, 5],
      [8, 3],
      [40, 3],
    ] as const
  ).map(([levels, width]): GraphQLCase => ({
    name: `fragment spread bomb on Actor: ${levels} levels × ${width}`,
    query: `{ actor(id: "${seed.actor}") { ...F${levels} } } ${spreadBomb('Actor', 'id name relationships { id }', levels, width)}`,
    check: checks.within(5_000),
  })),
  ...(
    [
      [3, 10],
      [4, 30],
      [6, 6],
    ] as const
  ).map(([levels, width]): GraphQLCase => ({
    name: `fragment spread bomb on Query: ${levels} levels × ${width}`,
    query: `{ ...F${levels} } ${spreadBomb('Query', 'sources(first: 500) { text } stats { actors }', levels, width)}`,
    check: checks.all(checks.within(5_000), checks.bounded(maxBombBytes)),
  })),
  { name: 'inline fragments nested 600 deep', query: `{ ${'... on Query { '.repeat(600)}__typename${' }'.repeat(600)} }`, check: checks.status(400) },
  { name: 'an anonymous and a named operation', query: '{ stats { actors } } query Named { stats { sources } }', check: checks.status(400) },
  { name: 'two anonymous operations', query: '{ stats { actors } } { stats { sources } }', check: checks.status(400) },
  { name: 'two named operations, no operationName', query: 'query A { stats { actors } } query B { stats { sources } }', check: checks.status(400) },
  { name: 'two named operations, operationName picks one', query: 'query A { stats { actors } } query B { stats { sources } }', operationName: 'B', check: checks.answered },
  { name: 'an operationName that does not exist', query: 'query A { stats { actors } }', operationName: 'Nope', check: checks.status(400) },
  { name: 'an operationName for an anonymous operation', query: '{ stats { actors } }', operationName: 'A', check: checks.status(400) },
  { name: 'a 100 KB operationName', query: 'query A { stats { actors } }', operationName: 'A'.repeat(100_000), check: checks.status(400) },
  { name: 'a mutation the schema does not have', query: 'mutation { deleteEverything }', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'mutation with a selection of Query fields', query: 'mutation M { stats { actors } }', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'a write without a token', query: 'mutation { retractClaim(id: "islam-karimov--leads--uzbekistan--rferl-2015-04", reason: "x") { id } }', check: checks.all(checks.status(200), checks.says(/needs a bearer token/)) },
  { name: 'subscription', query: 'subscription { stats { actors } }', check: checks.all(checks.status(400), checks.says(/subscription/)) },
  { name: 'a query and a mutation, operationName the query', query: 'query Q { stats { actors } } mutation M { stats { actors } }', operationName: 'Q', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'a fragment on Mutation', query: 'fragment F on Mutation { x } { stats { actors } }', check: checks.status(400) },
  { name: 'nested introspection __schema.types.fields.type…', query: deepIntrospection, check: checks.bounded(maxBombBytes) },
  { name: '__type ofType chain', query: `{ __type(name: "Actor") { fields { type { ${'ofType { '.repeat(8)}name${' }'.repeat(8)} } } } }`, check: checks.bounded(maxBombBytes) },
  {
    name: '30 aliases of the full introspection of types',
    query: `{ ${Array.from({ length: 30 }, (_, i) => `i${i}: __schema { types { name fields { name args { name type { name } } type { name ofType { name } } } } }`).join(' ')} }`,
    check: checks.bounded(maxBombBytes),
  },
  { name: '__type with a hostile name', query: `{ __type(name: "') MATCH (n) DETACH DELETE n //") { name } }`, check: checks.answered },
  { name: 'empty document', query: '', check: checks.status(400) },
  { name: 'whitespace document', query: ' \n\t ', check: checks.status(400) },
  { name: 'only a fragment', query: 'fragment F on Actor { id }', check: checks.status(400) },
  { name: 'empty selection', query: '{}', check: checks.status(400) },
  { name: 'unclosed selection', query: '{ stats { actors }', check: checks.status(400) },
  { name: 'a raw NUL in the document', query: '{ stats\u0000 { actors } }', check: checks.status(400) },
  { name: 'a lone surrogate escape in a string', query: '{ search(text: "\\ud800") { id } }', check: checks.status(400) },
  { name: 'a raw lone surrogate in a string', query: '{ search(text: "\ud800") { id } }' },
  { name: 'a block string with Cypher', query: '{ search(text: """\') MATCH (n) DETACH DELETE n //""") { id } }', check: checks.answered },
  { name: 'an unknown field', query: '{ dropDatabase }', check: checks.status(400) },
  { name: 'a 100 KB field name', query: `{ ${'f'.repeat(100_000)} }`, check: checks.status(400) },
  { name: 'a field on a leaf', query: '{ stats { actors { x } } }', check: checks.status(400) },
  { name: 'an unknown argument', query: '{ stats(drop: true) { actors } }', check: checks.status(400) },
  { name: 'a variable of an unknown type', query: 'query ($v: Nope) { stats { actors } }', check: checks.status(400) },
  { name: 'an undefined variable', query: '{ actor(id: $nope) { id } }', check: checks.status(400) },
  { name: 'a variable default of the wrong type', query: 'query ($v: Int = "x") { actors(first: $v) { totalCount } }', check: checks.status(400) },
  { name: 'a variable used as the wrong type', query: 'query ($v: String) { actors(first: $v) { totalCount } }', variables: { v: 'x' }, check: checks.status(400) },
  { name: '1,000 unused variables', query: `query (${Array.from({ length: 1_000 }, (_, i) => `$v${i}: Int`).join(' ')}) { stats { actors } }`, check: checks.status(400) },
  { name: 'a __proto__ variable', query: 'query ($id: ID!) { actor(id: $id) { id } }', variables: JSON.parse(`{"__proto__": {"polluted": true}, "id": "${seed.actor}"}`) as Record<string, unknown>, check: checks.answered },
  {
    name: 'variables with 50,000 undeclared keys',
    query: 'query ($id: ID!) { actor(id: $id) { id } }',
    variables: Object.fromEntries([['id', seed.actor], ...Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i])]) as Record<string, unknown>,
    check: checks.answered,
  },
  { name: '__typename only (odd but legal)', query: '{ __typename }', check: checks.answered },
];


describe('hostile documents against the real server', () => {
  const attacked = attackedApp();
  const url = attacked.url;
  describe('documents', () => {
    it('token, depth, alias and directive limits, fragment cycles and bombs, operations, introspection, malformed documents', async () =>
      noProblems(await runGraphQLCases(url(), 'documents', documentCases)));
  });

  describe('nested-list bombs', () => {
    const bombs = generatedBombs();
    it('generates a bomb through every list field that can nest', () => {
      const names = bombs.map((b) => b.name).join('\n');
      for (const list of ['Actor.relationships', 'Actor.mentions', 'Actor.figures', 'Source.relationships', 'Relationship.conflictsWith', 'Query.sources', 'Query.timeline', 'Subgraph.relationships']) {
        assert.ok(names.includes(`${list}:`), `a bomb through ${list} in\n${names}`);
      }
    });
    it('every list nested to the depth limit, with default and with the largest sizes: refused, or answered small', async () =>
      noProblems(await runGraphQLCases(url(), 'nested-list bombs', bombs)));
    it('the bombs written out, and wide ones (30 aliases of a large list)', async () =>
      noProblems(await runGraphQLCases(url(), 'nested-list bombs', namedBombs.map(([name, query]) => ({ name, query, check: checks.bounded(maxBombBytes) })))));
  });

  afterTheCorpus(attacked, 100);
});
