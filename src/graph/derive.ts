// The one place relationships are made: each actor-to-actor relationship is derived from its
// claims (one per subject, type, object and role), after every load and, later, every write.
// The derived edge keeps only what traversals filter and order on: id, role, status, the span
// of its claims' dates, its first and last observation and how many claims support it, its
// claims' Admiralty grades (`grades`, one code such as "B2" per distinct grading, which the
// minReliability/minCredibility filters read; `bestGrade`, src/domain/grading.ts), when it holds
// (from its first observation when undated) and, for a single-holder office, the end its
// successor gives it (derived, kept apart from the sources' until).
import { groupBy } from '../domain/groupBy.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { checkedRelationshipType } from '../domain/vocabulary.ts';
import { statusOfClaims } from '../domain/claimRules.ts';
import { bestGradeCodeCypher, gradeCodeCypher } from '../domain/grading.ts';
import { successionProps, successions, type Tenure } from '../domain/succession.ts';

/** A derived relationship's id and type (the type is part of the id, but Cypher needs it as a label). */
export interface RelationshipKey {
  id: string;
  type: string;
}

export interface DeriveOptions {
  /** Relationships per statement. */
  batchSize: number;
}

/** The claim among `claims` whose `key` is least (or greatest), ignoring those without one. */
const extreme = (claims: string, key: string, compare: '<' | '>') =>
  `reduce(d_e = null, d_x IN ${claims} | CASE WHEN d_x.${key} IS NOT NULL AND (d_e IS NULL OR d_x.${key} ${compare} d_e.${key}) THEN d_x ELSE d_e END)`;

/** How the derivation reads a claim: whether it stands (not retracted), and whether a claim contradicting one counts. */
export interface ClaimReading {
  isLive: (x: string) => string;
  contradictionCounts: (y: string) => string;
}

/** Now: a claim stands unless it is retracted; a contradiction counts while the other claim stands. */
export const readingNow: ClaimReading = { isLive: (x) => `${x}.retracted IS NULL`, contradictionCounts: (y) => `${y}.retracted IS NULL` };

/**
 * Cypher clauses turning `d_every` (a relationship's claims ordered by id, at least one) into
 * `d_claims` (those it is derived from) and `d_fields` (the derived edge's properties): the one
 * gathering of a relationship's fields from its claims, for the stored edge (deriveCypher) and
 * for the graph as known at a date (src/graph/knownAsOf.ts). Its variables start with `d_`, so
 * that it can sit in a subquery without shadowing the statement's own.
 */
export function derivedFields(reading: ClaimReading = readingNow): string {
  return `// Derived from its live claims; from all of them, and marked retracted, when none is live.
      WITH d_every, [d_x IN d_every WHERE ${reading.isLive('d_x')}] AS d_live
      WITH CASE WHEN size(d_live) > 0 THEN d_live ELSE d_every END AS d_claims, size(d_live) = 0 AS d_retracted
      WITH d_claims, d_retracted,
           ${extreme('d_claims', 'sinceStart', '<')} AS d_since,
           ${extreme('d_claims', 'untilEnd', '>')} AS d_latestUntil,
           ${extreme('d_claims', 'observedStart', '<')} AS d_firstSeen,
           ${extreme('d_claims', 'observedEnd', '>')} AS d_lastSeen
      // Claims that only say when it started and claims that only say when it ended can give
      // an end before the start: then the end is not known, rather than the span empty.
      WITH d_claims, d_retracted, d_since, d_firstSeen, d_lastSeen,
           // Its claims' distinct grade codes, by reduce: a COLLECT subquery here fails inside a
           // shortest path's predicate (knownAsOf), on Neo4j 5.26 ("VirtualNodeValue.id() ... null").
           reduce(d_codes = [], d_code IN [d_x IN d_claims | ${gradeCodeCypher('d_x')}] | CASE WHEN d_code IN d_codes THEN d_codes ELSE d_codes + d_code END) AS d_grades,
           CASE WHEN d_since IS NOT NULL AND d_latestUntil IS NOT NULL AND d_latestUntil.untilEnd < d_since.sinceStart THEN null ELSE d_latestUntil END AS d_until
      WITH d_claims, {
        id: d_claims[0].relationship, role: d_claims[0].role, status: ${statusOfClaims('d_claims', reading.contradictionCounts)},
        since: d_since.since, sincePrecision: d_since.sincePrecision, sinceStart: d_since.sinceStart,
        until: d_until.until, untilPrecision: d_until.untilPrecision, untilEnd: d_until.untilEnd,
        firstObserved: d_firstSeen.observedAt, firstObservedStart: d_firstSeen.observedStart,
        lastObserved: d_lastSeen.observedAt, lastObservedEnd: d_lastSeen.observedEnd,
        claimCount: size(d_claims), retracted: CASE WHEN d_retracted THEN true END,
        grades: d_grades, bestGrade: ${bestGradeCodeCypher('d_grades')},
        // When it holds for asOf (src/domain/succession.ts); a LEADS office's successor may end it earlier (deriveSuccessions).
        heldFromStart: coalesce(d_since.sinceStart, d_firstSeen.observedStart), heldUntilEnd: d_until.untilEnd
      } AS d_fields`;
}

