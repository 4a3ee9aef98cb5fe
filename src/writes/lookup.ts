// What a write reads before it checks its input, inside its transaction: which actor ids exist
// (a merged actor's id resolving to the actor it was merged into) and a source's text.
import { observedAt, type ClaimLookup } from '../domain/claimCheck.ts';
import { ConcurrentChangeError } from '../errors.ts';
import { actorNamed } from '../graph/actors.ts';
import type { Transaction } from '../neo4j/database.ts';
import { lockVersions } from './records.ts';

/** Each id's actor: itself, or the actor a merged id now resolves to; absent when it names none. */
async function resolveActorIds(tx: Transaction, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.run<{ id: string; actor: string }>(`UNWIND $ids AS id ${actorNamed('id')} RETURN id, a.id AS actor`, { ids: [...new Set(ids)] });
  return new Map(rows.map((row) => [row.id, row.actor]));
}

/** How often the actors a write names may be merged or unmerged under it before it gives up. */
const maxResolutions = 5;

const sameMap = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);

/**
 * The actors these ids name (a merged id resolving to the actor kept), locked for the rest of the
 * transaction so that no merge takes one away, nor an unmerge changes what an id names, before a
 * claim links to it. The ids are resolved again once the actors are locked: a merge or unmerge
 * that committed meanwhile makes them resolve anew and lock again. Ids that name no actor are absent.
 */
export async function lockedActors(tx: Transaction, ids: readonly string[]): Promise<Map<string, string>> {
  let resolved = await resolveActorIds(tx, ids);
  for (let attempt = 1; ; attempt++) {
    const actors = [...new Set(resolved.values())];
    const locked = await lockVersions(tx, 'Actor', actors);
    const again = await resolveActorIds(tx, ids);
    if (locked.size === actors.length && sameMap(resolved, again)) return resolved;
    if (attempt === maxResolutions) {
      throw new ConcurrentChangeError(`The actors ${[...new Set(ids)].join(', ')} were merged or unmerged ${maxResolutions} times while this write waited for them`);
    }
    resolved = again;
  }
}

/** The lookups a claim's checks make (src/domain/claimCheck.ts), for these actors and this source. */
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
