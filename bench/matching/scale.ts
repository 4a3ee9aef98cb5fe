// Blocking at scale: N synthetic records against N synthetic actors (100,000 each in the issue),
// their names made of the real lists' words (so common words are as common as there) with a
// made-up surname-like word, to show each record's candidates stay bounded and the time grows
// with N, not N x N.
import { buildIndex, candidatesOf, type BlockingLimits } from '../../src/domain/matching/block.ts';
import type { Party } from '../../src/domain/matching/party.ts';
import { prepareParty, scorePair, wordWeights } from '../../src/domain/matching/score.ts';

export interface ScaleResult {
  records: number;
  actors: number;
  prepareMs: number;
  indexMs: number;
  blockMs: number;
  scoreMs: number;
  candidatesPerRecord: { mean: number; max: number };
  postingsReadPerRecord: number;
  pairsScored: number;
}

/** A deterministic generator (mulberry32), so that every run measures the same parties. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n parties: 1 to 3 words of real names (drawn as often as they occur) and one made-up word, a person one time in two. */
export function syntheticParties(words: readonly string[], n: number, seed: number, prefix: string): Party[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const syllables = ['ka', 'ri', 'mo', 'za', 'tu', 'el', 'an', 'sha', 'dor', 'vi', 'lu', 'ne', 'bak', 'hu', 'ot'];
  return Array.from({ length: n }, (_, i) => {
    const made = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(syllables)).join('');
    const real = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words));
    return { id: `${prefix}${i}`, kind: next() < 0.5 ? 'person' : 'organization', names: [{ value: [...real, made].join(' ') }] };
  });
}

/** Blocks every record and scores its candidates; times each stage. */
export function measureScale(records: readonly Party[], actors: readonly Party[], limits: BlockingLimits): ScaleResult {
  let started = performance.now();
  const preparedRecords = records.map(prepareParty);
  const preparedActors = actors.map(prepareParty);
  const weight = wordWeights([...preparedRecords, ...preparedActors]);
  const prepareMs = performance.now() - started;
  started = performance.now();
  const index = buildIndex(preparedActors);
  const indexMs = performance.now() - started;
  started = performance.now();
  const blocked = preparedRecords.map((record) => candidatesOf(index, record, limits));
  const blockMs = performance.now() - started;
  started = performance.now();
  let pairsScored = 0;
  blocked.forEach(({ candidates }, i) => {
    for (const candidate of candidates) scorePair(preparedRecords[i]!, candidate, weight);
    pairsScored += candidates.length;
  });
  const scoreMs = performance.now() - started;
  const counts = blocked.map((b) => b.candidates.length);
  return {
    records: records.length,
    actors: actors.length,
    prepareMs,
    indexMs,
    blockMs,
    scoreMs,
    candidatesPerRecord: { mean: pairsScored / Math.max(1, counts.length), max: Math.max(0, ...counts) },
    postingsReadPerRecord: blocked.reduce((sum, b) => sum + b.examined, 0) / Math.max(1, blocked.length),
    pairsScored,
  };
}
