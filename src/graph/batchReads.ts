// The two batched reads behind the API's DataLoaders, each one statement whatever the number
// of ids: things by id, and every parent's first `first` items of a nested list.
import { int, type Database } from '../neo4j/database.ts';
import { listSize, type Params } from './filters.ts';

export interface ByIdsQuery<R, T> {
  /** Cypher that binds the thing named by `id` (a MATCH, or a CALL (id) { ... }). */
  match: string;
  projection: string;
  toItem: (row: R) => T;
}

/** The things with these ids, in the same order; null where an id names none (a thing may answer for another id: a merged actor's). */
export async function readByIds<R, T>(db: Database, ids: readonly string[], q: ByIdsQuery<R, T>, params: Params = {}): Promise<(T | null)[]> {
  const rows = await db.read<{ id: string; item: R }>(`UNWIND $ids AS id ${q.match} RETURN id, ${q.projection} AS item`, { ...params, ids: [...new Set(ids)] });
  const byId = new Map(rows.map((row) => [row.id, q.toItem(row.item)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface PerParentQuery<R, T> extends ByIdsQuery<R, T> {
  /** What the WITH before the ordering keeps, e.g. `c` or `DISTINCT r`. */
  keep: string;
  order: string;
}

/** For each parent id, its first `first` items in `order`: `match` finds them from the parent's `id`. */
export async function readFirstPerParent<R, T>(
  db: Database,
  ids: readonly string[],
  first: number | null | undefined,
  q: PerParentQuery<R, T>,
  params: Params = {},
): Promise<Map<string, T[]>> {
  const rows = await db.read<{ id: string; items: R[] }>(
    `UNWIND $ids AS id
     CALL (id) { ${q.match} WITH ${q.keep} ORDER BY ${q.order} LIMIT $first RETURN collect(${q.projection}) AS items }
     RETURN id, items`,
    { ...params, ids: [...new Set(ids)], first: int(listSize(first)) },
  );
  return new Map(rows.map((row) => [row.id, row.items.map(q.toItem)]));
}
