// What the hostile corpus attacks, found by walking the schema so that a new field is attacked
// without editing a test: every argument of Query and of nested fields (with a route to reach
// it), and every argument and input field of every mutation (with a call to put it in).
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLObjectType } from 'graphql';
import { apiLimits } from '../../src/config.ts';
import { buildSchema } from '../../src/api/schema.ts';
import { maxListRefusalMs, seed, type Check, type GraphQLCase, checks, hostileStrings, hostileInts } from './corpus.ts';

// ---------------------------------------------------------------------------------------------
// Walking the schema
// ---------------------------------------------------------------------------------------------

export const schema = buildSchema();
export const queryType = schema.getQueryType()!;

export type Field = GraphQLField<unknown, unknown>;

/** One field on the way from Query to where an argument is attacked, with its arguments filled in. */
export interface Step {
  field: Field;
  args: string[];
}

export interface ArgumentTarget {
  /** e.g. "Actor.relationships(asOf)" */
  label: string;
  route: Step[];
  parent: GraphQLObjectType;
  field: Field;
  arg: GraphQLArgument;
}

export const objectTypeOf = (field: Field): GraphQLObjectType | undefined => {
  const named = getNamedType(field.type);
  return isObjectType(named) ? named : undefined;
};

export const isListField = (field: Field) => isListType(getNullableType(field.type));

/** A valid literal for an argument that must be filled while another is attacked. */
export function validLiteral(field: Field, arg: GraphQLArgument): string {
  const named = getNamedType(arg.type);
  if (field.name === 'source' && arg.name === 'id') return JSON.stringify(seed.source);
  if (field.name === 'allegianceChain' && arg.name === 'id') return JSON.stringify(seed.group); // Islamic State pledges to no one
  if (arg.name === 'from') return JSON.stringify(seed.person);
  if (arg.name === 'to') return JSON.stringify(seed.otherActor);
  if (arg.name === 'text') return JSON.stringify('Bukhari');
  if (named.name === 'ID') return JSON.stringify(seed.actor);
  if (named.name === 'Int') return '1';
  if (named.name === 'Boolean') return 'true';
  if (isEnumType(named)) return named.getValues()[0]!.name;
  return JSON.stringify('x');
}

/** The required arguments of a field (other than `except`), filled with valid values. */
export function requiredArgs(field: Field, except?: string): string[] {
  return field.args.filter((arg) => arg.name !== except && isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => `${arg.name}: ${validLiteral(field, arg)}`);
}

/** The shortest way from Query to a type, preferring single objects (actor(id)) to lists. */
export function routeTo(target: GraphQLObjectType): Step[] | undefined {
  const queue: { type: GraphQLObjectType; route: Step[] }[] = [{ type: queryType, route: [] }];
  const seen = new Set([queryType.name]);
  while (queue.length > 0) {
    const { type, route } = queue.shift()!;
    if (type === target) return route;
    const fields = Object.values(type.getFields()).sort((a, b) => Number(isListField(a)) - Number(isListField(b)));
    for (const field of fields) {
      const child = objectTypeOf(field);
      if (!child || seen.has(child.name)) continue;
      seen.add(child.name);
      queue.push({ type: child, route: [...route, { field, args: requiredArgs(field) }] });
    }
  }
  return undefined;
}

/** The object types reachable from Query (Query included). */
export function reachableTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && routeTo(type) !== undefined);
}

/** Every argument of every reachable field that `wanted` picks, with a route to its field. */
export function argumentTargets(wanted: (arg: GraphQLArgument) => boolean): ArgumentTarget[] {
  return reachableTypes().flatMap((parent) =>
    Object.values(parent.getFields()).flatMap((field) =>
      field.args.filter(wanted).map((arg) => ({ label: `${parent.name}.${field.name}(${arg.name})`, route: routeTo(parent)!, parent, field, arg })),
    ),
  );
}

/** A small selection for a field's type: its id, else __typename; nothing for a leaf. */
export function selectionFor(field: Field): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  return isObjectType(named) && named.getFields().id ? '{ id }' : '{ __typename }';
}

export const stepText = (step: Step) => `${step.field.name}${step.args.length ? `(${step.args.join(', ')})` : ''}`;

/** Nests `inner` inside the route's fields. */
export const wrapInRoute = (route: Step[], inner: string) => route.reduceRight((body, step) => `${stepText(step)} { ${body} }`, inner);

/** A document that passes `value` (a literal, or `$value`) to the target argument. */
export function documentFor(target: ArgumentTarget, value: string, variableType?: GraphQLInputType): string {
  const args = [...requiredArgs(target.field, target.arg.name), `${target.arg.name}: ${value}`].join(', ');
  const inner = `${target.field.name}(${args}) ${selectionFor(target.field)}`;
  const header = variableType ? `query Hostile($value: ${String(variableType)})` : 'query Hostile';
  return `${header} { ${wrapInRoute(target.route, inner)} }`;
}

/** A GraphQL string literal: JSON's escapes are all GraphQL escapes. */
export const graphqlString = (value: string) => JSON.stringify(value);


// ---------------------------------------------------------------------------------------------
// Writes: every argument of every mutation and every field of their inputs, made hostile one at a time
// ---------------------------------------------------------------------------------------------

export const mutationType = schema.getMutationType()!;
export const seedClaims = ['nursultan-nazarbayev--leads--kazakhstan--rferl-2015-01', 'kadyr-malikov--leads--religion-law-and-politics-analytical-center--rferl-2015-01'];
export const seedFigure = 'is-allocation-to-mawarannahr--malikov--rferl-2015-01';

/**
 * A call of each mutation (its variables) into which one argument or input field at a time is
 * made hostile. mergeActors names an actor that does not exist, so it never merges real ones.
 */
