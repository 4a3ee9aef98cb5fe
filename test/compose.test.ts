// docker-compose.yml cannot run here (no Docker engine), so this keeps it in step with the
// local launcher: same Neo4j version, ports, memory and security settings, and no default
// password; and its `cluster` profile with the API's settings, the nginx template and nginx -t.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadConfig, projectRoot } from '../src/config.ts';
import { hardeningSettings, neo4jConf } from '../src/launcher/localServer.ts';
import { serverNodeFlags } from '../bench/apiProcess.ts';
import { renderProxyConf, writeNginxConf } from '../bench/proxyProcess.ts';
import { browserSettings } from '../src/browserKitSettings.ts';

interface Service {
  image?: string;
  build?: string;
  init?: boolean;
  profiles?: string[];
  hostname?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  restart?: string;
  stop_grace_period?: string;
}

const composeText = fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
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

/** The settings every Neo4j server in the file shares with the local neo4j.conf. */
const sharedSettings = [...Object.keys(hardeningSettings(defaults.local.httpPort)), 'db.logs.query.enabled', 'db.transaction.bookmark_ready_timeout', 'db.tx_log.rotation.retention_policy', 'server.memory.heap.initial_size'];

/** Asserts that `env` sets the local neo4j.conf's memory, HTTP, CORS, APOC and log settings. */
function assertLocalSettings(env: Record<string, string>, where: string): void {
  assert.equal(env.NEO4J_PLUGINS, '["apoc"]', `${where}: APOC`);
  assert.equal(env.NEO4J_server_memory_heap_max__size, defaults.local.heapMax, `${where}: heap`);
  assert.equal(env.NEO4J_server_memory_pagecache_size, defaults.local.pageCache, `${where}: page cache`);
  for (const setting of sharedSettings) {
    assert.ok(localConf.has(setting), `neo4j.conf sets ${setting}`);
    assert.equal(env[envName(setting)], localConf.get(setting), `${where}: ${envName(setting)} as ${setting} in neo4j.conf`);
  }
  assert.ok(!Object.keys(env).some((name) => name.includes('unrestricted')), `${where}: nothing unrestricted`);
}

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
    assertLocalSettings(neo4j?.environment ?? {}, 'neo4j');
    // Nothing unrestricted in neo4j.conf either.
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

/** The services of the `cluster` profile, by role, told apart by what they run. */
const defaultNames = ['neo4j', 'seed', 'api'];
const cluster = Object.entries(compose.services).filter(([name]) => !defaultNames.includes(name));
const servers = cluster.filter(([, service]) => service.environment?.NEO4J_initial_server_mode__constraint);
const primaries = servers.filter(([, service]) => service.environment?.NEO4J_initial_server_mode__constraint === 'PRIMARY');
const secondaries = servers.filter(([, service]) => service.environment?.NEO4J_initial_server_mode__constraint === 'SECONDARY');
const replicas = cluster.filter(([, service]) => service.build === '.' && !service.command);
const seedJobs = cluster.filter(([, service]) => service.build === '.' && service.command);
const proxies = cluster.filter(([, service]) => service.image?.startsWith('nginx:'));
/** Parses `${NAME:-default}` and returns the default. */
const defaultOf = (value: string | undefined) => /^\$\{[A-Z_]+:-([^}]*)\}$/.exec(value ?? '')?.[1];

/** `nginx -t` on the template rendered with `vars` (bench/proxyProcess.ts, as the tests' proxy): what it said. */
function nginxTest(vars: Record<string, string>): { ok: boolean; output: string } {
  try {
    const { dir } = writeNginxConf(vars);
    fs.rmSync(dir, { recursive: true, force: true });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: (error as Error).message };
  }
}

