// docker-compose.yml cannot run here (no Docker engine), so this keeps it in step with the
// local launcher: same Neo4j version, ports, credentials and memory settings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadConfig, projectRoot } from '../src/config.ts';

interface Service {
  image?: string;
  build?: string;
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

describe('docker-compose.yml', () => {
  const { neo4j, api, seed } = compose.services;

  it('runs the same Neo4j Community version as the local launcher, with APOC and a named volume', () => {
    assert.equal(neo4j?.image, `neo4j:${neo4jVersion}-community`);
    assert.equal(neo4j.environment?.NEO4J_PLUGINS, '["apoc"]');
    assert.ok(neo4j.volumes?.some((volume) => volume.startsWith('neo4j-data:/data')));
    assert.ok('neo4j-data' in compose.volumes);
  });

  it('uses the same ports, credentials and memory settings', () => {
    assert.deepEqual(neo4j?.ports, [`${defaults.local.httpPort}:7474`, `${defaults.local.boltPort}:7687`]);
    assert.deepEqual(api?.ports, [`${defaults.http.port}:4000`]);
    assert.equal(neo4j?.environment?.NEO4J_AUTH, `${defaults.neo4j.user}/\${NEO4J_PASSWORD:-${defaults.neo4j.password}}`);
    assert.equal(neo4j?.environment?.NEO4J_server_memory_heap_max__size, defaults.local.heapMax);
    assert.equal(neo4j?.environment?.NEO4J_server_memory_pagecache_size, defaults.local.pageCache);
    for (const service of [api, seed]) {
      assert.equal(service?.environment?.NEO4J_URI, 'bolt://neo4j:7687');
      assert.equal(service?.environment?.NEO4J_PASSWORD, `\${NEO4J_PASSWORD:-${defaults.neo4j.password}}`);
    }
  });

  it('seeds once Neo4j is healthy, and starts the API after the seed, with health checks', () => {
    assert.equal(seed?.depends_on?.neo4j?.condition, 'service_healthy');
    assert.equal(api?.depends_on?.neo4j?.condition, 'service_healthy');
    assert.equal(api?.depends_on?.seed?.condition, 'service_completed_successfully');
    assert.equal(api?.environment?.SEED_ON_START, 'false');
    assert.ok(neo4j?.healthcheck && api?.healthcheck);
    assert.ok(api.healthcheck.test.join(' ').includes('/health'));
  });

  it('builds the API from the Dockerfile, which starts the server', () => {
    assert.equal(api?.build, '.');
    const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^FROM node:20/m);
    assert.match(dockerfile, /CMD \["node", "--import", "tsx", "src\/cli\/start\.ts"\]/);
  });
});
