// A committed write is never answered as failed: each write a request commits is named in its
// answer's `extensions.writes` (field, mutation, the id written, whether it was an earlier
// request's answered again), whatever befalls the rest of the answer (a timeout, a size limit,
// an error), and such an answer is never a 4xx or 5xx: a client told "failed" would write again.
import type { ApolloServerPlugin } from '@apollo/server';

/** The HTTP header a committed write's answer carries its bookmark in, and a request sends bookmarks back in (src/http/bookmarks.ts). */
export const bookmarkHeader = 'Neo4j-Bookmark';

export interface WriteReceipt {
  /** The mutation's response key (its alias, or its name). */
  field: string;
  mutation: string;
  /** The id of the record written (the actor, claim or source the mutation answers). */
  id: string;
  committed: true;
  /** True when an Idempotency-Key answered an earlier request's write, and nothing was written now. */
  replayed: boolean;
}

/** A request's writes: whether one began (app.ts then lets the request finish past its deadline), and those committed. */
export class WriteLog {
  begun = false;
  readonly committed: WriteReceipt[] = [];
}

export interface WritingContext {
  writes: WriteLog;
}

/**
 * Puts the receipts into the answer, and answers 200 when there are any. Listed after every
 * plugin that sets the answer or its status (requestBudgetPlugin, unavailableStatusPlugin): Apollo
 * calls each plugin's willSendResponse in the order they are listed.
 */
export function writeReceiptsPlugin<T extends WritingContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const receipts = contextValue.writes.committed;
          if (receipts.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, writes: receipts };
          response.http.status = 200;
          response.http.headers.delete('retry-after');
        },
      };
    },
  };
}