/** Cypher deriving the relationships of one type, from rows {id}: replaced when they have claims, removed when none are left. */
function deriveCypher(type: string): string {
  const t = checkedRelationshipType(type);
  return `UNWIND $rows AS row
    CALL (row) { MATCH ()-[old:${t} {id: row.id}]->() DELETE old }
    OPTIONAL CALL (row) {
      MATCH (c:Claim {relationship: row.id})
      WITH c ORDER BY c.id
      WITH collect(c) AS d_every
      WHERE size(d_every) > 0
      ${derivedFields()}
      MATCH (a:Actor)<-[:SUBJECT]-(first:Claim {id: d_claims[0].id})-[:OBJECT]->(b:Actor)
      CREATE (a)-[r:${t}]->(b)
      SET r = d_fields
      RETURN r
    }
    RETURN count(r) AS derived, count(*) - count(r) AS removed`;
}

export interface Derived {
  /** Relationships written from their claims. */
  derived: number;
  /** Relationships removed because no claim is left for them. */
  removed: number;
}

/**
 * Derives these relationships (each once, however often listed) again from their claims, in statements of batchSize rows: each
 * its own transaction for the loader (db.statements()), or all in the write's transaction.
 */
export async function deriveRelationships(tx: Transaction, keys: readonly RelationshipKey[], options: DeriveOptions): Promise<Derived> {
  const total: Derived = { derived: 0, removed: 0 };
  const distinct = [...new Map(keys.map((key) => [key.id, key])).values()];
  // The offices these LEADS relationships are of, before (one may go) and after: their holders succeed each other anew.
  const leads = distinct.filter((key) => key.type === 'LEADS').map((key) => key.id);
  const offices = leads.length > 0 ? await officesOf(tx, leads) : [];
  for (const [type, group] of groupBy(distinct, (key) => key.type)) {
    const cypher = deriveCypher(type);
    for (let i = 0; i < group.length; i += options.batchSize) {
      const rows = group.slice(i, i + options.batchSize).map(({ id }) => ({ id }));
      const [counts] = await tx.run<Derived>(cypher, { rows });
      total.derived += counts?.derived ?? 0;
      total.removed += counts?.removed ?? 0;
    }
  }
  if (leads.length > 0) await deriveSuccessions(tx, [...offices, ...(await officesOf(tx, leads))], options);
  return total;
}

/** Derives again the successions of every office this actor holds (its name is in its predecessors' reasons). */
export async function deriveSuccessionsOfHolder(tx: Transaction, actorId: string, options: DeriveOptions): Promise<void> {
  const rows = await tx.run<{ id: string }>('MATCH (:Actor {id: $actorId})-[:LEADS]->(o:Actor) RETURN DISTINCT o.id AS id', { actorId });
  if (rows.length > 0) await deriveSuccessions(tx, rows.map((row) => row.id), options);
}

