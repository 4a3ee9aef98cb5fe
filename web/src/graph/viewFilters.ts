// The analyst's filters (relationship types, claim statuses, actor kinds, registry actors, as-of date) and what
// they leave on screen: relationships that pass, between actors that pass, reachable from the
// actors the analyst asked for (focus, expanded, path ends), like the API's per-hop filters.
import { isValidAt } from '../time/asOf.ts';
import type { GraphStore } from './graphStore.ts';
import type { Relationship } from '../api/model.ts';

export interface ViewFilters {
  /** Shown relationship types; null means all. */
  types: Set<string> | null;
  statuses: Set<string> | null;
  kinds: Set<string> | null;
  /**
   * Whether actors imported from a registry (origin REGISTRY) pass: hidden, a militancy graph is
   * not drowned in the hundreds of records a sanctions list designates.
   */
  registryActors: boolean;
  asOf: string | null;
}

export function allPass(): ViewFilters {
  return { types: null, statuses: null, kinds: null, registryActors: true, asOf: null };
}

export function relationshipPasses(relationship: Relationship, filters: ViewFilters): boolean {
  return (
    (!filters.types || filters.types.has(relationship.type)) &&
    (!filters.statuses || filters.statuses.has(relationship.status)) &&
    isValidAt(relationship, filters.asOf)
  );
}

export interface VisibleSet {
  actors: Set<string>;
  relationships: Set<string>;
}

/**
 * The actors and relationships to draw: those passing the filters and connected to one of
 * `roots`, plus `always` (a shortest path, which the API computed with the same filters).
 */
export function visibleElements(store: GraphStore, filters: ViewFilters, roots: Iterable<string>, always?: VisibleSet): VisibleSet {
  const actorPasses = (id: string) => {
    const actor = store.actors.get(id);
    return actor !== undefined && (!filters.kinds || filters.kinds.has(actor.kind)) && (filters.registryActors || actor.origin !== 'REGISTRY');
  };
  const adjacency = new Map<string, Relationship[]>();
  for (const relationship of store.relationships.values()) {
    if (!relationshipPasses(relationship, filters)) continue;
    if (!actorPasses(relationship.from.id) || !actorPasses(relationship.to.id)) continue;
    for (const end of [relationship.from.id, relationship.to.id]) {
      const list = adjacency.get(end) ?? [];
      list.push(relationship);
      adjacency.set(end, list);
    }
  }
  const actors = new Set<string>();
  const relationships = new Set<string>();
  const queue = [...roots].filter(actorPasses);
  for (const root of queue) actors.add(root);
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const relationship of adjacency.get(id) ?? []) {
      relationships.add(relationship.id);
      for (const end of [relationship.from.id, relationship.to.id]) {
        if (!actors.has(end)) {
          actors.add(end);
          queue.push(end);
        }
      }
    }
  }
  for (const id of always?.actors ?? []) actors.add(id);
  for (const id of always?.relationships ?? []) relationships.add(id);
  return { actors, relationships };
}

/** The filters as API arguments (for shortestPath, which must apply them on every hop). */
export function filterArgs(filters: ViewFilters): { types: string[] | null; statuses: string[] | null; asOf: string | null } {
  return {
    types: filters.types ? [...filters.types] : null,
    statuses: filters.statuses ? [...filters.statuses] : null,
    asOf: filters.asOf,
  };
}
