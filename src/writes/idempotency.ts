// Writes made once: a write sent with an idempotency key records, in its own transaction,
// (:IdempotentWrite {key, by, field, request, outcome, at}): the key, who wrote, which write of the
// request, a hash of what was asked and what the write answered. The same key again answers that
// outcome and writes nothing. A key is recorded if and only if its write committed.
import { createHash } from 'node:crypto';
import { sortedKeys } from '../domain/records.ts';
import { InputError, UserError } from '../errors.ts';
import type { Database, Transaction } from '../neo4j/database.ts';

/** Where a key comes from, to name it in errors (the API takes it as a header). */
export const idempotencyKeyName = 'Idempotency-Key';

export interface WriteKey {
  /** The client's key. */
  key: string;
  /** Who writes: each principal has keys of its own. */
  by: string;
  /** Which write of the request (a GraphQL request may hold several): its response key. */
  field: string;
  /** What was asked (requestHash): the same key with another request is refused. */
  request: string;
}

/** A key used before for another write than this one: nothing was written. */
export class IdempotencyKeyReusedError extends UserError {
  override name = 'IdempotencyKeyReusedError';
  constructor(readonly key: string, field: string) {
    super(`${idempotencyKeyName} "${key}" was used for ${field} with another input (or another mutation): nothing was written. Send a new key for a new write.`);
  }
}

/** The key as sent, checked: 1 to 200 visible ASCII characters (a UUID fits). */
export function checkedIdempotencyKey(key: string): string {
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new InputError(idempotencyKeyName, 'must be 1 to 200 visible ASCII characters, such as a UUID');
  return key;
}

/** A hash of a write's name and arguments, whatever the order of their fields. */
export const requestHash = (mutation: string, args: unknown): string =>
  createHash('sha256').update(JSON.stringify([mutation, sortedKeys(args)])).digest('hex');

/**
 * Takes the key at the start of the transaction: MERGE on the key's unique constraint makes a
 * concurrent request with the same key wait until this one commits (then it finds the record)
 * or rolls back (then it writes). Answers the recorded outcome, if there is one.
 */
async function takeKey(tx: Transaction, key: WriteKey): Promise<string | null> {
  const [row] = await tx.run<{ request: string; outcome: string | null }>(
    `MERGE (w:IdempotentWrite {key: $key, by: $by, field: $field})
     ON CREATE SET w.request = $request, w.at = toString(datetime())
     RETURN w.request AS request, w.outcome AS outcome`,
    { ...key },
  );
  if (row!.request !== key.request) throw new IdempotencyKeyReusedError(key.key, key.field);
  return row!.outcome;
}

/**
 * `db` for one write: its transaction takes the key first and records the outcome last, so that
 * the record commits with the write or not at all. The write itself knows nothing of keys; all
 * else is the database's own (a Proxy forwards every other property, reads and writes both).
 */
function recordingIn(db: Database, key: WriteKey, replay: { recorded: boolean }): Database {
  const transaction = <T>(work: (tx: Transaction) => Promise<T>, timeoutMs?: number) =>
    db.transaction(async (tx) => {
      const recorded = await takeKey(tx, key);
      // Answered from the record, and committed (it changed nothing): the commit's bookmark then
      // covers the first write, wherever it was made (a read after it on a cluster's follower sees it).
      if (recorded !== null) {
        replay.recorded = true;
        return JSON.parse(recorded) as T;
      }
      const outcome = await work(tx);
      await tx.run('MATCH (w:IdempotentWrite {key: $key, by: $by, field: $field}) SET w.outcome = $outcome', { ...key, outcome: JSON.stringify(outcome ?? null) });
      return outcome;
    }, timeoutMs);
  return new Proxy(db, { get: (target, name) => (name === 'transaction' ? transaction : Reflect.get(target, name)) });
}

/**
 * Runs `write` once for `key`: the first time it writes and records its outcome; later it
 * answers the recorded outcome without writing. `write` must answer what its one transaction
 * answers (every write of src/writes does), since that is what is recorded and answered again.
 */
export async function writeOnce<T>(db: Database, key: WriteKey, write: (db: Database) => Promise<T>): Promise<{ outcome: T; replayed: boolean }> {
  const replay = { recorded: false };
  const outcome = await write(recordingIn(db, key, replay));
  return { outcome, replayed: replay.recorded };
}
