// Bearer tokens with roles. A token is random, shown once when it is made, and stored only as
// its SHA-256 hash in (:Token {name, role, hash, createdAt, revokedAt}); revoking keeps the
// record (who had access, and until when) and makes the token fail from then on.
import { createHash, randomBytes } from 'node:crypto';
import { UserError } from '../errors.ts';
import type { Database } from '../neo4j/database.ts';

/** reader reads (when reading is closed); editor reads and writes; admin also merges and manages tokens. */
export const roles = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  name: string;
  role: Role;
}

export interface TokenRecord extends Principal {
  createdAt: string;
  revokedAt: string | null;
}

const tokenPrefix = 'agt_';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function checkName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name)) {
    throw new UserError(`Token name "${name}" must be 1 to 64 letters, digits, dots, @, underscores or hyphens, starting with a letter or digit`);
  }
  return name;
}

export function checkRole(role: string): Role {
  if (!(roles as readonly string[]).includes(role)) throw new UserError(`Unknown role "${role}": use one of ${roles.join(', ')}`);
  return role as Role;
}

/** Makes a token for `name` with `role` and returns it: the only time it is ever shown. */
export async function createToken(db: Database, name: string, role: string): Promise<string> {
  checkName(name);
  checkRole(role);
  const token = tokenPrefix + randomBytes(32).toString('base64url');
  const [created] = await db.write<{ created: boolean }>(
    `OPTIONAL MATCH (existing:Token {name: $name})
     CALL (existing) { WITH existing WHERE existing IS NULL CREATE (:Token {name: $name, role: $role, hash: $hash, createdAt: toString(datetime()), revokedAt: null}) }
     RETURN existing IS NULL AS created`,
    { name, role, hash: hashToken(token) },
  );
  if (!created?.created) throw new UserError(`A token named "${name}" exists already (revoked tokens keep their names, for the record): choose another name`);
  return token;
}

export async function listTokens(db: Database): Promise<TokenRecord[]> {
  return db.read<TokenRecord>(
    'MATCH (t:Token) RETURN t.name AS name, t.role AS role, t.createdAt AS createdAt, t.revokedAt AS revokedAt ORDER BY t.name',
  );
}

/** Revokes the token named `name`; false when there is no live token of that name. */
export async function revokeToken(db: Database, name: string): Promise<boolean> {
  const rows = await db.write('MATCH (t:Token {name: $name}) WHERE t.revokedAt IS NULL SET t.revokedAt = toString(datetime()) RETURN t.name AS name', {
    name,
  });
  return rows.length > 0;
}

/** Who a token belongs to; null when it is unknown or revoked. */
export async function authenticate(db: Database, token: string): Promise<Principal | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const [row] = await db.read<Principal>('MATCH (t:Token {hash: $hash}) WHERE t.revokedAt IS NULL RETURN t.name AS name, t.role AS role', {
    hash: hashToken(token),
  });
  return row ?? null;
}
