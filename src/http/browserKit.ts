// Neo4j Browser with no set-up: the API serves the project's style (neo4j-browser/actorgraph.grass)
// and a Browser guide made from the ready queries of docs/neo4j-browser.md, and Neo4j tells
// Browser to load both when it connects (browserSettings in src/browserKitSettings.ts, written
// into neo4j.conf and docker-compose.yml).
// Browser fetches them from its own page, so they answer that one origin's CORS requests.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { browserKitPaths } from '../browserKitSettings.ts';
import { projectRoot } from '../config.ts';
import { renderBrowserGuide } from '../docs/browserGuide.ts';
import { readReadyQueries } from '../docs/readyQueries.ts';
import { HttpError } from './httpError.ts';

const stylePath = path.join(projectRoot, 'neo4j-browser', 'actorgraph.grass');

/** The kit's file at `pathname` as [body, content type], or undefined when it is not one of them. */
function kitFile(pathname: string): [string, string] | undefined {
  if (pathname === browserKitPaths.style) return [fs.readFileSync(stylePath, 'utf8'), 'text/plain; charset=utf-8'];
  // Made on each request (a few kilobytes), so an edited document shows at once.
  if (pathname === browserKitPaths.guide) return [renderBrowserGuide(readReadyQueries()), 'text/html; charset=utf-8'];
  return undefined;
}

/**
 * Answers a request for the kit and returns true, or returns false when the path is not one of
 * its files. CORS allows Browser's origin only. Browser's guide fetch sends Cache-Control and
 * Pragma, so it is preflighted: OPTIONS answers which headers may come. The global
 * Cross-Origin-Resource-Policy (same-origin) does not apply to CORS requests, only to no-cors ones.
 */
export function serveBrowserKit(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, browserOrigin: string): boolean {
  const file = kitFile(pathname);
  if (!file) return false;
  const cors = { 'access-control-allow-origin': browserOrigin, vary: 'origin' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'cache-control, pragma' });
    res.end();
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${pathname} answers GET, HEAD and OPTIONS only.`, { allow: 'GET, HEAD, OPTIONS' });
  }
  const [body, type] = file;
  res.writeHead(200, { ...cors, 'content-type': type, 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