export const writeCalls: Record<string, Record<string, unknown>> = {
  addSource: { input: { title: 'A hostile test', published: '2016', text: 'Islamic State is named in this text.' } },
  addActor: { input: { name: 'A hostile test actor', kind: 'GROUP' } },
  updateActor: { id: seed.actor, expectedVersion: 1, patch: { description: 'x' } },
  deleteActor: { id: seed.actor, expectedVersion: 1 },
  mergeActors: { keep: seed.actor, merge: 'no-such-actor' },
  unmergeActors: { merged: seed.actor },
  addClaim: { input: { subject: seed.person, type: 'OPERATES_IN', object: seed.otherActor, stance: 'ASSERTED', source: seed.source, quotes: ['Kazakh President Nursultan Nazarbaev'] } },
  updateClaim: { id: seedClaims[0], expectedVersion: 1, patch: { note: 'x' } },
  retractClaim: { id: seedClaims[0], reason: 'a hostile test' },
  contradict: { claim: seedClaims[0], other: seedClaims[1] },
  gradeSource: { id: seed.source, grade: 'B', reason: 'a hostile test' },
  gradeClaim: { id: seedClaims[0], grade: 2, reason: 'a hostile test' },
  importRegistry: {
    format: 'UN_SC',
    text: "<CONSOLIDATED_LIST dateGenerated='2024-09-26T00:00:07.514Z'>\n<INDIVIDUALS>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
    regimes: ['Al-Qaida'],
  },
  addFigure: {
    input: { about: seed.actor, measure: 'a hostile test', value: 1, unit: 'USD', stance: 'ASSERTED', source: seed.source, quotes: ['has allocated around $70 million'] },
  },
  updateFigure: { id: seedFigure, expectedVersion: 1, patch: { note: 'x' } },
  retractFigure: { id: seedFigure, reason: 'a hostile test' },
  addMention: { source: seed.source, actor: seed.actor, text: 'Islamic State' },
  rejectMention: { source: seed.source, actor: seed.actor, reason: 'a hostile test' },
  rejectSuggestion: { source: seed.source, key: 'c-0' },
  judgeMatch: { pair: 'no-such-pair', decision: 'SAME' },
  undoJudgement: { pair: 'no-such-pair' },
};

export interface WriteTarget {
  /** e.g. "addClaim(input.quotes)" */
  label: string;
  field: Field;
  /** The argument, then the input field when the argument is an input object. */
  path: [string] | [string, string];
  type: GraphQLInputType;
}

/** Every String, ID, Int and list argument of every mutation, and every such field of their input objects. */
export function writeTargets(): WriteTarget[] {
  const attacked = (type: GraphQLInputType) => isListType(getNullableType(type)) || ['String', 'ID', 'Int'].includes(getNamedType(type).name);
  return Object.values(mutationType.getFields()).flatMap((field) =>
    field.args.flatMap((arg): WriteTarget[] => {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        return Object.values(named.getFields())
          .filter((inner) => attacked(inner.type))
          .map((inner) => ({ label: `${field.name}(${arg.name}.${inner.name})`, field, path: [arg.name, inner.name], type: inner.type }));
      }
      return attacked(arg.type) ? [{ label: `${field.name}(${arg.name})`, field, path: [arg.name], type: arg.type }] : [];
    }),
  );
}

/** The mutation with `value` at the target's place and the rest of its call as writeCalls gives it, as an admin. */
export function writeCase(target: WriteTarget, name: string, value: unknown, headers: Record<string, string>, check?: Check): GraphQLCase {
  const variables = structuredClone(writeCalls[target.field.name]!);
  const [arg, inner] = target.path;
  if (inner === undefined) variables[arg] = value;
  else variables[arg] = { ...(variables[arg] as object), [inner]: value };
  const declared = target.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = target.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    name: `${target.label} = ${name}`,
    query: `mutation Hostile(${declared}) { ${target.field.name}(${passed}) ${selectionFor(target.field)} }`,
    variables,
    headers,
    check,
  };
}

/** A value of `type` that GraphQL accepts: "x", 1, an enum's first value, an input object with its required fields. */
function fillerOf(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (named.name === 'Int' || named.name === 'Float') return 1;
  if (named.name === 'Boolean') return true;
  if (!isInputObjectType(named)) return 'x';
  const required = Object.values(named.getFields()).filter((field) => isNonNullType(field.type));
  return Object.fromEntries(required.map((field) => [field.name, fillerOf(field.type)]));
}

export function writeCases(target: WriteTarget, headers: Record<string, string>): GraphQLCase[] {
  const path = target.path.join('.');
  if (isListType(getNullableType(target.type))) {
    const max = apiLimits.maxListArgumentLength;
    const tooLong = checks.all(checks.status(400), checks.refused('BAD_USER_INPUT', path), checks.within(maxListRefusalMs));
    const item = fillerOf(target.type);
    // Objects are larger than "x": as many as a request body may hold.
    const many = typeof item === 'object' ? 10_000 : 30_000;
    return [
      writeCase(target, `${many.toLocaleString('en')} entries`, new Array<unknown>(many).fill(item), headers, tooLong),
      writeCase(target, `${max + 1} entries (one over the bound)`, new Array<unknown>(max + 1).fill(item), headers, tooLong),
      writeCase(target, 'a null inside', ['x', null], headers, checks.status(400)),
      ...hostileStrings.map(([label, value]) => writeCase(target, `[${label}]`, [value], headers)),
    ];
  }
  if (getNamedType(target.type).name === 'Int') return hostileInts.map(([label, value]) => writeCase(target, label, value, headers));
  return hostileStrings.map(([label, value]) => writeCase(target, label, value, headers));
}
