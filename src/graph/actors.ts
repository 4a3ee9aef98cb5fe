// Actors by id and by page.
import { InputError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { actorKinds } from '../domain/vocabulary.ts';
import { readByIds } from './batchReads.ts';
import { decodeCursor, toPage, type Page } from './cursor.ts';
import { listSize } from './filters.ts';
import { Statement, type ActorInclude } from './include.ts';
import { actorProjection, toActor, type Actor } from './model.ts';

export function checkKinds(kinds: readonly string[] | null | undefined): string[] | null {
  if (!kinds || kinds.length === 0) return null;
  for (const kind of kinds) if (!actorKinds.includes(kind)) throw new InputError('kinds', `unknown actor kind "${kind}"`);
  return [...new Set(kinds)];
}

/** How long a chain of merges (a into b, b into c) is followed. */
export const maxMergeChain = 16;

/**
 * Cypher binding `a` to the actor that `id` (a Cypher expression in scope) names: that actor,
 * or, for the id of an actor merged into another, the actor it was merged into; no row when none.
 */
export const actorNamed = (id: string) => `CALL (${id}) {
    OPTIONAL MATCH (found:Actor {id: ${id}})
    OPTIONAL MATCH (:MergedActor {id: ${id}})-[:MERGED_INTO*1..${maxMergeChain}]->(kept:Actor)
    WITH coalesce(found, kept) AS a WHERE a IS NOT NULL RETURN a
  }`;

/**
 * Cypher binding `variable` to the node whose id is `id` itself, an Actor or a MergedActor (no
 * merge followed), through each label's unique index: a label disjunction would scan every node.
 */
export const actorNodeNamed = (id: string, variable = 'a') => {
  const scope = id.split('.')[0]; // `row.id` is read from `row`
  return `CALL (${scope}) { MATCH (n:Actor {id: ${id}}) RETURN n AS ${variable} UNION MATCH (n:MergedActor {id: ${id}}) RETURN n AS ${variable} }`;
};

/**
 * The actors with these ids, in the same order; null where an id names no actor. The id of an
 * actor merged into another answers the actor it was merged into.
 */
export function getActorsByIds(db: Database, ids: readonly string[], include?: ActorInclude): Promise<(Actor | null)[]> {
  const st = new Statement();
  return readByIds(db, ids, { match: actorNamed('id'), projection: actorProjection('a', include, st), toItem: toActor }, st.params);
}

export interface ActorPageArgs {
  kinds?: readonly string[] | null;
  /** Count every match too (default true). */
  countTotal?: boolean;
  first?: number | null;
  after?: string | null;
  /** What to bring with each actor. */
  include?: ActorInclude;
}

const separator = '\u0000';

/** Actors ordered by name (then id), a page at a time. */
export async function listActors(db: Database, args: ActorPageArgs): Promise<Page<Actor>> {
  const first = listSize(args.first);
  const kinds = checkKinds(args.kinds);
  const after = decodeCursor('after', args.after);
  const [afterName, afterId] = after ? after.split(separator) : [null, null];
  const st = new Statement();
  // One row whatever the page holds, so the total comes with an empty last page too.
  const [row] = await db.read<{ actors: Record<string, unknown>[]; total: number }>(
    `CALL () { ${args.countTotal === false ? 'RETURN null AS total' : 'MATCH (a:Actor) WHERE $kinds IS NULL OR a.kind IN $kinds RETURN count(a) AS total'} }
     CALL () {
       MATCH (a:Actor)
       WHERE ($kinds IS NULL OR a.kind IN $kinds)
         AND ($afterName IS NULL OR a.name > $afterName OR (a.name = $afterName AND a.id > $afterId))
       WITH a ORDER BY a.name, a.id LIMIT $limit
       RETURN collect(${actorProjection('a', args.include, st)}) AS actors
     }
     RETURN actors, total`,
    { ...st.params, kinds, afterName: afterName ?? null, afterId: afterId ?? null, limit: int(first + 1) },
  );
  return toPage((row?.actors ?? []).map(toActor), first, (a) => `${a.name}${separator}${a.id}`, args.countTotal === false ? null : (row?.total ?? 0));
}
