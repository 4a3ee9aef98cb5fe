// Writes a validated batch. Into an empty database, every record is simply created (create.ts).
// Otherwise records whose hash is unchanged are skipped, changed ones are
// MERGEd on their ids in UNWIND batches of batchSize rows, one transaction per batch (so
// that any size fits in memory), and seeded records no longer in the files are removed.
// Then the relationships whose claims changed are derived again (src/graph/derive.ts).
// Validation happens before any of this, so bad data writes nothing; a database failure
// part-way leaves a partial load that the next run completes (it sees the load was cut short
// and rewrites every claim and derives every relationship).
import { groupBy } from '../domain/groupBy.ts';
import type { Database } from '../neo4j/database.ts';
import { testDatabaseLabel } from '../neo4j/testDatabase.ts';
import { deriveRelationships, removeLegacyModel, type Derived, type RelationshipKey } from '../graph/derive.ts';
import { typePattern } from '../graph/filters.ts';
import { actorKindLabels as kindLabels, checkedActorKind } from '../domain/vocabulary.ts';
import { UserError } from '../errors.ts';
import { maxMergeChain } from '../graph/actors.ts';
import { relationshipId } from '../domain/claimRules.ts';
import { createGraph } from './create.ts';
import { graphRows } from './graphRows.ts';
import { deriveFromClaims } from './relationships.ts';
import type { ActorRecord, ClaimRecord, FigureRecord, MentionRecord, SeedBatch, SourceRecord } from '../domain/records.ts';
import { withHash } from './recordHash.ts';

/** kept: records in the files that the API has since written or changed, left as the API wrote them. */
export interface Counts { created: number; updated: number; unchanged: number; removed: number; kept: number }
export type LoadReport = Record<'sources' | 'actors' | 'claims' | 'figures' | 'mentions', Counts> & { relationships: Derived };

export interface WriteOptions {
  batchSize: number;
  /** Timeout of each batch's transaction. */
  timeoutMs: number;
  reset: boolean;
  onProgress?: (message: string) => void;
}

/** What the database holds of a record: its hash, whether the API wrote it and, for a claim, its relationship. */
interface Existing { hash: string | null; api: boolean; relationship?: RelationshipKey }

interface Plan<T> { changed: T[]; stale: [string, Existing][]; counts: Counts; existing: Map<string, Existing> }

/**
 * What to write: records new or changed since the last load; with `rewrite`, every record.
 * What the API wrote (or changed) is the API's: never rewritten nor removed (counted as kept).
 */
function plan<T extends { id: string; props: { hash?: unknown } }>(records: T[], existing: Map<string, Existing>, rewrite = false): Plan<T> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 };
  const changed: T[] = [];
  const keep = new Set<string>();
  for (const record of records) {
    keep.add(record.id);
    const before = existing.get(record.id);
    if (before?.api) {
      counts.kept += 1;
      continue;
    }
    if (!before) counts.created += 1;
    else if (rewrite || before.hash !== record.props.hash) counts.updated += 1;
    else {
      counts.unchanged += 1;
      continue;
    }
    changed.push(record);
  }
  const stale = [...existing].filter(([id, record]) => !keep.has(id) && !record.api);
  counts.removed = stale.length;
  return { changed, stale, counts, existing };
}

