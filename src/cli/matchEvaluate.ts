// npm run bench:match: the entity matcher (src/domain/matching/) against the labelled key
// (bench/matching/un-sc-key.yaml) on both UN list snapshots: precision, recall and F1 at the
// auto-SAME threshold and the review floor (src/config.ts matchingSettings), blocking's
// candidates per record, and the time. `--json` prints the whole evaluation; `--scale N` times
// blocking and scoring N synthetic records against N synthetic actors (bench/matching/scale.ts);
// `--nomenklatura` prints, as Markdown, ours side by side with nomenklatura's (the OpenSanctions
// matcher, bench/matching/nomenklatura.ts) on the same pairs, and it on every 2024 pair.
import { matchingSettings } from '../config.ts';
import { UserError } from '../errors.ts';
import { actorCountries } from '../domain/matching/actorParty.ts';
import { compareWithNomenklatura, nomenklaturaThresholds } from '../../bench/matching/nomenklatura.ts';
import { comparisonMarkdown } from '../../bench/matching/nomenklaturaReport.ts';
import { evaluateSnapshot, type SnapshotEvaluation, type ThresholdResult } from '../../bench/matching/evaluate.ts';
import { measureScale, syntheticParties } from '../../bench/matching/scale.ts';
import { keySnapshots, readActorParties, readKey, readSeedActors, readSnapshotParties, readSnapshotRecords } from '../../bench/matching/inputs.ts';
import { runMain } from './run.ts';

async function main(): Promise<number> {
  const settings = matchingSettings();
  const scale = process.argv.indexOf('--scale');
  if (scale >= 0) {
    const raw = process.argv[scale + 1] ?? '100000';
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`--scale takes a positive whole number of records and actors, got "${raw}"`);
    return scaleRun(n, settings);
  }
  if (process.argv.includes('--nomenklatura')) return nomenklaturaRun(settings);
  const key = readKey();
  const actors = readActorParties();
  const results: (SnapshotEvaluation & { readMs: number })[] = [];
  for (const snapshot of keySnapshots) {
    const { parties, readMs } = readSnapshotParties(snapshot);
    results.push({ ...evaluateSnapshot({ snapshot, records: parties, actors, key, thresholds: settings, limits: settings }), readMs });
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return 0;
  }
  for (const result of results) printEvaluation(result);
  return 0;
}

/** N x N synthetic parties whose words are the 2024 list's words. */
function scaleRun(n: number, settings: ReturnType<typeof matchingSettings>): number {
  const { parties } = readSnapshotParties(keySnapshots[1]);
  const words = parties.flatMap((party) => party.names.flatMap((name) => name.value.split(/\s+/))).filter((word) => /^\p{L}{3,}$/u.test(word));
  const result = measureScale(syntheticParties(words, n, 1, 'r'), syntheticParties(words, n, 2, 'a'), settings);
  console.log(JSON.stringify(result, (_, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value), 2));
  return 0;
}

/** Ours and nomenklatura's on both snapshots, at our thresholds and at yente's, as Markdown. */
function nomenklaturaRun(settings: ReturnType<typeof matchingSettings>): number {
  const key = readKey();
  const seed = readSeedActors();
  const countries = actorCountries(seed.actors, seed.claims);
  const actors = seed.actors.map((actor) => ({ ...actor, countries: countries.get(actor.id) }));
  const names = {
    [settings.autoSame]: '(our auto SAME)',
    [settings.reviewFloor]: '(our review floor)',
    [nomenklaturaThresholds.match]: '(yente match)',
    [nomenklaturaThresholds.cutoff]: '(yente cutoff)',
  };
  const thresholds = [...new Set(Object.keys(names).map(Number))].sort((a, b) => b - a);
  const automatic = { ours: settings.autoSame, nomenklatura: nomenklaturaThresholds.match };
  for (const snapshot of [...keySnapshots].reverse()) {
    const { records } = readSnapshotRecords(snapshot);
    const comparison = compareWithNomenklatura({ snapshot, records, actors, key, thresholds, limits: settings, allPairs: snapshot === keySnapshots[1] });
    if (snapshot === keySnapshots[1]) console.log(`Versions: ${Object.entries(comparison.versions).map(([name, version]) => `${name} ${version}`).join(', ')}\n`);
    console.log(comparisonMarkdown(comparison, names, automatic));
  }
  return 0;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function printThreshold(name: string, result: ThresholdResult): void {
  console.log(`  ${name} >= ${result.threshold}: precision ${percent(result.precision)}, recall ${percent(result.recall)}, F1 ${result.f1.toFixed(3)} (${result.found} found, ${result.falsePositives.length} false)`);
  for (const fp of result.falsePositives) console.log(`    false: ${fp.record} -> ${fp.actor} ${fp.score} (${fp.why})`);
  for (const miss of result.missed) console.log(`    missed: ${miss.record} = ${miss.actor}: score ${miss.score}, rank ${miss.rank ?? 'not blocked'}${miss.decided ? `, decided ${miss.decided}` : ''}`);
}

function printEvaluation(result: SnapshotEvaluation & { readMs: number }): void {
  console.log(`UN SC ${result.snapshot}: ${result.records} records x ${result.actors} actors`);
  console.log(
    `  blocking: ${result.candidatesPerRecord.mean.toFixed(2)} candidates per record (max ${result.candidatesPerRecord.max}), ` +
      `${result.pairsScored} of ${result.allPairs} pairs scored; key SAME pairs blocked in: ${percent(result.blockingRecall)}`,
  );
  console.log(`  time: read ${result.readMs.toFixed(0)} ms, match ${result.matchMs.toFixed(0)} ms`);
  printThreshold('auto SAME', result.auto);
  printThreshold('review', result.review);
  const negatives = result.keyPairs.filter((pair) => pair.label === 'NOT_SAME').sort((a, b) => b.score - a.score);
  console.log(`  hard negatives (${negatives.length}), highest first: ${negatives.slice(0, 6).map((pair) => `${pair.record}/${pair.actor} ${pair.score.toFixed(3)}`).join(', ')}`);
}

runMain(main);
