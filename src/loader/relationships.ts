// The relationships a first load derives from the files' claims, in memory: the rule of
// src/graph/derive.ts (which stays the one for every other write) applied to records instead of
// nodes, so that a load into an empty database need not read its claims back. The status rule
// is src/domain/claimRules.ts's, in both forms, and the succession rule src/domain/succession.ts's;
// test/bulkLoad.test.ts proves both derivations agree.
import { int } from '../neo4j/database.ts';
import { groupBy } from '../domain/groupBy.ts';
import { contestedClaims, statusOf } from '../domain/claimRules.ts';
import { bestGradeCode, gradeCode } from '../domain/grading.ts';
import type { ActorRecord, ClaimRecord, Props, SourceRecord } from '../domain/records.ts';
import { successionProps, successions, type Tenure } from '../domain/succession.ts';

export interface DerivedRelationship {
  type: string;
  from: string;
  to: string;
  /** As derive.ts writes them, nulls included (they are not stored); claimCount is an INTEGER. */
  props: Record<string, Props[string] | ReturnType<typeof int>>;
}

type Key = 'sinceStart' | 'untilEnd' | 'observedStart' | 'observedEnd';

/** The claim whose `key` is least (or greatest), the first such in order, ignoring those without one: derive.ts's `extreme`. */
function extremeClaim(claims: ClaimRecord[], key: Key, want: 'least' | 'greatest'): ClaimRecord | undefined {
  let best: ClaimRecord | undefined;
  for (const claim of claims) {
    const value = claim.props[key];
    if (value === null || value === undefined) continue;
    if (best === undefined || (want === 'least' ? value < best.props[key]! : value > best.props[key]!)) best = claim;
  }
  return best;
}

/** The distinct grade codes of the claims ("B2"), in the claims' order (by id): derive.ts's `grades`. */
function gradesOf(claims: ClaimRecord[], reliabilityOf: ReadonlyMap<string, string | null>): string[] {
  const codes = claims.map((c) => gradeCode(reliabilityOf.get(c.source) ?? null, (c.props.credibility as number | null | undefined) ?? null));
  return [...new Set(codes)];
}

const extreme = (claims: ClaimRecord[], key: Key, want: 'least' | 'greatest'): Props | undefined => extremeClaim(claims, key, want)?.props;

/** A derived relationship, and the source of the claim its start (stated since, else first observation) comes from. */
interface Derivation {
  relationship: DerivedRelationship;
  startSource: string | undefined;
}

function derive(every: ClaimRecord[], contested: Set<string>, reliabilityOf: ReadonlyMap<string, string | null>): Derivation {
  const live = every.filter((c) => c.props.retracted === undefined || c.props.retracted === null);
  const claims = live.length > 0 ? live : every;
  const first = claims[0]!;
  const sinceClaim = extremeClaim(claims, 'sinceStart', 'least');
  const since = sinceClaim?.props;
  const latestUntil = extreme(claims, 'untilEnd', 'greatest');
  const until = since && latestUntil && latestUntil.untilEnd! < since.sinceStart! ? undefined : latestUntil;
  const firstSeenClaim = extremeClaim(claims, 'observedStart', 'least');
  const firstSeen = firstSeenClaim?.props;
  const lastSeen = extreme(claims, 'observedEnd', 'greatest');
  const grades = gradesOf(claims, reliabilityOf);
  const relationship: DerivedRelationship = {
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
      heldFromStart: since?.sinceStart ?? firstSeen?.observedStart ?? null,
      heldUntilEnd: until?.untilEnd ?? null,
    },
  };
  return { relationship, startSource: (sinceClaim ?? firstSeenClaim)?.source };
}

/** What names a successor and the source of its start, in a derived end's reason. */
export interface Parties {
  actors: readonly ActorRecord[];
  sources: readonly SourceRecord[];
}

/** src/graph/derive.ts's deriveSuccessions, on the relationships just derived: each LEADS one as a tenure. */
function applySuccessions(derivations: Derivation[], parties: Parties): void {
  const names = new Map(parties.actors.map((a) => [a.id, a.props.name as string]));
  const sources = new Map(parties.sources.map((s) => [s.id, (s.props.publisher ?? s.props.title) as string]));
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const dated = (t: unknown, start: unknown) => (typeof t === 'string' ? { text: t, start: start as string } : null);
  const leads = derivations.filter((d) => d.relationship.type === 'LEADS');
  const tenures: Tenure[] = leads.map(({ relationship: { from, to, props: p }, startSource }) => ({
    id: p.id as string,
    object: to,
    holder: from,
    holderName: names.get(from) ?? from,
    role: text(p.role),
    since: dated(p.since, p.sinceStart),
    firstObserved: dated(p.firstObserved, p.firstObservedStart),
    lastObservedEnd: text(p.lastObservedEnd),
    untilEnd: text(p.untilEnd),
    startSource: startSource === undefined ? null : (sources.get(startSource) ?? null),
    contested: p.retracted === true || p.status === 'DISPUTED',
  }));
  const ended = successions(tenures);
  for (const { relationship } of leads) {
    const p = relationship.props;
    Object.assign(p, successionProps(ended.get(p.id as string), text(p.untilEnd)));
  }
}

/**
 * One relationship per relationship id of `claims`, which must be every claim there is (a first
 * load's), with their grades (the sources' reliabilities from `parties`) and the successions of
 * single-holder offices among them (parties name them).
 */
export function deriveFromClaims(claims: readonly ClaimRecord[], parties: Parties): DerivedRelationship[] {
  const contested = contestedClaims(claims);
  const byId = (a: ClaimRecord, b: ClaimRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const reliabilityOf = sourceReliabilities(parties.sources);
  const derivations = [...groupBy(claims, (c) => c.relationship).values()].map((group) => derive(group.sort(byId), contested, reliabilityOf));
  applySuccessions(derivations, parties);
  return derivations.map((d) => d.relationship);
}

/** Each source's reliability grade (null when ungraded), by id, for deriveFromClaims. */
export const sourceReliabilities = (sources: readonly { id: string; props: Props }[]): Map<string, string | null> =>
  new Map(sources.map((s) => [s.id, (s.props.reliability as string | null | undefined) ?? null]));
