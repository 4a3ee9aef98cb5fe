// npm run bench: load benchmarks against the real Neo4j (the local one unless NEO4J_URI).
//   - the seed: a load after --reset, and a reload that finds everything unchanged;
//   - a synthetic file of 100,000 relationships (10,000 actors, citing 1,000 sources),
//     as YAML and as JSON (--relationships N for another size);
//   - the latency of the graph queries behind the API, on the seed;
//   - the latency of an analyst's write (addClaim), on the seed and on the synthetic graph;
//   - the peak resident memory of the local Neo4j process.
// It leaves the database holding the real seed again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeed, type LoadOptions } from '../../seed/loader/load.ts';
import { writeSyntheticSeed } from '../bench/syntheticSeed.ts';
import { apiRecordCount } from '../../seed/loader/write.ts';
import { UserError } from '../errors.ts';
import { addClaim } from '../writes/claims.ts';
import { addSource } from '../writes/sources.ts';
import { listRelationships } from '../graph/relationships.ts';
import { searchActors } from '../graph/search.ts';
import { allegianceChain, neighborhood, shortestPath } from '../graph/traversal.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../neo4j/connect.ts';
import { pidFile } from '../neo4j/localServer.ts';
import type { Database } from '../neo4j/database.ts';
import { interruption, runMain } from './run.ts';

async function timed(label: string, db: Database, options: LoadOptions): Promise<void> {
  const started = performance.now();
  const { report } = await loadSeed(db, options);
  const seconds = (performance.now() - started) / 1000;
  const c = report.claims;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   claims ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged; ${report.relationships.derived} relationships derived`,
  );
}

/** The q-quantile of `times` (ms), printed to 0.1 ms. */
const percentile = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);

/** Median and 95th percentile latency of the graph queries behind the API, on the seed. */
async function queryLatencies(db: Database): Promise<void> {
  const queries: [string, () => Promise<unknown>][] = [
    ['search "Bukhori"', () => searchActors(db, { text: 'Bukhori' })],
    ['neighborhood depth 2 of IS', () => neighborhood(db, { id: 'islamic-state', depth: 2 })],
    ['shortestPath Malikov -> Taliban', () => shortestPath(db, { from: 'kadyr-malikov', to: 'taliban' })],
    ['relationships page of 50, asOf 2015', () => listRelationships(db, { asOf: '2015', first: 50 })],
    ['allegianceChain of Imam Bukhari', () => allegianceChain(db, { id: 'katibat-imam-bukhari' })],
  ];
  for (const [label, run] of queries) {
    for (let i = 0; i < 5; i++) await run(); // warm-up: plans cached, JIT warm
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    console.log(`query ${label.padEnd(38)} median ${percentile(times, 0.5).padStart(6)} ms   p95 ${percentile(times, 0.95).padStart(6)} ms`);
  }
}

/**
 * How long an analyst's addClaim takes (the whole write: checks, the quote found in the
 * source's text, the claim, its relationship derived, the change log; one transaction), between
 * `actors` taken in turn, each quoting a sentence of a source added for the purpose.
 */
async function writeLatencies(db: Database, label: string, actors: string[], count = 100): Promise<void> {
  const sentences = Array.from({ length: count }, (_, i) => `Sentence ${i} of the benchmark article says that one actor works with another.`);
  const { id: source } = await addSource(db, 'bench', { title: `Benchmark article ${Date.now()}`, published: '2020-01', text: sentences.join(' ') });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await addClaim(db, 'bench', {
      subject: actors[i % actors.length]!,
      type: 'COOPERATES_WITH',
      object: actors[(i * 7 + 1) % actors.length]!,
      stance: 'ASSERTED',
      source,
      quotes: [sentences[i]!],
    });
    times.push(performance.now() - started);
  }
  console.log(`addClaim ${label.padEnd(35)} median ${percentile(times, 0.5).padStart(6)} ms   p95 ${percentile(times, 0.95).padStart(6)} ms   (${count} writes)`);
}

function neo4jMemory(homeDir: string): string {
  try {
    const pid = fs.readFileSync(pidFile(homeDir), 'utf8').trim();
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => /\d+/.exec(status.split('\n').find((line) => line.startsWith(name)) ?? '')?.[0];
    return `peak RSS ${(Number(field('VmHWM')) / 1024).toFixed(0)} MiB, now ${(Number(field('VmRSS')) / 1024).toFixed(0)} MiB (pid ${pid})`;
  } catch {
    return 'not measured (the local Neo4j is not running here)';
  }
}

runMain(async () => {
  const { values } = parseArgs({ options: { relationships: { type: 'string', default: '100000' } } });
  const relationships = Number(values.relationships);
  const config = loadConfig();
  const connection = await connect(config, interruption());
  const db = connection.db;
  const base = { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs };
  try {
    const written = await apiRecordCount(db);
    if (written > 0) {
      throw new UserError(`The benchmark resets the database, which holds ${written} records written through the API: export them (npm run export -- --format seed) and run it against another database.`);
    }
    await timed('seed: load after --reset', db, { ...base, reset: true });
    await timed('seed: reload (unchanged)', db, base);
    for (const format of ['yaml', 'json'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-seed-'));
      const size = { relationships, actors: Math.max(10, relationships / 10), sources: Math.max(1, relationships / 100), format };
      const synthetic = writeSyntheticSeed(dir, size);
      const label = `synthetic ${relationships} (${format})`;
      console.log(`${label}: one file of ${size.relationships} relationships and ${size.actors} actors, citing ${size.sources} sources`);
      await timed(`${label}: load after --reset`, db, { ...base, ...synthetic, reset: true });
      await timed(`${label}: reload (unchanged)`, db, { ...base, ...synthetic });
      if (format === 'yaml') {
        const hubs = Array.from({ length: 20 }, (_, i) => `synthetic-actor-${i * 37}`);
        await writeLatencies(db, `on synthetic ${relationships}`, hubs);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await timed('seed: load after --reset', db, { ...base, reset: true });
    await writeLatencies(db, 'on the seed', ['islamic-state', 'taliban', 'katibat-imam-bukhari', 'islamic-movement-of-uzbekistan', 'uzbekistan', 'kazakhstan']);
    await timed('seed: restored with --reset', db, { ...base, reset: true });
    await queryLatencies(db);
    console.log(`Neo4j memory: ${config.external ? 'not measured (external server)' : neo4jMemory(config.local.homeDir)}`);
  } finally {
    await connection.close();
  }
});
