// What every resolver receives: the database, this request's loaders, and its budget.
import type { Principal } from '../auth/tokens.ts';
import type { Database } from '../neo4j/database.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { RequestBudget } from './requestBudget.ts';

export interface Context {
  db: Database;
  loaders: Loaders;
  budget: RequestBudget;
  /** The id the request's log lines and X-Request-Id share. */
  requestId: string;
  /** Whose bearer token the request carries; null when it carries none. */
  principal: Principal | null;
}

/** `deadline` stops the request's remaining fields when it fires (never, by default: CLI use). */
export function createContext(
  db: Database,
  deadline: AbortSignal = new AbortController().signal,
  requestId = 'cli',
  principal: Principal | null = null,
): Context {
  return { db, loaders: createLoaders(db), budget: new RequestBudget(deadline), requestId, principal };
}
