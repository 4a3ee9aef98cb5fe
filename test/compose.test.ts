// docker-compose.yml cannot run here (no Docker engine), so this keeps it in step with the
// local launcher: same Neo4j version, ports, memory and security settings, and no default
// password.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadConfig, projectRoot } from '../src/config.ts';
import { hardeningSettings, neo4jConf } from '../src/launcher/localServer.ts';
import { serverNodeFlags } from '../bench/apiProcess.ts';
import { browserSettings } from '../src/browserKitSettings.ts';

interface Service {
  image?: string;
  build?: string;
  init?: boolean;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const defaults = loadConfig({});
const pom = fs.readFileSync(path.join(projectRoot, 'tools/neo4j/pom.xml'), 'utf8');
const neo4jVersion = /<neo4j\.version>([^<]+)</.exec(pom)?.[1];

/** The official image's name for a setting: dots become `_`, underscores `__`. */
const envName = (setting: string) => `NEO4J_${setting.replaceAll('_', '__').replaceAll('.', '_')}`;

/** The settings the local launcher writes, as a map. */
const localConf = new Map(
  neo4jConf(defaults.local, '/plugins', defaults.limits.queryTimeoutMs, defaults.http.port)
    .split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
);

describe('docker-compose.yml', () => {
  const { neo4j, api, seed } = compose.services;

  it('runs the same Neo4j Community version as the local launcher, with APOC and a named volume', () => {
    assert.equal(neo4j?.image, `neo4j:${neo4jVersion}-community`);
    assert.equal(neo4j.environment?.NEO4J_PLUGINS, '["apoc"]');
    assert.ok(neo4j.volumes?.some((volume) => volume.startsWith('neo4j-data:/data')));
    assert.ok('neo4j-data' in compose.volumes);
  });

  it('publishes Neo4j on 127.0.0.1 only, on the same ports as the local launcher', () => {
    assert.deepEqual(neo4j?.ports, [`127.0.0.1:${defaults.local.httpPort}:7474`, `127.0.0.1:${defaults.local.boltPort}:7687`]);
    assert.deepEqual(api?.ports, [`${defaults.http.port}:4000`]);
  });

  it('has no default password: NEO4J_PASSWORD must come from the environment or .env', () => {
    const required = /^\$\{NEO4J_PASSWORD:\?[^}]*NEO4J_PASSWORD[^}]*\}$/;
    const password = api?.environment?.NEO4J_PASSWORD ?? '';
    assert.match(password, required);
    assert.equal(neo4j?.environment?.NEO4J_AUTH, `${defaults.neo4j.user}/${password}`);
    for (const service of [api, seed]) {
      assert.equal(service?.environment?.NEO4J_URI, 'bolt://neo4j:7687');
      assert.equal(service?.environment?.NEO4J_USER, defaults.neo4j.user);
      assert.equal(service?.environment?.NEO4J_PASSWORD, password);
    }
    assert.ok(!fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8').includes('NEO4J_PASSWORD:-'), 'no ${NEO4J_PASSWORD:-default}');
    assert.match(fs.readFileSync(path.join(projectRoot, '.gitignore'), 'utf8'), /^\.env$/m);
  });

  it('sets the same memory, HTTP, CORS, APOC and log settings as the local neo4j.conf', () => {
    const env = neo4j?.environment ?? {};
    assert.equal(env.NEO4J_server_memory_heap_max__size, defaults.local.heapMax);
    assert.equal(env.NEO4J_server_memory_pagecache_size, defaults.local.pageCache);
    const shared = [...Object.keys(hardeningSettings(defaults.local.httpPort)), 'db.logs.query.enabled', 'db.tx_log.rotation.retention_policy', 'server.memory.heap.initial_size'];
    for (const setting of shared) {
      assert.ok(localConf.has(setting), `neo4j.conf sets ${setting}`);
      assert.equal(env[envName(setting)], localConf.get(setting), `${envName(setting)} as ${setting} in neo4j.conf`);
    }
    // Nothing unrestricted, in either.
    assert.ok(!Object.keys(env).some((name) => name.includes('unrestricted')));
    assert.ok(![...localConf.keys()].some((setting) => setting.includes('unrestricted')));
  });

  it("has Browser load the style and guide from the API as the host publishes it, with the local launcher's settings", () => {
    const env = neo4j?.environment ?? {};
    const publishedApiPort = Number(api?.ports?.[0]?.split(':').at(-2));
    for (const [setting, value] of Object.entries(browserSettings(publishedApiPort))) {
      assert.equal(localConf.get(setting), value, `neo4j.conf sets ${setting}`);
      assert.equal(env[envName(setting)], value, `${envName(setting)} as ${setting} in neo4j.conf`);
    }
    // The API's image holds what it serves there.
    const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^COPY neo4j-browser \.\/neo4j-browser$/m);
    assert.match(dockerfile, /^COPY docs\/neo4j-browser\.md \.\/docs\/neo4j-browser\.md$/m);
  });

  it('seeds once Neo4j is healthy, and starts the API after the seed, with health checks', () => {
    assert.equal(seed?.depends_on?.neo4j?.condition, 'service_healthy');
    assert.equal(api?.depends_on?.neo4j?.condition, 'service_healthy');
    assert.equal(api?.depends_on?.seed?.condition, 'service_completed_successfully');
    assert.equal(api?.environment?.SEED_ON_START, 'false');
    assert.ok(neo4j?.healthcheck && api?.healthcheck);
    assert.ok(api.healthcheck.test.join(' ').includes('/health'));
  });

  it('builds the API from the Dockerfile, which runs node itself, so `docker stop` reaches start.ts', () => {
    assert.equal(api?.build, '.');
    const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^FROM node:20/m);
    assert.match(dockerfile, /NODE_ENV=production/);
    assert.match(dockerfile, /^STOPSIGNAL SIGTERM$/m);
    // With npm start's node flags (the benchmark's API runs with them too).
    const flags = serverNodeFlags();
    assert.ok(flags.includes('--max-semi-space-size=4'), flags.join(' '));
    assert.ok(dockerfile.includes(`CMD ${JSON.stringify(['node', ...flags, '--import', 'tsx', 'src/cli/start.ts']).replaceAll(',', ', ')}\n`), 'the Dockerfile runs node with npm start\'s flags');
    // tini as PID 1 passes SIGTERM on; seed.ts has no handler of its own.
    assert.equal(api.init, true);
    assert.equal(seed?.init, true);
  });
});
