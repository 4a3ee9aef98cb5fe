// The one door to Neo4j: every query is parameterised, runs with the configured timeout,
// and reads run in read transactions so that a cluster's followers can serve them.
import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.ts';

export type Params = Record<string, unknown>;

/** A JavaScript number as a Cypher INTEGER (for LIMIT and the like; plain numbers arrive as FLOAT). */
export const int = (value: number) => neo4j.int(value);

export class Database {
  /** Number of Cypher statements sent; tests use it to prove round trips stay bounded. */
  queryCount = 0;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    readonly timeoutMs: number,
  ) {}

  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.READ, timeoutMs);
  }

  async write<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.WRITE, timeoutMs);
  }

  /** For statements that manage their own transactions (CALL { ... } IN TRANSACTIONS). */
  async autoCommit(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<void> {
    this.queryCount += 1;
    const session = this.driver.session({ database: this.name });
    try {
      await session.run(cypher, params, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  private async run<T extends RecordShape>(cypher: string, params: Params, routing: 'READ' | 'WRITE', timeoutMs: number): Promise<T[]> {
    this.queryCount += 1;
    const { records } = await this.driver.executeQuery(cypher, params, {
      database: this.name,
      routing,
      transactionConfig: { timeout: timeoutMs },
    });
    return records.map((record) => record.toObject() as T);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export function createDriver(conn: Neo4jConnection): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'central-asia-actor-graph',
  });
}

export function openDatabase(conn: Neo4jConnection, timeoutMs: number): Database {
  return new Database(createDriver(conn), conn.database, timeoutMs);
}
