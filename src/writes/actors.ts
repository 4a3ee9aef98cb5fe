// Actors written through the API: add (an id slugged from the name), update (optimistic
// concurrency), merge two into one and undo a merge. A merged actor keeps its node, relabelled
// MergedActor with a MERGED_INTO edge to the actor kept: its id keeps resolving, and the edge
// records what moved (claims' links, names) so that an admin can undo it exactly.
import { z } from 'zod';
import { actorSchema } from '../domain/fileSchema.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { relationshipId } from '../domain/claimRules.ts';
import { deriveRelationships, deriveSuccessionsOfHolder, type RelationshipKey } from '../graph/derive.ts';
import { liveCondition } from '../graph/filters.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { actorKindLabels as kindLabels, actorKinds, checkedActorKind } from '../domain/vocabulary.ts';
import { authorNow, recordChanges, type Author, type ChangeEntry } from './changeLog.ts';
import { mentionsOfActor, moveJudgements, restoreJudgements, type MovedJudgement } from './mentions.ts';
import type { PathPart } from '../domain/problems.ts';
import { givenFields, lockOne, lockVersions, Problems, refuseNameOfAnother, retryingIdClash, slugOf, uniqueId } from './records.ts';

export interface ActorInput {
  name: string;
  kind: string;
  aliases?: readonly string[] | null;
  description?: string | null;
}

export type ActorPatch = Partial<{ [K in keyof ActorInput]: ActorInput[K] | null }>;

export interface ActorFields {
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
}


/** The seed format's actor, without the id the API makes. */
const actorInputSchema = actorSchema.omit({ id: true }).extend({ kind: z.enum(actorKinds as [string, ...string[]], { message: `must be one of ${actorKinds.join(', ')}` }) });

/** Checks an actor's fields as the seed format checks them, reporting under `at` (['newActors', 0]); the fields, or undefined. */
export function actorFields(input: ActorInput, problems: Problems, at: PathPart[] = []): ActorFields | undefined {
  const actor = problems.parse(actorInputSchema, givenFields(input), at);
  if (!actor) return undefined;
  const aliases = [...new Set(actor.aliases.map((alias) => alias.trim()))].filter((alias) => alias !== actor.name);
  return { name: actor.name.trim(), kind: actor.kind, aliases, description: actor.description ?? null };
}

function checkedFields(input: ActorInput, argument: string): ActorFields {
  const problems = new Problems(argument);
  const fields = actorFields(input, problems);
  problems.throwIfAny();
  return fields!;
}

async function readActor(tx: Transaction, id: string, argument: string): Promise<ActorFields> {
  const [row] = await tx.run<ActorFields>(
    'MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases, a.description AS description',
    { id },
  );
  if (!row) throw new NotFoundError(argument, id, 'actor');
  return row;
}

/** Writes an actor: a new one (CREATE: an id another write took meanwhile fails on the constraint), or over itself. */
async function writeActor(tx: Transaction, id: string, fields: ActorFields, version: number): Promise<void> {
  const node = version === 1 ? 'CREATE (a:Actor {id: $id})' : 'MATCH (a:Actor {id: $id})';
  await tx.run(`${node} SET a += $fields, a.origin = 'api', a.version = $version REMOVE a:${kindLabels} SET a:${checkedActorKind(fields.kind)}`, {
    id,
    fields,
    version,
  });
}

/** Creates a checked actor inside a write's transaction: an id slugged from its name, its mentions, its ADD_ACTOR change. */
export async function createActor(tx: Transaction, author: Author, fields: ActorFields): Promise<string> {
  const id = await uniqueId(tx, ['Actor', 'MergedActor'], slugOf(fields.name) || 'actor');
  await writeActor(tx, id, fields, 1);
  await mentionsOfActor(tx, id, [fields.name, ...fields.aliases]);
  await recordChanges(tx, author, [{ action: 'ADD_ACTOR', target: id, before: null, after: fields }]);
  return id;
}

export async function addActor(db: Database, by: string, input: ActorInput): Promise<string> {
  const fields = checkedFields(input, 'input');
  const author = authorNow(by);
  return retryingIdClash(() => db.transaction((tx) => createActor(tx, author, fields)));
}

