// npm run bench [-- --sizes 10000,100000,1000000] [--quick] [--iterations N] [--warm-up N]
//                  [--duration S] [--budget S] [--bulk largest|all|none] [--seed S] [--discard-api-writes]
// --budget: seconds of single-client timing per way and operation before a slow way takes fewer samples (at least 5).
// --quick (CI): the smallest size, few iterations, 1 s autocannon runs, no bulk import, the report
// to a temporary folder. The benchmark itself is bench/run.ts; this connects to Neo4j and calls it.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { benchOptions, runBenchmark } from '../../bench/run.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../launcher/connect.ts';
import { pidFile } from '../launcher/localServer.ts';
import { interruption, runMain } from './run.ts';

runMain(async () => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      quick: { type: 'boolean', default: false },
      iterations: { type: 'string' },
      'warm-up': { type: 'string' },
      duration: { type: 'string' },
      budget: { type: 'string' },
      bulk: { type: 'string', default: 'largest' },
      seed: { type: 'string', default: '1' },
      'discard-api-writes': { type: 'boolean', default: false },
    },
  });
  const options = benchOptions(values);
  const config = loadConfig();
  const signal = interruption();
  const connection = await connect(config, signal);
  try {
    const neo4jPid = () => (config.external ? null : Number(fs.readFileSync(pidFile(config.local.homeDir), 'utf8').trim()));
    await runBenchmark({ config, db: connection.db, neo4jPid, signal }, options);
  } finally {
    await connection.close();
  }
});
