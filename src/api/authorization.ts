// Who may do what: reading is open (or needs any token, READ_REQUIRES_TOKEN: authentication.ts);
// writes need an editor's token; merges and undoing them an admin's.
import type { Principal, Role } from '../auth/tokens.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

const rank: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** The principal when its role is at least `role`; UNAUTHENTICATED without a token, FORBIDDEN below the role. */
export function requireRole(principal: Principal | null, role: Role, what: string): Principal {
  if (!principal) {
    throw new UnauthenticatedError(`${what} needs a bearer token of role ${role} or above: send "Authorization: Bearer <token>" (an admin makes one with npm run token -- create).`);
  }
  if (rank[principal.role] < rank[role]) throw new ForbiddenError(`${what} needs role ${role} or above; the token "${principal.name}" is a ${principal.role}'s.`);
  return principal;
}
