// The one door to Neo4j: every query is parameterised, runs with the configured timeout,
// and reads run in read transactions so that a cluster's followers can serve them.
// When the server cannot be reached, queries fail at once with DatabaseUnavailableError
// while a probe waits for it to come back, so an outage costs clients no waiting.
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type BookmarkManager, type Driver, type RecordShape } from 'neo4j-driver';
import { writeRetry, type Limits, type Neo4jConnection } from '../config.ts';

export type Params = Record<string, unknown>;

export type DatabaseLimits = Pick<Limits, 'queryTimeoutMs' | 'retryTimeMs' | 'probeIntervalMs'>;

/** A JavaScript number as a Cypher INTEGER (for LIMIT and the like; plain numbers arrive as FLOAT). */
export const int = (value: number) => neo4j.int(value);

/** Neo4j cannot be reached (down, restarting, or no connection to be had). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(cause?: unknown) {
    super(`Neo4j is unavailable${cause instanceof Error ? ` (${cause.message})` : ''}`, { cause });
  }
}

/**
 * The server became unreachable while a transaction was committing: it may or may not have
 * committed. Only a retry that finds out (an idempotency key) can say which.
 */
export class CommitOutcomeUnknownError extends Error {
  override name = 'CommitOutcomeUnknownError';
  constructor(cause: unknown) {
    super(`Neo4j became unreachable while a transaction was committing; it may or may not have committed${cause instanceof Error ? ` (${cause.message})` : ''}`, { cause });
  }
}

/**
 * A request's bookmarks (read your own writes across API replicas): reads start after the
 * bookmarks the client sent and after this process's own writes; a write's bookmark replaces
 * those it was made after, here and in the process's manager. `current` is what to send back.
 */
export class RequestBookmarks {
  private readonly own: Set<string>;

  constructor(
    private readonly shared: () => BookmarkManager,
    readonly given: readonly string[],
  ) {
    this.own = new Set(given);
  }

  get current(): string[] {
    return [...this.own];
  }

  async getBookmarks(): Promise<Iterable<string>> {
    return new Set([...(await this.shared().getBookmarks()), ...this.own]);
  }

  async updateBookmarks(previous: Iterable<string>, next: Iterable<string>): Promise<void> {
    const before = [...previous];
    for (const bookmark of before) this.own.delete(bookmark);
    for (const bookmark of next) this.own.add(bookmark);
    await this.shared().updateBookmarks(before, next);
  }
}

/** A bookmark a client sent that this database does not know (another database's, or made up). */
export class InvalidBookmarkError extends Error {
  override name = 'InvalidBookmarkError';
}

/** The write a client's bookmark names has not reached the server that would answer (a lagging secondary). */
export class BookmarkNotReachedError extends Error {
  override name = 'BookmarkNotReachedError';
}

const connectivityCodes = ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable'];

/** The server could not be reached, as opposed to refusing or failing a query. */
export function isConnectivityError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && connectivityCodes.includes(code);
}

/** What a failure of a commit means: unreachable server, unknown outcome; any other failure (nothing committed) as it came. */
export function commitFailure(error: unknown): unknown {
  return isConnectivityError(error) ? new CommitOutcomeUnknownError(error) : error;
}

/**
 * A failure that the same transaction may not meet again (a deadlock, a lock wait cut short):
 * Neo4j's transient errors, except an unreachable server (an outage, handled apart) and a
 * transaction stopped on purpose.
 */
export function isTransientError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    code.startsWith('Neo.TransientError.') &&
    !connectivityCodes.includes(code) &&
    !['Neo.TransientError.Transaction.Terminated', 'Neo.TransientError.Transaction.LockClientStopped'].includes(code)
  );
}

/** The wait before attempt `attempt + 1`: doubling from writeRetry.firstDelayMs up to maxDelayMs, between half and all of it at random (so that two writes that deadlocked do not meet again). */
function retryDelayMs(attempt: number): number {
  const full = Math.min(writeRetry.maxDelayMs, writeRetry.firstDelayMs * 2 ** (attempt - 1));
  return full / 2 + (Math.random() * full) / 2;
}