export async function updateActor(db: Database, by: string, id: string, expectedVersion: number, patch: ActorPatch): Promise<string> {
  const author = authorNow(by);
  if (patch.name === null || patch.kind === null) throw new InputError(patch.name === null ? 'patch.name' : 'patch.kind', 'cannot be cleared: an actor needs it');
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Actor', 'id', id, expectedVersion);
    const before = await readActor(tx, id, 'id');
    const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const after = checkedFields({ ...merged, aliases: merged.aliases ?? [], description: merged.description ?? null }, 'patch');
    const changed = (Object.keys(after) as (keyof ActorFields)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length === 0) return id;
    if (changed.includes('name')) await refuseNameOfAnother(tx, id, after.name, 'patch.name');
    await writeActor(tx, id, after, version + 1);
    if (changed.includes('name') || changed.includes('aliases')) await mentionsOfActor(tx, id, [after.name, ...after.aliases]);
    // A predecessor's derived end names its successor: renamed, it is said anew.
    if (changed.includes('name')) await deriveSuccessionsOfHolder(tx, id, { batchSize: 100 });
    const pick = (fields: ActorFields) => Object.fromEntries(changed.map((key) => [key, fields[key]]));
    await recordChanges(tx, author, [{ action: 'UPDATE_ACTOR', target: id, before: pick(before), after: pick(after) }]);
    return id;
  });
}

/** The edges from claims and figures to an actor that a merge moves. */
const movedEdges = {
  Claim: ['SUBJECT', 'OBJECT', 'CLAIMED_BY', 'DISPUTED_BY'],
  Figure: ['ABOUT', 'IN_PLACE', 'CLAIMED_BY', 'DISPUTED_BY'],
} as const;

/** One edge a merge moved: from claim (or figure) `node` to the merged actor, now to the kept one; `keepHad`: the kept actor had it already. */
interface Move {
  label: 'Claim' | 'Figure';
  node: string;
  type: string;
  keepHad: boolean;
}

/** What MERGED_INTO records of a merge, to undo it: what moved, and the actors' origins before. */
interface MergeRecord {
  moves: Move[];
  aliasesAdded: string[];
  origins: { keep: string | null; merge: string | null };
  /** The merged actor's mention judgements, moved to the actor kept (absent in merges made before they moved). */
  judgements?: MovedJudgement[];
}

/** Moves `moves` from actor `from` to actor `to` (both with label Actor), one statement per label and type. */
async function moveEdges(tx: Transaction, moves: Move[], from: string, to: string, direction: 'merge' | 'undo'): Promise<void> {
  for (const [label, types] of Object.entries(movedEdges) as ['Claim' | 'Figure', readonly string[]][]) {
    for (const type of types) {
      const rows = moves.filter((m) => m.label === label && m.type === type);
      if (rows.length === 0) continue;
      await tx.run(
        `UNWIND $rows AS row
         MATCH (n:${label} {id: row.node})-[old:${type}]->(:Actor {id: $from})
         MATCH (t:Actor {id: $to})
         DELETE old
         MERGE (n)-[:${type}]->(t)
         WITH n, row WHERE $direction = 'undo' AND row.keepHad
         MATCH (k:Actor {id: $from}) MERGE (n)-[:${type}]->(k)`,
        { rows, from, to, direction },
      );
    }
  }
}

/** Claims' relationship ids follow their subject and object: sets them again, answering the relationships to derive. */
async function reassignRelationships(tx: Transaction, claimIds: string[]): Promise<RelationshipKey[]> {
  const rows = await tx.run<{ id: string; relationship: string; type: string; role: string | null; subject: string; object: string }>(
    `UNWIND $ids AS id MATCH (s:Actor)<-[:SUBJECT]-(c:Claim {id: id})-[:OBJECT]->(o:Actor)
     RETURN c.id AS id, c.relationship AS relationship, c.type AS type, c.role AS role, s.id AS subject, o.id AS object`,
    { ids: claimIds },
  );
  const updates = rows.map((row) => ({ id: row.id, relationship: relationshipId(row.subject, row.type, row.object, row.role) }));
  await tx.run('UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c.relationship = row.relationship', { rows: updates });
  return [...rows.map((row) => ({ id: row.relationship, type: row.type })), ...updates.map((u, i) => ({ id: u.relationship, type: rows[i]!.type }))];
}


