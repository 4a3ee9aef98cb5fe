// What every resolver receives: the database (and, later, per-request loaders).
import type { Database } from '../neo4j/database.ts';

export interface Context {
  db: Database;
}
