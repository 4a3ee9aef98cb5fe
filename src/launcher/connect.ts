// Connects to the configured Neo4j: the server named by NEO4J_URI, or the project's own
// local server, started (or reused) here.
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { verifyThroughRateLimit } from '../neo4j/authRateLimit.ts';
import { isConnectivityError, openDatabase, type Database } from '../neo4j/database.ts';
import { startLocalNeo4j, type RunningNeo4j } from './localServer.ts';

export interface Connection {
  db: Database;
  server: RunningNeo4j;
  /** Closes the driver and stops the server if this process started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** An external server (NEO4J_URI) that cannot be reached yet is waited for instead of an error: the API starts anyway. */
  waitForExternal?: boolean;
}

export async function connect(config: Config, signal?: AbortSignal, options: ConnectOptions = {}): Promise<Connection> {
  const server: RunningNeo4j = config.external ? { owned: false, stop: async () => {} } : await startLocalNeo4j(config, signal);
  const db = openDatabase(config.neo4j, config.limits);
  try {
    await verifyThroughRateLimit(db.driver, config.neo4j.database, config.limits, signal);
  } catch (error) {
    if (config.external && options.waitForExternal && isConnectivityError(error)) {
      console.error(`Neo4j at ${config.neo4j.uri} does not answer yet (${(error as Error).message}); starting anyway and waiting for it.`);
      db.markUnavailable(error);
      return { db, server, close: () => db.close() };
    }
    await db.close();
    await server.stop();
    throw new UserError(`Cannot reach Neo4j at ${config.neo4j.uri} (database "${config.neo4j.database}"): ${(error as Error).message}`);
  }
  return {
    db,
    server,
    close: async () => {
      await db.close();
      await server.stop();
    },
  };
}
