// `npm start` as a user runs it: its own Neo4j, the seed, GraphQL; Ctrl-C (SIGINT) or SIGTERM
// stops everything it started; a restart finds the data still there. And a Neo4j whose
// launcher dies: it dies too, and what a launcher killed with its watchdog leaves behind (a
// stale pid file, an orphaned server) is cleared by the next start. Own homes and ports.
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig, projectRoot } from '../src/config.ts';
import { createDriver } from '../src/neo4j/database.ts';
import { pidFile, startLocalNeo4j } from '../src/launcher/localServer.ts';
import { childrenOf, commandLine, freePort, portOpen, portsClose, removeInstance, runCli, startApi, stopWith, tempHome } from './support/localNeo4j.ts';

// Its record of itself goes into its own home, never the clone's .neo4j/running.json.
const startNeo4j = (env: NodeJS.ProcessEnv) =>
  runCli('src/cli/neo4j.ts', ['start'], { NEO4J_RUNNING_FILE: path.join(env.NEO4J_LOCAL_HOME ?? '', 'project-running.json'), ...env }, 'Neo4j started');

async function stats(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { actors relationships sources } }' }),
  });
  return ((await response.json()) as { data: { stats: { actors: number; relationships: number; sources: number } } }).data.stats;
}

/** A fresh shell's environment for a throw-away instance: no NEO4J_URI, no NEO4J_PASSWORD. */
async function instanceEnv(home: string): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_LOCAL_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  };
}

describe('npm start', () => {
  const home = tempHome('actorgraph-start-');
  let running: ChildProcess | undefined;
  after(() => {
    running?.kill('SIGKILL');
    removeInstance(home);
  });

  it('serves GraphQL from its own Neo4j, stops it on Ctrl-C and on SIGTERM, and keeps the data across a restart', async () => {
    const env: NodeJS.ProcessEnv = { ...(await instanceEnv(home)), PORT: String(await freePort()) };
    const [api, bolt, http] = [env.PORT, env.NEO4J_BOLT_PORT, env.NEO4J_HTTP_PORT].map(Number) as [number, number, number];
    const passwordFile = path.join(home, 'password');

    const first = await startApi(env);
    running = first.child;
    assert.match(first.output(), new RegExp(`http://127.0.0.1:${api}/graphql`));
    assert.match(first.output(), new RegExp(`bolt://localhost:${bolt}`));
    assert.match(first.output(), new RegExp(`http://localhost:${http}/browser/`));
    // The start that generates the password says where it is kept, never the password.
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    assert.ok(first.output().includes(`password generated now, kept in ${passwordFile})`), first.output());
    assert.ok(!first.output().includes(password), 'the banner never prints the password');
    assert.ok(!first.output().includes('actorgraph"'), 'no default password is shown');
    const before = await stats(api);
    assert.ok(before.actors > 0 && before.relationships > 0 && before.sources === 5, JSON.stringify(before));
    const browser = await fetch(`http://127.0.0.1:${http}/browser/`);
    assert.equal(browser.status, 200, 'Neo4j Browser is served');

    assert.equal(await stopWith(first.child, 'SIGINT'), 0, first.output());
    assert.match(first.output(), /Stopped the API and Neo4j\./);
    for (const port of [api, bolt, http]) assert.equal(await portOpen(port), false, `port ${port} is closed after Ctrl-C`);

    const second = await startApi(env);
    running = second.child;
    assert.match(second.output(), /claims: 0 created, 0 updated, \d+ unchanged, 0 removed/);
    // Beside this customised start, npm run token finds its Neo4j: from a plain shell (the project's
    // record of the running start), and given only its home (the ports the home's record gives).
    const projectRecord = path.join(home, 'project-running.json');
    for (const file of [projectRecord, path.join(home, 'running.json')]) assert.ok(!fs.readFileSync(file, 'utf8').includes(password), `${file} holds no password`);
    const plainShell = { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_RUNNING_FILE: projectRecord };
    for (const shell of [plainShell, { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_LOCAL_HOME: home, NEO4J_RUNNING_FILE: path.join(home, 'none.json') }]) {
      const token = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', 'create', '--role', 'reader', '--name', `beside-${Object.keys(shell).length}`], { cwd: projectRoot, encoding: 'utf8', env: shell });
      assert.equal(token.status, 0, token.stderr);
      assert.match(token.stderr, new RegExp(`Using the Neo4j of the running npm start \\(pid \\d+\\): ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, Bolt port ${bolt}`));
      assert.match(token.stdout, /Token for beside-\d \(reader\)/);
    }
    assert.ok(second.output().includes(`password in ${passwordFile})`), second.output());
    assert.ok(!second.output().includes(password), 'the password is shown only by the start that generated it');
    assert.deepEqual(await stats(api), before);
    assert.equal(await stopWith(second.child, 'SIGTERM'), 0, second.output());
    assert.match(second.output(), /Stopped the API and Neo4j\./);
    assert.equal(fs.existsSync(path.join(home, 'running.json')), false, 'the record goes when the start stops');
    for (const port of [api, bolt, http]) assert.equal(await portOpen(port), false, `port ${port} is closed after SIGTERM`);
    running = undefined;
  });
});

