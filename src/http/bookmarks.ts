// Read your own writes across API replicas: a request that commits a write answers with its
// transaction's bookmark in the Neo4j-Bookmark header; a request may send bookmarks back in the
// same header (comma-separated, or the header repeated), and its reads then start after them.
// A request without the header reads as before. The header is checked here, before anything runs.
import type http from 'node:http';
import { apiLimits } from '../config.ts';
import { bookmarkHeader } from '../api/writeReceipts.ts';
import { HttpError } from './httpError.ts';

export { bookmarkHeader };

/** Neo4j's bookmarks are printable tokens ("FB:kcwQ…"): letters, digits and a few signs. */
const bookmarkPattern = /^[A-Za-z0-9:_\-+/=.]+$/;

/** The bookmarks a request sent (none without the header); a 400 naming the header when they are malformed or too many. */
export function requestBookmarks(req: http.IncomingMessage): string[] {
  const raw = req.headers[bookmarkHeader.toLowerCase()];
  if (raw === undefined) return [];
  const bookmarks = (Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (bookmarks.length > apiLimits.maxBookmarks) {
    throw new HttpError(400, 'BAD_REQUEST', `The ${bookmarkHeader} header holds ${bookmarks.length} bookmarks; send at most ${apiLimits.maxBookmarks} (the latest write's answer holds one).`);
  }
  for (const [index, bookmark] of bookmarks.entries()) {
    if (bookmark.length > apiLimits.maxBookmarkLength || !bookmarkPattern.test(bookmark)) {
      throw new HttpError(
        400,
        'BAD_REQUEST',
        `The ${bookmarkHeader} header's bookmark ${index + 1} is not a bookmark: send back exactly what a write's answer held in ${bookmarkHeader} (at most ${apiLimits.maxBookmarkLength} characters of letters, digits and : _ - + / = .).`,
      );
    }
  }
  return bookmarks;
}
