// Claims written through the API: add, update (optimistic concurrency), retract, contradict.
// Each is one transaction that checks its input with the loader's own checks
// (src/domain/claimCheck.ts), writes the claim with the loader's own statement, derives the
// relationships it touches (src/graph/derive.ts) and records the change (changeLog.ts).
import { claimRecord, retractionProps } from '../domain/claimCheck.ts';
import { claimSchema, loneSurrogate, loneSurrogateMessage, type ClaimEntry } from '../domain/fileSchema.ts';
import type { ClaimRecord } from '../domain/records.ts';
import { withHash } from '../loader/recordHash.ts';
import { claimNodeCypher } from '../loader/write.ts';
import { ConcurrentChangeError, InputError, NotFoundError } from '../errors.ts';
import { gradeProps } from '../domain/grading.ts';
import { deriveRelationships, type RelationshipKey } from '../graph/derive.ts';
import { claimIsWhole } from '../graph/invariants.ts';
import { claimProjection, toClaim, type Claim } from '../graph/model.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { authorNow, recordChanges, type ChangeEntry } from './changeLog.ts';
import { claimLookup, lockedActors } from './lookup.ts';
import { actorOf, resolveNamedActors, type NamedField, type NewActorInput, type ResolvedActors } from './newActors.ts';
import { givenFields, lockOne, lockVersions, maxIdLength, numberedId, Problems, retryingIdClash, slugOf } from './records.ts';
import { mentionsOfClaim } from './mentions.ts';

/** A claim's fields as the API takes them (AddClaimInput; ClaimPatch has them all optional). */
export interface ClaimInput {
  subject: string;
  type: string;
  object: string;
  role?: string | null;
  stance: string;
  claimedBy?: readonly string[] | null;
  disputedBy?: readonly string[] | null;
  since?: string | null;
  until?: string | null;
  dateText?: string | null;
  note?: string | null;
  source: string;
  quotes: readonly string[];
}

export type ClaimPatch = Partial<{ [K in Exclude<keyof ClaimInput, 'source'>]: ClaimInput[K] | null }>;

/** The fields a change log entry shows of a claim. */
type Snapshot = Omit<ClaimInput, 'claimedBy' | 'disputedBy'> & { claimedBy: string[]; disputedBy: string[] };

const deriveBatch = { batchSize: 100 };

function snapshot(claim: Claim): Snapshot {
  return {
    subject: claim.subjectId,
    type: claim.type,
    object: claim.objectId,
    role: claim.role,
    stance: claim.stance,
    claimedBy: claim.claimedBy,
    disputedBy: claim.disputedBy,
    since: claim.since,
    until: claim.until,
    dateText: claim.dateText,
    note: claim.note,
    source: claim.sourceId,
    quotes: claim.evidence.map((e) => e.quote),
  };
}

/** The fields that differ, before and after (figures.ts shows its changes the same way). */
export function difference<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<T>, after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<T> };
}

/** A claim read in the transaction; NOT_FOUND when there is none. */
async function readClaim(tx: Transaction, id: string, argument: string): Promise<Claim> {
  const [row] = await tx.run<{ claim: Parameters<typeof toClaim>[0] }>(`MATCH (c:Claim {id: $id}) RETURN ${claimProjection('c')} AS claim`, { id });
  if (!row) throw new NotFoundError(argument, id, 'claim');
  return toClaim(row.claim);
}

/** A claim's fields as checked: the stored ids where the input named a merged actor or a new actor's ref. */
function resolvedEntry(id: string, input: Snapshot, actor: (ref: string) => string): Record<string, unknown> {
  return {
    contradicts: [],
    ...givenFields(input),
    id,
    subject: actor(input.subject),
    object: actor(input.object),
    claimedBy: input.claimedBy.map(actor),
    disputedBy: input.disputedBy.map(actor),
  };
}

/**
 * Checks the claim's fields (as the loader checks a claim in a seed file) and makes its record;
 * merged actor ids resolve to the actor they were merged into, new actors' refs to their new ids.
 * The shape's problems and the record's (unknown actors, dates, quotes) are reported together,
 * a field the shape refused once only; throws every problem of `problems` at once.
 */
async function checkedRecord(tx: Transaction, id: string, input: Snapshot, actors: ResolvedActors, problems: Problems): Promise<ClaimRecord> {
  const { actor, known } = actorOf(actors);
  const fields = resolvedEntry(id, input, actor);
  const shape = new Problems('input');
  const entry = (shape.parse(claimSchema, fields) ?? fields) as ClaimEntry;
  for (const problem of shape.list) problems.list.push({ ...problem, argumentName: problem.argumentName.replace(/^input/, problems.argument) });
  const lookup = await claimLookup(tx, known, typeof entry.source === 'string' ? entry.source : undefined);
  const record = claimRecord(entry, undefined, lookup, (parts, message, quote) => {
    if (!shape.has(parts)) problems.report(parts, message, quote);
  });
  problems.throwIfAny();
  return withHash(record);
}

