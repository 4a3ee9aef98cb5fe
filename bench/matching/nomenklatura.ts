// Our matcher side by side with nomenklatura's (the OpenSanctions matcher, pinned in
// tools/python/requirements-bench.txt), on the same records, actors and pairs: each record's
// candidates are our blocking's plus every key pair of the record, scored by both, and counted by
// evaluate.ts's rule at each threshold (each record decided by its best candidate). nomenklatura is
// asked as yente is when one screens an entity against a list: our actor the query, the UN record
// the result (its matchers are not symmetric: a result's weak aliases count, a query's do not).
// nomenklatura also scores every record x actor pair of a snapshot when asked.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import type { BlockingLimits } from '../../src/domain/matching/block.ts';
import { matchPrepared, prepareMatching } from '../../src/domain/matching/match.ts';
import type { ScoredPair } from '../../src/domain/matching/party.ts';
import { scorePair } from '../../src/domain/matching/score.ts';
import { actorParty } from '../../src/domain/matching/actorParty.ts';
import { unScParty } from '../../src/registries/unScParty.ts';
import type { UnScRecord } from '../../src/registries/unSc.ts';
import { benchPython } from './benchPython.ts';
import { atThreshold, type KeyPair, type KeyPairScore, type ThresholdResult } from './evaluate.ts';
import type { SeedActor } from './inputs.ts';
import { actorFtmEntity, unScEntityId, unScFtmEntity } from './unScFtm.ts';

/**
 * The algorithms compared: logic-v1, yente's default (YENTE_DEFAULT_ALGORITHM), and logic-v2, its
 * successor; both are rule-based and decide a match at yente's SCORE_THRESHOLD 0.70, and yente
 * returns no result below its SCORE_CUTOFF 0.50.
 */
export const nomenklaturaAlgorithms = ['logic-v1', 'logic-v2'] as const;
export const nomenklaturaThresholds = { match: 0.7, cutoff: 0.5 } as const;

export interface MatcherResults {
  matcher: string;
  /** One per threshold, in the order of the comparison's thresholds. */
  results: ThresholdResult[];
}

export interface KeyPairComparison extends KeyPair {
  /** Each matcher's score of the pair and its rank among the record's candidates (1 = best). */
  scores: Record<string, { score: number; rank: number }>;
}

export interface NomenklaturaComparison {
  snapshot: string;
  versions: Record<string, string>;
  thresholds: number[];
  /** Candidate pairs scored by both: blocking's plus the key's. */
  pairs: number;
  /** nomenklatura's time on them (Python's start and reading included), in milliseconds. */
  scoreMs: number;
  matchers: MatcherResults[];
  /** nomenklatura on every record x actor pair, when asked. */
  allPairs?: { pairs: number; scoreMs: number; matchers: MatcherResults[] };
  keyPairs: KeyPairComparison[];
}

export interface ComparisonInput {
  snapshot: string;
  records: readonly UnScRecord[];
  actors: readonly (SeedActor & { countries?: string[] })[];
  key: readonly KeyPair[];
  thresholds: number[];
  limits: BlockingLimits;
  allPairs: boolean;
}

type Ranked = Map<string, ScoredPair[]>;
const byScore = (a: ScoredPair, b: ScoredPair) => b.score - a.score || a.right.localeCompare(b.right);

export function compareWithNomenklatura(input: ComparisonInput): NomenklaturaComparison {
  const { snapshot, records, actors, thresholds } = input;
  const key = input.key.filter((pair) => pair.snapshots.includes(snapshot));
  const ours = ourCandidates(input, key);
  const pairs = [...ours.values()].flatMap((list) => list.map((pair): [string, string] => [pair.left, pair.right]));
  const scored = scoreWithNomenklatura(records, actors, pairs);
  const matchers = [{ matcher: 'ours', ranked: ours }, ...nomenklaturaAlgorithms.map((name) => ({ matcher: name, ranked: scored.ranked.get(name)! }))];
  const comparison: NomenklaturaComparison = {
    snapshot,
    versions: scored.versions,
    thresholds,
    pairs: pairs.length,
    scoreMs: scored.ms,
    matchers: matchers.map(({ matcher, ranked }) => ({ matcher, results: countAt(ranked, key, thresholds) })),
    keyPairs: key.map((pair) => ({ ...pair, scores: Object.fromEntries(matchers.map(({ matcher, ranked }) => [matcher, scoreOf(ranked, pair)])) })),
  };
  if (input.allPairs) {
    const every = records.flatMap((record) => actors.map((actor): [string, string] => [record.referenceNumber.value, actor.id]));
    const all = scoreWithNomenklatura(records, actors, every);
    comparison.allPairs = {
      pairs: every.length,
      scoreMs: all.ms,
      matchers: nomenklaturaAlgorithms.map((name) => ({ matcher: name, results: countAt(all.ranked.get(name)!, key, thresholds) })),
    };
  }
  return comparison;
}

