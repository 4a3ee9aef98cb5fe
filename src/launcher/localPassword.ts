// The local server's password: NEO4J_PASSWORD when set; otherwise one generated on the
// instance's first start into <NEO4J_LOCAL_HOME>/password (mode 0600), which src/config.ts
// reads for every later command. An instance created before passwords were generated still
// has the old default; the launcher replaces it with a generated one when it starts it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { createDriver } from '../neo4j/database.ts';

/** The password every local instance got before passwords were generated. */
export const legacyPassword = 'actorgraph';

/**
 * Where the password the server starts with comes from: NEO4J_PASSWORD or the password file
 * (`configured`), generated just now for a new instance (`generated`), or the old default of
 * an instance that predates the password file (`legacy`).
 */
export type PasswordOrigin = 'configured' | 'generated' | 'legacy';

// Hex, not base64url: a password that starts with "-" (1 in 64 of those) is taken for an option by
// neo4j-admin's set-initial-password, and the first start fails.
const generatePassword = () => randomBytes(24).toString('hex');

function writePasswordFile(file: string, password: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx': a stored password is never overwritten.
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
}

/** Whether the instance was ever set up (the old launcher wrote auth.ini before its first start). */
export function instanceExists(homeDir: string): boolean {
  return fs.existsSync(path.join(homeDir, 'data', 'dbms', 'auth.ini')) || fs.existsSync(path.join(homeDir, 'data', 'databases'));
}

/**
 * Settles the password the local server is reached with, before it is reused or started, and
 * puts it in config.neo4j.password, so that the driver and the children of `npm test` use it.
 */
export function settleLocalPassword(config: Config): PasswordOrigin {
  const file = config.local.passwordFile;
  if (!file || config.neo4j.password) return 'configured';
  if (instanceExists(config.local.homeDir)) {
    config.neo4j.password = legacyPassword;
    return 'legacy';
  }
  config.neo4j.password = generatePassword();
  writePasswordFile(file, config.neo4j.password);
  console.log(`Generated a password for the local Neo4j; it is kept in ${file}.`);
  return 'generated';
}

/** Moves an instance that still has the old default password to a generated one, kept in the password file. */
export async function replaceLegacyPassword(config: Config): Promise<void> {
  const file = config.local.passwordFile!;
  const next = generatePassword();
  writePasswordFile(file, next);
  const driver = createDriver(config.neo4j);
  const session = driver.session({ database: 'system' });
  try {
    await session.run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: legacyPassword, new: next });
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw new UserError(`Could not replace the old default password of the Neo4j in ${config.local.homeDir}: ${(error as Error).message}`);
  } finally {
    await session.close();
    await driver.close();
  }
  config.neo4j.password = next;
  console.log(
    `The local Neo4j in ${config.local.homeDir} still had the old default password "${legacyPassword}": ` +
      `it now has a generated one, kept in ${file}.`,
  );
}

/** What to tell a person whose server rejected the password, by where the password came from. */
export function rejectedPasswordHelp(config: Config, origin: PasswordOrigin): string {
  const { homeDir, passwordFile } = config.local;
  if (!passwordFile) return 'Set NEO4J_PASSWORD to the password of this server.';
  if (origin === 'legacy') {
    return (
      `The instance in ${homeDir} has no password file (${passwordFile}) and does not have the old default password either: ` +
      `restore that file, or set NEO4J_PASSWORD to its password.`
    );
  }
  return `Set NEO4J_PASSWORD to its password, or put it in ${passwordFile}.`;
}

/** Where the local server's password is, for people: never the password itself (a banner ends up in logs and screenshots). */
export function describeLocalPassword(config: Config, generatedPassword?: string): string {
  const file = config.local.passwordFile;
  if (!file) return 'password from NEO4J_PASSWORD';
  if (generatedPassword) return `password generated now, kept in ${file}`;
  if (!fs.existsSync(file)) return `the old default password, until the launcher next starts it and moves it to ${file}`;
  return `password in ${file}`;
}
