// Writes a validated batch. Records whose hash is unchanged are skipped, changed ones are
// MERGEd on their ids in UNWIND batches of batchSize rows, one transaction per batch (so
// that any size fits in memory), and seeded records no longer in the files are removed.
// Validation happens before any of this, so bad data writes nothing; a database failure
// part-way leaves a partial load that the next (idempotent) run completes.
import { groupBy } from '../../src/groupBy.ts';
import type { Database } from '../../src/neo4j/database.ts';
import { actorKinds, checkedActorKind, checkedRelationshipType } from '../../src/vocabulary.ts';
import type { ActorRecord, FigureRecord, MentionRecord, RelationshipRecord, SeedBatch, SourceRecord } from './records.ts';

export interface Counts { created: number; updated: number; unchanged: number; removed: number }
export type LoadReport = Record<'sources' | 'actors' | 'relationships' | 'figures' | 'mentions', Counts>;

export interface WriteOptions {
  batchSize: number;
  /** Timeout of each batch's transaction. */
  timeoutMs: number;
  reset: boolean;
  onProgress?: (message: string) => void;
}

interface Existing { hash: string; type?: string }

interface Plan<T> { changed: T[]; stale: [string, Existing][]; counts: Counts; existing: Map<string, Existing> }

function plan<T extends { id: string; props: { hash?: unknown } }>(records: T[], existing: Map<string, Existing>): Plan<T> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const changed: T[] = [];
  const keep = new Set<string>();
  for (const record of records) {
    keep.add(record.id);
    const before = existing.get(record.id);
    if (!before) counts.created += 1;
    else if (before.hash !== record.props.hash) counts.updated += 1;
    else {
      counts.unchanged += 1;
      continue;
    }
    changed.push(record);
  }
  const stale = [...existing].filter(([id]) => !keep.has(id));
  counts.removed = stale.length;
  return { changed, stale, counts, existing };
}