describe('a Neo4j whose launcher dies', () => {
  const home = tempHome('actorgraph-orphan-');
  const launchers: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;
  let ports: number[];
  after(() => {
    for (const launcher of launchers) launcher.kill('SIGKILL');
    removeInstance(home);
  });

  const answers = async () => {
    const config = loadConfig(env);
    const driver = createDriver(config.neo4j);
    try {
      await driver.verifyConnectivity({ database: config.neo4j.database });
    } finally {
      await driver.close();
    }
  };
  const launch = async () => {
    const started = await startNeo4j(env);
    launchers.push(started.child);
    return started;
  };

  it('stops with its launcher, even when the launcher is killed with SIGKILL', async () => {
    env = await instanceEnv(home);
    ports = [Number(env.NEO4J_BOLT_PORT), Number(env.NEO4J_HTTP_PORT)];
    const { child } = await launch();
    const server = Number(fs.readFileSync(pidFile(home), 'utf8'));
    child.kill('SIGKILL');
    assert.equal(await portsClose(ports, 60_000), true, 'Neo4j closed its ports within 60 s of its launcher being killed');
    // Neo4j takes a few more seconds to stop; the next test starts one in the same home.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && commandLine(server).includes(`--home-dir=${home} `); ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(commandLine(server).includes(`--home-dir=${home} `), false, 'Neo4j has exited');
  });

  it('removes a stale pid file, and says so', async () => {
    const gone = spawnSync('true').pid;
    fs.writeFileSync(pidFile(home), `${gone}\n`);
    const { output } = await launch();
    assert.ok(output().includes(`Removed the stale pid file ${pidFile(home)}: process ${gone} is gone.`), output());
    await answers();
  });

  it('stops an orphan (its launcher and watchdog killed), says so, and starts a fresh server', async () => {
    const orphanedBy = launchers.at(-1)!;
    const watchdog = childrenOf(orphanedBy.pid!).filter((pid) => commandLine(pid).includes('neo4j-watchdog'));
    assert.equal(watchdog.length, 1, 'the launcher runs one watchdog');
    process.kill(watchdog[0]!, 'SIGKILL');
    orphanedBy.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const orphan = Number(fs.readFileSync(pidFile(home), 'utf8'));
    assert.ok(commandLine(orphan).includes(`--home-dir=${home} `), 'without its watchdog the orphan survives');
    // Its Bolt port was the launcher's guard (boltGuard.ts), gone with it; Neo4j's own HTTP port stays open.
    assert.equal(await portOpen(ports[1]!), true);

    const { output } = await launch();
    assert.ok(
      output().includes(`Found the Neo4j of ${home} (pid ${orphan}) still running after its launcher (pid ${orphanedBy.pid}) died: stopping it.`),
      output(),
    );
    assert.match(output(), new RegExp(`Stopped the orphaned Neo4j \\(pid ${orphan}\\); starting a fresh one\\.\\nNeo4j started`));
    assert.equal(commandLine(orphan).includes(`--home-dir=${home} `), false, 'the orphan is gone');
    assert.notEqual(Number(fs.readFileSync(pidFile(home), 'utf8')), orphan);
    await answers();
  });

  it('reuses, and never stops, a Neo4j whose launcher is alive; SIGTERM to that launcher stops it', async () => {
    const launcher = launchers.at(-1)!;
    const server = Number(fs.readFileSync(pidFile(home), 'utf8'));
    const reused = await startLocalNeo4j(loadConfig(env));
    assert.equal(reused.owned, false);
    await reused.stop();
    assert.ok(commandLine(server).includes(`--home-dir=${home} `), 'still running');
    await answers();

    assert.equal(await stopWith(launcher, 'SIGTERM'), 0);
    assert.equal(await portsClose(ports, 30_000), true);
  });
});
