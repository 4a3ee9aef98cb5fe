// Opaque page cursors: base64url of the sort key of the last item on a page.
import { InputError } from '../errors.ts';

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
  totalCount: number;
}

/** Builds a page from up to first+1 rows (the extra row only says there is a next page). */
export function toPage<T>(rows: T[], first: number, key: (item: T) => string, totalCount: number): Page<T> {
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
  const [afterSeen, afterId] = key === null ? [null, null] : key.includes(separator) ? key.split(separator) : ['', key];
  params.afterSeen = afterSeen;
  params.afterId = afterId;
  return {
    /** The sort key, as a Cypher expression named `seen`. */
    seen: seen ?? "''",
    /** Keeps the rows after the cursor: needs `seen` and `id` in scope. */
    after: '($afterId IS NULL OR seen < $afterSeen OR (seen = $afterSeen AND id > $afterId))',
    orderBy: 'seen DESC, id',
    cursor: (item: { id: string }, itemSeen: string) => (seen === null ? item.id : `${itemSeen}${separator}${item.id}`),
  };
}
