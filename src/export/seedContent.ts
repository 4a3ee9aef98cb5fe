// What the seed files hold, and a record's content as the loader would store it: what the seed
// export (seedExport.ts) compares a record the API wrote with, to tell whether the files hold it
// already, hold another version of it, or lack it.
import fs from 'node:fs';
import path from 'node:path';
import type { ActorEntry, ClaimEntry, FigureEntry } from '../domain/fileSchema.ts';
import { SeedValidationError, type Problem } from '../domain/problems.ts';
import { squashWhitespace } from '../domain/quotes.ts';
import { listDataFiles, readDataFile } from '../loader/readFiles.ts';
import { textHash } from '../loader/recordHash.ts';
import { projectRoot } from '../config.ts';
import type { GradeEntry } from '../domain/grading.ts';

/** A record's content as the loader would store it: what an API record and a seed file's are compared on. */
export type Content = Record<string, unknown>;

/** Records of the seed files by id: the file (relative to the project) and the content. */
export type FileRecords = Map<string, { file: string; content: Content }>;

/** What the seed files hold: their records, and the contradicting pairs ("a|b", ids in order). */
export interface SeedFiles {
  sources: FileRecords;
  actors: FileRecords;
  claims: FileRecords;
  figures: FileRecords;
  contradictions: Set<string>;
}

export const pairKey = (a: string, b: string) => [a, b].sort().join('|');
export const sorted = (items: readonly string[]) => [...new Set(items)].sort();

type SourceFields = { [K in 'title' | 'publisher' | 'author' | 'published' | 'url' | 'via' | 'language' | 'accessed']?: string | null } & { reliability?: GradeEntry<string> | null };

/** A grade as the seed format writes it: grade and reason (who and when are the change log's). */
const gradeContent = <G extends string | number>(grading: GradeEntry<G> | null | undefined) => (grading ? { grade: grading.grade, reason: grading.reason } : null);

export const sourceContent = (s: SourceFields, hash: string | null): Content => ({
  title: s.title,
  publisher: s.publisher ?? null,
  author: s.author ?? null,
  published: s.published ?? null,
  url: s.url ?? null,
  via: s.via ?? null,
  language: s.language ?? null,
  accessed: s.accessed ?? null,
  textHash: hash,
  reliability: gradeContent(s.reliability),
});

/** Aliases as the loader keeps them: once each, without the name. */
export const actorContent = (a: ActorEntry): Content => ({
  kind: a.kind,
  name: a.name,
  aliases: [...new Set(a.aliases.filter((alias) => alias !== a.name))],
  description: a.description ?? null,
});

/**
 * Contradictions are edges, compared on their own; quotes, claimants and disputers in any order;
 * quotes up to whitespace (the loader stores a quote as its source prints it: a file's plain space
 * may stand for the text's no-break space).
 */
export const claimContent = (c: ClaimEntry): Content => ({
  type: c.type,
  subject: c.subject,
  object: c.object,
  role: c.role ?? null,
  since: c.since ?? null,
  until: c.until ?? null,
  dateText: c.dateText ?? null,
  stance: c.stance,
  claimedBy: sorted(c.claimedBy),
  disputedBy: sorted(c.disputedBy),
  source: c.source ?? null,
  note: c.note ?? null,
  quotes: sorted(c.quotes.map(squashWhitespace)),
  retracted: c.retracted ?? null,
  credibility: gradeContent(c.credibility),
});

/** A figure, compared as a claim is (quotes up to whitespace, claimants and disputers in any order). */
export const figureContent = (f: FigureEntry): Content => ({
  about: f.about,
  place: f.place ?? null,
  measure: f.measure,
  value: f.value ?? null,
  qualifier: f.qualifier ?? null,
  unit: f.unit,
  date: f.date ?? null,
  stance: f.stance,
  claimedBy: sorted(f.claimedBy),
  disputedBy: sorted(f.disputedBy),
  source: f.source ?? null,
  note: f.note ?? null,
  quotes: sorted(f.quotes.map(squashWhitespace)),
  retracted: f.retracted ?? null,
  credibility: gradeContent(f.credibility),
});

function hashOfFile(file: string): string | null {
  return fs.existsSync(file) ? textHash(fs.readFileSync(file, 'utf8')) : null;
}

/** Reads the seed files (their shape only: the loader checks the rest); throws when one cannot be read. */
export function readSeedFiles(dataDir: string, sourcesDir: string): SeedFiles {
  const problems: Problem[] = [];
  const seed: SeedFiles = { sources: new Map(), actors: new Map(), claims: new Map(), figures: new Map(), contradictions: new Set() };
  for (const file of listDataFiles(dataDir)) {
    const name = path.relative(projectRoot, file);
    const data = readDataFile(file, name, problems)?.data;
    if (!data) continue;
    if (data.source) seed.sources.set(data.source.id, { file: name, content: sourceContent(data.source, hashOfFile(path.join(sourcesDir, data.source.file))) });
    for (const actor of data.actors) seed.actors.set(actor.id, { file: name, content: actorContent(actor) });
    for (const claim of data.claims) {
      seed.claims.set(claim.id, { file: name, content: claimContent({ ...claim, source: claim.source ?? data.source?.id }) });
      for (const other of claim.contradicts) seed.contradictions.add(pairKey(claim.id, other));
    }
    for (const figure of data.figures) seed.figures.set(figure.id, { file: name, content: figureContent({ ...figure, source: figure.source ?? data.source?.id }) });
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return seed;
}
