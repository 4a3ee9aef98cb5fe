// Who is asking: a GraphQL request's bearer token, checked against the stored hashes. Reading
// is open unless READ_REQUIRES_TOKEN; a token that is sent must be valid either way, so a
// client learns at once that its token was revoked.
import type http from 'node:http';
import { authenticate, type Principal } from '../auth/tokens.ts';
import { DatabaseUnavailableError, type Database } from '../neo4j/database.ts';
import { unavailableMessage } from '../api/errors.ts';
import { HttpError } from './httpError.ts';

const unauthenticated = (message: string) => new HttpError(401, 'UNAUTHENTICATED', message, { 'www-authenticate': 'Bearer' });

export async function principalOf(req: http.IncomingMessage, db: Database, readRequiresToken: boolean): Promise<Principal | null> {
  const header = req.headers.authorization;
  if (header === undefined) {
    if (!readRequiresToken) return null;
    throw unauthenticated('Reading requires a token: send "Authorization: Bearer <token>" (an admin makes one with npm run token -- create).');
  }
  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    const principal = await authenticate(db, token);
    if (!principal) throw unauthenticated('The bearer token is unknown or revoked.');
    return principal;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new HttpError(503, 'SERVICE_UNAVAILABLE', unavailableMessage, { 'retry-after': '1' });
    throw error;
  }
}
