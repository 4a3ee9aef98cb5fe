// Which request an error belongs to: every request gets an id (sent back as X-Request-Id and
// kept in its GraphQL context), and errors met while serving it are logged with it.
// (AsyncLocalStorage would find the id from anywhere, but on Node 20 it costs about a sixth
// of the API's throughput, measured with npm run bench:load.)
import { randomUUID } from 'node:crypto';

export const newRequestId = (): string => randomUUID();

export function logError(what: string, error: unknown, requestId?: string): void {
  console.error(`[request ${requestId ?? '-'}] ${what}:`, error);
}

/**
 * Keeps the server up whatever escapes request handling: an uncaught exception or unhandled
 * rejection is logged instead of ending the process.
 */
export function logUnhandledErrors(): void {
  process.on('uncaughtException', (error) => logError('Uncaught exception', error));
  process.on('unhandledRejection', (reason) => logError('Unhandled rejection', reason));
}
