// npm run seed [-- --reset [--discard-api-writes]] [--bulk] [--check] [--data DIR] [--sources DIR]
// Validates seed/data/*.yaml against the sources and writes them to Neo4j
// (--check: validate only, without a database). --reset refuses to wipe what analysts wrote
// through the API unless told to (export it first: npm run export -- --format seed).
// --bulk: a first load into the local server's empty database (--bulk --reset: replacing its
// graph) with neo4j-admin's importer (src/loader/bulk.ts), for large seeds.
import { parseArgs } from 'node:util';
import { formatReport, loadSeed, validateSeed } from '../loader/load.ts';
import { bulkLoad } from '../loader/bulk.ts';
import { connect } from '../launcher/connect.ts';
import { runningInstanceConfig } from '../launcher/runningInstance.ts';
import { refuseToDiscardApiWrites } from '../loader/write.ts';
import { runMain } from './run.ts';

runMain(async () => {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      bulk: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'discard-api-writes': { type: 'boolean', default: false },
      data: { type: 'string' }, sources: { type: 'string' } },
  });
  if (values.check) {
    const batch = validateSeed({ dataDir: values.data, sourcesDir: values.sources });
    for (const warning of batch.warnings) console.warn(`warning: ${warning}`);
    const count = (name: string, items: unknown[]) => `${items.length} ${name}`;
    console.log(`Seed is valid: ${[count('sources', batch.sources), count('actors', batch.actors), count('claims', batch.claims), count('figures', batch.figures), count('mentions', batch.mentions)].join(', ')}.`);
    return;
  }
  const config = runningInstanceConfig({ existing: false });
  const connection = await connect(config);
  try {
    if (values.reset) {
      await refuseToDiscardApiWrites(connection.db, values.bulk ? '--bulk --reset' : '--reset', values['discard-api-writes'], '--discard-api-writes');
    }
    const started = Date.now();
    const options = {
      dataDir: values.data,
      sourcesDir: values.sources,
      batchSize: config.limits.loaderBatchSize,
      timeoutMs: config.limits.loaderTimeoutMs,
      onProgress: (message: string) => console.log(`  ...${message}`),
    };
    const { report, batch } = values.bulk
      ? await bulkLoad(config, connection, { ...options, replace: values.reset })
      : await loadSeed(connection.db, { ...options, reset: values.reset });
    for (const warning of batch.warnings) console.warn(`warning: ${warning}`);
    console.log(formatReport(report));
    const how = values.bulk ? ' (bulk import)' : values.reset ? ' (after reset)' : '';
    console.log(`Seed loaded in ${((Date.now() - started) / 1000).toFixed(1)} s${how}.`);
  } finally {
    await connection.close();
  }
});
