// Cross-file validation: unique ids, known references and vocabulary, dates, stance rules,
// and every quote found in its source (with its offsets). Produces the batch to write, or every problem found.
import fs from 'node:fs';
import path from 'node:path';
import { parsePartialDate } from '../domain/partialDate.ts';
import { quoteFinder, type QuoteSpan } from '../domain/quotes.ts';
import { actorKinds } from '../domain/vocabulary.ts';
import { gradeProps } from '../domain/grading.ts';
import { claimRecord, figureRecord, observedAt, unobserved, type ClaimLookup, type Observed, type ReportAt } from '../domain/claimCheck.ts';
import { findMentions, linkedActors } from './mentions.ts';
import type { ParsedFile } from './readFiles.ts';
import { formatPath, type PathPart, type Problem } from '../domain/problems.ts';
import type { ActorRecord, ClaimRecord, FigureRecord, SeedBatch, SourceRecord } from '../domain/records.ts';
import { textHash, withHash } from './recordHash.ts';

interface Context {
  problems: Problem[];
  sourcesDir: string;
  sourceText: Map<string, string>;
  /** Each source's publication date: when its claims were observed. */
  observed: Map<string, Observed>;
  actorIds: Set<string>;
  /** Each source's quote finder, made once for all its claims. */
  quoteFinders: Map<string, (quote: string) => QuoteSpan | null>;
}

type Report = (file: ParsedFile, parts: PathPart[], message: string) => void;

function reporter(problems: Problem[]): Report {
  return (file, parts, message) => problems.push({ file: file.name, line: file.lineOf(parts), path: formatPath(parts), message });
}

function collectSources(files: ParsedFile[], ctx: Context, report: Report): SourceRecord[] {
  const records: SourceRecord[] = [];
  for (const file of files) {
    const source = file.data.source;
    if (!source) continue;
    if (ctx.sourceText.has(source.id)) {
      report(file, ['source', 'id'], `duplicate source id "${source.id}"`);
      continue;
    }
    const textPath = path.resolve(ctx.sourcesDir, source.file);
    if (!textPath.startsWith(path.resolve(ctx.sourcesDir) + path.sep) || !fs.existsSync(textPath)) {
      report(file, ['source', 'file'], `source text "${source.file}" not found in ${ctx.sourcesDir}`);
      continue;
    }
    const published = source.published ? parsePartialDate(source.published) : undefined;
    if (source.published && !published) report(file, ['source', 'published'], `"${source.published}" is not a real date`);
    const text = fs.readFileSync(textPath, 'utf8');
    ctx.sourceText.set(source.id, text);
    ctx.observed.set(source.id, observedAt(source.published));
    records.push(
      withHash({
        id: source.id,
        props: {
          id: source.id,
          title: source.title,
          publisher: source.publisher ?? null,
          series: source.series ?? null,
          author: source.author ?? null,
          published: source.published ?? null,
          publishedPrecision: published?.precision ?? null,
          dateNote: source.dateNote ?? null,
          url: source.url ?? null,
          via: source.via ?? null,
          language: source.language ?? null,
          accessed: source.accessed ?? null,
          file: source.file,
          text,
          textHash: textHash(text),
          ...gradeProps('reliability', source.reliability),
        },
      }),
    );
  }
  return records;
}

function collectActors(files: ParsedFile[], ctx: Context, report: Report) {
  const records: ActorRecord[] = [];
  const aliasOwner = new Map<string, string>();
  const warnings: string[] = [];
  for (const file of files) {
    file.data.actors.forEach((actor, i) => {
      const at: PathPart[] = ['actors', i];
      if (ctx.actorIds.has(actor.id)) return report(file, [...at, 'id'], `duplicate actor id "${actor.id}"`);
      if (!actorKinds.includes(actor.kind)) {
        return report(file, [...at, 'kind'], `unknown actor kind "${actor.kind}" (expected one of ${actorKinds.join(', ')})`);
      }
      ctx.actorIds.add(actor.id);
      const aliases = [...new Set(actor.aliases.filter((alias) => alias !== actor.name))];
      for (const alias of [actor.name, ...aliases]) {
        const owner = aliasOwner.get(alias.toLowerCase());
        if (owner && owner !== actor.id) warnings.push(`${file.name}: "${alias}" names both ${owner} and ${actor.id}`);
        aliasOwner.set(alias.toLowerCase(), actor.id);
      }
      records.push(
        withHash({
          id: actor.id,
          kind: actor.kind,
          props: { id: actor.id, kind: actor.kind, name: actor.name, aliases, description: actor.description ?? null },
        }),
      );
    });
  }
  return { records, warnings };
}

