// What a write reads before it checks its input, inside its transaction: which actor ids exist
// (a merged actor's id resolving to the actor it was merged into) and a source's text.
import { observedAt, type ClaimLookup } from '../../seed/loader/claimCheck.ts';
import type { Transaction } from '../neo4j/database.ts';

/** How deep a chain of merges (a into b, b into c) is followed. */
const maxMergeChain = 16;

/** Each id's actor: itself, or the actor a merged id now resolves to; absent when it names none. */
export async function resolveActorIds(tx: Transaction, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.run<{ id: string; actor: string | null }>(
    `UNWIND $ids AS id
     OPTIONAL MATCH (a:Actor {id: id})
     OPTIONAL MATCH (:MergedActor {id: id})-[:MERGED_INTO*1..${maxMergeChain}]->(k:Actor)
     RETURN id, coalesce(a.id, k.id) AS actor`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.filter((row) => row.actor !== null).map((row) => [row.id, row.actor!]));
}

/** The lookups a claim's checks make (seed/loader/claimCheck.ts), for these actors and this source. */
export async function claimLookup(tx: Transaction, actorIds: Iterable<string>, sourceId: string | undefined): Promise<ClaimLookup> {
  const known = new Set(actorIds);
  const [source] = sourceId
    ? await tx.run<{ text: string; published: string | null }>('MATCH (s:Source {id: $id}) RETURN s.text AS text, s.published AS published', { id: sourceId })
    : [];
  return {
    hasActor: (id) => known.has(id),
    source: (id) => (source && id === sourceId ? { text: source.text, observed: observedAt(source.published) } : undefined),
  };
}
