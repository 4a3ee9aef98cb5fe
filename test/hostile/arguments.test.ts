// Hostile arguments against the real server: every String, ID, Int and list argument of Query
// and of nested fields, and every asOf date, found by walking the schema (targets.ts), so a new
// field is attacked without editing this file. Each request must be answered with a 4xx, a
// GraphQL error, or, when merely odd, data; afterwards the server must still answer and the
// database must hold exactly what it held.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getNamedType, getNullableType, isEnumType, isListType, type GraphQLArgument } from 'graphql';
import { apiLimits } from '../../src/config.ts';
import { maxListRefusalMs, type Check, type GraphQLCase, checks, runGraphQLCases, noProblems, hostileStrings, hostileInts, asOfValues, attackedApp, afterTheCorpus } from './corpus.ts';
import { type ArgumentTarget, argumentTargets, documentFor, graphqlString } from './targets.ts';

// ---------------------------------------------------------------------------------------------
// Generated cases
// ---------------------------------------------------------------------------------------------

const isStringOrId = (arg: GraphQLArgument) => ['String', 'ID'].includes(getNamedType(arg.type).name) && !isListType(getNullableType(arg.type));
const isInt = (arg: GraphQLArgument) => getNamedType(arg.type).name === 'Int';
const isList = (arg: GraphQLArgument) => isListType(getNullableType(arg.type));

/**
 * Cursors are opaque base64url, and the server refuses one that does not round-trip; these do,
 * so the hostile text reaches the query behind the cursor.
 */
const forgedCursors: readonly [string, string][] = [
  ...hostileStrings.filter(([, value]) => value !== '').map(([label, value]): [string, string] => [`a cursor of ${label}`, Buffer.from(value, 'utf8').toString('base64url')]),
  ['a cursor without a separator', Buffer.from('x', 'utf8').toString('base64url')],
  ['a cursor of separators only', Buffer.from('\u0000\u0000\u0000', 'utf8').toString('base64url')],
  ['a cursor with many separators', Buffer.from('a\u0000b\u0000c\u0000d', 'utf8').toString('base64url')],
];

function stringCases(target: ArgumentTarget): GraphQLCase[] {
  const values = target.arg.name === 'after' ? [...hostileStrings, ...forgedCursors] : hostileStrings;
  return values.flatMap(([label, value]) => [
    { name: `${target.label} = ${label} (variable)`, query: documentFor(target, '$value', target.arg.type), variables: { value } },
    { name: `${target.label} = ${label} (inline)`, query: documentFor(target, graphqlString(value)) },
  ]);
}

function intCases(target: ArgumentTarget): GraphQLCase[] {
  return hostileInts.flatMap(([label, value, literal]) => {
    const overRange = label.startsWith('2147483648');
    return [
      {
        name: `${target.label} = ${label} (variable)`,
        query: documentFor(target, '$value', target.arg.type),
        variables: { value },
        check: overRange ? checks.all(checks.status(400), checks.refused('BAD_USER_INPUT')) : undefined,
      },
      {
        name: `${target.label} = ${label} (inline)`,
        query: documentFor(target, literal),
        check: overRange ? checks.all(checks.status(400), checks.refused('GRAPHQL_VALIDATION_FAILED')) : undefined,
      },
    ];
  });
}

/** The values a list argument may hold, and how many it may hold at most (src/api/queryCost.ts). */
function listBound(arg: GraphQLArgument): { item: string; literal: string; max: number } {
  const named = getNamedType(arg.type);
  if (isEnumType(named)) {
    const first = named.getValues()[0]!.name;
    return { item: first, literal: first, max: named.getValues().length };
  }
  return { item: 'x', literal: '"x"', max: apiLimits.maxListArgumentLength };
}

