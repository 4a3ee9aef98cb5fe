// What every resolver receives: the database, this request's loaders, its budget, and its writes.
import type { Principal } from '../auth/tokens.ts';
import type { Database } from '../neo4j/database.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { RequestBudget } from './requestBudget.ts';
import { WriteLog } from './writeReceipts.ts';

export interface Context {
  db: Database;
  loaders: Loaders;
  budget: RequestBudget;
  /** The id the request's log lines and X-Request-Id share. */
  requestId: string;
  /** Whose bearer token the request carries; null when it carries none. */
  principal: Principal | null;
  /** The request's Idempotency-Key header, as sent (checked when a mutation uses it); null without one. */
  idempotencyKey: string | null;
  /** What the request has written (writeReceipts.ts). */
  writes: WriteLog;
}

/** What a request brings besides its database: its key, and the log its server reads at the deadline. */
export interface RequestWrites {
  idempotencyKey?: string | string[] | undefined;
  writes?: WriteLog;
}

/** `deadline` stops the request's remaining fields when it fires (never, by default: CLI use). */
export function createContext(
  db: Database,
  deadline: AbortSignal = new AbortController().signal,
  requestId = 'cli',
  principal: Principal | null = null,
  { idempotencyKey, writes = new WriteLog() }: RequestWrites = {},
): Context {
  // A header sent twice arrives joined with ", ", and is refused as a key (a key holds no space).
  const key = Array.isArray(idempotencyKey) ? idempotencyKey.join(', ') : (idempotencyKey ?? null);
  return { db, loaders: createLoaders(db), budget: new RequestBudget(deadline), requestId, principal, idempotencyKey: key, writes };
}
