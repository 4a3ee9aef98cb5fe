// How errors reach API clients: bad arguments as BAD_USER_INPUT naming the argument,
// unknown ids as NOT_FOUND, stale versions and records changing under a write as CONFLICT, an
// idempotency key sent again with another write as IDEMPOTENCY_KEY_REUSED, missing or
// insufficient credentials as UNAUTHENTICATED or FORBIDDEN, database timeouts as QUERY_TIMEOUT,
// an unreachable database as SERVICE_UNAVAILABLE, and as COMMIT_OUTCOME_UNKNOWN when it went
// away during a commit; anything unexpected is logged with its request id and answered without
// internals.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ConcurrentChangeError, ConflictError, ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { BookmarkNotReachedError, CommitOutcomeUnknownError, DatabaseUnavailableError, InvalidBookmarkError } from '../neo4j/database.ts';
import { IdempotencyKeyReusedError, idempotencyKeyName } from '../writes/idempotency.ts';
import { logError } from './requestLog.ts';
import { bookmarkHeader } from './writeReceipts.ts';

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOut');
}

/** The driver found no free connection in time: the database is busy, not broken. */
function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && /acquisition timed out/i.test(error.message);
}

/** The 4xx status an error was raised with, if any (Apollo's own refusals of a malformed request carry no code). */
function hasClientStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const unavailableMessage = 'The database is unavailable or busy; the API recovers by itself when it answers again. Retry shortly.';

export const commitOutcomeUnknownMessage =
  `The database went away while this write was committing: it may or may not have been saved. Send it again with the same ${idempotencyKeyName} ` +
  'once the API answers: if it was saved, that answers the first outcome and writes nothing. (Without a key, read first: a retry would write again.)';

type Shape = Pick<GraphQLFormattedError, 'message' | 'extensions'>;

/** What a client is told of an error of ours that we expect, or undefined. */
function expected(original: unknown): Shape | undefined {
  if (original instanceof InputError) {
    return { message: original.message, extensions: { code: 'BAD_USER_INPUT', argumentName: original.argument, problems: original.problems } };
  }
  if (original instanceof ConflictError) {
    return { message: original.message, extensions: { code: 'CONFLICT', id: original.id, expectedVersion: original.expected, currentVersion: original.current } };
  }
  if (original instanceof ConcurrentChangeError) return { message: original.message, extensions: { code: 'CONFLICT' } };
  if (original instanceof IdempotencyKeyReusedError) return { message: original.message, extensions: { code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: original.key } };
  if (original instanceof UnauthenticatedError) return { message: original.message, extensions: { code: 'UNAUTHENTICATED' } };
  if (original instanceof ForbiddenError) return { message: original.message, extensions: { code: 'FORBIDDEN' } };
  if (original instanceof NotFoundError) return { message: original.message, extensions: { code: 'NOT_FOUND', argumentName: original.argument } };
  if (isTimeout(original)) {
    return { message: 'The query took longer than the server allows (QUERY_TIMEOUT_MS); narrow it with filters, depth or limit.', extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (original instanceof CommitOutcomeUnknownError) return { message: commitOutcomeUnknownMessage, extensions: { code: 'COMMIT_OUTCOME_UNKNOWN' } };
  if (original instanceof InvalidBookmarkError) return { message: original.message, extensions: { code: 'BAD_USER_INPUT', header: bookmarkHeader } };
  if (original instanceof BookmarkNotReachedError) return { message: original.message, extensions: { code: 'SERVICE_UNAVAILABLE', header: bookmarkHeader } };
  if (original instanceof DatabaseUnavailableError || isPoolExhausted(original)) return { message: unavailableMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  return undefined;
}

const isInternal = (code: unknown) => code === undefined || code === 'INTERNAL_SERVER_ERROR';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const known = expected(original);
  if (known) return { ...formatted, ...known };
  if (isInternal(formatted.extensions?.code) && hasClientStatus(original)) return { ...formatted, extensions: { code: 'BAD_REQUEST' } };
  if (isInternal(formatted.extensions?.code)) {
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

/** Logs every unexpected error, with the id of the request that met it. */
export function internalErrorLogPlugin<T extends { requestId: string }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors as readonly GraphQLError[]) {
            const original = unwrapResolverError(error);
            const unexpected = isInternal(error.extensions?.code) && !expected(original) && !hasClientStatus(original);
            if (unexpected) logError('Internal error', original, contextValue.requestId);
          }
        },
      };
    },
  };
}

/** An answer whose every error is SERVICE_UNAVAILABLE is a 503 with Retry-After, so clients and balancers back off. */
export function unavailableStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!errors?.length || !errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
