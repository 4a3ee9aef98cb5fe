// npm run neo4j -- assemble | start
//   assemble  downloads the Neo4j server, Browser and APOC from Maven Central (once)
//   start     runs the local Neo4j in the foreground until Ctrl-C
import { loadConfig } from '../config.ts';
import { ensureDistribution } from '../launcher/assemble.ts';
import { describeLocalPassword } from '../launcher/localPassword.ts';
import { startLocalNeo4j } from '../launcher/localServer.ts';
import { announceInstance } from '../launcher/runningInstance.ts';
import { interruption, runMain, untilAborted } from './run.ts';

runMain(async () => {
  const config = loadConfig();
  const command = process.argv[2] ?? 'start';
  if (command === 'assemble') {
    ensureDistribution(config.local.distDir);
    console.log(`Neo4j is assembled in ${config.local.distDir}`);
    return;
  }
  if (command !== 'start') {
    console.error('usage: npm run neo4j -- assemble | start');
    return 2;
  }
  const interrupted = interruption();
  const server = await startLocalNeo4j(config, interrupted);
  console.log(
    `Neo4j ${server.owned ? 'started' : 'already running'}: bolt://localhost:${config.local.boltPort}, ` +
      `http://localhost:${config.local.httpPort}/browser/ (user ${config.neo4j.user}, ${describeLocalPassword(config, server.generatedPassword)})`,
  );
  if (!server.owned) return;
  // Where this Neo4j is (not its password), for npm run token, export and seed.
  const forget = announceInstance(config, null);
  await untilAborted(interrupted);
  forget();
  await server.stop();
  console.log('Neo4j stopped.');
});
