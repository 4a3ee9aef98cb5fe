// How errors reach API clients: bad arguments as BAD_USER_INPUT naming the argument,
// unknown ids as NOT_FOUND, database timeouts as QUERY_TIMEOUT; anything unexpected is
// logged and answered without internals.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { InputError, NotFoundError } from '../errors.ts';

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOut');
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof InputError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT', argumentName: original.argument } };
  }
  if (original instanceof NotFoundError) {
    return { ...formatted, message: original.message, extensions: { code: 'NOT_FOUND', argumentName: original.argument } };
  }
  if (isTimeout(original)) {
    return { ...formatted, message: 'The query took longer than the server allows (QUERY_TIMEOUT_MS); narrow it with filters, depth or limit.', extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    console.error(original);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}
