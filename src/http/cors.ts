// Cross-origin access to /graphql: none by default (the web app is served from the API's own
// origin). CORS_ORIGINS names the other origins allowed, one by one, never "*": a page there may
// then send requests with a bearer token. Apollo's CSRF prevention stays on whatever this says.
import type http from 'node:http';

/** The CORS headers for this request: none unless its Origin is one of `allowed`. */
export function corsHeaders(req: http.IncomingMessage, allowed: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return { vary: 'origin' };
  // A page elsewhere reads a write's bookmark (src/http/bookmarks.ts) only when it is exposed.
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'neo4j-bookmark, x-request-id', vary: 'origin' };
}

/** Answers the CORS preflight (OPTIONS) of an allowed origin to /graphql; true when it did (other OPTIONS are a 405). */
export function answerPreflight(req: http.IncomingMessage, res: http.ServerResponse, allowed: readonly string[]): boolean {
  const headers = corsHeaders(req, allowed);
  if (req.method !== 'OPTIONS' || !headers['access-control-allow-origin']) return false;
  res.writeHead(204, {
    ...headers,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type, authorization, idempotency-key, neo4j-bookmark, apollo-require-preflight, x-apollo-operation-name',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