/** Runs write statements: a transaction's (Database.transaction), or the database's, one transaction each (Database.statements). */
export interface Transaction {
  run<T extends RecordShape = RecordShape>(cypher: string, params?: Params): Promise<T[]>;
}

export class Database {
  /** Number of Cypher statements sent; tests use it to prove round trips stay bounded. */
  queryCount = 0;
  /** Set while the server is unreachable: resolves when a probe reaches it again. */
  private outage: Promise<void> | undefined;
  /** What this connection's reads must see of its own writes (causal consistency). */
  private bookmarks = neo4j.bookmarkManager();
  /** The bookmarks of the request being served, where one sent any or may write (withBookmarks). */
  private readonly requestScope = new AsyncLocalStorage<RequestBookmarks>();
  private closed = false;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    readonly limits: DatabaseLimits,
  ) {}

  get timeoutMs(): number {
    return this.limits.queryTimeoutMs;
  }

  /** False from a failed connection until the server answers again. */
  get available(): boolean {
    return this.outage === undefined;
  }

  /** Resolves once the server answers (at once when it does now). */
  async whenAvailable(): Promise<void> {
    if (this.available) await this.driver.verifyConnectivity({ database: this.name }).catch((error: unknown) => this.markUnavailable(error));
    await this.outage;
  }

  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.READ, timeoutMs);
  }

  async write<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.WRITE, timeoutMs);
  }

  /** Write statements, each its own transaction with this timeout: the loader's batches. */
  statements(timeoutMs = this.timeoutMs): Transaction {
    return { run: (cypher, params = {}) => this.write(cypher, params, timeoutMs) };
  }

  /**
   * Runs `work` as one write transaction: every statement it runs commits together or not at
   * all; an error it throws rolls everything back. A transient failure (a deadlock between two
   * writes) runs the whole of `work` again, up to writeRetry.attempts times with a growing wait,
   * so `work` must do nothing but run statements; all attempts together take at most `timeoutMs`
   * (each has what is left of it). The last failure is thrown as it came. A commit cut short by
   * the server going away is CommitOutcomeUnknownError, never retried.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        // At least 1 ms: a timeout of 0 is none at all.
        return await this.once(work, Math.max(1, timeoutMs - (Date.now() - started)), 'commit');
      } catch (error) {
        const delay = retryDelayMs(attempt);
        if (attempt >= writeRetry.attempts || !isTransientError(error) || Date.now() - started + delay >= timeoutMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Runs `work` in a write transaction that is always rolled back: for checks that compute with
   * write statements (src/graph/invariants.ts derives every relationship afresh) and keep nothing.
   */
  rolledBack<T>(work: (tx: Transaction) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return this.once(work, timeoutMs, 'roll back');
  }

  /** One write transaction running `work`, then committed or rolled back (closing the session rolls back what is still open). */
  private async once<T>(work: (tx: Transaction) => Promise<T>, timeoutMs: number, end: 'commit' | 'roll back'): Promise<T> {
    if (this.outage) throw new DatabaseUnavailableError();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarkManager });
    try {
      const tx = session.beginTransaction({ timeout: timeoutMs });
      const result = await work({
        run: async <R extends RecordShape>(cypher: string, params: Params = {}) => {
          this.queryCount += 1;
          const answer = await tx.run<R>(cypher, params);
          return answer.records.map((record) => record.toObject() as R);
        },
      });
      if (end === 'commit') {
        await tx.commit().catch((error: unknown) => {
          throw commitFailure(error);
        });
      }
      return result;
    } catch (error) {
      throw this.classify(error);
    } finally {
      await session.close();
    }
  }

  /** For statements that manage their own transactions (CALL { ... } IN TRANSACTIONS). */
  async autoCommit(cypher: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<void> {
    this.queryCount += 1;
    const session = this.driver.session({ database: this.name, bookmarkManager: this.bookmarkManager });
    try {
      await session.run(cypher, params, { timeout: timeoutMs });
    } catch (error) {
      throw this.classify(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` with a request's bookmarks: every query it runs starts after `given` and after
   * this process's writes, and its writes' bookmarks are kept in the scope it receives.
   */
  withBookmarks<T>(given: readonly string[], work: (scope: RequestBookmarks) => Promise<T>): Promise<T> {
    const scope = new RequestBookmarks(() => this.bookmarks, given);
    return this.requestScope.run(scope, () => work(scope));
  }

  /** Whether the query about to run starts after bookmarks its request sent (their errors are then the client's). */
  private clientBookmarks(): boolean {
    return (this.requestScope.getStore()?.given.length ?? 0) > 0;
  }

  /** The bookmark manager of the query about to run: its request's, else the process's. */
  private get bookmarkManager(): BookmarkManager {
    return (this.requestScope.getStore() as BookmarkManager | undefined) ?? this.bookmarks;
  }

  /**
   * Forgets the transactions this connection has seen: after the database was replaced (a bulk
   * import), they are ahead of the new one's, which would make every query wait for them.
   */
  forgetBookmarks(): void {
    this.bookmarks = neo4j.bookmarkManager();
  }

  private async run<T extends RecordShape>(cypher: string, params: Params, routing: 'READ' | 'WRITE', timeoutMs: number, retried = false): Promise<T[]> {
    if (this.outage) throw new DatabaseUnavailableError();
    this.queryCount += 1;
    try {
      const { records } = await this.driver.executeQuery(cypher, params, {
        database: this.name,
        routing,
        bookmarkManager: this.bookmarkManager,
        transactionConfig: { timeout: timeoutMs },
      });
      return records.map((record) => record.toObject() as T);
    } catch (error) {
      // The database was replaced under this connection (see forgetBookmarks): once more, without them.
      if (!retried && !this.clientBookmarks() && (error as { code?: string }).code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
        this.forgetBookmarks();
        return this.run(cypher, params, routing, timeoutMs, true);
      }
      throw this.classify(error);
    }
  }

  /** A connectivity failure starts an outage and becomes DatabaseUnavailableError (CommitOutcomeUnknownError stays itself); others pass unchanged. */
  private classify(error: unknown): unknown {
    const code = (error as { code?: unknown } | null)?.code;
    if (this.clientBookmarks() && typeof code === 'string') {
      if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
        return new InvalidBookmarkError('A bookmark sent with this request is not one of this database\'s: send the one a write through this API answered, or none.', { cause: error });
      }
      if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
        return new BookmarkNotReachedError('The write a bookmark sent with this request names has not reached this database server yet; retry shortly.', { cause: error });
      }
    }
    if (error instanceof CommitOutcomeUnknownError) this.markUnavailable(error.cause);
    if (!isConnectivityError(error)) return error;
    this.markUnavailable(error);
    return new DatabaseUnavailableError(error);
  }

  /** Starts an outage (a probe that ends it when the server answers), unless one is on. */
  markUnavailable(error: unknown): void {
    if (this.outage || this.closed) return;
    console.error(`Neo4j is unreachable (${(error as Error).message}); probing every ${this.limits.probeIntervalMs} ms until it answers.`);
    this.outage = this.probe().finally(() => (this.outage = undefined));
  }

  private async probe(): Promise<void> {
    const started = Date.now();
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, this.limits.probeIntervalMs).unref());
      try {
        await this.driver.verifyConnectivity({ database: this.name });
        console.error(`Neo4j answers again after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        return;
      } catch {
        // still down: probe again
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close();
  }
}

export function createDriver(conn: Neo4jConnection, retryTimeMs = 5_000): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: retryTimeMs,
    userAgent: 'central-asia-actor-graph',
  });
}

export function openDatabase(conn: Neo4jConnection, limits: DatabaseLimits): Database {
  return new Database(createDriver(conn, limits.retryTimeMs), conn.database, limits);
}
