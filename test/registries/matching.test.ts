// The entity matcher (src/domain/matching/) on the real UN list snapshots against our actors, judged
// by the labelled key (bench/matching/un-sc-key.yaml, definitions in bench/matching/evaluate.ts).
// Needs no database; reads the snapshots of seed/registries/, as test/registries/unSc.test.ts.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { matchingSettings } from '../../src/config.ts';
import { evaluateSnapshot, type SnapshotEvaluation } from '../../bench/matching/evaluate.ts';
import { keySnapshots, readActorParties, readKey, readSnapshotParties } from '../../bench/matching/inputs.ts';

const settings = matchingSettings({});
/** Measured on 2018-10-29 / 2024-09-26 when written: review recall 8/8 and 9/9, auto recall 5/8 and 5/9. */
const minimum = { reviewRecall: 0.9, autoRecall: 0.5, meanCandidates: 5 };

describe('matching the UN SC list against our actors, judged by the key', () => {
  const results: SnapshotEvaluation[] = [];
  before(() => {
    const key = readKey();
    const actors = readActorParties();
    for (const snapshot of keySnapshots) {
      const { parties } = readSnapshotParties(snapshot);
      results.push(evaluateSnapshot({ snapshot, records: parties, actors, key, thresholds: settings, limits: settings }));
    }
  });

  it('decides no false SAME at the auto threshold', () => {
    for (const result of results) assert.deepEqual(result.auto.falsePositives, [], result.snapshot);
  });

  it('keeps every hard negative of the key below the auto threshold', () => {
    for (const result of results) {
      const above = result.keyPairs.filter((pair) => pair.label === 'NOT_SAME' && pair.score >= settings.autoSame);
      assert.deepEqual(above.map((pair) => `${pair.record}/${pair.actor} ${pair.score}`), [], result.snapshot);
    }
  });

  it('finds the key\'s SAME pairs: at the review floor nearly all, at the auto threshold some', () => {
    for (const result of results) {
      assert.ok(result.review.recall >= minimum.reviewRecall, `${result.snapshot}: review recall ${result.review.recall} (missed ${JSON.stringify(result.review.missed)})`);
      assert.ok(result.auto.recall >= minimum.autoRecall, `${result.snapshot}: auto recall ${result.auto.recall}`);
    }
  });

  it('gives every SAME pair found its reasons', () => {
    for (const result of results) {
      for (const pair of result.keyPairs.filter((p) => p.label === 'SAME')) assert.ok(pair.reasons.length > 0 && pair.reasons.every((r) => r.reason && r.detail), `${pair.record}/${pair.actor}`);
    }
  });

  it('bounds each record\'s candidates, and blocking misses no SAME pair', () => {
    for (const result of results) {
      assert.ok(result.candidatesPerRecord.max <= settings.maxCandidates, `${result.snapshot}: max ${result.candidatesPerRecord.max}`);
      assert.ok(result.candidatesPerRecord.mean <= minimum.meanCandidates, `${result.snapshot}: mean ${result.candidatesPerRecord.mean}`);
      assert.equal(result.blockingRecall, 1, result.snapshot);
    }
  });
});