describe('docker-compose.yml, profile cluster', () => {
  it('leaves the default services without a profile and puts every other one in `cluster`', () => {
    for (const name of defaultNames) assert.equal(compose.services[name]?.profiles, undefined, `${name} has no profile`);
    assert.ok(cluster.length > 0);
    for (const [name, service] of cluster) assert.deepEqual(service.profiles, ['cluster'], `${name} is in the cluster profile`);
  });

  it('asks nothing of a plain `docker compose up` that the default services do not (Compose interpolates the whole file)', () => {
    const required = (text: string) => new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*):?\?/g)].map((match) => match[1]));
    const byDefaults = required(JSON.stringify(defaultNames.map((name) => compose.services[name])));
    assert.ok(byDefaults.has('NEO4J_PASSWORD'));
    for (const name of required(composeText)) assert.ok(byDefaults.has(name), `\${${name}:?...} would stop a plain docker compose up`);
  });

  it('runs three Neo4j Enterprise primaries and one secondary of the launcher\'s version, each with its hostname, address and volume', () => {
    assert.equal(primaries.length, 3);
    assert.equal(secondaries.length, 1);
    for (const [name, service] of servers) {
      assert.equal(service.image, `neo4j:${neo4jVersion}-enterprise`, name);
      assert.equal(service.hostname, name);
      assert.equal(service.environment?.NEO4J_server_default__advertised__address, name);
      assert.deepEqual(service.volumes, [`${name}-data:/data`]);
      assert.ok(`${name}-data` in compose.volumes, `volume ${name}-data`);
      assert.equal(service.ports, undefined, `${name} publishes no port`);
    }
    for (const [name, service] of primaries) assert.notEqual(service.environment?.NEO4J_server_cluster_system__database__mode, 'SECONDARY', name);
    assert.equal(secondaries[0]![1].environment?.NEO4J_server_cluster_system__database__mode, 'SECONDARY');
  });

  it('accepts the Enterprise licence only by the user\'s own NEO4J_ACCEPT_LICENSE_AGREEMENT, never by default', () => {
    for (const [name, service] of servers) assert.equal(service.environment?.NEO4J_ACCEPT_LICENSE_AGREEMENT, '${NEO4J_ACCEPT_LICENSE_AGREEMENT:-}', name);
    assert.doesNotMatch(composeText, /NEO4J_ACCEPT_LICENSE_AGREEMENT:-[^}]/);
    assert.doesNotMatch(composeText, /NEO4J_ACCEPT_LICENSE_AGREEMENT["']?\s*[:=]\s*["']?(yes|eval)/i);
  });

  it('gives every cluster server the local neo4j.conf\'s memory, HTTP, CORS, APOC and log settings and the password', () => {
    const password = compose.services.api?.environment?.NEO4J_PASSWORD;
    for (const [name, service] of servers) {
      assertLocalSettings(service.environment ?? {}, name);
      assert.equal(service.environment?.NEO4J_AUTH, `${defaults.neo4j.user}/${password}`, name);
    }
  });

  it('has every server discover the three primaries (discovery v2) and enable the secondary', () => {
    const endpoints = primaries.map(([name]) => `${name}:6000`).sort().join(',');
    for (const [name, service] of servers) {
      const env = service.environment ?? {};
      assert.equal(env.NEO4J_dbms_cluster_discovery_version, 'V2_ONLY', name);
      assert.equal(env.NEO4J_dbms_cluster_discovery_v2_endpoints?.split(',').sort().join(','), endpoints, name);
      assert.equal(env.NEO4J_initial_dbms_default__primaries__count, String(primaries.length), name);
      assert.equal(env.NEO4J_initial_dbms_default__secondaries__count, String(secondaries.length), name);
      assert.equal(env.NEO4J_initial_dbms_automatically__enable__free__servers, 'true', name);
    }
  });

  it('seeds once, through the routing driver, after the topology job has given `neo4j` every server', () => {
    assert.equal(seedJobs.length, 1);
    const [, job] = seedJobs[0]!;
    assert.deepEqual(job.command, compose.services.seed?.command);
    assert.match(job.environment?.NEO4J_URI ?? '', /^neo4j:\/\//);
    const [topologyName, topology] = Object.entries(job.depends_on ?? {})[0]!;
    assert.equal(topology.condition, 'service_completed_successfully');
    const topologyJob = compose.services[topologyName];
    assert.match(topologyJob?.command?.join(' ') ?? '', new RegExp(`SET TOPOLOGY ${primaries.length} PRIMARIES ${secondaries.length} SECONDARY`));
    for (const [name] of servers) assert.equal(topologyJob?.depends_on?.[name]?.condition, 'service_healthy', `${topologyName} waits for ${name}`);
  });

  it('runs two or more API replicas on neo4j://, behind the proxy only, with its rate limit and no seeding', () => {
    assert.ok(replicas.length >= 2);
    const seedJob = seedJobs[0]![0];
    for (const [name, service] of replicas) {
      const env = service.environment ?? {};
      const uri = new URL(env.NEO4J_URI ?? '');
      assert.equal(uri.protocol, 'neo4j:', name);
      assert.ok(primaries.some(([primary]) => primary === uri.hostname), `${name} routes through a primary`);
      assert.equal(env.TRUST_PROXY, 'true', name);
      assert.equal(env.RATE_LIMIT_PER_SECOND, '0', name);
      assert.equal(env.SEED_ON_START, 'false', name);
      assert.equal(env.PORT, '4000', name);
      assert.equal(service.ports, undefined, `${name} publishes no port`);
      assert.equal(service.init, true, name);
      assert.equal(service.depends_on?.[seedJob]?.condition, 'service_completed_successfully', name);
      // `docker compose stop` waits longer than the API's drain (in-flight requests are answered).
      assert.ok(Number.parseInt(service.stop_grace_period ?? '10', 10) * 1000 > defaults.api.drainTimeoutMs, `${name}: stop_grace_period above ${defaults.api.drainTimeoutMs} ms`);
    }
  });

  it('puts nginx in front: the API\'s rate defaults, every replica upstream, the template mounted, default.conf emptied', () => {
    assert.equal(proxies.length, 1);
    const [proxyName, proxy] = proxies[0]!;
    const env = proxy.environment ?? {};
    assert.equal(proxy.image, 'nginx:1.27.5-alpine');
    assert.equal(Number(defaultOf(env.RATE_LIMIT_PER_SECOND)), defaults.api.rateLimit.perSecond);
    assert.equal(Number(defaultOf(env.RATE_LIMIT_BURST)), defaults.api.rateLimit.burst);
    const upstreams = [...(env.API_UPSTREAM_SERVERS ?? '').matchAll(/server ([\w-]+):4000 /g)].map((match) => match[1]);
    assert.deepEqual(upstreams.sort(), replicas.map(([name]) => name).sort());
    assert.deepEqual(proxy.ports, [`${env.PROXY_PORT}:${env.PROXY_PORT}`]);
    assert.ok(proxy.volumes?.includes('./deploy/nginx/actorgraph.conf.template:/etc/nginx/templates/actorgraph.conf.template:ro'));
    assert.ok(proxy.volumes?.includes('/dev/null:/etc/nginx/conf.d/default.conf:ro'));
    for (const [name] of replicas) assert.equal(proxy.depends_on?.[name]?.condition, 'service_healthy', `${proxyName} waits for ${name}`);
    assert.ok(proxy.healthcheck?.test.join(' ').includes(`127.0.0.1:${env.PROXY_PORT}/health`));
  });

  it('has a health check on every service that keeps running, and publishes no host port twice', () => {
    for (const [name, service] of cluster) {
      if (service.restart === 'no') continue; // the one-shot jobs: their condition is completing
      assert.ok(service.healthcheck?.test.length, `${name} has a health check`);
    }
    for (const [name, service] of servers) assert.match(service.healthcheck?.test.join(' ') ?? '', /cypher-shell .*--access-mode read/, name);
    for (const [name, service] of replicas) assert.ok(service.healthcheck?.test.join(' ').includes('/health'), name);
    const published = Object.values(compose.services).flatMap((service) => service.ports ?? []).map((port) => port.split(':').slice(0, -1).join(':'));
    assert.equal(new Set(published).size, published.length, published.join(' '));
  });

  it("renders the nginx template with the proxy's environment into a configuration Debian's nginx -t accepts", () => {
    const [, proxy] = proxies[0]!;
    const vars = Object.fromEntries(Object.entries(proxy.environment ?? {}).map(([name, value]) => [name, defaultOf(value) ?? value]));
    // The replicas' names resolve only on the compose network: for nginx -t here (which resolves
    // every upstream host), each one becomes a 127.0.0.1 port; nothing else changes.
    const local = replicas.reduce((servers, [name], index) => servers.replaceAll(`server ${name}:4000 `, `server 127.0.0.1:${40001 + index} `), vars.API_UPSTREAM_SERVERS ?? '');
    // Every ${...} of the template is set by the proxy (renderProxyConf refuses one it is not given).
    const conf = renderProxyConf({ ...vars, API_UPSTREAM_SERVERS: local });
    const result = nginxTest({ ...vars, API_UPSTREAM_SERVERS: local });
    assert.ok(result.ok, result.output);
    assert.match(conf, new RegExp(`rate=${defaults.api.rateLimit.perSecond}r/s`));
    // nginx -t does refuse what it should: 0 is not "no limit" at the proxy, and an unknown host.
    assert.match(nginxTest({ ...vars, API_UPSTREAM_SERVERS: local, RATE_LIMIT_PER_SECOND: '0' }).output, /invalid rate/);
    assert.match(nginxTest(vars).output, /host not found in upstream/);
  });
});
