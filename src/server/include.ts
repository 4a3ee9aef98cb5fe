// What a GraphQL query selects, as the includes of src/graph/include.ts: the nested lists and
// linked records the graph reads bring in the same statement. A field not covered here is
// still answered, by its resolver and the request's DataLoaders (a statement per level).
import { getArgumentValues, Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { claimRoles, type ActorInclude, type ClaimInclude, type ClaimRole, type Direction, type RelationshipInclude, type SourceInclude } from '../graph/include.ts';

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

/** The sets under the field being resolved, then under `path` (e.g. edges, node). */
export function selectionsAt(info: GraphQLResolveInfo, ...path: string[]): Sets {
  let sets: Sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) sets = under(named(info, sets, name));
  return sets;
}

export function sourceInclude(info: GraphQLResolveInfo, sets: Sets): SourceInclude {
  return { text: named(info, sets, 'text').length > 0 };
}

/**
 * Sources reached through claims come without their text: many claims cite one source, and
 * Source.text reads each text once (a DataLoader) rather than once per claim or quote.
 */
const nestedSource: SourceInclude = { text: false };

export function claimInclude(info: GraphQLResolveInfo, sets: Sets): ClaimInclude {
  const picked = (name: string) => named(info, sets, name);
  return {
    actors: (Object.keys(claimRoles) as ClaimRole[]).filter((role) => picked(role).length > 0),
    source: picked('source').length > 0 ? nestedSource : null,
    evidenceSource: named(info, under(picked('evidence')), 'source').length > 0 ? nestedSource : null,
  };
}

/** Fields of a relationship gathered over every claim (src/server/resolvers.ts allClaims). */
const gatheredFields = ['claimedBy', 'disputedBy', 'evidence', 'dateText', 'note', 'conflictsWith'];

export function relationshipInclude(info: GraphQLResolveInfo, sets: Sets): RelationshipInclude {
  const claims = [...fields(info, sets)]
    .filter(([, nodes]) => nodes[0]!.name.value === 'claims')
    .map(([key, nodes]) => {
      const args = argumentsOf(info, 'Relationship', nodes[0]!);
      return { key, args: { first: args.first as number | null, includeRetracted: args.includeRetracted as boolean | null }, include: claimInclude(info, under(nodes)) };
    });
  const gathered = gatheredFields.some((name) => named(info, sets, name).length > 0);
  const evidenceSource = named(info, under(named(info, sets, 'evidence')), 'source').length > 0 ? nestedSource : null;
  const actors = (['claimedBy', 'disputedBy'] as const).filter((role) => named(info, sets, role).length > 0);
  return { claims, gathered: gathered ? { actors, source: null, evidenceSource } : null };
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
        includeRetracted: a.includeRetracted as boolean | null,
        first: a.first as number | null,
      };
      return { key, args, include: relationshipInclude(info, under(nodes)) };
    });
  return { relationships };
}
