// What must hold of the graph whatever writes ran, and at once: every claim has its subject,
// object and source, and no live claim is of an actor about itself; every relationship is what
// its claims derive (derive.ts, run afresh in a transaction that is rolled back); every change-log
// entry names a record, and every version step of a record written through the API has its
// entry. `npm run check` and the tests ask it.
import type { Database, Transaction } from '../neo4j/database.ts';
import { groupBy } from '../domain/groupBy.ts';
import { checkedRelationshipType, relationshipTypes } from '../domain/vocabulary.ts';
import { deriveRelationships, type RelationshipKey } from './derive.ts';
import { liveCondition } from './filters.ts';

export interface Violation {
  /** What is wrong: a claim, a relationship or a change-log entry. */
  kind: 'claim' | 'relationship' | 'change';
  /** The claim's, relationship's or change's target id. */
  id: string;
  problem: string;
}

/** Cypher: claim `c` links to exactly one subject and one object (both actors, not merged ones) and one source. */
export const claimIsWhole = 'COUNT { (c)-[:SUBJECT]->(:Actor) } = 1 AND COUNT { (c)-[:OBJECT]->(:Actor) } = 1 AND COUNT { (c)-[:IN_SOURCE]->(:Source) } = 1';

/** Claims that are not whole (claimIsWhole), and live claims whose subject is their object (the loader refuses those). */
async function brokenClaims(db: Database): Promise<Violation[]> {
  const rows = await db.read<{ id: string; subjects: number; objects: number; sources: number }>(
    `MATCH (c:Claim) WHERE NOT (${claimIsWhole})
     RETURN c.id AS id, COUNT { (c)-[:SUBJECT]->(:Actor) } AS subjects, COUNT { (c)-[:OBJECT]->(:Actor) } AS objects, COUNT { (c)-[:IN_SOURCE]->(:Source) } AS sources
     ORDER BY id`,
  );
  const selfClaims = await db.read<{ id: string; actor: string }>(
    `MATCH (c:Claim)-[:SUBJECT]->(a:Actor)<-[:OBJECT]-(c) WHERE ${liveCondition('c', false)} RETURN c.id AS id, a.id AS actor ORDER BY id`,
  );
  return [
    ...rows.map((row): Violation => ({ kind: 'claim', id: row.id, problem: `links to ${row.subjects} subject actor(s), ${row.objects} object actor(s) and ${row.sources} source(s); a claim needs one of each` })),
    ...selfClaims.map((row): Violation => ({ kind: 'claim', id: row.id, problem: `is live and its subject is its object (${row.actor}); a claim relates two different actors` })),
  ];
}

interface StoredEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** The edges of these relationships of one type, by id (a relationship is one edge; more is a violation). */
async function edgesOf(tx: Transaction, type: string, ids: string[]): Promise<Map<string, StoredEdge[]>> {
  const edges = await tx.run<StoredEdge>(
    `UNWIND $ids AS id MATCH (a)-[r:${checkedRelationshipType(type)} {id: id}]->(b)
     RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY a.id, b.id`,
    { ids },
  );
  const byId = new Map<string, StoredEdge[]>();
  for (const edge of edges) byId.set(edge.id, [...(byId.get(edge.id) ?? []), edge]);
  return byId;
}

/** How a relationship's stored edges differ from those its claims derive; undefined when they do not. */
function difference(stored: StoredEdge[], derived: StoredEdge[]): string | undefined {
  if (stored.length === 0 && derived.length === 0) return undefined;
  if (stored.length !== 1 || derived.length !== 1) return `stored as ${stored.length} edge(s), but its claims derive ${derived.length}`;
  const [s, d] = [stored[0]!, derived[0]!];
  const fields = [
    ...(['type', 'from', 'to'] as const).filter((key) => s[key] !== d[key]).map((key) => `${key} ${s[key]} (derived: ${d[key]})`),
    ...[...new Set([...Object.keys(s.props), ...Object.keys(d.props)])]
      .sort()
      .filter((key) => JSON.stringify(s.props[key]) !== JSON.stringify(d.props[key]))
      .map((key) => `${key} ${JSON.stringify(s.props[key])} (derived: ${JSON.stringify(d.props[key])})`),
  ];
  return fields.length === 0 ? undefined : `differs from what its claims derive: ${fields.join(', ')}`;
}