/** Each record's candidates by our matcher: blocking's, and the key's pairs of the record that blocking left out. */
function ourCandidates({ records, actors, limits }: ComparisonInput, key: readonly KeyPair[]): Ranked {
  const matching = prepareMatching(records.map(unScParty), actors.map((actor) => actorParty(actor, actor.countries)));
  const actorsById = new Map(matching.targets.map((actor) => [actor.party.id, actor]));
  const ranked: Ranked = new Map();
  for (const record of matching.queries) {
    const pairs = matchPrepared(matching, record, limits).pairs;
    for (const pair of key) {
      const actor = actorsById.get(pair.actor);
      if (pair.record === record.party.id && actor && !pairs.some((p) => p.right === pair.actor)) pairs.push(scorePair(record, actor, matching.weight));
    }
    ranked.set(record.party.id, pairs.sort(byScore));
  }
  return ranked;
}

/** Runs nomenklatura_score.py on the pairs (record reference, actor id), the actor the query: each algorithm's candidates per record, best first. */
function scoreWithNomenklatura(records: readonly UnScRecord[], actors: readonly SeedActor[], pairs: readonly [string, string][]) {
  const python = benchPython();
  const actorEntities = new Map(actors.map((actor) => [actor.id, actorFtmEntity(actor)]));
  const actorIds = new Map([...actorEntities].map(([id, entity]) => [entity.id, id]));
  const lines = [
    ...records.map((record) => JSON.stringify({ entity: unScFtmEntity(record) })),
    ...[...actorEntities.values()].map((entity) => JSON.stringify({ entity })),
    ...pairs.map(([record, actor]) => JSON.stringify({ pair: [actorEntities.get(actor)!.id, unScEntityId(record)] })),
  ];
  const recordIds = new Map(records.map((record) => [unScEntityId(record.referenceNumber.value), record.referenceNumber.value]));
  const script = path.join(projectRoot, 'bench', 'matching', 'nomenklatura_score.py');
  const started = performance.now();
  const result = spawnSync(python, [script, ...nomenklaturaAlgorithms], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`nomenklatura_score.py failed (exit ${result.status}): ${result.error?.message ?? result.stderr}`);
  const [header, ...rows] = result.stdout.trim().split('\n');
  const { versions } = JSON.parse(header!) as { versions: Record<string, string> };
  const ranked = new Map(nomenklaturaAlgorithms.map((name) => [name, new Map() as Ranked]));
  for (const row of rows) {
    const [query, candidate, ...scores] = JSON.parse(row) as [string, string, ...number[]];
    const [left, right] = [recordIds.get(candidate)!, actorIds.get(query)!];
    nomenklaturaAlgorithms.forEach((name, i) => {
      const list = ranked.get(name)!;
      (list.get(left) ?? list.set(left, []).get(left)!).push({ left, right, score: scores[i]!, certain: false, reasons: [] });
    });
  }
  for (const list of ranked.values()) for (const pairs of list.values()) pairs.sort(byScore);
  return { versions, ranked, ms };
}

function scoreOf(ranked: Ranked, pair: KeyPair): { score: number; rank: number } {
  const list = ranked.get(pair.record) ?? [];
  const rank = list.findIndex((candidate) => candidate.right === pair.actor);
  return { score: rank >= 0 ? list[rank]!.score : 0, rank: rank + 1 };
}

/** evaluate.ts's counting at each threshold, on these rankings. */
function countAt(ranked: Ranked, key: readonly KeyPair[], thresholds: number[]): ThresholdResult[] {
  const keyPairs: KeyPairScore[] = key
    .filter((pair) => ranked.has(pair.record))
    .map((pair) => {
      const { score, rank } = scoreOf(ranked, pair);
      return { ...pair, score, rank: rank || undefined, reasons: [] };
    });
  return thresholds.map((threshold) => atThreshold(ranked, keyPairs, { autoSame: threshold, reviewFloor: threshold }, threshold));
}
