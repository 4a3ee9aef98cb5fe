// Serves the built web app (web/dist) read-only: `/` is index.html; nothing outside dist.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { HttpError } from './httpError.ts';
import { logError } from '../api/requestLog.ts';
import { webDist } from './webBuild.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.grass': 'text/plain; charset=utf-8',
};

function decodePath(pathname: string): string {
  try {
    const decoded = decodeURIComponent(pathname);
    if (!decoded.includes('\0')) return decoded;
  } catch {
    // a malformed escape such as "%" or "%E0%A4%A"
  }
  throw new HttpError(400, 'BAD_REQUEST', `Malformed path: ${JSON.stringify(pathname.slice(0, 200))}`);
}

/** Answers the request from web/dist and returns true, or returns false when no file matches. */
export function serveStatic(pathname: string, res: http.ServerResponse, requestId: string, root = webDist): boolean {
  const relative = decodePath(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(root, '.' + relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
  res.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file)
    .on('error', (error) => {
      logError(`Reading ${file}`, error, requestId);
      res.destroy();
    })
    .pipe(res);
  return true;
}
