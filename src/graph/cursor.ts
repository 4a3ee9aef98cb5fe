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
