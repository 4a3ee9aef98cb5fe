// npm start: start (or reuse) Neo4j, apply the schema, load the seed, serve GraphQL.
// Ctrl-C stops everything this process started.
import net from 'node:net';
import { formatReport, loadSeed } from '../../seed/loader/load.ts';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import { connect } from '../neo4j/connect.ts';
import { createApp, listen } from '../server/app.ts';
import { runMain } from './run.ts';

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new UserError(`Port ${port} (GraphQL API) is already in use. Stop the program using it, or set PORT to a free port.`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

runMain(async () => {
  const started = Date.now();
  const config = loadConfig();
  await assertPortFree(config.http.port, config.http.host);
  const connection = await connect(config);
  let stopping = false;
  const shutdown = async (app?: { stop(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await app?.stop();
    await connection.close();
    console.log(connection.server.owned ? 'Stopped the API and Neo4j.' : 'Stopped the API (Neo4j was not started by this process and keeps running).');
  };
  try {
    console.log(connection.server.owned ? 'Neo4j started.' : `Using the Neo4j at ${config.neo4j.uri}.`);
    if (config.seedOnStart) {
      const { report } = await loadSeed(connection.db, {
        batchSize: config.limits.loaderBatchSize,
        timeoutMs: config.limits.loaderTimeoutMs,
      });
      console.log(formatReport(report));
    }
    const app = await createApp(connection.db);
    await listen(app.server, config.http.port, config.http.host);
    const shown = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
    console.log(`
GraphQL ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  GraphQL API    http://${shown}:${config.http.port}/graphql
  Health         http://${shown}:${config.http.port}/health
  Neo4j Bolt     ${config.external ? config.neo4j.uri : `bolt://localhost:${config.local.boltPort}`}
  Neo4j Browser  ${config.external ? '(your server\'s own Browser)' : `http://localhost:${config.local.httpPort}/browser/  (user ${config.neo4j.user}, password from NEO4J_PASSWORD, default "actorgraph")`}
Press Ctrl-C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await shutdown(app);
  } catch (error) {
    await shutdown();
    throw error;
  }
});
