// The append-only change log: every write through the API adds (:Change {at, seq, by, action,
// target, before, after}) nodes in the write's own transaction, one per record it changed. Nothing
// ever updates or deletes them. `before` and `after` hold the changed fields as JSON.
import { int, type Database, type Transaction } from '../neo4j/database.ts';
import { listSize } from '../graph/filters.ts';

export const changeActions = [
  'ADD_SOURCE',
  'ADD_ACTOR',
  'UPDATE_ACTOR',
  'DELETE_ACTOR',
  'MERGE_ACTORS',
  'UNMERGE_ACTORS',
  'ADD_CLAIM',
  'UPDATE_CLAIM',
  'RETRACT_CLAIM',
  'CONTRADICT',
  'IMPORT_REGISTRY',
  'JUDGE_MATCH',
  'UNDO_JUDGEMENT',
  'GRADE_SOURCE',
  'GRADE_CLAIM',
  'ADD_FIGURE',
  'UPDATE_FIGURE',
  'RETRACT_FIGURE',
  'REJECT_SUGGESTION',
  'REJECT_MENTION',
  'ADD_MENTION',
] as const;
export type ChangeAction = (typeof changeActions)[number];

export interface ChangeEntry {
  action: ChangeAction;
  /** The id of the actor, claim, figure or source changed. */
  target: string;
  before: object | null;
  after: object | null;
}

export interface Change {
  at: string;
  by: string;
  action: ChangeAction;
  target: string;
  before: string | null;
  after: string | null;
}

/** Who writes, and when: one write's author and its moment, shared by every change it records. */
export interface Author {
  by: string;
  at: string;
}

export const authorNow = (by: string): Author => ({ by, at: new Date().toISOString() });

/** Records a write's changes, in the write's transaction. */
export async function recordChanges(tx: Transaction, author: Author, changes: ChangeEntry[]): Promise<void> {
  await tx.run(
    `UNWIND $changes AS change
     CREATE (:Change {at: $at, seq: change.seq, by: $by, action: change.action, target: change.target, before: change.before, after: change.after})`,
    {
      ...author,
      changes: changes.map((change, seq) => ({
        seq,
        action: change.action,
        target: change.target,
        before: change.before === null ? null : JSON.stringify(change.before),
        after: change.after === null ? null : JSON.stringify(change.after),
      })),
    },
  );
}

/** What was written to `id` through the API, newest first. */
export function history(db: Database, id: string, first?: number | null): Promise<Change[]> {
  return db.read<Change>(
    `MATCH (c:Change {target: $id})
     WITH c ORDER BY c.at DESC, c.seq DESC LIMIT $first
     RETURN c.at AS at, c.by AS by, c.action AS action, c.target AS target, c.before AS before, c.after AS after`,
    { id, first: int(listSize(first)) },
  );
}
