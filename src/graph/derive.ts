// The one place relationships are made: each actor-to-actor relationship is derived from its
// claims (one per subject, type, object and role), after every load and, later, every write.
// The derived edge keeps only what traversals filter and order on: id, role, status, the span
// of its claims' dates, its first and last observation and how many claims support it, and
// its claims' Admiralty grades (`grades`, one code such as "B2" per distinct grading, which the
// minReliability/minCredibility filters read; `bestGrade`, src/domain/grading.ts).
import { groupBy } from '../domain/groupBy.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { checkedRelationshipType } from '../domain/vocabulary.ts';
import { statusOfClaims } from '../domain/claimRules.ts';
import { bestGradeCodeCypher, gradeCodeCypher } from '../domain/grading.ts';

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
  `reduce(e = null, x IN ${claims} | CASE WHEN x.${key} IS NOT NULL AND (e IS NULL OR x.${key} ${compare} e.${key}) THEN x ELSE e END)`;

/** Cypher deriving the relationships of one type, from rows {id}: replaced when they have claims, removed when none are left. */
function deriveCypher(type: string): string {
  const t = checkedRelationshipType(type);
  return `UNWIND $rows AS row
    CALL (row) { MATCH ()-[old:${t} {id: row.id}]->() DELETE old }
    OPTIONAL CALL (row) {
      MATCH (c:Claim {relationship: row.id})
      WITH c ORDER BY c.id
      WITH collect(c) AS every
      WHERE size(every) > 0
      // Derived from its live claims; from all of them, and marked retracted, when none is live.
      WITH every, [x IN every WHERE x.retracted IS NULL] AS live
      WITH CASE WHEN size(live) > 0 THEN live ELSE every END AS claims, size(live) = 0 AS retracted
      MATCH (a:Actor)<-[:SUBJECT]-(first:Claim {id: claims[0].id})-[:OBJECT]->(b:Actor)
      WITH a, b, claims, retracted,
           ${extreme('claims', 'sinceStart', '<')} AS since,
           ${extreme('claims', 'untilEnd', '>')} AS latestUntil,
           ${extreme('claims', 'observedStart', '<')} AS firstSeen,
           ${extreme('claims', 'observedEnd', '>')} AS lastSeen
      // Claims that only say when it started and claims that only say when it ended can give
      // an end before the start: then the end is not known, rather than the span empty.
      WITH a, b, claims, retracted, since, firstSeen, lastSeen, COLLECT { UNWIND claims AS x WITH DISTINCT ${gradeCodeCypher('x')} AS code RETURN code ORDER BY code } AS grades,
           CASE WHEN since IS NOT NULL AND latestUntil IS NOT NULL AND latestUntil.untilEnd < since.sinceStart THEN null ELSE latestUntil END AS until
      CREATE (a)-[r:${t}]->(b)
      SET r = {
        id: row.id, role: claims[0].role, status: ${statusOfClaims('claims')},
        since: since.since, sincePrecision: since.sincePrecision, sinceStart: since.sinceStart,
        until: until.until, untilPrecision: until.untilPrecision, untilEnd: until.untilEnd,
        firstObserved: firstSeen.observedAt, firstObservedStart: firstSeen.observedStart,
        lastObserved: lastSeen.observedAt, lastObservedEnd: lastSeen.observedEnd,
        claimCount: size(claims), retracted: CASE WHEN retracted THEN true END,
        grades: grades, bestGrade: ${bestGradeCodeCypher('grades')}
      }
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
  for (const [type, group] of groupBy(distinct, (key) => key.type)) {
    const cypher = deriveCypher(type);
    for (let i = 0; i < group.length; i += options.batchSize) {
      const rows = group.slice(i, i + options.batchSize).map(({ id }) => ({ id }));
      const [counts] = await tx.run<Derived>(cypher, { rows });
      total.derived += counts?.derived ?? 0;
      total.removed += counts?.removed ?? 0;
    }
  }
  return total;
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
