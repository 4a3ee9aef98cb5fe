// Which process runs an instance's Neo4j, and which launcher started it: <home>/run/neo4j.pid
// (Neo4j writes it too, and removes it when it stops cleanly) and <home>/run/owner.pid (the
// pid of the node process that started it, Neo4j's parent). At the next start they tell a
// stale pid file, an orphan whose launcher died (stopped here) and a server that another live
// launcher runs (left alone) apart.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';

export const pidFile = (homeDir: string) => path.join(homeDir, 'run', 'neo4j.pid');
const ownerFile = (homeDir: string) => path.join(homeDir, 'run', 'owner.pid');

export function recordServer(homeDir: string, pid: number): void {
  fs.writeFileSync(pidFile(homeDir), `${pid}\n`);
  fs.writeFileSync(ownerFile(homeDir), `${process.pid}\n`);
}

export function forgetServer(homeDir: string): void {
  fs.rmSync(pidFile(homeDir), { force: true });
  fs.rmSync(ownerFile(homeDir), { force: true });
}

function readPid(file: string): number | undefined {
  const pid = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export interface ProcessInfo {
  ppid: number;
  /** The arguments joined by spaces. */
  args: string;
}

/** A process's parent and command line, from /proc (Linux) or else ps; undefined when it is gone. */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (fs.existsSync('/proc/self/stat')) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // After "pid (command)" come the state and the parent pid.
      return { ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), args };
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? '');
  return match ? { ppid: Number(match[1]), args: `${match[2]} ` } : undefined;
}

/** Whether the process is the Neo4j of this home (a zombie's command line is empty: it is not). */
const isNeo4jOf = (info: ProcessInfo | undefined, homeDir: string) => Boolean(info?.args.includes(` --home-dir=${homeDir} `));

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw new UserError(`Cannot stop the orphaned Neo4j (pid ${pid}): ${(error as Error).message}. Stop it yourself and start again.`);
  }
}

async function exits(pid: number, homeDir: string, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
    if (!isNeo4jOf(processInfo(pid), homeDir)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return !isNeo4jOf(processInfo(pid), homeDir);
}

async function stopOrphan(pid: number, homeDir: string): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await exits(pid, homeDir, 60_000)) return;
  signal(pid, 'SIGKILL');
  if (await exits(pid, homeDir, 10_000)) return;
  throw new UserError(`The orphaned Neo4j (pid ${pid}) of ${homeDir} did not stop, even on SIGKILL. Stop it yourself and start again.`);
}

/**
 * Clears what a dead launcher left in the home: a pid file naming no live Neo4j of this home is
 * removed; a Neo4j whose launcher is gone is stopped. Returns the pid of this home's Neo4j when
 * a live launcher runs it: that one is only ever reused, never stopped. A server without a
 * recorded launcher (started by an older launcher) is left alone too.
 */
export async function clearLeftovers(homeDir: string): Promise<number | undefined> {
  const pid = readPid(pidFile(homeDir));
  if (pid === undefined) return undefined;
  const server = processInfo(pid);
  if (!isNeo4jOf(server, homeDir)) {
    forgetServer(homeDir);
    console.log(`Removed the stale pid file ${pidFile(homeDir)}: process ${pid} is ${server ? 'not this Neo4j' : 'gone'}.`);
    return undefined;
  }
  const owner = readPid(ownerFile(homeDir));
  // When its launcher dies, Neo4j is re-parented, so a live launcher is still its parent.
  if (owner === undefined || server!.ppid === owner) return pid;
  console.log(`Found the Neo4j of ${homeDir} (pid ${pid}) still running after its launcher (pid ${owner}) died: stopping it.`);
  await stopOrphan(pid, homeDir);
  forgetServer(homeDir);
  console.log(`Stopped the orphaned Neo4j (pid ${pid}); starting a fresh one.`);
  return undefined;
}
