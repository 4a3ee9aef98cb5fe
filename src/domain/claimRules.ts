// What makes a claim a claim, stated once: the id of the relationship a claim supports, the
// stance rules every writer checks, and the rule that derives a status from claims.
import { stances } from '../domain/vocabulary.ts';

/** One derived relationship per (subject, type, object, role): its id, readable and stable. */
export function relationshipId(subject: string, type: string, object: string, role?: string | null): string {
  const base = `${subject}--${type.toLowerCase().replace(/_/g, '-')}--${object}`;
  const roleSlug = (role ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return roleSlug ? `${base}--${roleSlug}` : base;
}

export interface StanceFields {
  stance: string;
  claimedBy: readonly string[];
  disputedBy: readonly string[];
  note?: string | null;
}

/** What is wrong with a claim's stance and claimants, as [field, message]; empty when nothing is. */
export function stanceProblems(claim: StanceFields): [keyof StanceFields, string][] {
  if (!stances.includes(claim.stance)) return [['stance', `unknown stance "${claim.stance}" (expected one of ${stances.join(', ')})`]];
  const problems: [keyof StanceFields, string][] = [];
  if (claim.stance === 'ATTRIBUTED' && claim.claimedBy.length === 0) {
    problems.push(['claimedBy', 'an ATTRIBUTED claim needs claimedBy: who the source says claims it']);
  }
  if (claim.stance === 'ASSERTED' && claim.claimedBy.length > 0) {
    problems.push(['claimedBy', 'an ASSERTED claim is the source\'s own voice: a claim someone makes is ATTRIBUTED']);
  }
  if (claim.stance === 'DENIED' && claim.disputedBy.length === 0) {
    problems.push(['disputedBy', 'a DENIED claim needs disputedBy: who says it is not so']);
  }
  if (claim.stance === 'INFERRED' && claim.claimedBy.length > 0) {
    problems.push(['claimedBy', 'an INFERRED claim is the curator\'s own reading: nobody in the source claims it (a claim someone makes is ATTRIBUTED)']);
  }
  if (claim.stance === 'INFERRED' && !claim.note?.trim()) {
    problems.push(['note', 'an INFERRED claim needs a note saying what was inferred from what']);
  }
  return problems;
}

/** What the status rule reads of a claim: its properties (stance, retracted) and its links. */
export interface StatusClaim {
  id: string;
  disputedBy: readonly string[];
  contradicts: readonly string[];
  props: { stance?: unknown; retracted?: unknown };
}

const isRetracted = (claim: StatusClaim) => claim.props.retracted !== undefined && claim.props.retracted !== null;

/** The ids of the claims contradicted by, or contradicting, a claim that is not retracted; `claims` must be every claim there is. */
export function contestedClaims(claims: readonly StatusClaim[]): Set<string> {
  const retracted = new Set(claims.filter(isRetracted).map((c) => c.id));
  const contested = new Set<string>();
  for (const claim of claims) {
    for (const other of claim.contradicts) {
      if (!retracted.has(other)) contested.add(claim.id);
      if (!retracted.has(claim.id)) contested.add(other);
    }
  }
  return contested;
}

/**
 * The status of a relationship's claims (the derivation's one rule): DISPUTED when any denies
 * it, is disputed, or contradicts or is contradicted by another claim that is not retracted
 * (`contested`, from contestedClaims); else REPORTED when any asserts it; else ALLEGED when
 * anyone is said to claim it; else (held only by a curator's inferences) INFERRED.
 */
export function statusOf(claims: readonly StatusClaim[], contested: ReadonlySet<string>): string {
  if (claims.some((c) => c.props.stance === 'DENIED' || c.disputedBy.length > 0 || contested.has(c.id))) return 'DISPUTED';
  if (claims.some((c) => c.props.stance === 'ASSERTED')) return 'REPORTED';
  return claims.some((c) => c.props.stance !== 'INFERRED') ? 'ALLEGED' : 'INFERRED';
}

/**
 * The same rule in Cypher, over the claim nodes of the Cypher list `claims`. A contradiction
 * counts when the other claim `y` passes `counts` (by default: it is not retracted; for the graph
 * as known at a date, src/graph/knownAsOf.ts: it was published by then and not retracted by then).
 */
export const statusOfClaims = (claims: string, counts: (y: string) => string = (y) => `${y}.retracted IS NULL`) =>
  `CASE WHEN any(s_x IN ${claims} WHERE s_x.stance = 'DENIED' OR EXISTS { (s_x)-[:DISPUTED_BY]->(:Actor) } OR EXISTS { (s_x)-[:CONTRADICTS]-(s_y) WHERE ${counts('s_y')} })
        THEN 'DISPUTED'
        WHEN any(s_x IN ${claims} WHERE s_x.stance = 'ASSERTED') THEN 'REPORTED'
        WHEN any(s_x IN ${claims} WHERE s_x.stance <> 'INFERRED') THEN 'ALLEGED'
        ELSE 'INFERRED' END`;
