// For the tests that start throw-away local Neo4j servers and the CLI that runs them
// (launcher, lifecycle, outage): temporary homes, free ports, CLI processes, and a
// last-resort clean-up that kills a home's Neo4j.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
export { freePort } from '../../src/ports.ts';
import { pidFile } from '../../src/launcher/localServer.ts';
import { processInfo } from '../../src/launcher/pidFiles.ts';

export const tempHome = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Polls until none of the ports is open, for at most `withinMs`; says whether they closed. */
export async function portsClose(ports: number[], withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
    if (!(await Promise.all(ports.map(portOpen))).includes(true)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The command line of a live process, '' when it is gone. */
export const commandLine = (pid: number) => processInfo(pid)?.args ?? '';

/** The pids of a process's children (Linux). */
export function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => processInfo(child)?.ppid === pid);
}

/** Clean-up after a test: kills the Neo4j its pid file names (if it is still this home's) and removes the home. */
export function removeInstance(homeDir: string): void {
  const file = pidFile(homeDir);
  const pid = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : 0;
  if (pid > 0 && commandLine(pid).includes(`--home-dir=${homeDir} `)) process.kill(pid, 'SIGKILL');
  fs.rmSync(homeDir, { recursive: true, force: true });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Runs a CLI entry point in its own node process until it prints `ready` (bounded). */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, script), ...args], { env, cwd: projectRoot });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready in 180 s:\n${output}`)), 180_000);
    child.stdout!.on('data', () => {
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

/** Sends `signal` and resolves with the exit code once the process has ended. */
export function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** `npm start` (as node src/cli/start.ts) with exactly `env`, once it says it is ready. */
/** `npm start` with `env`; its record of itself goes into its own home, never the clone's .neo4j/running.json. */
export const startApi = (env: NodeJS.ProcessEnv) =>
  runCli('src/cli/start.ts', [], { NEO4J_RUNNING_FILE: path.join(env.NEO4J_LOCAL_HOME ?? os.tmpdir(), 'project-running.json'), ...env }, 'Press Ctrl-C to stop.');