async function readHashes(db: Database, cypher: string, timeoutMs: number): Promise<Map<string, Existing>> {
  const rows = await db.read<{ id: string; hash: string; type: string }>(cypher, {}, timeoutMs);
  return new Map(rows.map((row) => [row.id, { hash: row.hash, type: row.type }]));
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

const kindLabels = actorKinds.map(checkedActorKind).join(':');

async function writeSources(w: Writer, records: SourceRecord[]) {
  await w.unwind('UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row.props', records);
}

async function writeActors(w: Writer, records: ActorRecord[]) {
  for (const [kind, rows] of groupBy(records, (r) => r.kind)) {
    await w.unwind(
      `UNWIND $rows AS row MERGE (a:Actor {id: row.id}) SET a = row.props REMOVE a:${kindLabels} SET a:${checkedActorKind(kind)}`,
      rows,
    );
  }
}

async function writeRelationships(w: Writer, p: Plan<RelationshipRecord>) {
  // An updated relationship may have changed its type or ends: remove the old one first.
  const replaced = p.changed.filter((r) => p.existing.has(r.id)).map((r): [string, Existing] => [r.id, p.existing.get(r.id)!]);
  await deleteRelationships(w, [...replaced, ...p.stale]);
  for (const [type, rows] of groupBy(p.changed, (r) => r.type)) {
    await w.unwind(
      `UNWIND $rows AS row MATCH (a:Actor {id: row.from}) MATCH (b:Actor {id: row.to})
       MERGE (a)-[r:${checkedRelationshipType(type)} {id: row.id}]->(b) SET r = row.props`,
      rows,
    );
  }
}

async function deleteRelationships(w: Writer, items: [string, Existing][]) {
  for (const [type, rows] of groupBy(items, ([, existing]) => existing.type ?? '')) {
    await w.unwind(
      `UNWIND $rows AS row MATCH ()-[r:${checkedRelationshipType(type)} {id: row.id}]->() DELETE r`,
      rows.map(([id]) => ({ id })),
    );
  }
}

async function writeFigures(w: Writer, records: FigureRecord[]) {
  await w.unwind(
    `UNWIND $rows AS row
     MERGE (f:Figure {id: row.id}) SET f = row.props
     WITH f, row
     OPTIONAL MATCH (f)-[old:ABOUT|IN_PLACE|CLAIMED_BY|DISPUTED_BY]->() DELETE old
     WITH DISTINCT f, row
     MATCH (about:Actor {id: row.about}) MERGE (f)-[:ABOUT]->(about)
     WITH f, row
     CALL (f, row) { MATCH (place:Actor {id: row.place}) MERGE (f)-[:IN_PLACE]->(place) }
     CALL (f, row) { UNWIND row.claimedBy AS id MATCH (c:Actor {id: id}) MERGE (f)-[:CLAIMED_BY]->(c) }
     CALL (f, row) { UNWIND row.disputedBy AS id MATCH (d:Actor {id: id}) MERGE (f)-[:DISPUTED_BY]->(d) }`,
    records,
  );
}

async function writeMentions(w: Writer, records: MentionRecord[]) {
  await w.unwind(
    `UNWIND $rows AS row MATCH (s:Source {id: row.source}) MATCH (a:Actor {id: row.actor})
     MERGE (s)-[m:MENTIONS]->(a) SET m = row.props`,
    records,
  );
}

async function removeStale(w: Writer, label: 'Source' | 'Actor' | 'Figure', stale: [string, Existing][]) {
  await w.unwind(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) DETACH DELETE n`, stale.map(([id]) => ({ id })));
}

async function removeStaleMentions(w: Writer, stale: [string, Existing][]) {
  const rows = stale.map(([id]) => ({ source: id.split('|')[0], actor: id.split('|')[1] }));
  await w.unwind('UNWIND $rows AS row MATCH (:Source {id: row.source})-[m:MENTIONS]->(:Actor {id: row.actor}) DELETE m', rows);
}

/** Empties the database: relationships first, then nodes, in small transactions, so any size fits in memory. */
export async function resetDatabase(db: Database, timeoutMs?: number): Promise<void> {
  await db.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, timeoutMs);
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, timeoutMs);
}

export async function writeBatch(db: Database, batch: SeedBatch, options: WriteOptions): Promise<LoadReport> {
  if (options.reset) await resetDatabase(db, options.timeoutMs);
  const existingHashes = (cypher: string) => readHashes(db, cypher, options.timeoutMs);
  const sources = plan(batch.sources, await existingHashes('MATCH (n:Source) WHERE n.hash IS NOT NULL RETURN n.id AS id, n.hash AS hash, null AS type'));
  const actors = plan(batch.actors, await existingHashes('MATCH (n:Actor) WHERE n.hash IS NOT NULL RETURN n.id AS id, n.hash AS hash, null AS type'));
  const relationships = plan(
    batch.relationships,
    await existingHashes('MATCH (:Actor)-[r]->(:Actor) WHERE r.hash IS NOT NULL AND r.id IS NOT NULL RETURN r.id AS id, r.hash AS hash, type(r) AS type'),
  );
  const figures = plan(batch.figures, await existingHashes('MATCH (n:Figure) WHERE n.hash IS NOT NULL RETURN n.id AS id, n.hash AS hash, null AS type'));
  const mentions = plan(
    batch.mentions,
    await existingHashes("MATCH (s:Source)-[m:MENTIONS]->(a:Actor) RETURN s.id + '|' + a.id AS id, m.hash AS hash, null AS type"),
  );
  const total = [sources, actors, relationships, figures, mentions].reduce((n, p) => n + p.changed.length + p.stale.length, 0);
  const w = new Writer(db, options, total);

  await writeSources(w, sources.changed);
  await writeActors(w, actors.changed);
  await writeRelationships(w, relationships);
  await writeFigures(w, figures.changed);
  await removeStaleMentions(w, mentions.stale);
  await removeStale(w, 'Figure', figures.stale);
  await removeStale(w, 'Actor', actors.stale);
  await removeStale(w, 'Source', sources.stale);
  await writeMentions(w, mentions.changed);
  return {
    sources: sources.counts,
    actors: actors.counts,
    relationships: relationships.counts,
    figures: figures.counts,
    mentions: mentions.counts,
  };
}
