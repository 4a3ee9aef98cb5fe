// Thin resolvers: each calls a graph query function (src/graph) or a per-request loader.
// None of them contains Cypher.
import { listActors } from '../graph/actors.ts';
import type { Page } from '../graph/cursor.ts';
import { listFigures } from '../graph/figures.ts';
import type { Actor } from '../graph/model.ts';
import { listRelationships, timeline } from '../graph/relationships.ts';
import { searchActors } from '../graph/search.ts';
import { listSources } from '../graph/sources.ts';
import { getStats } from '../graph/stats.ts';
import { allegianceChain, neighborhood, shortestPath } from '../graph/traversal.ts';
import { actorKindEnumValue, actorKinds, vocabulary } from '../vocabulary.ts';
import type { Resolvers } from './generated/graphql.ts';
import type { Loaders } from './loaders.ts';

function connection<T>(page: Page<T>) {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

/**
 * The items a loadMany found, in order; ids that name nothing are left out. An error is an
 * answer: it fails the field (a database outage must never turn claimants into an empty list).
 */
function found<T>(results: (T | null | Error)[]): T[] {
  const error = results.find((result) => result instanceof Error);
  if (error) throw error;
  return results.filter((result): result is T => result !== null);
}

const actorsByIds = async (loaders: Loaders, ids: readonly string[]): Promise<Actor[]> => found(await loaders.actor.loadMany(ids));

const terms = (entries: Record<string, string>) => Object.entries(entries).map(([name, definition]) => ({ name, definition }));

export const resolvers: Resolvers = {
  ActorKind: Object.fromEntries(actorKinds.map((kind) => [actorKindEnumValue(kind), kind])) as Resolvers['ActorKind'],

  Query: {
    actor: (_, { id }, { loaders }) => loaders.actor.load(id),
    actors: async (_, args, { db }) => connection(await listActors(db, args)),
    search: (_, args, { db }) => searchActors(db, args),
    neighborhood: (_, args, { db }) => neighborhood(db, args),
    shortestPath: (_, args, { db }) => shortestPath(db, args),
    relationships: async (_, args, { db }) => connection(await listRelationships(db, args)),
    sources: (_, { first }, { db }) => listSources(db, first),
    source: (_, { id }, { loaders }) => loaders.source.load(id),
    stats: (_, __, { db }) => getStats(db),
    allegianceChain: (_, args, { db }) => allegianceChain(db, args),
    timeline: (_, { id, ...filter }, { db }) => timeline(db, id, filter),
    contestedClaims: async (_, args, { db }) => connection(await listRelationships(db, { ...args, contested: true })),
    figures: (_, args, { db }) => listFigures(db, args),
    vocabulary: () => ({
      actorKinds: terms(vocabulary.actorKinds),
      relationshipTypes: terms(vocabulary.relationshipTypes),
      claimStatuses: terms(vocabulary.claimStatuses),
    }),
  },

  Actor: {
    relationships: (actor, { types, direction, statuses, asOf, first }, { loaders }) =>
      loaders.actorRelationships.load({ id: actor.id, first, args: { direction: direction ?? 'BOTH', filter: { types, statuses, asOf } } }),
    mentions: (actor, { first }, { loaders }) => loaders.mentionsOfActor.load({ id: actor.id, first, args: null }),
    figures: (actor, { first }, { loaders }) => loaders.figuresAbout.load({ id: actor.id, first, args: null }),
  },

  Relationship: {
    claimedBy: (rel, _, { loaders }) => actorsByIds(loaders, rel.claimedBy),
    disputedBy: (rel, _, { loaders }) => actorsByIds(loaders, rel.disputedBy),
    conflictsWith: async (rel, _, { loaders }) => found(await loaders.relationship.loadMany(rel.conflictsWith)),
  },

  Evidence: {
    source: async (evidence, _, { loaders }) => {
      const source = await loaders.source.load(evidence.sourceId);
      if (!source) throw new Error(`evidence cites unknown source ${evidence.sourceId}`);
      return source;
    },
  },

  Source: {
    mentions: (source, { first }, { loaders }) => loaders.mentionsInSource.load({ id: source.id, first, args: null }),
    relationships: (source, { first }, { loaders }) => loaders.relationshipsCitingSource.load({ id: source.id, first, args: null }),
    figures: (source, { first }, { loaders }) => loaders.figuresCitingSource.load({ id: source.id, first, args: null }),
  },

  Mention: {
    source: async (mention, _, { loaders }) => (await loaders.source.load(mention.sourceId))!,
  },

  SourceMention: {
    actor: async (mention, _, { loaders }) => (await loaders.actor.load(mention.actorId))!,
  },

  Figure: {
    about: async (figure, _, { loaders }) => (await loaders.actor.load(figure.aboutId))!,
    place: (figure, _, { loaders }) => (figure.placeId ? loaders.actor.load(figure.placeId) : null),
    claimedBy: (figure, _, { loaders }) => actorsByIds(loaders, figure.claimedBy),
    disputedBy: (figure, _, { loaders }) => actorsByIds(loaders, figure.disputedBy),
  },
};
