// npm start: start (or reuse) Neo4j, apply the schema, load the seed, serve GraphQL.
// Ctrl-C stops everything this process started.
import { formatReport, loadSeed } from '../loader/load.ts';
import { loadConfig, type Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { connect } from '../launcher/connect.ts';
import { describeLocalPassword } from '../launcher/localPassword.ts';
import { announceInstance } from '../launcher/runningInstance.ts';
import { portInUse } from '../ports.ts';
import { createApp, listen, type App } from '../http/app.ts';
import { logError, logUnhandledErrors } from '../api/requestLog.ts';
import { ensureWebBuild } from '../http/webBuild.ts';
import { interruption, runMain, untilAborted } from './run.ts';

async function assertPortFree(port: number, host: string): Promise<void> {
  if (await portInUse(port, host)) {
    throw new UserError(`Port ${port} (GraphQL API) is already in use. Stop the program using it, or set PORT to a free port.`);
  }
}

function printReady(config: Config, started: number, generatedPassword?: string): void {
  const shown = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const bolt = config.external ? config.neo4j.uri : `bolt://localhost:${config.local.boltPort}`;
  const browser = config.external
    ? "(your server's own Browser)"
    : `http://localhost:${config.local.httpPort}/browser/  (user ${config.neo4j.user}, ${describeLocalPassword(config, generatedPassword)})`;
  console.log(`
GraphQL ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  Web app        http://${shown}:${config.http.port}/
  GraphQL API    http://${shown}:${config.http.port}/graphql
  Health         http://${shown}:${config.http.port}/health
  Neo4j Bolt     ${bolt}
  Neo4j Browser  ${browser}
Press Ctrl-C to stop.`);
}

runMain(async () => {
  logUnhandledErrors();
  const started = Date.now();
  const interrupted = interruption();
  const config = loadConfig();
  await assertPortFree(config.http.port, config.http.host);
  const connection = await connect(config, interrupted, { waitForExternal: true });
  let app: App | undefined;
  let forget = () => {};
  try {
    console.log(connection.server.owned ? 'Neo4j started.' : `Using the Neo4j at ${config.neo4j.uri}.`);
    const seed = async () => {
      const options = { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs };
      console.log(formatReport((await loadSeed(connection.db, options)).report));
    };
    if (config.seedOnStart && connection.db.available) await seed();
    else if (config.seedOnStart) {
      // The API answers 503 meanwhile; the seed loads once the database answers.
      connection.db.whenAvailable().then(seed).catch((error: unknown) => logError('Loading the seed', error));
    }
    if (!interrupted.aborted) {
      await ensureWebBuild();
      app = await createApp(connection.db, config.api);
      await listen(app.server, config.http.port, config.http.host);
      // Where this start's Neo4j is (not its password), for npm run token, export and seed.
      forget = announceInstance(config, config.http.port);
      printReady(config, started, connection.server.generatedPassword);
      await untilAborted(interrupted);
    }
  } finally {
    console.log('\nStopping...');
    forget();
    if (app) {
      // What is in flight is answered first (a rolling restart behind a balancer loses nothing).
      console.log(`Draining: ${app.inFlight()} requests in flight; /health answers 503 "draining".`);
      const answered = await app.drain();
      console.log(answered ? 'Drained: every request in flight was answered.' : `Drained: requests still running after ${config.api.drainTimeoutMs} ms were cut off.`);
    }
    await app?.stop();
    await connection.close();
    console.log(connection.server.owned ? 'Stopped the API and Neo4j.' : 'Stopped the API (Neo4j was not started by this process and keeps running).');
  }
});
