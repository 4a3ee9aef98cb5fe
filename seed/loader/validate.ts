// Cross-file validation: unique ids, known references and vocabulary, dates, claim rules,
// and every quote found in its source. Produces the batch to write, or every problem found.
import fs from 'node:fs';
import path from 'node:path';
import { parsePartialDate } from '../../src/graph/partialDate.ts';
import { actorKinds, claimStatuses, relationshipTypes } from '../../src/vocabulary.ts';
import type { FigureEntry, RelationshipEntry } from './fileSchema.ts';
import { findMentions } from './mentions.ts';
import { formatPath, type ParsedFile, type PathPart } from './readFiles.ts';
import type { Problem } from './problems.ts';
import { withHash, type ActorRecord, type FigureRecord, type Props, type RelationshipRecord, type SeedBatch, type SourceRecord } from './records.ts';

/** Whitespace is the only thing normalised before quotes are compared with their source. */
export const normaliseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Context {
  problems: Problem[];
  sourcesDir: string;
  sourceText: Map<string, string>;
  normalisedText: Map<string, string>;
  actorIds: Set<string>;
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
    ctx.normalisedText.set(source.id, normaliseWhitespace(text));
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
          file: source.file,
          text,
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

/** Checks what relationships and figures share: status rules, claimants, evidence. */
function checkClaim(file: ParsedFile, at: PathPart[], entry: RelationshipEntry | FigureEntry, ctx: Context, report: Report): Props {
  if (!claimStatuses.includes(entry.status)) {
    report(file, [...at, 'status'], `unknown status "${entry.status}" (expected one of ${claimStatuses.join(', ')})`);
  }
  if (entry.status === 'ALLEGED' && entry.claimedBy.length === 0) report(file, [...at, 'claimedBy'], 'an ALLEGED claim needs claimedBy');
  if (entry.status === 'DISPUTED' && entry.disputedBy.length === 0) report(file, [...at, 'disputedBy'], 'a DISPUTED claim needs disputedBy');
  if (entry.status === 'REPORTED' && entry.disputedBy.length > 0) {
    report(file, [...at, 'status'], 'a claim with disputedBy must have status DISPUTED');
  }
  for (const key of ['claimedBy', 'disputedBy'] as const) {
    entry[key].forEach((id, j) => {
      if (!ctx.actorIds.has(id)) report(file, [...at, key, j], `unknown actor id "${id}"`);
    });
  }
  const sources: string[] = [];
  const quotes: string[] = [];
  entry.evidence.forEach((evidence, j) => {
    const sourceId = evidence.source ?? file.data.source?.id;
    if (!sourceId) return report(file, [...at, 'evidence', j, 'source'], 'no source: this file has no `source` block, so evidence needs `source`');
    const text = ctx.normalisedText.get(sourceId);
    if (text === undefined) return report(file, [...at, 'evidence', j, 'source'], `unknown source id "${sourceId}"`);
    if (!text.includes(normaliseWhitespace(evidence.quote))) {
      report(file, [...at, 'evidence', j, 'quote'], `quote not found in source "${sourceId}" (id ${entry.id}): "${evidence.quote}"`);
    }
    sources.push(sourceId);
    quotes.push(evidence.quote);
  });
  return {
    status: entry.status,
    claimedBy: entry.claimedBy,
    disputedBy: entry.disputedBy,
    note: entry.note ?? null,
    sources: [...new Set(sources)],
    evidenceSources: sources,
    evidenceQuotes: quotes,
  };
}

function dateProps(file: ParsedFile, at: PathPart[], key: string, value: string | undefined, report: Report) {
  if (value === undefined) return undefined;
  const date = parsePartialDate(value);
  if (!date) report(file, [...at, key], `"${value}" is not a real date`);
  return date;
}

function collectRelationships(files: ParsedFile[], ctx: Context, report: Report): RelationshipRecord[] {
  const records: RelationshipRecord[] = [];
  const seen = new Set<string>();
  const conflicts: { file: ParsedFile; at: PathPart[]; id: string }[] = [];
  for (const file of files) {
    file.data.relationships.forEach((rel, i) => {
      const at: PathPart[] = ['relationships', i];
      if (seen.has(rel.id)) report(file, [...at, 'id'], `duplicate relationship id "${rel.id}"`);
      seen.add(rel.id);
      if (!relationshipTypes.includes(rel.type)) report(file, [...at, 'type'], `unknown relationship type "${rel.type}"`);
      for (const end of ['from', 'to'] as const) {
        if (!ctx.actorIds.has(rel[end])) report(file, [...at, end], `unknown actor id "${rel[end]}"`);
      }
      const since = dateProps(file, at, 'since', rel.since, report);
      const until = dateProps(file, at, 'until', rel.until, report);
      if (since && until && since.start > until.end) report(file, [...at, 'until'], `until ${rel.until} is before since ${rel.since}`);
      rel.conflictsWith.forEach((id, j) => conflicts.push({ file, at: [...at, 'conflictsWith', j], id }));
      const claim = checkClaim(file, at, rel, ctx, report);
      records.push(
        withHash({
          id: rel.id,
          type: rel.type,
          from: rel.from,
          to: rel.to,
          props: {
            id: rel.id,
            role: rel.role ?? null,
            since: rel.since ?? null,
            sincePrecision: since?.precision ?? null,
            sinceStart: since?.start ?? null,
            until: rel.until ?? null,
            untilPrecision: until?.precision ?? null,
            untilEnd: until?.end ?? null,
            dateText: rel.dateText ?? null,
            conflictsWith: rel.conflictsWith,
            ...claim,
          },
        }),
      );
    });
  }
  for (const conflict of conflicts) {
    if (!seen.has(conflict.id)) report(conflict.file, conflict.at, `conflictsWith names unknown relationship "${conflict.id}"`);
  }
  return records;
}

function collectFigures(files: ParsedFile[], ctx: Context, report: Report): FigureRecord[] {
  const records: FigureRecord[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    file.data.figures.forEach((figure, i) => {
      const at: PathPart[] = ['figures', i];
      if (seen.has(figure.id)) report(file, [...at, 'id'], `duplicate figure id "${figure.id}"`);
      seen.add(figure.id);
      for (const key of ['about', 'place'] as const) {
        const id = figure[key];
        if (id !== undefined && !ctx.actorIds.has(id)) report(file, [...at, key], `unknown actor id "${id}"`);
      }
      if ((figure.value === null || figure.value === undefined) && !figure.qualifier) {
        report(file, [...at, 'value'], 'a figure without a value needs a qualifier that says what the text gives');
      }
      const date = dateProps(file, at, 'date', figure.date, report);
      const claim = checkClaim(file, at, figure, ctx, report);
      records.push(
        withHash({
          id: figure.id,
          about: figure.about,
          place: figure.place ?? null,
          claimedBy: figure.claimedBy,
          disputedBy: figure.disputedBy,
          props: {
            id: figure.id,
            measure: figure.measure,
            value: figure.value ?? null,
            qualifier: figure.qualifier ?? null,
            unit: figure.unit,
            date: figure.date ?? null,
            datePrecision: date?.precision ?? null,
            ...claim,
          },
        }),
      );
    });
  }
  return records;
}

/** Validates every parsed file together; problems are appended, and the batch is only usable when there are none. */
export function buildBatch(files: ParsedFile[], sourcesDir: string, problems: Problem[]): SeedBatch {
  const ctx: Context = { problems, sourcesDir, sourceText: new Map(), normalisedText: new Map(), actorIds: new Set() };
  const report = reporter(problems);
  const sources = collectSources(files, ctx, report);
  const actors = collectActors(files, ctx, report);
  const relationships = collectRelationships(files, ctx, report);
  const figures = collectFigures(files, ctx, report);
  const mentions = findMentions(actors.records, ctx.sourceText);
  return { sources, actors: actors.records, relationships, figures, mentions, warnings: actors.warnings };
}
