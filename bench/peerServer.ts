// The benchmark's peer, the API @neo4j/graphql generates from bench/peerTypeDefs.ts, served by
// Apollo's standalone server on PEER_PORT (default 4101) over the Neo4j that NEO4J_* name.
// Run in its own process by src/cli/benchPeer.ts, which bench/peer.ts starts.
import { Neo4jGraphQL } from '@neo4j/graphql';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import { peerFeatures, peerTypeDefs } from './peerTypeDefs.ts';

function peerPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PEER_PORT || '4101';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`Environment variable PEER_PORT must be a port number, got "${raw}"`);
  return port;
}

async function buildSchema(driver: Driver, database: string): Promise<GraphQLSchema> {
  const neo4jGraphQL = new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver, features: peerFeatures });
  const schema = await neo4jGraphQL.getSchema();
  // The full-text index @fulltext names must exist (the loader creates it): fail now, not at the first search.
  await neo4jGraphQL.assertIndexesAndConstraints({ driver, sessionConfig: { database } });
  return schema;
}

/** Serves the peer until `stop` is called; `url` is where it answers. */
export async function startPeerServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig();
  const port = peerPort(process.env);
  const { uri, user, password, database } = config.neo4j;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const schema = await buildSchema(driver, database).catch(async (error: unknown) => {
    await driver.close();
    throw error;
  });
  // Signals are handled by the caller, once (Apollo's own handlers would stop the server a second time).
  const server = new ApolloServer({ schema, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: config.http.host },
    // The API's limit on every query (QUERY_TIMEOUT_MS) holds for the peer too.
    context: async () => ({ sessionConfig: { database }, transaction: { timeout: config.limits.queryTimeoutMs } }),
  });
  const stop = async () => {
    await server.stop();
    await driver.close();
  };
  return { url, stop };
}
