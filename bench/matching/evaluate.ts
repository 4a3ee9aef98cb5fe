// The matcher (src/domain/matching/) against the labelled key (un-sc-key.yaml): for one snapshot,
// every record blocked and scored against our actors, each record decided by its best candidate,
// and precision, recall and F1 at the auto-SAME threshold and at the review floor.
//
// Definitions. A record's decision at threshold t: its best-scored candidate, when that score is
// at least t (or an identifier is equal). A key SAME pair is found when the record's decision is
// that actor. A false positive is a decision that the key does not call SAME: the key says
// NOT_SAME, or the record is SAME to another actor, or neither (the key lists every SAME pair of
// the snapshots, and every other actor as having no record). UNSURE pairs count neither way.
// Precision = found / decisions counted; recall = found / key SAME pairs; F1 their harmonic mean.
import type { BlockingLimits } from '../../src/domain/matching/block.ts';
import { matchPrepared, prepareMatching } from '../../src/domain/matching/match.ts';
import { decide, type MatchThresholds, type Party, type ScoredPair } from '../../src/domain/matching/party.ts';
import { scorePair } from '../../src/domain/matching/score.ts';

export type KeyLabel = 'SAME' | 'NOT_SAME' | 'UNSURE';

export interface KeyPair {
  actor: string;
  record: string;
  label: KeyLabel;
  /** Snapshot dates (2024-09-26) in which the record stands. */
  snapshots: string[];
}

export interface ThresholdResult {
  threshold: number;
  found: number;
  falsePositives: { record: string; actor: string; score: number; why: 'NOT_SAME in the key' | 'record SAME to another actor' | 'pair not in the key' }[];
  missed: { record: string; actor: string; score?: number; rank?: number; decided?: string }[];
  precision: number;
  recall: number;
  f1: number;
}

export interface KeyPairScore extends KeyPair {
  /** Scored whether or not blocking proposed it (for the report); undefined when no name pair shares anything. */
  score: number;
  /** Its place among the record's candidates (1 = best), or undefined when blocking did not propose it. */
  rank?: number;
  reasons: ScoredPair['reasons'];
}

export interface SnapshotEvaluation {
  snapshot: string;
  records: number;
  actors: number;
  /** Blocking: candidates per record, and pairs scored against all pairs. */
  candidatesPerRecord: { mean: number; max: number };
  pairsScored: number;
  allPairs: number;
  /** Key SAME pairs whose actor blocking proposed, of all. */
  blockingRecall: number;
  /** Blocking and scoring every record, in milliseconds (prepare, index, block, score). */
  matchMs: number;
  auto: ThresholdResult;
  review: ThresholdResult;
  keyPairs: KeyPairScore[];
}

export interface EvaluationInput {
  snapshot: string;
  records: readonly Party[];
  actors: readonly Party[];
  key: readonly KeyPair[];
  thresholds: MatchThresholds;
  limits: BlockingLimits;
}

export function evaluateSnapshot({ snapshot, records, actors, key, thresholds, limits }: EvaluationInput): SnapshotEvaluation {
  const started = performance.now();
  const matching = prepareMatching(records, actors);
  const ranked = new Map(matching.queries.map((record) => [record.party.id, matchPrepared(matching, record, limits).pairs]));
  const matchMs = performance.now() - started;
  const { queries: preparedRecords, targets: preparedActors, weight } = matching;

  const inSnapshot = key.filter((pair) => pair.snapshots.includes(snapshot) && ranked.has(pair.record));
  const byRecord = new Map(preparedRecords.map((record) => [record.party.id, record]));
  const byActor = new Map(preparedActors.map((actor) => [actor.party.id, actor]));
  const keyPairs = inSnapshot.flatMap((pair): KeyPairScore[] => {
    const record = byRecord.get(pair.record);
    const actor = byActor.get(pair.actor);
    if (!record || !actor) return [];
    const scored = scorePair(record, actor, weight);
    const rank = ranked.get(pair.record)!.findIndex((candidate) => candidate.right === pair.actor);
    return [{ ...pair, score: scored.score, rank: rank >= 0 ? rank + 1 : undefined, reasons: scored.reasons }];
  });
  const counts = [...ranked.values()].map((pairs) => pairs.length);
  const same = keyPairs.filter((pair) => pair.label === 'SAME');
  return {
    snapshot,
    records: records.length,
    actors: actors.length,
    candidatesPerRecord: { mean: counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length), max: Math.max(0, ...counts) },
    pairsScored: counts.reduce((a, b) => a + b, 0),
    allPairs: records.length * actors.length,
    blockingRecall: same.length ? same.filter((pair) => pair.rank !== undefined).length / same.length : 1,
    matchMs,
    auto: atThreshold(ranked, keyPairs, { ...thresholds, reviewFloor: thresholds.autoSame }, thresholds.autoSame),
    review: atThreshold(ranked, keyPairs, thresholds, thresholds.reviewFloor),
    keyPairs,
  };
}

/** Each record's decision at the threshold (its best candidate, if at least that), counted against the key. */
export function atThreshold(ranked: Map<string, ScoredPair[]>, keyPairs: KeyPairScore[], thresholds: MatchThresholds, threshold: number): ThresholdResult {
  const label = new Map(keyPairs.map((pair) => [`${pair.record} ${pair.actor}`, pair.label]));
  const sameActor = new Map(keyPairs.filter((pair) => pair.label === 'SAME').map((pair) => [pair.record, pair.actor]));
  const decided = new Map<string, ScoredPair>();
  for (const [record, pairs] of ranked) {
    const best = pairs[0];
    if (best && decide(best, thresholds) !== 'different') decided.set(record, best);
  }
  let found = 0;
  const falsePositives: ThresholdResult['falsePositives'] = [];
  for (const [record, pair] of decided) {
    const known = label.get(`${record} ${pair.right}`);
    if (known === 'SAME') found++;
    else if (known !== 'UNSURE') {
      const why = known === 'NOT_SAME' ? 'NOT_SAME in the key' : sameActor.has(record) ? 'record SAME to another actor' : 'pair not in the key';
      falsePositives.push({ record, actor: pair.right, score: round(pair.score), why });
    }
  }
  const missed = keyPairs
    .filter((pair) => pair.label === 'SAME' && decided.get(pair.record)?.right !== pair.actor)
    .map((pair) => ({ record: pair.record, actor: pair.actor, score: round(pair.score), rank: pair.rank, decided: decided.get(pair.record)?.right }));
  const total = keyPairs.filter((pair) => pair.label === 'SAME').length;
  const precision = found + falsePositives.length ? found / (found + falsePositives.length) : 1;
  const recall = total ? found / total : 1;
  return { threshold, found, falsePositives, missed, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
