// The relationships a first load derives from the files' claims, in memory: the rule of
// src/graph/derive.ts (which stays the one for every other write) applied to records instead of
// nodes, so that a load into an empty database need not read its claims back. The status rule
// is src/domain/claimRules.ts's, in both forms; test/bulkLoad.test.ts proves both derivations agree.
import { int } from '../neo4j/database.ts';
import { groupBy } from '../domain/groupBy.ts';
import { contestedClaims, statusOf } from '../domain/claimRules.ts';
import { bestGradeCode, gradeCode } from '../domain/grading.ts';
import type { ClaimRecord, Props } from '../domain/records.ts';

export interface DerivedRelationship {
  type: string;
  from: string;
  to: string;
  /** As derive.ts writes them, nulls included (they are not stored); claimCount is an INTEGER. */
  props: Record<string, Props[string] | ReturnType<typeof int>>;
}

type Key = 'sinceStart' | 'untilEnd' | 'observedStart' | 'observedEnd';

/** The claim whose `key` is least (or greatest), the first such in order, ignoring those without one: derive.ts's `extreme`. */
function extreme(claims: ClaimRecord[], key: Key, want: 'least' | 'greatest'): Props | undefined {
  let best: Props | undefined;
  for (const { props } of claims) {
    const value = props[key];
    if (value === null || value === undefined) continue;
    if (best === undefined || (want === 'least' ? value < best[key]! : value > best[key]!)) best = props;
  }
  return best;
}

/** The distinct grade codes of the claims ("B2"), in order: derive.ts's `grades`. */
function gradesOf(claims: ClaimRecord[], reliabilityOf: ReadonlyMap<string, string | null>): string[] {
  const codes = claims.map((c) => gradeCode(reliabilityOf.get(c.source) ?? null, (c.props.credibility as number | null | undefined) ?? null));
  return [...new Set(codes)].sort();
}

function derive(every: ClaimRecord[], contested: Set<string>, reliabilityOf: ReadonlyMap<string, string | null>): DerivedRelationship {
  const live = every.filter((c) => c.props.retracted === undefined || c.props.retracted === null);
  const claims = live.length > 0 ? live : every;
  const first = claims[0]!;
  const since = extreme(claims, 'sinceStart', 'least');
  const latestUntil = extreme(claims, 'untilEnd', 'greatest');
  const until = since && latestUntil && latestUntil.untilEnd! < since.sinceStart! ? undefined : latestUntil;
  const firstSeen = extreme(claims, 'observedStart', 'least');
  const lastSeen = extreme(claims, 'observedEnd', 'greatest');
  const grades = gradesOf(claims, reliabilityOf);
  return {
    type: first.type,
    from: first.subject,
    to: first.object,
    props: {
      id: first.relationship,
      role: first.props.role ?? null,
      status: statusOf(claims, contested),
      since: since?.since ?? null,
      sincePrecision: since?.sincePrecision ?? null,
      sinceStart: since?.sinceStart ?? null,
      until: until?.until ?? null,
      untilPrecision: until?.untilPrecision ?? null,
      untilEnd: until?.untilEnd ?? null,
      firstObserved: firstSeen?.observedAt ?? null,
      firstObservedStart: firstSeen?.observedStart ?? null,
      lastObserved: lastSeen?.observedAt ?? null,
      lastObservedEnd: lastSeen?.observedEnd ?? null,
      claimCount: int(claims.length),
      retracted: live.length === 0 ? true : null,
      grades,
      bestGrade: bestGradeCode(grades),
    },
  };
}

/**
 * One relationship per relationship id of `claims`, which must be every claim there is (a first
 * load's); `reliabilityOf` gives each source's reliability grade (sourceReliabilities).
 */
export function deriveFromClaims(claims: readonly ClaimRecord[], reliabilityOf: ReadonlyMap<string, string | null> = new Map()): DerivedRelationship[] {
  const contested = contestedClaims(claims);
  const byId = (a: ClaimRecord, b: ClaimRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...groupBy(claims, (c) => c.relationship).values()].map((group) => derive(group.sort(byId), contested, reliabilityOf));
}

/** Each source's reliability grade (null when ungraded), by id, for deriveFromClaims. */
export const sourceReliabilities = (sources: readonly { id: string; props: Props }[]): Map<string, string | null> =>
  new Map(sources.map((s) => [s.id, (s.props.reliability as string | null | undefined) ?? null]));
