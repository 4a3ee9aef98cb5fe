// Thin resolvers: each calls a graph query function (src/graph) or a per-request loader.
// None of them contains Cypher.
import { apiLimits } from '../config.ts';
import { listActors } from '../graph/actors.ts';
import { listClaims } from '../graph/claims.ts';
import type { Page } from '../graph/cursor.ts';
import { listFigures } from '../graph/figures.ts';
import type { Actor, Claim, Relationship } from '../graph/model.ts';
import { listRelationships, timeline } from '../graph/relationships.ts';
import { searchActors } from '../graph/search.ts';
import { listSources } from '../graph/sources.ts';
import { getStats } from '../graph/stats.ts';
import { allegianceChain, neighborhood, shortestPath } from '../graph/traversal.ts';
import { actorKindEnumValue, actorKinds, vocabulary } from '../vocabulary.ts';
import type { Context } from './context.ts';
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

/** Every claim of a relationship (up to the largest page), for the fields that gather over them. */
const allClaims = (rel: Relationship, loaders: Loaders): Promise<Claim[]> =>
  loaders.relationshipClaims.load({ id: rel.id, first: apiLimits.maxPageSize, args: null });

const distinct = <T>(items: T[]) => [...new Set(items)];

/** One line per distinct value, null when there is none. */
const lines = (values: (string | null)[], separator: string) => {
  const kept = distinct(values.filter((v): v is string => v !== null));
  return kept.length > 0 ? kept.join(separator) : null;
};

async function contradictingRelationships(rel: Relationship, { loaders }: Context): Promise<Relationship[]> {
  const others = found(await loaders.claim.loadMany(distinct((await allClaims(rel, loaders)).flatMap((c) => c.contradicts))));
  const ids = distinct(others.map((c) => c.relationshipId)).filter((id) => id !== rel.id);
  return found(await loaders.relationship.loadMany(ids));
}

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
    claims: async (_, args, { db }) => connection(await listClaims(db, args)),
    claim: (_, { id }, { loaders }) => loaders.claim.load(id),
    figures: (_, args, { db }) => listFigures(db, args),
    vocabulary: () => ({
      actorKinds: terms(vocabulary.actorKinds),
      relationshipTypes: terms(vocabulary.relationshipTypes),
      claimStatuses: terms(vocabulary.claimStatuses),
      stances: terms(vocabulary.stances),
    }),
  },

  Actor: {
    relationships: (actor, { types, direction, statuses, asOf, first }, { loaders }) =>
      loaders.actorRelationships.load({ id: actor.id, first, args: { direction: direction ?? 'BOTH', filter: { types, statuses, asOf } } }),
    mentions: (actor, { first }, { loaders }) => loaders.mentionsOfActor.load({ id: actor.id, first, args: null }),
    figures: (actor, { first }, { loaders }) => loaders.figuresAbout.load({ id: actor.id, first, args: null }),
    claims: (actor, { role, first }, { loaders }) => loaders.actorClaims.load({ id: actor.id, first, args: role ?? null }),
  },

  Relationship: {
    claims: (rel, { first }, { loaders }) => loaders.relationshipClaims.load({ id: rel.id, first, args: null }),
    claimedBy: async (rel, _, { loaders }) => actorsByIds(loaders, distinct((await allClaims(rel, loaders)).flatMap((c) => c.claimedBy))),
    disputedBy: async (rel, _, { loaders }) => actorsByIds(loaders, distinct((await allClaims(rel, loaders)).flatMap((c) => c.disputedBy))),
    evidence: async (rel, _, { loaders }) => (await allClaims(rel, loaders)).flatMap((c) => c.evidence),
    conflictsWith: (rel, _, context) => contradictingRelationships(rel, context),
    dateText: async (rel, _, { loaders }) => lines((await allClaims(rel, loaders)).map((c) => c.dateText), '; '),
    note: async (rel, _, { loaders }) => lines((await allClaims(rel, loaders)).map((c) => c.note), '\n'),
  },

  Claim: {
    subject: async (claim, _, { loaders }) => (await loaders.actor.load(claim.subjectId))!,
    object: async (claim, _, { loaders }) => (await loaders.actor.load(claim.objectId))!,
    claimedBy: (claim, _, { loaders }) => actorsByIds(loaders, claim.claimedBy),
    disputedBy: (claim, _, { loaders }) => actorsByIds(loaders, claim.disputedBy),
    source: async (claim, _, { loaders }) => (await loaders.source.load(claim.sourceId))!,
    contradicts: async (claim, _, { loaders }) => found(await loaders.claim.loadMany(claim.contradicts)),
    relationship: async (claim, _, { loaders }) => {
      const relationship = await loaders.relationship.load(claim.relationshipId);
      if (!relationship) throw new Error(`claim ${claim.id} supports relationship ${claim.relationshipId}, which is not derived`);
      return relationship;
    },
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
    claims: (source, { first }, { loaders }) => loaders.sourceClaims.load({ id: source.id, first, args: null }),
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
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
    contradicts: async (figure, _, { loaders }) => found(await loaders.figure.loadMany(figure.contradicts)),
  },
};
