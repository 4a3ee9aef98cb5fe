// Matching many parties against many: prepare both sides, index the targets (blocking), score
// each party against its candidates only, best first. Decisions are the caller's (decide, with
// the thresholds of src/config.ts).
import { buildIndex, candidatesOf, type BlockingLimits } from './block.ts';
import type { Party, ScoredPair } from './party.ts';
import { prepareParty, scorePair, wordWeights } from './score.ts';

export interface PartyMatches {
  id: string;
  /** How many candidates blocking gave it (at most maxCandidates). */
  candidates: number;
  /** Every candidate scored, best first. */
  pairs: ScoredPair[];
}

/** Each query party's candidates among the targets, scored; word weights from both sides. */
export function matchParties(queries: readonly Party[], targets: readonly Party[], limits: BlockingLimits): PartyMatches[] {
  const preparedQueries = queries.map(prepareParty);
  const preparedTargets = targets.map(prepareParty);
  const weight = wordWeights([...preparedQueries, ...preparedTargets]);
  const index = buildIndex(preparedTargets);
  return preparedQueries.map((query) => {
    const { candidates } = candidatesOf(index, query, limits);
    const pairs = candidates.map((candidate) => scorePair(query, candidate, weight)).sort((a, b) => b.score - a.score || a.right.localeCompare(b.right));
    return { id: query.party.id, candidates: candidates.length, pairs };
  });
}
