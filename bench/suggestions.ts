// The suggestions' leave-one-out figures on the five seeds (src/domain/suggestionsLeaveOneOut.ts):
// the seed files read as the loader reads them, a table for the bench output and docs/suggestions.md,
// and bench/results/suggestions.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../src/domain/problems.ts';
import { leaveOneOut, type LeaveOneOutRow, type SeedCase } from '../src/domain/suggestionsLeaveOneOut.ts';
import type { KnownActor } from '../src/domain/suggestions.ts';
import { vocabulary } from '../src/domain/vocabulary.ts';
import { defaultDataDir, defaultSourcesDir } from '../src/loader/load.ts';
import { listDataFiles, readDataFile, type ParsedFile } from '../src/loader/readFiles.ts';

/** The seed's files: one case per source file, and the shared actors (files without a source, actors.yaml). */
export function readSeedCases(dataDir = defaultDataDir, sourcesDir = defaultSourcesDir): { seeds: SeedCase[]; shared: KnownActor[] } {
  const problems: Problem[] = [];
  const files = listDataFiles(dataDir).map((file) => readDataFile(file, path.basename(file), problems));
  if (problems.length > 0) throw new Error(`the seed does not read: ${problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ')}`);
  const parsed = files.filter((file): file is ParsedFile => file !== undefined);
  const actorsOf = (file: ParsedFile): KnownActor[] => file.data.actors.map(({ id, name, aliases, kind }) => ({ id, name, aliases, kind }));
  const seeds = parsed.flatMap(({ data, ...file }) => {
    if (!data.source) return [];
    const references = [
      ...data.claims.flatMap((c) => [c.subject, c.object, ...(c.claimedBy ?? []), ...(c.disputedBy ?? [])]),
      ...data.figures.flatMap((f) => [f.about, ...(f.place ? [f.place] : []), ...(f.claimedBy ?? []), ...(f.disputedBy ?? [])]),
    ];
    return [{
      id: data.source.id,
      text: fs.readFileSync(path.join(sourcesDir, data.source.file), 'utf8'),
      published: data.source.published ?? null,
      actors: actorsOf({ data, ...file }),
      claims: data.claims.filter((c) => !c.retracted).map(({ subject, type, object, stance }) => ({ subject, type, object, stance })),
      references,
    }];
  });
  const shared = parsed.filter((file) => !file.data.source).flatMap(actorsOf);
  return { seeds, shared };
}

/** The figures, computed from the seed files. */
export function suggestionFigures(): { rows: LeaveOneOutRow[]; total: LeaveOneOutRow } {
  const { seeds, shared } = readSeedCases();
  return leaveOneOut(seeds, shared, vocabulary);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The figures as a Markdown table, one row per left-out seed and the total. */
export function suggestionTable({ rows, total }: { rows: LeaveOneOutRow[]; total: LeaveOneOutRow }): string {
  const line = (r: LeaveOneOutRow) => `| ${r.seed} | ${r.curated} | ${r.proposals} | ${r.recalled} (${percent(r.recall)}) | ${r.matched} (${percent(r.precision)}) | ${r.stanceAgreed} (${percent(r.stanceAgreement)}) |`;
  return [
    '| left-out seed | curated triples | proposals | recall | precision | stance agreement |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(line),
    line({ ...total, seed: '**all (summed)**' }),
  ].join('\n');
}

/** Writes bench/results/suggestions.json and returns the table (npm run bench prints it). */
export function runSuggestionBench(resultsDir: string): string {
  const figures = suggestionFigures();
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'suggestions.json'), `${JSON.stringify(figures, null, 2)}\n`);
  return suggestionTable(figures);
}
