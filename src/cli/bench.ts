// npm run bench: load benchmarks against the real Neo4j (the local one unless NEO4J_URI).
//   - the seed: a load after --reset, and a reload that finds everything unchanged;
//   - a synthetic file of 100,000 relationships (10,000 actors, citing 1,000 sources),
//     as YAML and as JSON (--relationships N for another size);
//   - the peak resident memory of the local Neo4j process.
// It leaves the database holding the real seed again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeed, type LoadOptions } from '../../seed/loader/load.ts';
import { writeSyntheticSeed } from '../bench/syntheticSeed.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../neo4j/connect.ts';
import { pidFile } from '../neo4j/localServer.ts';
import type { Database } from '../neo4j/database.ts';
import { interruption, runMain } from './run.ts';

async function timed(label: string, db: Database, options: LoadOptions): Promise<void> {
  const started = performance.now();
  const { report } = await loadSeed(db, options);
  const seconds = (performance.now() - started) / 1000;
  const r = report.relationships;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   relationships ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
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
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await timed('seed: restored with --reset', db, { ...base, reset: true });
    console.log(`Neo4j memory: ${config.external ? 'not measured (external server)' : neo4jMemory(config.local.homeDir)}`);
  } finally {
    await connection.close();
  }
});
