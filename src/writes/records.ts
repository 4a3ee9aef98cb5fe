// What every write shares: locking the records it changes and checking their versions, making
// a unique id from a name, and checking input with the seed files' own schemas (so that the
// API and the loader refuse the same input with the same messages).
import type { z } from 'zod';
import { apiLimits } from '../config.ts';
import { ConflictError, InputError, NotFoundError, type InputProblem } from '../errors.ts';
import type { Transaction } from '../neo4j/database.ts';
import { formatPath, type PathPart } from '../domain/problems.ts';
import type { QuoteMismatch } from '../domain/quotes.ts';

/** Collects problems at paths under an argument ("input", "patch"), and throws them all at once. */
export class Problems {
  readonly list: InputProblem[] = [];
  constructor(readonly argument: string) {}

  report = (parts: PathPart[], message: string, quote?: QuoteMismatch): void => {
    this.list.push({ argumentName: formatPath([this.argument, ...parts]), path: formatPath(parts), message, ...(quote ? { quote } : {}) });
  };

  /** Whether a problem was reported at `parts` or inside it. */
  has(parts: PathPart[]): boolean {
    const path = formatPath(parts);
    return this.list.some((p) => p.path === path || p.path!.startsWith(`${path}.`) || p.path!.startsWith(`${path}[`));
  }

  /** Parses `value` with a zod schema, reporting its issues (under `at`, e.g. ['newActors', 0]); the parsed value, or undefined. */
  parse<S extends z.ZodType>(schema: S, value: unknown, at: PathPart[] = []): z.infer<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.report([...at, ...issue.path.filter((p): p is PathPart => typeof p !== 'symbol')], issue.message);
    return undefined;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw InputError.of(this.list);
  }
}

/** The fields given a value: optional ones sent as null are left out, as a seed file leaves them out. */
export function givenFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * Locks the nodes (label, id) for the rest of the transaction and answers their versions, read
 * after the lock so that two writers cannot both pass the same version check. The nodes are read
 * again by a statement of their own: the first found a node before waiting for its lock, and the
 * write that held it may have taken the label away (a merge); such a node is absent from the answer.
 * Ids are locked in order, so that two writers locking the same nodes do not deadlock.
 */
export async function lockVersions(tx: Transaction, label: 'Actor' | 'Claim' | 'Figure' | 'Source' | 'MergedActor', ids: string[]): Promise<Map<string, number>> {
  const sorted = [...new Set(ids)].sort();
  await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.lockedAt = timestamp() REMOVE n.lockedAt`, { ids: sorted });
  const rows = await tx.run<{ id: string; version: number }>(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, coalesce(n.version, 1) AS version`, {
    ids: sorted,
  });
  return new Map(rows.map((row) => [row.id, row.version]));
}

/**
 * Refuses `name` for actor `id` when another actor has exactly that name: two actors of one
 * name are one actor, which mergeActors makes (keeping both histories), not a rename.
 */
export async function refuseNameOfAnother(tx: Transaction, id: string, name: string, argument: string): Promise<void> {
  const [other] = await tx.run<{ kind: string }>('MATCH (a:Actor {name: $name}) WHERE a.id <> $id RETURN a.kind AS kind LIMIT 1', { name, id });
  if (other) throw new InputError(argument, `"${name}" is the name of another actor (a ${other.kind}): to make them one actor, merge them (mergeActors) instead of renaming`);
}

/** Locks one node, answers its version; NOT_FOUND when there is none, CONFLICT when `expected` is not its version. */
export async function lockOne(tx: Transaction, label: 'Actor' | 'Claim' | 'Figure' | 'Source', argument: string, id: string, expected?: number): Promise<number> {
  const version = (await lockVersions(tx, label, [id])).get(id);
  if (version === undefined) throw new NotFoundError(argument, id, label.toLowerCase());
  if (expected !== undefined && expected !== version) throw new ConflictError(id, expected, version);
  return version;
}

/**
 * Runs a write that adds a record under an id it chose (or a text hash), again when another
 * write took that id first (the uniqueness constraint refuses the second): it then chooses
 * anew. Nothing is overwritten. Of the writes racing for one id each round, one wins, and no
 * more than maxConcurrentRequests run at once: that many attempts always suffice.
 */
export async function retryingIdClash<T>(write: () => Promise<T>, attempts = apiLimits.maxConcurrentRequests): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
    }
  }
}

/** A lowercase slug of `text` (letters and digits, single hyphens), at most `max` characters, cut at a hyphen. */
export function slugOf(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/**
 * `base`, or `base-2`, `base-3`... : the first id that no node of `labels` holds (each label's id
 * index, by prefix), nor, for actors, a deleted actor held (its DELETE_ACTOR change names it): an
 * id once given names that record for good, in links and notes kept elsewhere.
 */
export async function uniqueId(tx: Transaction, labels: IdLabel[], base: string, separator = '-'): Promise<string> {
  const deleted = labels.includes('Actor') ? ["MATCH (c:Change {action: 'DELETE_ACTOR'}) WHERE c.target STARTS WITH $base RETURN c.target AS id"] : [];
  const rows = await tx.run<{ id: string }>(
    [...labels.map((label) => `MATCH (n:${label}) WHERE n.id STARTS WITH $base RETURN n.id AS id`), ...deleted].join(' UNION '),
    { base },
  );
  const taken = new Set(rows.map((row) => row.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${separator}${n}`)) return `${base}${separator}${n}`;
}

export type IdLabel = 'Actor' | 'MergedActor' | 'Source' | 'Claim' | 'Figure';

/** The longest id a write makes for a new source or claim: short enough to read. */
export const maxIdLength = 48;

/** `<prefix>1`, `<prefix>2`...: the next number after the highest that a node of `labels` holds under `prefix`. */
export async function numberedId(tx: Transaction, labels: IdLabel[], prefix: string): Promise<string> {
  const rows = await tx.run<{ id: string }>(labels.map((label) => `MATCH (n:${label}) WHERE n.id STARTS WITH $prefix RETURN n.id AS id`).join(' UNION '), { prefix });
  const numbers = rows.map((row) => row.id.slice(prefix.length)).filter((rest) => /^\d+$/.test(rest)).map(Number);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}
