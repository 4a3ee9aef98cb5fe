// The registry figures of `npm run bench`: the 2024 UN Security Council list imported onto the
// seed and matched end to end (the same path as `npm run import`), imported again (which changes
// nothing), and matching at scale: N synthetic registry-like records against N actors through
// blocking, with the all-pairs baseline on a sample (bench/matching/scale.ts).
import fs from 'node:fs';
import { matchingSettings, type Config } from '../src/config.ts';
import { loadSeed } from '../src/loader/load.ts';
import type { Database } from '../src/neo4j/database.ts';
import { importRegistryText } from '../src/writes/registryImport.ts';
import { keySnapshots, readSnapshotParties, snapshotFile } from './matching/inputs.ts';
import { measureScale, syntheticParties, type ScaleResult } from './matching/scale.ts';

export interface RegistryBenchResult {
  import: { snapshot: string; records: number; seconds: number; steps: Record<string, number>; automatic: number; queued: number; unmatched: number };
  reimport: { seconds: number; claimsWritten: number };
  scale: ScaleResult;
}

export async function benchRegistries(db: Database, config: Config, scaleSize: number): Promise<RegistryBenchResult> {
  const settings = matchingSettings();
  const options = { thresholds: settings, limits: settings, timeoutMs: config.limits.loaderTimeoutMs };
  await loadSeed(db, { reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
  const snapshot = keySnapshots[1];
  const file = snapshotFile(snapshot);
  const run = async () => {
    const started = performance.now();
    const text = fs.readFileSync(file, 'utf8');
    const report = await importRegistryText(db, 'bench', { format: 'un-sc', text, file, regimes: null }, options);
    return { report, seconds: (performance.now() - started) / 1000 };
  };
  console.log(`\nRegistries: importing the UN list of ${snapshot} onto the seed...`);
  const first = await run();
  const again = await run();
  const { matching } = first.report;
  console.log(`  imported ${first.report.records} records in ${first.seconds.toFixed(1)} s, again in ${again.seconds.toFixed(1)} s; matching ${scaleSize} x ${scaleSize}...`);
  const { parties } = readSnapshotParties(snapshot);
  const words = parties.flatMap((party) => party.names.flatMap((name) => name.value.split(/\s+/))).filter((word) => /^\p{L}{3,}$/u.test(word));
  const scale = measureScale(syntheticParties(words, scaleSize, 1, 'r'), syntheticParties(words, scaleSize, 2, 'a'), settings);
  console.log(`  ${Math.round(scale.recordsPerSecond)} records/s; all pairs ${scale.allPairs.ratio.toFixed(0)}x slower per record.`);
  return {
    import: {
      snapshot,
      records: first.report.records,
      seconds: first.seconds,
      steps: first.report.timings,
      automatic: matching.automatic.length,
      queued: matching.queued,
      unmatched: matching.unmatched,
    },
    reimport: { seconds: again.seconds, claimsWritten: again.report.claims.created + again.report.claims.updated },
    scale,
  };
}
