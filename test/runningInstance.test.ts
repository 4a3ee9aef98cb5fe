// How npm run token, export and seed find the Neo4j of a running `npm start`
// (src/launcher/runningInstance.ts): the settings it writes (never the password), the ones a
// command takes from it, the refusal to make a new instance, and a start banner without the password.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig, projectRoot, type Env } from '../src/config.ts';
import { describeLocalPassword } from '../src/launcher/localPassword.ts';
import { announceInstance, homeInstanceFile, readInstance, withRunningInstance } from '../src/launcher/runningInstance.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'running-instance-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The shell's environment without any NEO4J_* variable: as an analyst's plain shell. */
const plainEnv = (): Env => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')));

/** A pid no process has any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function customisedStart(name: string, pid = process.pid) {
  const home = path.join(scratch, name);
  const projectFile = path.join(scratch, `${name}-project.json`);
  const config = loadConfig({ NEO4J_LOCAL_HOME: home, NEO4J_BOLT_PORT: '17687', NEO4J_HTTP_PORT: '17474', NEO4J_PASSWORD: 'secret-never-written' });
  const forget = announceInstance(config, 4100, [projectFile, homeInstanceFile(home)]);
  if (pid !== process.pid) {
    for (const file of [projectFile, homeInstanceFile(home)]) fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), pid }));
  }
  return { home, projectFile, forget };
}

describe('the settings a running npm start writes', () => {
  it('hold how to reach its Neo4j, never the password, and go when it stops', () => {
    const { home, projectFile, forget } = customisedStart('written');
    for (const file of [projectFile, homeInstanceFile(home)]) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!text.includes('secret-never-written'), `${file} holds the password`);
      assert.deepEqual(readInstance(file), { pid: process.pid, uri: null, homeDir: home, boltPort: 17687, httpPort: 17474, user: 'neo4j', database: 'neo4j', apiPort: 4100 });
    }
    forget();
    assert.equal(fs.existsSync(projectFile), false);
    assert.equal(fs.existsSync(homeInstanceFile(home)), false);
  });
});

describe('a command run beside a customised npm start', () => {
  it('takes its home and ports when given none', () => {
    const { home, projectFile, forget } = customisedStart('plain');
    const found = withRunningInstance(plainEnv(), projectFile);
    assert.equal(found.env.NEO4J_LOCAL_HOME, home);
    assert.equal(found.env.NEO4J_BOLT_PORT, '17687');
    assert.equal(found.env.NEO4J_HTTP_PORT, '17474');
    assert.match(found.note ?? '', new RegExp(`pid ${process.pid}.*Bolt port 17687`));
    const config = loadConfig(found.env);
    assert.equal(config.neo4j.uri, 'bolt://127.0.0.1:17687');
    assert.equal(config.local.passwordFile, path.join(home, 'password'), 'the password is read from that home');
    forget();
  });

  it('takes the ports of the start using the home it is given', () => {
    const { home, forget } = customisedStart('home-only');
    const found = withRunningInstance({ ...plainEnv(), NEO4J_LOCAL_HOME: home }, path.join(scratch, 'none.json'));
    assert.equal(found.env.NEO4J_BOLT_PORT, '17687');
    forget();
  });

  it('keeps what it is given, and ignores a start that no longer runs', () => {
    const { projectFile } = customisedStart('given');
    assert.equal(withRunningInstance({ ...plainEnv(), NEO4J_BOLT_PORT: '7999' }, projectFile).env.NEO4J_LOCAL_HOME, undefined);
    assert.equal(withRunningInstance({ ...plainEnv(), NEO4J_URI: 'bolt://db:7687' }, projectFile).note, undefined);
    const stale = customisedStart('stale', deadPid());
    assert.deepEqual(withRunningInstance(plainEnv(), stale.projectFile), { env: plainEnv() });
  });

  it('refuses, naming the settings, when the start uses NEO4J_URI and no password is given', () => {
    const projectFile = path.join(scratch, 'external.json');
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_PASSWORD: 'p' });
    const forget = announceInstance(config, 4000, [projectFile]);
    assert.ok(!fs.readFileSync(projectFile, 'utf8').includes('"p"'));
    assert.throws(() => withRunningInstance(plainEnv(), projectFile), /NEO4J_URI=neo4j\+s:\/\/example\.databases\.neo4j\.io and NEO4J_PASSWORD/);
    assert.equal(withRunningInstance({ ...plainEnv(), NEO4J_PASSWORD: 'p' }, projectFile).env.NEO4J_URI, 'neo4j+s://example.databases.neo4j.io');
    forget();
  });
});

describe('npm run token and npm run export', () => {
  for (const command of [['src/cli/token.ts', 'list'], ['src/cli/export.ts', '--format', 'json']]) {
    it(`${command[0]} refuses a home with no instance, and writes no password file there`, () => {
      const home = path.join(scratch, `empty-${path.basename(command[0]!)}`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', ...command], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...plainEnv(), NEO4J_LOCAL_HOME: home, NEO4J_BOLT_PORT: '17901', NEO4J_HTTP_PORT: '17902' },
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`no Neo4j instance in ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*NEO4J_LOCAL_HOME`, 's'));
      assert.equal(fs.existsSync(path.join(home, 'password')), false);
    });
  }
});

describe('the start banner', () => {
  it('says where the password is kept, never the password', () => {
    const config = loadConfig({ NEO4J_LOCAL_HOME: path.join(scratch, 'banner') });
    const shown = describeLocalPassword(config, 'f00dfeedf00dfeed');
    assert.ok(!shown.includes('f00dfeedf00dfeed'), shown);
    assert.match(shown, new RegExp(`kept in ${path.join(scratch, 'banner', 'password').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