/** Bumps the versions of the claims and figures a merge (or its undoing) changed, and logs each. */
async function touchClaims(tx: Transaction, moves: Move[], action: 'MERGE_ACTORS' | 'UNMERGE_ACTORS', from: string, to: string): Promise<ChangeEntry[]> {
  const byNode = new Map<string, Move[]>();
  for (const move of moves) byNode.set(move.node, [...(byNode.get(move.node) ?? []), move]);
  for (const label of ['Claim', 'Figure'] as const) {
    const ids = [...byNode.values()].filter((m) => m[0]!.label === label).map((m) => m[0]!.node);
    await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.version = coalesce(n.version, 1) + 1`, { ids });
  }
  return [...byNode].map(([node, edges]) => ({
    action,
    target: node,
    before: Object.fromEntries(edges.map((e) => [e.type, from])),
    after: Object.fromEntries(edges.map((e) => [e.type, to])),
  }));
}

/**
 * Refuses a merge that would make a live claim one of an actor about itself (keep -> keep), which
 * every check of a claim refuses, so that no later update of it could pass: the analyst retracts it first.
 */
async function refuseSelfClaims(tx: Transaction, keep: string, merge: string): Promise<void> {
  const rows = await tx.run<{ type: string; title: string }>(
    `MATCH (:Actor {id: $merge})<-[:SUBJECT|OBJECT]-(c:Claim)-[:SUBJECT|OBJECT]->(:Actor {id: $keep}), (c)-[:IN_SOURCE]->(s:Source)
     WHERE ${liveCondition('c', false)} RETURN DISTINCT c.id AS id, c.type AS type, s.title AS title ORDER BY title, type`,
    { keep, merge },
  );
  if (rows.length === 0) return;
  const claims = rows.map((row) => `${row.type} in "${row.title}"`);
  throw new InputError(
    'merge',
    `${merge} and ${keep} are the subject and object of ${rows.length} live claim(s) (${claims.join('; ')}): merged, each would be a claim of ${keep} about itself. Nothing was written; retract them (retractClaim), then merge.`,
  );
}

export async function mergeActors(db: Database, by: string, keep: string, merge: string): Promise<string> {
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    await mergeInTransaction(tx, author, keep, merge, 'analyst');
    return keep;
  });
}

/**
 * Merges `merge` into `keep` inside a write's transaction. An analyst's merge copies the merged
 * actor's names to `keep`'s aliases and makes both the API's; a registry record judged SAME
 * (src/writes/judgements.ts) copies nothing and leaves both origins as they are: the record's
 * names stay its own (RegistryName nodes, found through the merge), so that a reload of the seed
 * keeps updating a seeded actor that a registry record was matched to.
 */
export async function mergeInTransaction(tx: Transaction, author: Author, keep: string, merge: string, how: 'analyst' | 'registry'): Promise<void> {
  if (keep === merge) throw new InputError('merge', 'an actor cannot be merged into itself');
  const versions = await lockVersions(tx, 'Actor', [keep, merge]);
  for (const [argument, id] of [['keep', keep], ['merge', merge]] as const) if (!versions.has(id)) throw new NotFoundError(argument, id, 'actor');
  const kept = await readActor(tx, keep, 'keep');
  const gone = await readActor(tx, merge, 'merge');
  await refuseSelfClaims(tx, keep, merge);
  const moves = await tx.run<Move>(
    `MATCH (n)-[e]->(:Actor {id: $merge}) WHERE (n:Claim AND type(e) IN $claimEdges) OR (n:Figure AND type(e) IN $figureEdges)
     RETURN CASE WHEN n:Claim THEN 'Claim' ELSE 'Figure' END AS label, n.id AS node, type(e) AS type,
            EXISTS { MATCH (n)-[k]->(:Actor {id: $keep}) WHERE type(k) = type(e) } AS keepHad`,
    { keep, merge, claimEdges: movedEdges.Claim, figureEdges: movedEdges.Figure },
  );
  await moveEdges(tx, moves, merge, keep, 'merge');
  const aliasesAdded = how === 'registry' ? [] : [gone.name, ...gone.aliases].filter((name) => name !== kept.name && !kept.aliases.includes(name));
  const [origins] = await tx.run<MergeRecord['origins']>('MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge}) RETURN k.origin AS keep, m.origin AS merge', { keep, merge });
  const judgements = await moveJudgements(tx, merge, keep);
  const record: MergeRecord = { moves, aliasesAdded: [...new Set(aliasesAdded)], origins: origins!, judgements };
  const newOrigins = how === 'registry' ? origins! : { keep: 'api', merge: 'api' };
  await tx.run(
    `MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge})
     SET k.aliases = coalesce(k.aliases, []) + $aliasesAdded, k.version = $keepVersion, k.origin = $newOrigins.keep,
         m.version = $mergeVersion, m.origin = $newOrigins.merge, m.mergedInto = $keep
     REMOVE m:Actor:${kindLabels} SET m:MergedActor
     CREATE (m)-[:MERGED_INTO {at: $at, by: $by, record: $record}]->(k)
     WITH k, m
     MATCH (s:Source)-[mention:MENTIONS]->(m) WHERE NOT EXISTS { (s)-[:MENTIONS]->(k) }
       AND NOT EXISTS { MATCH (j:MentionJudgement {source: s.id, actor: k.id}) WHERE j.rejected IS NOT NULL }
     CREATE (s)-[:MENTIONS {count: mention.count, sentences: mention.sentences, spans: mention.spans, origin: 'api', viaMerge: m.id}]->(k)`,
    {
      keep,
      merge,
      aliasesAdded: record.aliasesAdded,
      keepVersion: versions.get(keep)! + 1,
      mergeVersion: versions.get(merge)! + 1,
      record: JSON.stringify(record),
      newOrigins,
      ...author,
    },
  );
  const claimIds = [...new Set(moves.filter((m) => m.label === 'Claim').map((m) => m.node))];
  await deriveRelationships(tx, await reassignRelationships(tx, claimIds), { batchSize: 100 });
  const changes: ChangeEntry[] = [
    { action: 'MERGE_ACTORS', target: keep, before: { aliases: kept.aliases }, after: { aliases: [...kept.aliases, ...record.aliasesAdded], merged: merge } },
    { action: 'MERGE_ACTORS', target: merge, before: { mergedInto: null }, after: { mergedInto: keep } },
    ...(await touchClaims(tx, moves, 'MERGE_ACTORS', merge, keep)),
  ];
  await recordChanges(tx, author, changes);
}

export async function unmergeActors(db: Database, by: string, merged: string): Promise<string> {
  const author = authorNow(by);
  return db.transaction((tx) => unmergeInTransaction(tx, author, merged));
}

/** Undoes the merge of `merged` inside a write's transaction (an analyst's merge, or a registry record's SAME); answers `merged`. */
export async function unmergeInTransaction(tx: Transaction, author: Author, merged: string): Promise<string> {
  await lockVersions(tx, 'MergedActor', [merged]);
  const [row] = await tx.run<{ keep: string; keptIsActor: boolean; record: string; kind: string; version: number; name: string; keptName: string }>(
    `MATCH (m:MergedActor {id: $merged})-[e:MERGED_INTO]->(k)
     RETURN k.id AS keep, k:Actor AS keptIsActor, e.record AS record, m.kind AS kind, coalesce(m.version, 1) AS version, m.name AS name, k.name AS keptName`,
    { merged },
  );
  if (!row) throw new NotFoundError('merged', merged, 'merged actor');
  if (!row.keptIsActor) throw new InputError('merged', `"${row.name}" was merged into "${row.keptName}", which has since been merged itself: undo that merge first`);
  const keepVersion = await lockOne(tx, 'Actor', 'merged', row.keep);
  const record = JSON.parse(row.record) as MergeRecord;
  record.origins ??= { keep: 'api', merge: 'api' };
  await tx.run(
    `MATCH (m:MergedActor {id: $merged})-[e:MERGED_INTO]->(k:Actor {id: $keep})
     DELETE e
     REMOVE m:MergedActor, m.mergedInto SET m:Actor:${checkedActorKind(row.kind)}, m.version = $version, m.origin = $origins.merge
     SET k.aliases = [alias IN k.aliases WHERE NOT alias IN $aliasesAdded], k.version = $keepVersion, k.origin = $origins.keep
     WITH k, m
     OPTIONAL MATCH (:Source)-[copied:MENTIONS {viaMerge: m.id}]->(k)
     DELETE copied`,
    { merged, keep: row.keep, aliasesAdded: record.aliasesAdded, version: row.version + 1, keepVersion: keepVersion + 1, origins: record.origins },
  );
  await moveEdges(tx, record.moves, row.keep, merged, 'undo');
  await restoreJudgements(tx, record.judgements ?? [], merged, row.keep);
  const claimIds = [...new Set(record.moves.filter((m) => m.label === 'Claim').map((m) => m.node))];
  await deriveRelationships(tx, await reassignRelationships(tx, claimIds), { batchSize: 100 });
  const changes: ChangeEntry[] = [
    { action: 'UNMERGE_ACTORS', target: row.keep, before: { merged }, after: { aliasesRemoved: record.aliasesAdded } },
    { action: 'UNMERGE_ACTORS', target: merged, before: { mergedInto: row.keep }, after: { mergedInto: null } },
    ...(await touchClaims(tx, record.moves, 'UNMERGE_ACTORS', row.keep, merged)),
  ];
  await recordChanges(tx, author, changes);
  return merged;
}