/** The actors (objects) of these LEADS relationships. */
async function officesOf(tx: Transaction, ids: string[]): Promise<string[]> {
  const rows = await tx.run<{ id: string }>('UNWIND $ids AS id MATCH ()-[:LEADS {id: id}]->(o:Actor) RETURN DISTINCT o.id AS id', { ids });
  return rows.map((row) => row.id);
}

/** Each LEADS relationship of these actors as the succession rule reads it; its start's source from the claim that gives it. */
const tenuresCypher = `UNWIND $objects AS object
  MATCH (h:Actor)-[r:LEADS]->(:Actor {id: object})
  CALL (r) {
    OPTIONAL MATCH (c:Claim {relationship: r.id})-[:IN_SOURCE]->(s:Source)
    WHERE (r.retracted = true OR c.retracted IS NULL) AND CASE WHEN r.sinceStart IS NULL THEN c.observedStart ELSE c.sinceStart END IS NOT NULL
    WITH s ORDER BY CASE WHEN r.sinceStart IS NULL THEN c.observedStart ELSE c.sinceStart END, c.id LIMIT 1
    RETURN coalesce(s.publisher, s.title) AS startSource
  }
  RETURN r.id AS id, object, h.id AS holder, h.name AS holderName, r.role AS role,
         CASE WHEN r.since IS NULL THEN null ELSE {text: r.since, start: r.sinceStart} END AS since,
         CASE WHEN r.firstObserved IS NULL THEN null ELSE {text: r.firstObserved, start: r.firstObservedStart} END AS firstObserved,
         r.lastObservedEnd AS lastObservedEnd, r.untilEnd AS untilEnd, startSource,
         coalesce(r.retracted, false) OR r.status = 'DISPUTED' AS contested`;

/**
 * Derives again the successions of these actors' offices (src/domain/succession.ts): every LEADS
 * relationship of theirs gets its derived end, or loses the one it had, and its heldUntilEnd.
 */
export async function deriveSuccessions(tx: Transaction, objects: readonly string[], options: DeriveOptions): Promise<void> {
  const distinct = [...new Set(objects)];
  for (let i = 0; i < distinct.length; i += options.batchSize) {
    const tenures = await tx.run<Tenure>(tenuresCypher, { objects: distinct.slice(i, i + options.batchSize) });
    const ended = successions(tenures);
    const rows = tenures.map((tenure) => ({ id: tenure.id, props: successionProps(ended.get(tenure.id), tenure.untilEnd) }));
    await tx.run('UNWIND $rows AS row MATCH ()-[r:LEADS {id: row.id}]->() SET r += row.props', { rows });
  }
}

/**
 * Before claims, relationships carried their evidence as properties and figures their
 * claimants as lists. A database loaded that way is upgraded once: those relationships and
 * figures are removed (the claims that replace them are then loaded and derived), and a
 * GraphModel node records the version so the check is a single lookup afterwards.
 */
export async function removeLegacyModel(db: Database, timeoutMs: number): Promise<void> {
  const [row] = await db.read<{ version: number | null }>('OPTIONAL MATCH (m:GraphModel) RETURN m.version AS version', {}, timeoutMs);
  if ((row?.version ?? 0) >= 2) return;
  await db.autoCommit(
    'MATCH (:Actor)-[r]->(:Actor) WHERE r.claimCount IS NULL AND r.status IS NOT NULL CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
    {},
    timeoutMs,
  );
  await db.autoCommit('MATCH (f:Figure) WHERE f.stance IS NULL CALL (f) { DETACH DELETE f } IN TRANSACTIONS OF 10000 ROWS', {}, timeoutMs);
  await db.write('MERGE (m:GraphModel) SET m.version = 2', {}, timeoutMs);
}
