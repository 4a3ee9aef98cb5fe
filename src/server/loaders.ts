// Per-request DataLoaders: every nested field of a request is batched into one query per
// kind of thing and per level, so the number of Cypher queries does not grow with the result.
import DataLoader from 'dataloader';
import { getActorsByIds } from '../graph/actors.ts';
import { listFigures } from '../graph/figures.ts';
import type { RelationshipFilter } from '../graph/filters.ts';
import type { Actor, Figure, Mention, Relationship, Source } from '../graph/model.ts';
import { getRelationshipsByIds, relationshipsCitingSources, relationshipsOfActors, type Direction } from '../graph/relationships.ts';
import { getSourcesByIds, mentionsOf } from '../graph/sources.ts';
import { groupBy } from '../groupBy.ts';
import type { Database } from '../neo4j/database.ts';

export interface ActorRelationshipsKey {
  id: string;
  direction: Direction;
  filter: RelationshipFilter;
}

function groupInto<T>(ids: readonly string[], items: T[], key: (item: T) => string): T[][] {
  const groups = groupBy(items, key);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Batches actor-relationship requests: one query per distinct (filter, direction). */
function actorRelationshipsLoader(db: Database) {
  return new DataLoader<ActorRelationshipsKey, Relationship[], string>(
    async (keys) => {
      const byArgs = groupBy(keys, (key) => JSON.stringify([key.direction, key.filter]));
      const results = new Map<string, Relationship[]>();
      for (const [args, group] of byArgs) {
        const found = await relationshipsOfActors(db, group.map((k) => k.id), group[0]!.filter, group[0]!.direction);
        for (const key of group) results.set(`${args}|${key.id}`, found.get(key.id) ?? []);
      }
      return keys.map((key) => results.get(`${JSON.stringify([key.direction, key.filter])}|${key.id}`) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.direction, key.filter, key.id]) },
  );
}

export function createLoaders(db: Database) {
  return {
    actor: new DataLoader<string, Actor | null>((ids) => getActorsByIds(db, ids)),
    source: new DataLoader<string, Source | null>((ids) => getSourcesByIds(db, ids)),
    relationship: new DataLoader<string, Relationship | null>((ids) => getRelationshipsByIds(db, ids)),
    actorRelationships: actorRelationshipsLoader(db),
    mentionsOfActor: new DataLoader<string, Mention[]>(async (ids) => groupInto(ids, await mentionsOf(db, 'actor', ids), (m) => m.actorId)),
    mentionsInSource: new DataLoader<string, Mention[]>(async (ids) => groupInto(ids, await mentionsOf(db, 'source', ids), (m) => m.sourceId)),
    figuresAbout: new DataLoader<string, Figure[]>(async (ids) => groupInto(ids, await listFigures(db, { about: ids }), (f) => f.aboutId)),
    figuresCitingSource: new DataLoader<string, Figure[]>(async (ids) => {
      const figures = await listFigures(db, { sources: ids });
      return ids.map((id) => figures.filter((f) => f.evidence.some((e) => e.sourceId === id)));
    }),
    relationshipsCitingSource: new DataLoader<string, Relationship[]>(async (ids) => {
      const found = await relationshipsCitingSources(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