/**
 * Writes a claim's record with the loader's statement (a new one, or over itself), then derives
 * the relationships touched. The statement links only the actors and source it finds: a claim
 * left without one of them fails the write as a whole rather than being stored without edges.
 */
async function writeClaim(tx: Transaction, mode: 'create' | 'update', record: ClaimRecord, extra: Record<string, unknown>, derive: RelationshipKey[]): Promise<void> {
  await tx.run(claimNodeCypher('Claim', mode), { rows: [{ ...record, props: { ...record.props, ...extra } }] });
  const [linked] = await tx.run<{ whole: boolean }>(`MATCH (c:Claim {id: $id}) RETURN ${claimIsWhole} AS whole`, { id: record.id });
  if (!linked?.whole) throw new ConcurrentChangeError('The claim\'s subject, object or source was merged or removed while it was written');
  await deriveRelationships(tx, [...derive, { id: record.relationship, type: record.type }], deriveBatch);
}


/** The relationships of the claims `id` contradicts or is contradicted by: their status may change with it. */
async function partnersOf(tx: Transaction, id: string): Promise<RelationshipKey[]> {
  return tx.run<RelationshipKey>('MATCH (:Claim {id: $id})-[:CONTRADICTS]-(o:Claim) RETURN DISTINCT o.relationship AS id, o.type AS type', { id });
}

/**
 * Locks the actors of these relationships' claims before they are derived again: every write that
 * derives a relationship holds its actors' locks (addClaim locks the actors it names), so that two
 * writes never derive one relationship from different views of its claims.
 */
export async function lockRelationshipActors(tx: Transaction, keys: RelationshipKey[]): Promise<void> {
  const rows = await tx.run<{ id: string }>('UNWIND $ids AS id MATCH (:Claim {relationship: id})-[:SUBJECT|OBJECT]->(a:Actor) RETURN DISTINCT a.id AS id', {
    ids: keys.map((key) => key.id),
  });
  await lockVersions(tx, 'Actor', rows.map((row) => row.id));
}

/** The actors a claim names, resolved and locked (lookup.ts). */
const actorsOf = (tx: Transaction, fields: Snapshot) => lockedActors(tx, [fields.subject, fields.object, ...fields.claimedBy, ...fields.disputedBy]);

/** A new claim's id: short, its source's id (cut) and its number there, `<source>-c3`. */
const newClaimId = (tx: Transaction, source: string) => numberedId(tx, ['Claim', 'Figure'], `${slugOf(source, maxIdLength - 6) || 'claim'}-c`);

/** The actor fields of a claim, each with its path: subject, object, claimedBy[i], disputedBy[i]. */
function namedActors(fields: Snapshot): NamedField[] {
  return [
    [fields.subject, ['subject']],
    [fields.object, ['object']],
    ...fields.claimedBy.map((id, i): NamedField => [id, ['claimedBy', i]]),
    ...fields.disputedBy.map((id, i): NamedField => [id, ['disputedBy', i]]),
  ];
}

export async function addClaim(db: Database, by: string, input: ClaimInput & { newActors?: readonly NewActorInput[] | null }): Promise<string> {
  const author = authorNow(by);
  const { newActors, ...claim } = input;
  const declared = newActors ?? [];
  return retryingIdClash(() => db.transaction(async (tx) => {
    const problems = new Problems('input');
    const fields: Snapshot = { ...claim, claimedBy: [...(claim.claimedBy ?? [])], disputedBy: [...(claim.disputedBy ?? [])], quotes: [...claim.quotes] };
    const actors = await resolveNamedActors(tx, author, namedActors(fields), declared, problems, 'claim');
    const id = await newClaimId(tx, fields.source);
    const record = await checkedRecord(tx, id, fields, actors, problems);
    await writeClaim(tx, 'create', record, { origin: 'api', version: 1 }, []);
    await mentionsOfClaim(tx, record.source, [record.subject, record.object, ...record.claimedBy, ...record.disputedBy]);
    await recordChanges(tx, author, [{ action: 'ADD_CLAIM', target: id, before: null, after: snapshot(await readClaim(tx, id, 'id')) }]);
    return id;
  }));
}