async function readHashes(db: Database, cypher: string, timeoutMs: number): Promise<Map<string, Existing>> {
  const rows = await db.read<{ id: string; hash: string | null; api: boolean; relationship: string | null; type: string | null }>(cypher, {}, timeoutMs);
  return new Map(
    rows.map((row) => [
      row.id,
      { hash: row.hash, api: row.api, relationship: row.relationship && row.type ? { id: row.relationship, type: row.type } : undefined },
    ]),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class Writer {
  private done = 0;
  private lastReport = 0;
  constructor(
    private db: Database,
    private options: WriteOptions,
    private total: number,
  ) {}

  async unwind(cypher: string, rows: object[]): Promise<void> {
    for (const chunk of chunks(rows, this.options.batchSize)) {
      await this.db.write(cypher, { rows: chunk }, this.options.timeoutMs);
      this.done += chunk.length;
      if (this.options.onProgress && Date.now() - this.lastReport > 1000) {
        this.lastReport = Date.now();
        this.options.onProgress(`written ${this.done}/${this.total} records`);
      }
    }
  }
}


async function writeSources(w: Writer, records: SourceRecord[]) {
  await w.unwind(
    `UNWIND $rows AS row MERGE (s:Source {id: row.id}) WITH s, row WHERE coalesce(s.origin, '') <> 'api'
     SET s = row.props`,
    records,
  );
}

async function writeActors(w: Writer, records: ActorRecord[]) {
  for (const [kind, rows] of groupBy(records, (r) => r.kind)) {
    await w.unwind(
      `UNWIND $rows AS row MERGE (a:Actor {id: row.id}) WITH a, row, a.version AS version WHERE coalesce(a.origin, '') <> 'api'
       SET a = row.props, a.version = CASE WHEN version IS NULL THEN null ELSE version + 1 END
       REMOVE a:${kindLabels} SET a:${checkedActorKind(kind)}`,
      rows,
    );
  }
}

/** Links claims or figures (variable c, row from UNWIND) to their source, quotes, claimants and disputers. */
const claimLinks = `
  CALL (c, row) {
    MATCH (s:Source {id: row.source}) CREATE (c)-[:IN_SOURCE]->(s)
    WITH c, s UNWIND row.evidence AS e CREATE (c)-[:EVIDENCE {quote: e.quote, start: e.start, end: e.end}]->(s)
  }
  CALL (c, row) { UNWIND row.claimedBy AS id MATCH (a:Actor {id: id}) CREATE (c)-[:CLAIMED_BY]->(a) }
  CALL (c, row) { UNWIND row.disputedBy AS id MATCH (a:Actor {id: id}) CREATE (c)-[:DISPUTED_BY]->(a) }`;

/**
 * Cypher writing claims (label Claim) or figures (label Figure) from rows {id, props, subject,
 * object | about, place, source, evidence, claimedBy, disputedBy}: the node, then its links,
 * replacing the old ones. Contradictions the API recorded stay (their edges carry an origin);
 * the API's own updates keep every contradiction (`contradictions: 'keep'`).
 */
export function claimNodeCypher(label: 'Claim' | 'Figure', mode: 'load' | 'create' | 'update' = 'load'): string {
  const ends =
    label === 'Claim'
      ? `MATCH (a:Actor {id: row.subject}) CREATE (c)-[:SUBJECT]->(a) WITH c, row MATCH (b:Actor {id: row.object}) CREATE (c)-[:OBJECT]->(b)`
      : `MATCH (a:Actor {id: row.about}) CREATE (c)-[:ABOUT]->(a) WITH c, row CALL (c, row) { MATCH (p:Actor {id: row.place}) CREATE (c)-[:IN_PLACE]->(p) }`;
  const replaced = `SUBJECT|OBJECT|ABOUT|IN_PLACE|IN_SOURCE|EVIDENCE|CLAIMED_BY|DISPUTED_BY${mode === 'load' ? '|CONTRADICTS' : ''}`;
  // The loader: never over what the API wrote, and a rewrite bumps the version an API client may hold.
  // The API: CREATE for a new claim (a clash of ids fails on the constraint instead of
  // overwriting), its own version in row.props for an update.
  const node = {
    load: `MERGE (c:${label} {id: row.id}) WITH c, row, c.version AS version WHERE coalesce(c.origin, '') <> 'api'
           SET c = row.props SET c.version = CASE WHEN version IS NULL THEN null ELSE version + 1 END`,
    create: `CREATE (c:${label}) SET c = row.props`,
    update: `MATCH (c:${label} {id: row.id}) SET c = row.props`,
  }[mode];
  return `UNWIND $rows AS row
     ${node}
     WITH c, row
     CALL (c) { MATCH (c)-[old:${replaced}]->() WHERE old.origin IS NULL DELETE old }
     WITH c, row
     ${ends}
     WITH c, row
     ${claimLinks}`;
}

async function writeClaimNodes(w: Writer, label: 'Claim' | 'Figure', records: (ClaimRecord | FigureRecord)[]) {
  await w.unwind(claimNodeCypher(label), records);
}

/** CONTRADICTS edges of changed claims or figures, once every node they name exists. */
async function writeContradictions(w: Writer, label: 'Claim' | 'Figure', records: (ClaimRecord | FigureRecord)[]) {
  await w.unwind(
    `UNWIND $rows AS row
     MATCH (c:${label} {id: row.id})
     UNWIND row.contradicts AS other
     MATCH (o:${label} {id: other})
     CREATE (c)-[:CONTRADICTS]->(o)`,
    records.filter((r) => r.contradicts.length > 0).map((r) => ({ id: r.id, contradicts: r.contradicts })),
  );
}

/**
 * The relationships to derive again: those of changed, new and removed claims, before and
 * after, and of the claims they contradict or were contradicted by.
 */
async function affectedRelationships(db: Database, claims: Plan<ClaimRecord>, all: ClaimRecord[], timeoutMs: number): Promise<RelationshipKey[]> {
  const keys = new Map<string, RelationshipKey>();
  const add = (key: RelationshipKey | undefined) => key && keys.set(key.id, key);
  const relationshipOf = new Map(all.map((claim): [string, RelationshipKey] => [claim.id, { id: claim.relationship, type: claim.type }]));
  const touched = new Set([...claims.changed.map((c) => c.id), ...claims.stale.map(([id]) => id)]);
  for (const [, existing] of claims.stale) add(existing.relationship);
  for (const claim of claims.changed) add(claims.existing.get(claim.id)?.relationship);
  for (const claim of all) {
    if (touched.has(claim.id) || claim.contradicts.some((id) => touched.has(id))) add({ id: claim.relationship, type: claim.type });
    if (touched.has(claim.id)) for (const other of claim.contradicts) add(relationshipOf.get(other));
  }
  const rows = await db.read<{ id: string; type: string }>(
    `UNWIND $ids AS id MATCH (:Claim {id: id})-[:CONTRADICTS]-(o:Claim) RETURN DISTINCT o.relationship AS id, o.type AS type`,
    { ids: [...touched] },
    timeoutMs,
  );
  rows.forEach(add);
  return [...keys.values()];
}

/**
 * The relationships of the claims of sources the files changed: a source's reliability is part of
 * its claims' grades (derive.ts), so a regraded source derives them again.
 */
async function relationshipsOfSources(db: Database, sources: Plan<SourceRecord>, timeoutMs: number): Promise<RelationshipKey[]> {
  const ids = sources.changed.filter((s) => sources.existing.has(s.id)).map((s) => s.id);
  if (ids.length === 0) return [];
  return db.read<RelationshipKey>(
    'UNWIND $ids AS id MATCH (:Source {id: id})<-[:IN_SOURCE]-(c:Claim) RETURN DISTINCT c.relationship AS id, c.type AS type',
    { ids },
    timeoutMs,
  );
}

/**
 * The offices held by actors the files changed: a successor's name is in its predecessors' derived
 * ends (derive.ts deriveSuccessions), so a renamed holder's LEADS relationships derive their offices' successions again.
 */
async function officesOfActors(db: Database, actors: Plan<ActorRecord>, timeoutMs: number): Promise<RelationshipKey[]> {
  const ids = actors.changed.filter((a) => actors.existing.has(a.id)).map((a) => a.id);
  if (ids.length === 0) return [];
  return db.read<RelationshipKey>("UNWIND $ids AS id MATCH (:Actor {id: id})-[r:LEADS]->(:Actor) RETURN r.id AS id, 'LEADS' AS type", { ids }, timeoutMs);
}

async function writeMentions(w: Writer, records: MentionRecord[]) {
  await w.unwind(
    `UNWIND $rows AS row MATCH (s:Source {id: row.source}) MATCH (a:Actor {id: row.actor})
     MERGE (s)-[m:MENTIONS]->(a) SET m = row.props`,
    records,
  );
}

async function removeStale(w: Writer, label: 'Source' | 'Actor' | 'Claim' | 'Figure', stale: [string, Existing][]) {
  await w.unwind(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) WHERE coalesce(n.origin, '') <> 'api' DETACH DELETE n`, stale.map(([id]) => ({ id })));
}

async function removeStaleMentions(w: Writer, stale: [string, Existing][]) {
  const rows = stale.map(([id]) => ({ source: id.split('|')[0], actor: id.split('|')[1] }));
  await w.unwind('UNWIND $rows AS row MATCH (:Source {id: row.source})-[m:MENTIONS]->(:Actor {id: row.actor}) DELETE m', rows);
}

/**
 * Empties the graph: relationships first, then nodes, in small transactions, so any size fits
 * in memory. Access tokens are not data and stay (src/auth/tokens.ts).
 */
export async function resetDatabase(db: Database, timeoutMs?: number): Promise<void> {
  await db.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, timeoutMs);
  await db.autoCommit(`MATCH (n) WHERE NOT n:Token AND NOT n:${testDatabaseLabel} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, {}, timeoutMs);
}

/** What was written or changed through the API, by kind, with a few ids of each: what a reset would lose. */
export interface ApiWrites {
  total: number;
  kinds: { kind: string; count: number; examples: string[]; exported: boolean }[];
}

/** Each kind, how to find it, and whether `npm run export -- --format seed` carries it (src/export/seedExport.ts). */
const apiWriteKinds: [kind: string, match: string, exported: boolean][] = [
  ['sources', "MATCH (n:Source) WHERE n.origin = 'api' WITH n.id AS id", true],
  ['actors', "MATCH (n:Actor) WHERE n.origin = 'api' WITH n.id AS id", true],
  ['claims', "MATCH (n:Claim) WHERE n.origin = 'api' WITH n.id AS id", true],
  ['figures', "MATCH (n:Figure) WHERE n.origin = 'api' WITH n.id AS id", true],
  ['merged actors', 'MATCH (n:MergedActor) WITH n.id AS id', true],
  ['contradictions', "MATCH (a)-[e:CONTRADICTS]->(b) WHERE e.origin = 'api' WITH a.id + ' contradicts ' + b.id AS id", true],
  ['imported registry snapshots', "MATCH (n:Source) WHERE n.origin = 'registry' WITH n.id AS id", false],
  ['judgements of registry records', "MATCH (n:MatchPair) WHERE n.decision <> 'PENDING' AND NOT n.automatic WITH n.id AS id", false],
  ['judgements of mentions', 'MATCH (n:MentionJudgement) WITH n.id AS id', false],
  ['rejected suggestions', "MATCH (n:SuggestionRejection) WITH n.source + ' ' + n.key AS id", false],
];

export async function apiWrites(db: Database): Promise<ApiWrites> {
  const subqueries = apiWriteKinds.map(
    ([, match], i) => `CALL () { ${match} ORDER BY id WITH collect(id) AS ids RETURN size(ids) AS count${i}, ids[0..5] AS examples${i} }`,
  );
  const columns = apiWriteKinds.map((_, i) => `count${i}, examples${i}`).join(', ');
  const [row] = await db.read<Record<string, unknown>>(`${subqueries.join('\n')}\nRETURN ${columns}`);
  const kinds = apiWriteKinds.map(([kind, , exported], i) => ({ kind, count: Number(row?.[`count${i}`] ?? 0), examples: (row?.[`examples${i}`] ?? []) as string[], exported }));
  return { total: kinds.reduce((sum, k) => sum + k.count, 0), kinds: kinds.filter((k) => k.count > 0) };
}

/** "3 sources (api-source-1, ...), 1 claims (...)": what a command would discard. */
export function describeApiWrites(writes: ApiWrites): string {
  return writes.kinds
    .map((k) => `${k.count} ${k.kind} (${k.examples.join(', ')}${k.count > k.examples.length ? ', ...' : ''})`)
    .join(', ');
}

/**
 * For every command that empties a database (seed --reset, seed --bulk --reset, the benchmark,
 * imports): refuses while it holds what analysts wrote through the API, unless `discard` says
 * so explicitly, and names what would be lost.
 */
export async function refuseToDiscardApiWrites(db: Database, action: string, discard: boolean, discardFlag: string): Promise<void> {
  if (discard) return;
  const writes = await apiWrites(db);
  if (writes.total === 0) return;
  const unexported = writes.kinds.filter((k) => !k.exported).map((k) => k.kind);
  const lost = unexported.length === 0 ? '' : ` The export does not carry the ${unexported.join(', ')}: these would be lost for good.`;
  throw new UserError(
    `${action} would discard ${writes.total} records written or changed through the API: ${describeApiWrites(writes)}. ` +
      `Export them first (npm run export -- --format seed --out DIR), then run again with ${discardFlag} if they may go.${lost}`,
  );
}

/**
 * Every record of a label the loader or the API wrote (merged actors included, as the API's).
 * What a registry import wrote (origin 'registry', src/writes/registryImport.ts) is not the seed's: left out.
 */
const hashes = (label: string) =>
  `MATCH (n:${label === 'Actor' ? 'Actor|MergedActor' : label}) WHERE (n.hash IS NOT NULL AND coalesce(n.origin, '') <> 'registry') OR n.origin = 'api'
   RETURN n.id AS id, n.hash AS hash, coalesce(n.origin = 'api', false) OR n:MergedActor AS api, n.relationship AS relationship, n.type AS type`;

/**
 * Marks a load as under way and says whether the last one was cut short. A claim's node is
 * written (with its new hash) before its contradictions and relationships are: after an
 * interruption the hashes no longer show what is left to do, so the next load redoes it all.
 */
async function beginLoad(db: Database, timeoutMs: number): Promise<boolean> {
  const [row] = await db.write<{ interrupted: boolean }>(
    'MERGE (m:GraphModel) WITH m, coalesce(m.loading, false) AS interrupted SET m.loading = true RETURN interrupted',
    {},
    timeoutMs,
  );
  return row?.interrupted ?? false;
}

/** Whether the graph's relationships were derived with when they hold and their offices' successions. */
async function hasHeldSpans(db: Database, timeoutMs: number): Promise<boolean> {
  const [row] = await db.read<{ done: boolean }>('OPTIONAL MATCH (m:GraphModel) RETURN coalesce(m.heldSpans, false) AS done', {}, timeoutMs);
  return row?.done ?? false;
}

/** Every derived relationship in the database, of the vocabulary's types. */
async function derivedRelationships(db: Database, timeoutMs: number): Promise<RelationshipKey[]> {
  return db.read<RelationshipKey>(
    `MATCH (:Actor)-[r${typePattern()}]->(:Actor) WHERE r.claimCount IS NOT NULL RETURN r.id AS id, type(r) AS type`,
    {},
    timeoutMs,
  );
}

/** Merged actors (through the API) and the actor each now resolves to. */
async function mergedActors(db: Database, timeoutMs: number): Promise<Map<string, string>> {
  const rows = await db.read<{ merged: string; keep: string }>(
    `MATCH (m:MergedActor)-[:MERGED_INTO*1..${maxMergeChain}]->(k:Actor) RETURN m.id AS merged, k.id AS keep`,
    {},
    timeoutMs,
  );
  return new Map(rows.map((row) => [row.merged, row.keep]));
}

/** The files' claims and figures with merged actors replaced by the actors they were merged into. */
function followMerges(batch: SeedBatch, merged: Map<string, string>): SeedBatch {
  if (merged.size === 0) return batch;
  const to = (id: string) => merged.get(id) ?? id;
  const all = (ids: string[]) => [...new Set(ids.map(to))];
  const moved = <T extends ClaimRecord | FigureRecord>(record: T, changed: Partial<T>): T => {
    const next = { ...record, ...changed, claimedBy: all(record.claimedBy), disputedBy: all(record.disputedBy), props: { ...(changed.props ?? record.props) } };
    return withHash(next);
  };
  return {
    ...batch,
    claims: batch.claims.map((c) => {
      const [subject, object] = [to(c.subject), to(c.object)];
      const relationship = relationshipId(subject, c.type, object, c.props.role as string | null);
      return moved(c, { subject, object, relationship, props: { ...c.props, relationship } } as Partial<ClaimRecord>);
    }),
    figures: batch.figures.map((f) => moved(f, { about: to(f.about), place: f.place === null ? null : to(f.place) } as Partial<FigureRecord>)),
    mentions: batch.mentions.filter((m) => !merged.has(m.actor)),
  };
}

/** The files' mentions less those an editor rejected (src/writes/mentions.ts): a reload never brings one back. */
async function withoutRejected(db: Database, batch: SeedBatch, timeoutMs: number): Promise<SeedBatch> {
  const rows = await db.read<{ id: string }>('MATCH (j:MentionJudgement) WHERE j.rejected IS NOT NULL RETURN j.id AS id', {}, timeoutMs);
  if (rows.length === 0) return batch;
  const rejected = new Set(rows.map((row) => row.id));
  return { ...batch, mentions: batch.mentions.filter((m) => !rejected.has(m.id)) };
}

/** Seeded actors and sources about to be removed that claims written through the API or imported from a registry still cite: the load stops. */
async function checkStaleInUse(db: Database, actors: Plan<ActorRecord>, sources: Plan<SourceRecord>, timeoutMs: number): Promise<void> {
  const rows = await db.read<{ id: string; claim: string }>(
    `UNWIND $actors AS id MATCH (:Actor {id: id})<-[:SUBJECT|OBJECT|CLAIMED_BY|DISPUTED_BY|ABOUT|IN_PLACE]-(c) WHERE c.origin IN ['api', 'registry'] RETURN id, 'cited by claim ' + min(c.id) AS claim
     UNION
     UNWIND $actors AS id MATCH (:Actor {id: id})<-[:MERGED_INTO]-(m:MergedActor) RETURN id, 'the actor ' + min(m.id) + ' is merged into it' AS claim
     UNION
     UNWIND $sources AS id MATCH (:Source {id: id})<-[:IN_SOURCE]-(c) WHERE c.origin IN ['api', 'registry'] RETURN id, 'cited by claim ' + min(c.id) AS claim`,
    { actors: actors.stale.map(([id]) => id), sources: sources.stale.map(([id]) => id) },
    timeoutMs,
  );
  if (rows.length === 0) return;
  const list = rows.map((row) => `"${row.id}" (${row.claim})`).join(', ');
  throw new UserError(`nothing was written: the seed files no longer have ${list}, which what was written through the API or imported from a registry still needs. Put them back in the files, or change those claims (or undo those merges) first.`);
}

/** Whether the database holds nothing but access tokens, the GraphModel node and a test database's mark: then a load only creates. */
export async function isEmpty(db: Database, timeoutMs: number): Promise<boolean> {
  const [row] = await db.read<{ empty: boolean }>(
    `RETURN NOT EXISTS { MATCH (n) WHERE NOT n:Token AND NOT n:GraphModel AND NOT n:${testDatabaseLabel} } AS empty`,
    {},
    timeoutMs,
  );
  return row?.empty ?? false;
}

/** A load into an empty database: every record created (create.ts), the relationships derived in memory. */
async function createBatch(db: Database, batch: SeedBatch, options: WriteOptions): Promise<LoadReport> {
  await beginLoad(db, options.timeoutMs);
  const derived = deriveFromClaims(batch.claims, batch);
  const { nodes, edges } = graphRows(batch, derived);
  try {
    await createGraph(db, { nodes: nodes.filter((set) => !set.labels.includes('GraphModel')), edges }, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
    throw new UserError(
      `another process wrote to the database while this load was creating the graph (${(error as Error).message}). Run the load again: it completes what is there.`,
    );
  }
  await db.write('MATCH (m:GraphModel) SET m.loading = false, m.heldSpans = true', {}, options.timeoutMs);
  return createdReport(batch, derived.length);
}

/** The report of a load that created every record of the batch. */
export function createdReport(batch: SeedBatch, relationships: number): LoadReport {
  const created = (records: unknown[]): Counts => ({ created: records.length, updated: 0, unchanged: 0, removed: 0, kept: 0 });
  return {
    sources: created(batch.sources),
    actors: created(batch.actors),
    claims: created(batch.claims),
    figures: created(batch.figures),
    mentions: created(batch.mentions),
    relationships: { derived: relationships, removed: 0 },
  };
}

export async function writeBatch(db: Database, files: SeedBatch, options: WriteOptions): Promise<LoadReport> {
  if (options.reset) await resetDatabase(db, options.timeoutMs);
  await removeLegacyModel(db, options.timeoutMs);
  if (await isEmpty(db, options.timeoutMs)) return createBatch(db, files, options);
  const batch = await withoutRejected(db, followMerges(files, await mergedActors(db, options.timeoutMs)), options.timeoutMs);
  const existingHashes = (cypher: string) => readHashes(db, cypher, options.timeoutMs);
  const sources = plan(batch.sources, await existingHashes(hashes('Source')));
  const actors = plan(batch.actors, await existingHashes(hashes('Actor')));
  await checkStaleInUse(db, actors, sources, options.timeoutMs);
  const redo = await beginLoad(db, options.timeoutMs);
  if (redo) options.onProgress?.('the last load was interrupted: rewriting every claim and deriving every relationship');
  const claims = plan(batch.claims, await existingHashes(hashes('Claim')), redo);
  const figures = plan(batch.figures, await existingHashes(hashes('Figure')), redo);
  const mentions = plan(
    batch.mentions,
    await existingHashes("MATCH (s:Source)-[m:MENTIONS]->(a:Actor) RETURN s.id + '|' + a.id AS id, m.hash AS hash, coalesce(m.origin = 'api', false) AS api, null AS relationship, null AS type"),
  );
  const affected = [
    ...(await affectedRelationships(db, claims, batch.claims, options.timeoutMs)),
    ...(await relationshipsOfSources(db, sources, options.timeoutMs)),
    ...(await officesOfActors(db, actors, options.timeoutMs)),
  ];
  // A graph derived before relationships knew when they hold (heldSpans) is derived again once, whole.
  const everything = redo || !(await hasHeldSpans(db, options.timeoutMs)) ? await derivedRelationships(db, options.timeoutMs) : [];
  const derive = [...new Map([...affected, ...everything].map((key) => [key.id, key])).values()];
  const total = [sources, actors, claims, figures, mentions].reduce((n, p) => n + p.changed.length + p.stale.length, derive.length);
  const w = new Writer(db, options, total);

  await writeSources(w, sources.changed);
  await writeActors(w, actors.changed);
  await removeStale(w, 'Claim', claims.stale);
  await removeStale(w, 'Figure', figures.stale);
  await writeClaimNodes(w, 'Claim', claims.changed);
  await writeClaimNodes(w, 'Figure', figures.changed);
  await writeContradictions(w, 'Claim', claims.changed);
  await writeContradictions(w, 'Figure', figures.changed);
  await removeStaleMentions(w, mentions.stale);
  await removeStale(w, 'Actor', actors.stale);
  await removeStale(w, 'Source', sources.stale);
  await writeMentions(w, mentions.changed);
  const relationships = await deriveRelationships(db.statements(options.timeoutMs), derive, { batchSize: options.batchSize });
  await db.write('MATCH (m:GraphModel) SET m.loading = false, m.heldSpans = true', {}, options.timeoutMs);
  return {
    sources: sources.counts,
    actors: actors.counts,
    claims: claims.counts,
    figures: figures.counts,
    mentions: mentions.counts,
    relationships,
  };
}
