// What a GraphQL query selects, as the includes of src/graph/include.ts: the nested lists and
// linked records the graph reads bring in the same statement. A field not covered here is
// still answered, by its resolver and the request's DataLoaders (a statement per level).
import { getArgumentValues, Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { claimRoles, type ActorInclude, type ClaimInclude, type ClaimRole, type Direction, type Fields, type RelationshipInclude, type SourceInclude } from '../graph/include.ts';

type Sets = readonly (SelectionSetNode | undefined)[];

/** The fields selected in these selection sets, fragments flattened, grouped by response key. */
function fields(info: GraphQLResolveInfo, sets: Sets): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  sets.forEach(visit);
  return byKey;
}

/** The selections under every node of one field (or of every field named `name`). */
const under = (nodes: readonly FieldNode[]): Sets => nodes.map((node) => node.selectionSet);

function named(info: GraphQLResolveInfo, sets: Sets, name: string): FieldNode[] {
  return [...fields(info, sets).values()].flat().filter((node) => node.name.value === name);
}

/** A field's arguments, defaults and variables applied. */
function argumentsOf(info: GraphQLResolveInfo, typeName: string, node: FieldNode): Record<string, unknown> {
  const field = (info.schema.getType(typeName) as GraphQLObjectType).getFields()[node.name.value]!;
  return getArgumentValues(field, node, info.variableValues);
}

/** The names of the fields selected in these sets: what a read brings of the record. */
const names = (info: GraphQLResolveInfo, sets: Sets): Fields => new Set([...fields(info, sets).values()].flat().map((node) => node.name.value));

/** The names of the fields selected under every field `name` in these sets (e.g. a relationship's `from`). */
const namesUnder = (info: GraphQLResolveInfo, sets: Sets, name: string) => names(info, under(named(info, sets, name)));

/** The sets under the field being resolved, then under `path` (e.g. edges, node). */
export function selectionsAt(info: GraphQLResolveInfo, ...path: string[]): Sets {
  let sets: Sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) sets = under(named(info, sets, name));
  return sets;
}

export function sourceInclude(info: GraphQLResolveInfo, sets: Sets): SourceInclude {
  const fields = names(info, sets)!;
  return { text: fields.has('text'), fields };
}

/**
 * Sources reached through claims come without their text: many claims cite one source, and
 * Source.text reads each text once (a DataLoader) rather than once per claim or quote.
 */
const nestedSource = (info: GraphQLResolveInfo, sets: Sets): SourceInclude => ({ text: false, fields: names(info, sets) });

/** The actors of a claim asked for in these sets (brought whole), with their fields. */
const claimActors = (info: GraphQLResolveInfo, sets: Sets, roles: readonly ClaimRole[]) =>
  Object.fromEntries(roles.flatMap((role) => (named(info, sets, role).length > 0 ? [[role, namesUnder(info, sets, role)]] : [])));

/** The include of the sources under `field` (evidence, then source), or null when none is asked for. */
function sourceUnder(info: GraphQLResolveInfo, sets: Sets, ...path: string[]): SourceInclude | null {
  for (const name of path) sets = under(named(info, sets, name));
  return sets.length > 0 ? nestedSource(info, sets) : null;
}

/** A claim's fields to read: `quotes` is its evidence's quotes. */
function claimFields(info: GraphQLResolveInfo, sets: Sets): Fields {
  const selected = names(info, sets);
  return selected?.has('quotes') ? new Set([...selected, 'evidence']) : selected;
}

export function claimInclude(info: GraphQLResolveInfo, sets: Sets): ClaimInclude {
  return {
    fields: claimFields(info, sets),
    actors: claimActors(info, sets, Object.keys(claimRoles) as ClaimRole[]),
    source: sourceUnder(info, sets, 'source'),
    evidenceSource: sourceUnder(info, sets, 'evidence', 'source'),
  };
}

/**
 * Fields of a relationship gathered over every claim (src/api/resolvers.ts allClaims), and
 * the claims' fields each is gathered from.
 */
const gatheredFields: Record<string, string> = { claimedBy: 'claimedBy', disputedBy: 'disputedBy', evidence: 'evidence', dateText: 'dateText', note: 'note', conflictsWith: 'contradicts' };

export function relationshipInclude(info: GraphQLResolveInfo, sets: Sets): RelationshipInclude {
  const claims = [...fields(info, sets)]
    .filter(([, nodes]) => nodes[0]!.name.value === 'claims')
    .map(([key, nodes]) => {
      const args = argumentsOf(info, 'Relationship', nodes[0]!);
      return { key, args: { first: args.first as number | null, includeRetracted: args.includeRetracted as boolean | null }, include: claimInclude(info, under(nodes)) };
    });
  const selected = names(info, sets)!;
  const gathered = Object.keys(gatheredFields).filter((name) => selected.has(name));
  const end = (name: string) => (selected.has(name) ? namesUnder(info, sets, name) : null);
  return {
    fields: selected,
    from: end('from'),
    to: end('to'),
    claims,
    gathered:
      gathered.length > 0
        ? {
            fields: new Set(gathered.map((name) => gatheredFields[name]!)),
            actors: claimActors(info, sets, ['claimedBy', 'disputedBy']),
            source: null,
            evidenceSource: sourceUnder(info, sets, 'evidence', 'source'),
          }
        : null,
  };
}

export function actorInclude(info: GraphQLResolveInfo, sets: Sets): ActorInclude {
  const relationships = [...fields(info, sets)]
    .filter(([, nodes]) => nodes[0]!.name.value === 'relationships')
    .map(([key, nodes]) => {
      const a = argumentsOf(info, 'Actor', nodes[0]!);
      const args = {
        direction: (a.direction as Direction | null) ?? 'BOTH',
        types: a.types as string[] | null,
        statuses: a.statuses as string[] | null,
        asOf: a.asOf as string | null,
        knownAsOf: a.knownAsOf as string | null,
        includeRetracted: a.includeRetracted as boolean | null,
        minReliability: a.minReliability as string | null,
        minCredibility: a.minCredibility as number | null,
        first: a.first as number | null,
      };
      return { key, args, include: relationshipInclude(info, under(nodes)) };
    });
  return { fields: names(info, sets), relationships };
}