export async function updateClaim(db: Database, by: string, id: string, expectedVersion: number, patch: ClaimPatch): Promise<string> {
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Claim', 'id', id, expectedVersion);
    const current = await readClaim(tx, id, 'id');
    const before = snapshot(current);
    for (const key of ['subject', 'type', 'object', 'stance', 'quotes'] as const) {
      if (patch[key] === null) throw new InputError(`patch.${key}`, 'cannot be cleared: a claim needs it');
    }
    const fields: Snapshot = {
      ...before,
      ...withoutUndefined(patch),
      claimedBy: [...(patch.claimedBy === undefined ? before.claimedBy : (patch.claimedBy ?? []))],
      disputedBy: [...(patch.disputedBy === undefined ? before.disputedBy : (patch.disputedBy ?? []))],
    } as Snapshot;
    const record = await checkedRecord(tx, id, fields, { resolved: await actorsOf(tx, fields), unmade: new Set() }, new Problems('patch'));
    const change = difference(before, { ...fields, subject: record.subject, object: record.object, claimedBy: record.claimedBy, disputedBy: record.disputedBy });
    if (Object.keys(change.after).length === 0) return id;
    const was = { id: current.relationshipId, type: current.type };
    await lockRelationshipActors(tx, [was]);
    // The claim's grade is set apart (gradeClaim): an update keeps it.
    await writeClaim(tx, 'update', record, { origin: 'api', version: version + 1, ...retractionProps(current.retracted), ...gradeProps('credibility', current.credibility) }, [was]);
    await recordChanges(tx, author, [{ action: 'UPDATE_CLAIM', target: id, ...change }]);
    return id;
  });
}

export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function retractClaim(db: Database, by: string, id: string, reason: string): Promise<string> {
  const author = authorNow(by);
  const why = reason.trim();
  if (why === '') throw new InputError('reason', 'must not be empty: say why the claim is retracted');
  if (loneSurrogate.test(why)) throw new InputError('reason', loneSurrogateMessage);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Claim', 'id', id);
    const claim = await readClaim(tx, id, 'id');
    if (claim.retracted) throw new InputError('id', `this claim was retracted already, by ${claim.retracted.by} at ${claim.retracted.at}`);
    await tx.run(
      `MATCH (c:Claim {id: $id}) SET c.retracted = true, c.retractedAt = $at, c.retractedBy = $by, c.retractedReason = $reason, c.origin = 'api', c.version = $version`,
      { id, ...author, reason: why, version: version + 1 },
    );
    const touched = [{ id: claim.relationshipId, type: claim.type }, ...(await partnersOf(tx, id))];
    await lockRelationshipActors(tx, touched);
    await deriveRelationships(tx, touched, deriveBatch);
    await recordChanges(tx, author, [{ action: 'RETRACT_CLAIM', target: id, before: { retracted: null }, after: { retracted: { at: author.at, by, reason: why } } }]);
    return id;
  });
}

export async function contradict(db: Database, by: string, id: string, otherId: string): Promise<string> {
  const author = authorNow(by);
  if (id === otherId) throw new InputError('other', 'a claim cannot contradict itself');
  return db.transaction(async (tx) => {
    // Locked first, so that two identical requests cannot both find no contradiction and make two.
    const versions = [await lockOne(tx, 'Claim', 'claim', id), await lockOne(tx, 'Claim', 'other', otherId)];
    const claim = await readClaim(tx, id, 'claim');
    const other = await readClaim(tx, otherId, 'other');
    for (const [argument, c] of [['claim', claim], ['other', other]] as const) {
      if (c.retracted) throw new InputError(argument, 'this claim is retracted: a retracted claim contradicts nothing');
    }
    if (claim.contradicts.includes(otherId)) return id;
    await tx.run(
      `MATCH (c:Claim {id: $id}), (o:Claim {id: $other})
       CREATE (c)-[:CONTRADICTS {origin: 'api', at: $at, by: $by}]->(o)
       SET c.version = $versions[0], o.version = $versions[1]`,
      { id, other: otherId, ...author, versions: versions.map((v) => v + 1) },
    );
    const touched = [claim, other].map((c) => ({ id: c.relationshipId, type: c.type }));
    await lockRelationshipActors(tx, touched);
    await deriveRelationships(tx, touched, deriveBatch);
    const changes: ChangeEntry[] = [
      { action: 'CONTRADICT', target: id, before: { contradicts: claim.contradicts }, after: { contradicts: [...claim.contradicts, otherId].sort() } },
      { action: 'CONTRADICT', target: otherId, before: { contradicts: other.contradicts }, after: { contradicts: [...other.contradicts, id].sort() } },
    ];
    await recordChanges(tx, author, changes);
    return id;
  });
}