/** Claim and figure ids are unique across both; a claim contradicts claims, a figure figures. */
function checkIds(files: ParsedFile[], report: Report): Map<string, 'claims' | 'figures'> {
  const kindOf = new Map<string, 'claims' | 'figures'>();
  for (const file of files) {
    for (const kind of ['claims', 'figures'] as const) {
      file.data[kind].forEach((entry, i) => {
        if (kindOf.has(entry.id)) report(file, [kind, i, 'id'], `duplicate claim id "${entry.id}"`);
        else kindOf.set(entry.id, kind);
      });
    }
  }
  for (const file of files) {
    for (const kind of ['claims', 'figures'] as const) {
      file.data[kind].forEach((entry, i) => {
        entry.contradicts.forEach((id, j) => {
          const at = [kind, i, 'contradicts', j];
          if (id === entry.id) report(file, at, 'a claim cannot contradict itself');
          else if (!kindOf.has(id)) report(file, at, `contradicts names unknown claim "${id}"`);
          else if (kindOf.get(id) !== kind) report(file, at, `"${id}" is in ${kindOf.get(id)}: a claim in ${kind} can only contradict ${kind}`);
        });
      });
    }
  }
  return kindOf;
}

/** The lookups a claim's checks make, over the whole batch. */
function claimLookup(ctx: Context): ClaimLookup {
  return {
    hasActor: (id) => ctx.actorIds.has(id),
    source: (id) => {
      const text = ctx.sourceText.get(id);
      if (text === undefined) return undefined;
      let findQuote = ctx.quoteFinders.get(id);
      if (!findQuote) ctx.quoteFinders.set(id, (findQuote = quoteFinder(text)));
      return { text, observed: ctx.observed.get(id) ?? unobserved, findQuote };
    },
  };
}

const at = (file: ParsedFile, prefix: PathPart[], report: Report): ReportAt => (parts, message) => report(file, [...prefix, ...parts], message);

function collectClaims(files: ParsedFile[], ctx: Context, report: Report): ClaimRecord[] {
  const lookup = claimLookup(ctx);
  return files.flatMap((file) => file.data.claims.map((claim, i) => withHash(claimRecord(claim, file.data.source?.id, lookup, at(file, ['claims', i], report)))));
}

function collectFigures(files: ParsedFile[], ctx: Context, report: Report): FigureRecord[] {
  const lookup = claimLookup(ctx);
  return files.flatMap((file) => file.data.figures.map((figure, i) => withHash(figureRecord(figure, file.data.source?.id, lookup, at(file, ['figures', i], report)))));
}

/** Validates every parsed file together; problems are appended, and the batch is only usable when there are none. */
export function buildBatch(files: ParsedFile[], sourcesDir: string, problems: Problem[]): SeedBatch {
  const ctx: Context = { problems, sourcesDir, sourceText: new Map(), observed: new Map(), actorIds: new Set(), quoteFinders: new Map() };
  const report = reporter(problems);
  const sources = collectSources(files, ctx, report);
  const actors = collectActors(files, ctx, report);
  checkIds(files, report);
  const claims = collectClaims(files, ctx, report);
  const figures = collectFigures(files, ctx, report);
  const mentions = findMentions(actors.records, ctx.sourceText, linkedActors([...claims, ...figures]));
  return { sources, actors: actors.records, claims, figures, mentions, warnings: actors.warnings };
}
