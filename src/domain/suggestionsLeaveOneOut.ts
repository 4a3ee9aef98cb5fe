// How well the suggestions read the seeds: each seed left out in turn (its curated claims hidden,
// its own actors unknown), the engine runs on its text knowing only the actors of the other seeds
// (plus the shared actors.yaml entries their claims and figures reference), and its proposals are
// compared with the curated (subject, type, object) triples. Pure: bench, test and docs share it.
import { normaliseText } from './matching/names.ts';
import { suggest, type ClaimSuggestion, type KnownActor, type SuggestedActorRef, type SuggestionVocabulary } from './suggestions.ts';

/** A curated claim as the figures compare it. */
export interface CuratedClaim { subject: string; type: string; object: string; stance: string }

/** One seed file: its text and publication date, the actors it defines, its claims, and every actor id its claims and figures reference. */
export interface SeedCase {
  id: string;
  text: string;
  published: string | null;
  actors: KnownActor[];
  claims: CuratedClaim[];
  references: string[];
}

export interface LeaveOneOutRow {
  seed: string;
  /** Distinct curated (subject, type, object) triples. */
  curated: number;
  proposals: number;
  /** Curated triples some proposal matches. */
  recalled: number;
  /** Proposals that match a curated triple. */
  matched: number;
  /** Matched proposals whose stance is that of a curated claim of the triple. */
  stanceAgreed: number;
  recall: number;
  precision: number;
  stanceAgreement: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** The actors known when `left` is left out: the other seeds' own, and the shared ones their claims and figures reference. */
export function knownWithout(left: SeedCase, seeds: readonly SeedCase[], shared: readonly KnownActor[]): KnownActor[] {
  const others = seeds.filter((seed) => seed.id !== left.id);
  const referenced = new Set(others.flatMap((seed) => seed.references));
  return [...others.flatMap((seed) => seed.actors), ...shared.filter((actor) => referenced.has(actor.id))];
}

/** Whether a proposed actor is the curated one: the same id, or a new name that is one of its names. */
function isActor(ref: SuggestedActorRef, id: string, namesOf: Map<string, Set<string>>): boolean {
  if (ref.actorId !== null) return ref.actorId === id;
  return namesOf.get(id)?.has(normaliseText(ref.text)) ?? false;
}

function curatedMatches(proposal: ClaimSuggestion, claims: readonly CuratedClaim[], namesOf: Map<string, Set<string>>): CuratedClaim[] {
  return claims.filter((c) => c.type === proposal.type && isActor(proposal.subject, c.subject, namesOf) && isActor(proposal.object, c.object, namesOf));
}

/** One seed's figures. */
export function leaveOneOutRow(left: SeedCase, seeds: readonly SeedCase[], shared: readonly KnownActor[], vocabulary: SuggestionVocabulary): LeaveOneOutRow {
  const namesOf = new Map([...seeds.flatMap((s) => s.actors), ...shared].map((a) => [a.id, new Set([a.name, ...a.aliases].map(normaliseText))]));
  const { claims: proposals } = suggest(left.text, left.published, knownWithout(left, seeds, shared), vocabulary);
  const triples = new Map(left.claims.map((c) => [`${c.subject}|${c.type}|${c.object}`, c]));
  const recalledTriples = new Set<string>();
  let matched = 0;
  let stanceAgreed = 0;
  for (const proposal of proposals) {
    const found = curatedMatches(proposal, left.claims, namesOf);
    if (found.length === 0) continue;
    matched++;
    if (found.some((c) => c.stance === proposal.stance)) stanceAgreed++;
    for (const c of found) recalledTriples.add(`${c.subject}|${c.type}|${c.object}`);
  }
  const curated = triples.size;
  return {
    seed: left.id, curated, proposals: proposals.length, recalled: recalledTriples.size, matched, stanceAgreed,
    recall: ratio(recalledTriples.size, curated), precision: ratio(matched, proposals.length), stanceAgreement: ratio(stanceAgreed, matched),
  };
}

/** Every seed left out in turn, and the totals (micro-averaged: summed counts). */
export function leaveOneOut(seeds: readonly SeedCase[], shared: readonly KnownActor[], vocabulary: SuggestionVocabulary): { rows: LeaveOneOutRow[]; total: LeaveOneOutRow } {
  const rows = seeds.map((seed) => leaveOneOutRow(seed, seeds, shared, vocabulary));
  const sum = (field: 'curated' | 'proposals' | 'recalled' | 'matched' | 'stanceAgreed') => rows.reduce((n, row) => n + row[field], 0);
  const [curated, proposals, recalled, matched, stanceAgreed] = [sum('curated'), sum('proposals'), sum('recalled'), sum('matched'), sum('stanceAgreed')];
  return {
    rows,
    total: { seed: 'all', curated, proposals, recalled, matched, stanceAgreed, recall: ratio(recalled, curated), precision: ratio(matched, proposals), stanceAgreement: ratio(stanceAgreed, matched) },
  };
}
