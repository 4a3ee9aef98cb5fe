// Builds the web app (web/) with Vite when web/dist is missing or older than its sources,
// so that `npm start` on a fresh clone serves it without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const webRoot = path.join(projectRoot, 'web');
export const webDist = path.join(webRoot, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  // The app also imports src/export (formats) and src/graph (partial dates).
  const sources = Math.max(newestMtime(webRoot), newestMtime(path.join(projectRoot, 'src', 'export')), newestMtime(path.join(projectRoot, 'src', 'graph')));
  return fs.statSync(index).mtimeMs < sources;
}

export async function ensureWebBuild(): Promise<void> {
  if (!fs.existsSync(path.join(webRoot, 'vite.config.ts')) || !webBuildIsStale()) return;
  const { build } = await import('vite');
  console.log('Building the web app (web/ -> web/dist)...');
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
