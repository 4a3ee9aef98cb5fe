// Per-request DataLoaders: every nested field of a request is batched into one query per
// kind of thing and per level, so the number of Cypher queries does not grow with the result.
// Lists nested in a result are bounded per parent (`first`) inside the Cypher.
import DataLoader from 'dataloader';
import { getActorsByIds } from '../graph/actors.ts';
import { claimsOf, getClaimsByIds, type ClaimRole } from '../graph/claims.ts';
import { figuresOf, getFiguresByIds } from '../graph/figures.ts';
import type { RelationshipFilter } from '../graph/filters.ts';
import type { Actor, Claim, Figure, Mention, Relationship, Source } from '../graph/model.ts';
import { getRelationshipsByIds, relationshipsCitingSources, relationshipsOfActors, type Direction } from '../graph/relationships.ts';
import { getSourcesByIds, mentionsOf } from '../graph/sources.ts';
import { getMatchPairs, registryEntries, registryOfActors, type ActorRegistryView, type MatchPairView, type RegistryEntryView } from '../graph/registry.ts';
import { groupBy } from '../domain/groupBy.ts';
import type { Database } from '../neo4j/database.ts';

/**
 * Batches gather the loads of every resolver that runs before the event loop turns (not only
 * those of one promise tick), so that one level of a result is one query however its resolvers
 * interleave.
 */
const batching = { batchScheduleFn: (run: () => void) => setImmediate(run) };

/** What a nested list of claims (or of relationships reached through them) keeps: retracted ones or not, and as known at a date. */
interface ClaimListArgs {
  includeRetracted: boolean;
  knownAsOf: string | null;
}

/** A parent's nested list: the parent's id, how many items, and any other arguments. */
export interface ListKey<A> {
  id: string;
  first?: number | null;
  args: A;
}

/** Batches nested-list requests: one query per distinct (first, args), each item a parent id. */
function listLoader<A, T>(fetch: (ids: string[], first: number | null | undefined, args: A) => Promise<Map<string, T[]>>) {
  const argsKey = (key: ListKey<A>) => JSON.stringify([key.first ?? null, key.args]);
  return new DataLoader<ListKey<A>, T[], string>(
    async (keys) => {
      const results = new Map<string, T[]>();
      for (const [args, group] of groupBy(keys, argsKey)) {
        const found = await fetch(group.map((k) => k.id), group[0]!.first, group[0]!.args);
        for (const key of group) results.set(`${args}|${key.id}`, found.get(key.id) ?? []);
      }
      return keys.map((key) => results.get(`${argsKey(key)}|${key.id}`) ?? []);
    },
    { ...batching, cacheKeyFn: (key) => `${argsKey(key)}|${key.id}` },
  );
}

export function createLoaders(db: Database) {
  return {
    actor: new DataLoader<string, Actor | null>((ids) => getActorsByIds(db, ids), batching),
    source: new DataLoader<string, Source | null>((ids) => getSourcesByIds(db, ids), batching),
    /** A source's text, read only when a query selects it. */
    sourceText: new DataLoader<string, string | null>(async (ids) => (await getSourcesByIds(db, ids, { text: true })).map((source) => source?.text ?? null), batching),
    relationship: new DataLoader<string, Relationship | null>((ids) => getRelationshipsByIds(db, ids), batching),
    claim: new DataLoader<string, Claim | null>((ids) => getClaimsByIds(db, ids), batching),
    figure: new DataLoader<string, Figure | null>((ids) => getFiguresByIds(db, ids), batching),
    /** A relationship's claims; with knownAsOf (a relationship read as known then), those known then. */
    relationshipClaims: listLoader<ClaimListArgs, Claim>((ids, first, options) => claimsOf(db, 'relationship', ids, first, options)),
    sourceClaims: listLoader<ClaimListArgs, Claim>((ids, first, options) => claimsOf(db, 'source', ids, first, options)),
    actorClaims: listLoader<ClaimListArgs & { role: ClaimRole | null }, Claim>((ids, first, options) => claimsOf(db, 'actor', ids, first, options)),
    actorRelationships: listLoader<{ direction: Direction; filter: RelationshipFilter }, Relationship>((ids, first, { direction, filter }) =>
      relationshipsOfActors(db, ids, filter, direction, first),
    ),
    mentionsOfActor: listLoader<null, Mention>((ids, first) => mentionsOf(db, 'actor', ids, first)),
    mentionsInSource: listLoader<null, Mention>((ids, first) => mentionsOf(db, 'source', ids, first)),
    figuresAbout: listLoader<null, Figure>((ids, first) => figuresOf(db, 'about', ids, first)),
    figuresCitingSource: listLoader<null, Figure>((ids, first) => figuresOf(db, 'source', ids, first)),
    relationshipsCitingSource: listLoader<ClaimListArgs, Relationship>((ids, first, options) => relationshipsCitingSources(db, ids, first, options)),
    /** An actor's identifiers, registry names and designations (src/graph/registry.ts). */
    actorRegistry: new DataLoader<string, ActorRegistryView>(async (ids) => {
      const views = await registryOfActors(db, ids);
      return ids.map((id) => views.get(id) ?? { identifiers: [], names: [], designations: [] });
    }, batching),
    /** The registry record a record actor was imported from; null for any other actor. */
    registryEntry: new DataLoader<string, RegistryEntryView | null>(async (ids) => {
      const entries = await registryEntries(db, ids);
      return ids.map((id) => entries.get(id) ?? null);
    }, batching),
    matchPair: new DataLoader<string, MatchPairView | null>((ids) => getMatchPairs(db, ids), batching),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
