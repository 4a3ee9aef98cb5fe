// Admiralty grades set by an editor through the API: a source's reliability (A-F) and a claim's
// credibility (1-6), each with its reason, or back to ungraded (null) with a reason. Each is one
// transaction that checks the grade with the seed format's own schema (src/domain/fileSchema.ts),
// marks the record as the API's (so that `npm run seed` keeps it, as it keeps an updated claim),
// derives again the relationships whose grading it changes and records the change with its reason.
import { z } from 'zod';
import { credibilitySchema, reliabilitySchema } from '../domain/fileSchema.ts';
import { gradeProps, gradingOf, type Grading } from '../domain/grading.ts';
import { InputError } from '../errors.ts';
import { deriveRelationships, type RelationshipKey } from '../graph/derive.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { authorNow, recordChanges, type Author } from './changeLog.ts';
import { lockRelationshipActors } from './claims.ts';
import { lockOne } from './records.ts';

/** The grade (null: ungraded again) and its reason, checked as a seed file's grade is; every problem names its argument. */
function checkedGrade<G extends string | number>(kind: 'reliability' | 'credibility', grade: G | null, reason: string): { grade: G | null; reason: string } {
  const shape = (kind === 'reliability' ? reliabilitySchema : credibilitySchema).shape;
  const result = z.object({ grade: shape.grade.nullable(), reason: shape.reason }).safeParse({ grade, reason });
  if (result.success) return result.data as { grade: G | null; reason: string };
  throw InputError.of(result.error.issues.map((issue) => ({ argumentName: String(issue.path[0] ?? 'grade'), message: issue.message })));
}

/** The grading as stored (grade, who, when, why); null when made ungraded, whose reason only the change log keeps. */
const newGrading = <G extends string | number>(grade: G | null, reason: string, author: Author): Grading<G> | null =>
  grade === null ? null : { grade, reason, by: author.by, at: author.at };

/** Derives again these relationships, their actors locked first (as every write that derives holds them). */
async function rederive(tx: Transaction, keys: RelationshipKey[]): Promise<void> {
  if (keys.length === 0) return;
  await lockRelationshipActors(tx, keys);
  await deriveRelationships(tx, keys, { batchSize: 100 });
}

/**
 * Sets a source's reliability (A-F, or null: ungraded) with its reason. A registry snapshot stays
 * the registry's (its origin is what its imports find it by); any other source becomes the API's.
 */
export async function gradeSource(db: Database, by: string, id: string, grade: string | null, reason: string): Promise<string> {
  const checked = checkedGrade('reliability', grade, reason);
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Source', 'id', id);
    const [row] = await tx.run<{ props: Record<string, unknown> }>('MATCH (s:Source {id: $id}) RETURN properties(s) AS props', { id });
    const before = gradingOf<string>('reliability', row!.props);
    const after = newGrading(checked.grade, checked.reason, author);
    await tx.run(
      `MATCH (s:Source {id: $id}) SET s += $props, s.version = $version, s.origin = CASE WHEN s.origin = 'registry' THEN 'registry' ELSE 'api' END`,
      { id, props: gradeProps('reliability', after), version: version + 1 },
    );
    await rederive(tx, await tx.run<RelationshipKey>('MATCH (:Source {id: $id})<-[:IN_SOURCE]-(c:Claim) RETURN DISTINCT c.relationship AS id, c.type AS type', { id }));
    await recordChanges(tx, author, [{ action: 'GRADE_SOURCE', target: id, before: { reliability: before }, after: { reliability: after, reason: checked.reason } }]);
    return id;
  });
}

/**
 * Sets a claim's credibility (1-6, or null: ungraded) with its reason; with `expectedVersion`, a
 * claim changed since is a CONFLICT, as for updateClaim. The claim becomes the API's.
 */
export async function gradeClaim(db: Database, by: string, id: string, grade: number | null, reason: string, expectedVersion?: number | null): Promise<string> {
  const checked = checkedGrade('credibility', grade, reason);
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Claim', 'id', id, expectedVersion ?? undefined);
    const [row] = await tx.run<{ props: Record<string, unknown> }>('MATCH (c:Claim {id: $id}) RETURN properties(c) AS props', { id });
    const props = row!.props;
    const before = gradingOf<number>('credibility', props);
    const after = newGrading(checked.grade, checked.reason, author);
    await tx.run(`MATCH (c:Claim {id: $id}) SET c += $props, c.version = $version, c.origin = 'api'`, {
      id,
      props: gradeProps('credibility', after),
      version: version + 1,
    });
    await rederive(tx, [{ id: props.relationship as string, type: props.type as string }]);
    await recordChanges(tx, author, [{ action: 'GRADE_CLAIM', target: id, before: { credibility: before }, after: { credibility: after, reason: checked.reason } }]);
    return id;
  });
}