/** Relationships per transaction of the check: each batch is derived afresh, compared and rolled back. */
const checkBatch = 5_000;

/** Relationships that differ from what their claims derive (those of claims, and every derived edge). */
async function underivedRelationships(db: Database): Promise<Violation[]> {
  const keys = await db.read<RelationshipKey>(
    `MATCH (c:Claim) WHERE c.relationship IS NOT NULL RETURN DISTINCT c.relationship AS id, c.type AS type
     UNION MATCH ()-[r]->() WHERE type(r) IN $types RETURN DISTINCT r.id AS id, type(r) AS type`,
    { types: relationshipTypes },
  );
  const violations: Violation[] = [];
  for (const [type, group] of groupBy(keys, (key) => key.type)) {
    for (let i = 0; i < group.length; i += checkBatch) {
      const ids = group.slice(i, i + checkBatch).map((key) => key.id);
      const found = await db.rolledBack(async (tx) => {
        const stored = await edgesOf(tx, type, ids);
        await deriveRelationships(tx, ids.map((id) => ({ id, type })), { batchSize: 1000 });
        const derived = await edgesOf(tx, type, ids);
        return ids.flatMap((id): Violation[] => {
          const problem = difference(stored.get(id) ?? [], derived.get(id) ?? []);
          return problem ? [{ kind: 'relationship', id, problem }] : [];
        });
      });
      violations.push(...found);
    }
  }
  return violations.sort((a, b) => a.id.localeCompare(b.id));
}

/** The change-log actions that step each kind of record's version (the ADD that makes it at 1 aside). */
const versionSteps = {
  Actor: ['UPDATE_ACTOR', 'MERGE_ACTORS', 'UNMERGE_ACTORS'],
  Claim: ['UPDATE_CLAIM', 'RETRACT_CLAIM', 'CONTRADICT', 'MERGE_ACTORS', 'UNMERGE_ACTORS', 'GRADE_CLAIM'],
  Figure: ['UPDATE_FIGURE', 'RETRACT_FIGURE', 'MERGE_ACTORS', 'UNMERGE_ACTORS'],
};

/** Change-log entries that name no record (but those of a deleted actor), and records written through the API whose versions and entries disagree. */
async function unmatchedChanges(db: Database): Promise<Violation[]> {
  const orphans = await db.read<{ target: string; action: string; at: string }>(
    `MATCH (ch:Change)
     WHERE COUNT { (:Actor {id: ch.target}) } + COUNT { (:MergedActor {id: ch.target}) } + COUNT { (:Claim {id: ch.target}) }
         + COUNT { (:Source {id: ch.target}) } + COUNT { (:Figure {id: ch.target}) } = 0
       AND NOT EXISTS { MATCH (:Change {action: 'DELETE_ACTOR', target: ch.target}) }
     RETURN ch.target AS target, ch.action AS action, ch.at AS at ORDER BY target, at`,
  );
  const steps = await db.read<{ id: string; version: number; changes: number }>(
    `CALL () {
       MATCH (n:Actor|MergedActor) WHERE n.origin = 'api' RETURN n, $actorSteps AS actions
       UNION MATCH (n:Claim) WHERE n.origin = 'api' RETURN n, $claimSteps AS actions
       UNION MATCH (n:Figure) WHERE n.origin = 'api' RETURN n, $figureSteps AS actions
     }
     WITH n, coalesce(n.version, 1) AS version, COUNT { MATCH (ch:Change {target: n.id}) WHERE ch.action IN actions } AS changes
     WHERE version <> 1 + changes
     RETURN n.id AS id, version, changes ORDER BY id`,
    { actorSteps: versionSteps.Actor, claimSteps: versionSteps.Claim, figureSteps: versionSteps.Figure },
  );
  return [
    ...orphans.map((row): Violation => ({ kind: 'change', id: row.target, problem: `change-log entry ${row.action} at ${row.at} names no record` })),
    ...steps.map((row): Violation => ({ kind: 'change', id: row.id, problem: `is at version ${row.version}, but the change log records ${row.changes} change(s) after its first version` })),
  ];
}

/** Every invariant that does not hold, named; none when the graph is whole. */
export async function findViolations(db: Database): Promise<Violation[]> {
  return [...(await brokenClaims(db)), ...(await underivedRelationships(db)), ...(await unmatchedChanges(db))];
}
