// The API as the benchmark runs it: its own process (`npm start`'s entry point), on a free
// port, without seeding, with a rate limit too high to matter (all the load comes from one
// address), over the Neo4j that `env` names. Ready once GET /health answers 200.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config.ts';

/** The node flags `npm start` gives the server (package.json: `tsx <flags> src/cli/start.ts`). */
export function serverNodeFlags(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts;
  const match = /\btsx((?: --[\w-]+=\S+)*) src\/cli\/start\.ts$/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script is not "exec tsx [--flag=value ...] src/cli/start.ts": ${scripts.start}`);
  return match[1]!.trim().split(' ').filter(Boolean);
}

export interface ChildServer {
  /** Where it serves, e.g. http://127.0.0.1:40123 */
  url: string;
  pid: number;
  /** SIGTERM, and SIGKILL after `graceMs` (10 s unless given). */
  stop(graceMs?: number): Promise<void>;
  /** The last 4,000 characters it printed. */
  output(): string;
  /** Resolves when it has exited. */
  exited: Promise<void>;
}

/** Resolves when the child exits (at once if it has). */
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Stops a child with SIGTERM, and SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** Polls `url` until it answers 200; fails when the child exits first or after `timeoutMs`. */
export async function waitUntilReady(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The process ${child.pid} exited before ${url} answered:\n${output()}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s:\n${output()}`);
}

/** Runs src/cli/start.ts in its own node process with `npm start`'s flags (node --import tsx, so `pid` is the server's own). */
export async function startApi(options: { port: number; env: NodeJS.ProcessEnv; readyTimeoutMs?: number; settings?: NodeJS.ProcessEnv }): Promise<ChildServer> {
  // `settings` last: a replica behind the proxy turns its own rate limit off (RATE_LIMIT_PER_SECOND=0) and trusts the proxy.
  const env = { ...options.env, PORT: String(options.port), HOST: '127.0.0.1', SEED_ON_START: 'false', RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000', ...options.settings };
  const child = spawn(process.execPath, [...serverNodeFlags(), '--import', 'tsx', 'src/cli/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(child, `${url}/health`, () => log, options.readyTimeoutMs ?? 180_000);
  return { url, pid: child.pid!, stop: (graceMs?: number) => stopChild(child, graceMs), output: () => log, exited: exited(child) };
}
