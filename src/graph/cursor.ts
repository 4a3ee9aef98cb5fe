// Pages: opaque cursors (base64url of the sort key of the last item on a page), and the one
// statement that reads a page with its total.
import { InputError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(argument: string, cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw new InputError(argument, 'is not a cursor this API gave out');
  return key;
}

export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Null when it was not asked for (countTotal false): counting costs a pass over every match. */
  totalCount: number | null;
}

/** Builds a page from up to first+1 rows (the extra row only says there is a next page). */
export function toPage<T>(rows: T[], first: number, key: (item: T) => string, totalCount: number | null): Page<T> {
  const items = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null, totalCount };
}

const separator = '\u0000';

/**
 * How a connection orders and resumes: by id; with asOf, by `seen` (a sortable date string, ''
 * when none) descending, then id. The cursor is the id, or seen and id. Adds its parameters.
 */
export function pageOrder(seen: string | null, after: string | null | undefined, params: Record<string, unknown>) {
  const key = decodeCursor('after', after);
  if (key !== null && key.includes(separator) !== (seen !== null)) {
    throw new InputError('after', `is a cursor of a list ${seen === null ? 'with' : 'without'} asOf: page on with the same arguments`);
  }
  const [afterSeen, afterId] = key === null ? [null, null] : key.includes(separator) ? key.split(separator) : ['', key];
  params.afterSeen = afterSeen;
  params.afterId = afterId;
  return {
    /** The sort key, as a Cypher expression named `seen`. */
    seen: seen ?? "''",
    /** Keeps the rows after the cursor: needs `seen` and `id` in scope. */
    after: seen === null ? '($afterId IS NULL OR id > $afterId)' : '($afterId IS NULL OR seen < $afterSeen OR (seen = $afterSeen AND id > $afterId))',
    // By id alone when there is no date to order by, so that an id index can give the order.
    orderBy: seen === null ? 'id' : 'seen DESC, id',
    cursor: (item: { id: string }, itemSeen: string) => (seen === null ? item.id : `${itemSeen}${separator}${item.id}`),
  };
}

export type PageOrder = ReturnType<typeof pageOrder>;

/** The sort key a cursor holds: `seen` ('' when none) for a list with asOf, else null. */
export function cursorKey(after: string | null | undefined): { seen: string | null; id: string } | null {
  const key = decodeCursor('after', after);
  if (key === null) return null;
  const [seen, id] = key.includes(separator) ? key.split(separator) : [null, key];
  return { seen: seen ?? null, id: id! };
}

/** A page that ends `first` with the start of `second` (which follows it in order); the total is the first's. */
export function joinPages<T>(first: Page<T>, second: Page<T>, size: number): Page<T> {
  const items = [...first.items, ...second.items];
  return { items: items.slice(0, size), hasNextPage: items.length > size || second.hasNextPage, endCursor: items.slice(0, size).at(-1)?.cursor ?? null, totalCount: first.totalCount };
}

export interface PageQuery<R, T> {
  /** The Cypher variable each row binds, e.g. `c`. */
  variable: string;
  /** Cypher yielding rows of `variable` (one per item), and the condition they must meet. */
  match: string;
  where: string;
  /**
   * Cypher yielding rows of `variable`, `id` and `seen` that meet `where` and follow the cursor
   * (`order.after`), at least the page's worth in page order: an index walked in order, so that a
   * page costs the same however large the graph. By default, every match.
   */
  candidates?: (order: PageOrder) => string;
  /** Cypher map of an item, and how it becomes one. */
  projection: string;
  toItem: (row: R) => T;
  /** With asOf, the date key to order by (latest first); null orders by id. */
  seen: string | null;
  after: string | null | undefined;
  first: number;
  params: Record<string, unknown>;
  /** Whether to count every match too (the connection's totalCount). */
  countTotal: boolean;
}

/**
 * One page of items and, when asked, the total that match, in one statement (one row whatever
 * the page holds, so the total comes with an empty last page too).
 */
export async function readPage<R, T extends { id: string }>(db: Database, q: PageQuery<R, T>): Promise<Page<T>> {
  const v = q.variable;
  const order = pageOrder(q.seen, q.after, q.params);
  q.params.limit = int(q.first + 1);
  const [row] = await db.read<{ items: { item: R; seen: string }[]; total: number }>(
    `CALL () { ${q.countTotal ? `${q.match} WITH ${v} WHERE ${q.where} RETURN count(${v}) AS total` : 'RETURN null AS total'} }
     CALL () {
       ${q.candidates?.(order) ?? `${q.match} WITH ${v} WHERE ${q.where} WITH ${v}, ${v}.id AS id, ${order.seen} AS seen WHERE ${order.after}`}
       WITH ${v}, id, seen ORDER BY ${order.orderBy} LIMIT $limit
       RETURN collect({item: ${q.projection}, seen: seen}) AS items
     }
     RETURN items, total`,
    q.params,
  );
  const items = (row?.items ?? []).map((r) => ({ node: q.toItem(r.item), seen: r.seen }));
  const seen = new Map(items.map((i) => [i.node.id, i.seen]));
  return toPage(items.map((i) => i.node), q.first, (item) => order.cursor(item, seen.get(item.id) ?? ''), q.countTotal ? (row?.total ?? 0) : null);
}
