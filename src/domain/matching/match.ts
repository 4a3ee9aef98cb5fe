// Matching many parties against many: prepare both sides, index the targets (blocking), score
// each party against its candidates only, best first. Decisions are the caller's (decide, with
// the thresholds of src/config.ts).
import { buildIndex, candidatesOf, type BlockingIndex, type BlockingLimits } from './block.ts';
import type { Party, ScoredPair } from './party.ts';
import { prepareParty, scorePair, wordWeights, type PreparedParty, type WordWeight } from './score.ts';

export interface PartyMatches {
  id: string;
  /** How many candidates blocking gave it (at most maxCandidates). */
  candidates: number;
  /** Every candidate scored, best first. */
  pairs: ScoredPair[];
}

/** Both sides prepared, word weights from both, the targets indexed. */
export interface PreparedMatching {
  queries: PreparedParty[];
  targets: PreparedParty[];
  weight: WordWeight;
  index: BlockingIndex;
}

export function prepareMatching(queries: readonly Party[], targets: readonly Party[]): PreparedMatching {
  const preparedQueries = queries.map(prepareParty);
  const preparedTargets = targets.map(prepareParty);
  return {
    queries: preparedQueries,
    targets: preparedTargets,
    weight: wordWeights([...preparedQueries, ...preparedTargets]),
    index: buildIndex(preparedTargets),
  };
}

/** One query party's candidates, scored, best first. */
export function matchPrepared(matching: PreparedMatching, query: PreparedParty, limits: BlockingLimits): PartyMatches {
  const { candidates } = candidatesOf(matching.index, query, limits);
  const pairs = candidates.map((candidate) => scorePair(query, candidate, matching.weight)).sort((a, b) => b.score - a.score || a.right.localeCompare(b.right));
  return { id: query.party.id, candidates: candidates.length, pairs };
}

/** Each query party's candidates among the targets, scored. */
export function matchParties(queries: readonly Party[], targets: readonly Party[], limits: BlockingLimits): PartyMatches[] {
  const matching = prepareMatching(queries, targets);
  return matching.queries.map((query) => matchPrepared(matching, query, limits));
}
