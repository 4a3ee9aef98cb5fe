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
  /** Records matched per second end to end (prepare, index, block, score). */
  recordsPerSecond: number;
  /** All pairs on a sample: how many records were scored against every actor, and the ms per record both ways. */
  allPairs: { sample: number; msPerRecord: number; blockedMsPerRecord: number; ratio: number };
  /** The process's peak resident memory during the run (MiB). */
  peakRssMiB: number;
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

/** Records scored against every actor for the all-pairs baseline (each is N pairs). */
const allPairsSample = 20;

/** Blocks every record and scores its candidates; times each stage, and the all-pairs baseline on a sample. */
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
  // The baseline blocking avoids: a sample of records scored against every actor.
  const sample = preparedRecords.slice(0, Math.min(allPairsSample, preparedRecords.length));
  started = performance.now();
  for (const record of sample) for (const actor of preparedActors) scorePair(record, actor, weight);
  const allPairsMs = performance.now() - started;
  const blockedMsPerRecord = (blockMs + scoreMs) / Math.max(1, records.length);
  const allPairsMsPerRecord = allPairsMs / Math.max(1, sample.length);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
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
    recordsPerSecond: records.length / ((prepareMs + indexMs + blockMs + scoreMs) / 1000),
    allPairs: { sample: sample.length, msPerRecord: allPairsMsPerRecord, blockedMsPerRecord, ratio: allPairsMsPerRecord / Math.max(1e-9, blockedMsPerRecord) },
    peakRssMiB,
  };
}
