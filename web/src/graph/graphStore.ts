// What the app has loaded so far: every actor and relationship fetched by the neighbourhood,
// expansion and path queries, whatever the filters. The view shows a filtered part of it.
import type { Actor, Relationship, Subgraph } from '../api/model.ts';

export class GraphStore {
  readonly actors = new Map<string, Actor>();
  readonly relationships = new Map<string, Relationship>();

  /** Adds a subgraph; returns how many actors and relationships were new. */
  add(subgraph: Subgraph): { actors: number; relationships: number } {
    let actors = 0;
    let relationships = 0;
    for (const actor of subgraph.nodes) {
      if (!this.actors.has(actor.id)) actors++;
      this.actors.set(actor.id, actor);
    }
    for (const relationship of subgraph.relationships) {
      if (!this.relationships.has(relationship.id)) relationships++;
      this.relationships.set(relationship.id, relationship);
    }
    return { actors, relationships };
  }

  /** Forgets a relationship (retracted: no live claim is left). */
  removeRelationship(id: string): void {
    this.relationships.delete(id);
  }

  clear(): void {
    this.actors.clear();
    this.relationships.clear();
  }
}