function listCases(target: ArgumentTarget): GraphQLCase[] {
  const { item, literal, max } = listBound(target.arg);
  const variable = (name: string, value: unknown, check?: Check): GraphQLCase => ({
    name: `${target.label} = ${name} (variable)`,
    query: documentFor(target, '$value', target.arg.type),
    variables: { value },
    check,
  });
  const inline = (name: string, value: string, check?: Check): GraphQLCase => ({ name: `${target.label} = ${name} (inline)`, query: documentFor(target, value), check });
  const tooLong = checks.all(checks.status(400), checks.refused('BAD_USER_INPUT', target.arg.name), checks.within(maxListRefusalMs));
  const enumList = isEnumType(getNamedType(target.arg.type));
  return [
    variable('30,000 repeated entries', new Array<string>(30_000).fill(item), tooLong),
    variable(`${max + 1} entries (one over the bound)`, new Array<string>(max + 1).fill(item), tooLong),
    variable(`${max} duplicates (within the bound)`, new Array<string>(max).fill(item), checks.answered),
    inline(`${max} duplicates (within the bound)`, `[${new Array<string>(max).fill(literal).join(', ')}]`, checks.answered),
    variable('empty list', [], checks.answered),
    variable('a single value, not a list', item, checks.answered),
    variable('an unknown value', enumList ? ['NOT_IN_THE_VOCABULARY'] : [{}], checks.status(400)),
    inline('an unknown value', enumList ? '[NOT_IN_THE_VOCABULARY]' : '[{}]', checks.status(400)),
    variable('lower-case value', [item.toLowerCase()], enumList ? checks.status(400) : undefined),
    variable('a null inside', [item, null], checks.status(400)),
    inline('a null inside', `[${literal}, null]`, checks.status(400)),
    inline('a string where an enum value goes', `["${item}"]`, enumList ? checks.status(400) : undefined),
    inline('30,000 entries (over the token limit)', `[${new Array<string>(30_000).fill(literal).join(' ')}]`, checks.status(400)),
  ];
}

function asOfCases(target: ArgumentTarget): GraphQLCase[] {
  return asOfValues.flatMap(({ value, valid }) => {
    const check: Check = valid ? checks.answered : checks.refused('BAD_USER_INPUT', 'asOf');
    return [
      { name: `${target.label} = "${value}" (variable)`, query: documentFor(target, '$value', target.arg.type), variables: { value }, check },
      { name: `${target.label} = "${value}" (inline)`, query: documentFor(target, graphqlString(value)), check },
    ];
  });
}


describe('hostile arguments against the real server', () => {
  const attacked = attackedApp();
  const url = attacked.url;
  describe('String and ID arguments (from the schema)', () => {
    const targets = argumentTargets(isStringOrId);
    it('finds the String and ID arguments of Query and of nested fields', () => {
      const labels = targets.map((t) => t.label);
      for (const expected of ['Query.actor(id)', 'Query.search(text)', 'Query.relationships(after)', 'Actor.relationships(asOf)']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    });
    for (const target of targets) {
      it(`${target.label}: injection, Lucene, unicode, huge, empty and blank values`, async () => noProblems(await runGraphQLCases(url(), 'String/ID arguments', stringCases(target))));
    }
  });

  describe('Int arguments (from the schema)', () => {
    const targets = argumentTargets(isInt);
    it('finds the Int arguments of Query and of nested fields', () => {
      const labels = targets.map((t) => t.label);
      for (const expected of ['Query.neighborhood(depth)', 'Query.shortestPath(maxDepth)', 'Actor.mentions(first)', 'Source.relationships(first)']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    });
    for (const target of targets) {
      it(`${target.label}: -1, 0, 2^31-1, 2^31, 1.5, a string, null`, async () => noProblems(await runGraphQLCases(url(), 'Int arguments', intCases(target))));
    }
  });

  describe('list arguments (from the schema)', () => {
    for (const target of argumentTargets(isList)) {
      it(`${target.label}: 30,000 entries refused fast; duplicates within the bound accepted; unknown values and nulls refused`, async () =>
        noProblems(await runGraphQLCases(url(), 'list arguments', listCases(target))));
    }
  });

  describe('asOf dates (from the schema)', () => {
    for (const target of argumentTargets((arg) => arg.name === 'asOf')) {
      it(`${target.label}: odd years answered, impossible dates refused naming asOf`, async () => noProblems(await runGraphQLCases(url(), 'asOf dates', asOfCases(target))));
    }
  });

  afterTheCorpus(attacked, 300);
});
