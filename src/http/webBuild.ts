// Builds the web app (web/) with Vite when web/dist is missing or older than its sources,
// so that `npm start` on a fresh clone serves it without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const webRoot = path.join(projectRoot, 'web');
export const webDist = path.join(webRoot, 'dist');

/**
 * What the app is built from: web/ (web/src and all its folders) and what the layering rule
 * web-imports-web-and-domain lets it import of src/: src/domain/ and, through it, src/errors.ts.
 */
const webSources = [webRoot, path.join(projectRoot, 'src', 'domain'), path.join(projectRoot, 'src', 'errors.ts')];

/** The newest modification time of a file, or of any file under a folder. */
function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(file, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry.name)));
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  return fs.statSync(index).mtimeMs < Math.max(...webSources.map(newestMtime));
}

export async function ensureWebBuild(): Promise<void> {
  if (!fs.existsSync(path.join(webRoot, 'vite.config.ts')) || !webBuildIsStale()) return;
  const { build } = await import('vite');
  console.log('Building the web app (web/ -> web/dist)...');
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
