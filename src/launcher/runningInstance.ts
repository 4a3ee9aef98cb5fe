// Which Neo4j a running `npm start` (or `npm run neo4j -- start`) uses, so that the other commands (token, export, seed) reach the
// same one: `npm start` writes its connection settings (never the password) into its
// NEO4J_LOCAL_HOME (running.json) and into the project's .neo4j/running.json (NEO4J_RUNNING_FILE), and removes them
// when it stops. A command run with none of NEO4J_URI, NEO4J_LOCAL_HOME or the ports takes the
// running start's; one given NEO4J_LOCAL_HOME alone takes the ports of the start using that home.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot, runningFile, type Config, type Env } from '../config.ts';
import { UserError } from '../errors.ts';
import { instanceExists } from './localPassword.ts';

/** What a running start says of its Neo4j: how to reach it, never its password. */
export interface InstanceSettings {
  /** The process of `npm start`. */
  pid: number;
  /** Set when it uses NEO4J_URI (an external server). */
  uri: string | null;
  homeDir: string | null;
  boltPort: number;
  httpPort: number;
  user: string;
  database: string;
  /** The API's port; null for `npm run neo4j -- start`, which runs Neo4j alone. */
  apiPort: number | null;
}

export const homeInstanceFile = (homeDir: string) => path.join(homeDir, 'running.json');

/** The variables that say which server a command uses. */
const serverVars = ['NEO4J_URI', 'NEO4J_LOCAL_HOME', 'NEO4J_BOLT_PORT', 'NEO4J_HTTP_PORT'] as const;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The settings a file holds, when the start that wrote them still runs. */
export function readInstance(file: string): InstanceSettings | undefined {
  let settings: InstanceSettings;
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceSettings;
  } catch {
    return undefined;
  }
  return Number.isInteger(settings.pid) && alive(settings.pid) ? settings : undefined;
}

/**
 * Writes where this start's Neo4j is, into the project's record (NEO4J_RUNNING_FILE, by default
 * .neo4j/running.json, ignored by git) and the instance's home; answers a function that removes
 * them again (if still this start's). A file that cannot be written is said, and the start goes on.
 */
export function announceInstance(config: Config, apiPort: number | null, files = [config.local.runningFile, ...(config.external ? [] : [homeInstanceFile(config.local.homeDir)])]): () => void {
  const settings: InstanceSettings = {
    pid: process.pid,
    uri: config.external ? config.neo4j.uri : null,
    homeDir: config.external ? null : config.local.homeDir,
    boltPort: config.local.boltPort,
    httpPort: config.local.httpPort,
    user: config.neo4j.user,
    database: config.neo4j.database,
    apiPort,
  };
  for (const file of files) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      console.error(`Could not write ${file} (${(error as Error).message}): other commands need this start's NEO4J_* settings given.`);
    }
  }
  return () => {
    for (const file of files) if (readInstance(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

/** The environment with the running start's settings where the command was given none; `note` says what was taken. */
export function withRunningInstance(env: Env, projectFile = runningFile(env)): { env: Env; note?: string } {
  const given = (name: string) => env[name] !== undefined && env[name] !== '';
  if (given('NEO4J_URI')) return { env };
  if (given('NEO4J_LOCAL_HOME')) {
    const running = readInstance(homeInstanceFile(path.resolve(projectRoot, env.NEO4J_LOCAL_HOME!)));
    if (!running || given('NEO4J_BOLT_PORT') || given('NEO4J_HTTP_PORT')) return { env };
    return { env: { ...env, NEO4J_BOLT_PORT: String(running.boltPort), NEO4J_HTTP_PORT: String(running.httpPort) }, note: describe(running) };
  }
  if (serverVars.some(given)) return { env };
  const running = readInstance(projectFile);
  if (!running) return { env };
  if (running.uri !== null) {
    if (!given('NEO4J_PASSWORD')) {
      throw new UserError(`npm start (pid ${running.pid}) uses the Neo4j at ${running.uri}: run this command with NEO4J_URI=${running.uri} and NEO4J_PASSWORD set to its password.`);
    }
    return { env: { ...env, NEO4J_URI: running.uri, NEO4J_USER: running.user, NEO4J_DATABASE: running.database }, note: describe(running) };
  }
  const local = { NEO4J_LOCAL_HOME: running.homeDir!, NEO4J_BOLT_PORT: String(running.boltPort), NEO4J_HTTP_PORT: String(running.httpPort) };
  return { env: { ...env, ...local, NEO4J_USER: env.NEO4J_USER ?? running.user, NEO4J_DATABASE: env.NEO4J_DATABASE ?? running.database }, note: describe(running) };
}

const describe = (running: InstanceSettings) =>
  `Using the Neo4j of the running npm start (pid ${running.pid}): ${running.uri ?? `${running.homeDir}, Bolt port ${running.boltPort}`}.`;

/**
 * A command that works on an existing graph (token, export) never makes a new local instance:
 * that would start an empty server and leave a password file in a home nobody meant.
 */
export function requireExistingInstance(config: Config): void {
  if (config.external || instanceExists(config.local.homeDir)) return;
  throw new UserError(
    `There is no Neo4j instance in ${config.local.homeDir}, and no running npm start was found. Start one with npm start, ` +
      'or give this command the settings of the running one: NEO4J_LOCAL_HOME (and NEO4J_BOLT_PORT, NEO4J_HTTP_PORT), or NEO4J_URI with NEO4J_PASSWORD.',
  );
}

/**
 * The settings of a command that works on the running graph (token, export, seed, import, check):
 * the running start's where none are given (said on stderr: stdout may be the export). With
 * `existing` (token, export: they have nothing to put in an empty graph) never a new instance.
 */
export function runningInstanceConfig({ existing }: { existing: boolean }, env: Env = process.env): Config {
  const found = withRunningInstance(env);
  if (found.note) console.error(found.note);
  const config = loadConfig(found.env);
  if (existing) requireExistingInstance(config);
  return config;
}
