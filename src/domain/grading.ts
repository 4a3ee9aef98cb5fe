// Admiralty grading, stated once: how a source's reliability (A-F) and a claim's credibility (1-6)
// are stored, what "at least as good as" means for the read filters, and which of a relationship's
// claims gives its best grading. The grades themselves are schema/vocabulary.yaml's; the seed
// format and the API check them with src/domain/fileSchema.ts's reliabilitySchema/credibilitySchema.
import { credibilityGrades, reliabilityGrades } from './vocabulary.ts';
import type { Props } from './records.ts';

/** An editor's grade with its reason; `by` and `at` are null for a grade the seed files give (their history is git's). */
export interface Grading<G extends string | number> {
  grade: G;
  reason: string;
  by: string | null;
  at: string | null;
}

/** A grade as the seed files and the API give it. */
export interface GradeEntry<G extends string | number> {
  grade: G;
  reason: string;
}

/**
 * The node properties of a source's reliability (`reliability`, `reliabilityReason`, ...) or a
 * claim's credibility: all null when ungraded, so that SET over a node clears an old grade.
 */
export function gradeProps(key: 'reliability' | 'credibility', grading: (GradeEntry<string | number> & Partial<Pick<Grading<string>, 'by' | 'at'>>) | null | undefined): Props {
  return {
    [key]: grading?.grade ?? null,
    [`${key}Reason`]: grading?.reason ?? null,
    [`${key}By`]: grading?.by ?? null,
    [`${key}At`]: grading?.at ?? null,
  };
}

/** A node's grading read back from its properties; null when ungraded. */
export function gradingOf<G extends string | number>(key: 'reliability' | 'credibility', props: Record<string, unknown>): Grading<G> | null {
  const grade = props[key];
  if (grade === null || grade === undefined) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { grade: (key === 'credibility' ? Number(grade) : String(grade)) as G, reason: text(props[`${key}Reason`]) ?? '', by: text(props[`${key}By`]), at: text(props[`${key}At`]) };
}

/** The grades at least as good as `min` (A is best, then B...; 1 is best): what a min filter lets through. Ungraded never passes. */
export const reliabilityAtLeast = (min: string): string[] => reliabilityGrades.slice(0, reliabilityGrades.indexOf(min) + 1);
export const credibilityAtLeast = (min: number): number[] => credibilityGrades.slice(0, credibilityGrades.indexOf(min) + 1);

/** The mark of an ungraded half of a grade code. */
export const ungradedMark = '-';

/** "B2": a claim's source reliability and its credibility, `-` for an ungraded half ("-2", "B-", "--"). */
export const gradeCode = (reliability: string | null, credibility: number | null): string =>
  `${reliability ?? ungradedMark}${credibility ?? ungradedMark}`;

/** The halves of a grade code. */
export function parseGradeCode(code: string): { reliability: string | null; credibility: number | null } {
  const [r, c] = [code.slice(0, 1), code.slice(1)];
  return { reliability: r === ungradedMark ? null : r, credibility: c === ungradedMark ? null : Number(c) };
}

/**
 * How good a grade code is, as a text that sorts best first: credibility first (the information's
 * own grade), then its source's reliability; an ungraded half ranks after every grade ('9', 'Z').
 */
const rankKey = (code: string): string => {
  const [r, c] = [code.slice(0, 1), code.slice(1)];
  return `${c === ungradedMark ? '9' : c}${r === ungradedMark ? 'Z' : r}`;
};

/**
 * A relationship's best grading: among its live claims' grade codes, the best credibility, then the
 * best reliability among those; null when no claim or source is graded at all.
 */
export function bestGradeCode(codes: readonly string[]): string | null {
  let best: string | null = null;
  for (const code of codes) {
    if (code === gradeCode(null, null)) continue;
    if (best === null || rankKey(code) < rankKey(best)) best = code;
  }
  return best;
}

/** rankKey in Cypher, of the grade code expression `x`. */
const rankKeyCypher = (x: string) =>
  `(CASE substring(${x}, 1) WHEN '${ungradedMark}' THEN '9' ELSE substring(${x}, 1) END + CASE left(${x}, 1) WHEN '${ungradedMark}' THEN 'Z' ELSE left(${x}, 1) END)`;

/** bestGradeCode in Cypher, over the Cypher list of grade codes `codes`. */
export const bestGradeCodeCypher = (codes: string) =>
  `reduce(g_best = null, g_x IN ${codes} | CASE WHEN g_x = '${gradeCode(null, null)}' THEN g_best WHEN g_best IS NULL OR ${rankKeyCypher('g_x')} < ${rankKeyCypher('g_best')} THEN g_x ELSE g_best END)`;

/** The grade code of claim node `c` in Cypher: its source's reliability and its credibility. */
export const gradeCodeCypher = (c: string) =>
  `coalesce([(${c})-[:IN_SOURCE]->(g_source:Source) | g_source.reliability][0], '${ungradedMark}') + coalesce(toString(toInteger(${c}.credibility)), '${ungradedMark}')`;
