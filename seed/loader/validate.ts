// Cross-file validation: unique ids, known references and vocabulary, dates, stance rules,
// and every quote found in its source (with its offsets). Produces the batch to write, or every problem found.
import fs from 'node:fs';
import path from 'node:path';
import { parsePartialDate } from '../../src/graph/partialDate.ts';
import { relationshipId, stanceProblems } from '../../src/graph/claimRules.ts';
import { locateQuote } from '../../src/quotes.ts';
import { actorKinds, relationshipTypes } from '../../src/vocabulary.ts';
import type { ClaimEntry, FigureEntry } from './fileSchema.ts';
import { findMentions } from './mentions.ts';
import { formatPath, type ParsedFile, type PathPart } from './readFiles.ts';
import type { Problem } from './problems.ts';
import { withHash, type ActorRecord, type ClaimLinks, type ClaimRecord, type EvidenceRecord, type FigureRecord, type SeedBatch, type SourceRecord } from './records.ts';

interface Context {
  problems: Problem[];
  sourcesDir: string;
  sourceText: Map<string, string>;
  /** Each source's publication date: when its claims were observed. */
  observed: Map<string, Observed>;
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
    ctx.observed.set(source.id, {
      observedAt: source.published ?? null,
      observedPrecision: published?.precision ?? null,
      observedStart: published?.start ?? null,
      observedEnd: published?.end ?? null,
    });
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

interface Observed { observedAt: string | null; observedPrecision: string | null; observedStart: string | null; observedEnd: string | null }

/** Checks what relationship claims and figures share: stance, claimants, source, quotes; returns their links and props. */
function checkClaim(file: ParsedFile, at: PathPart[], entry: ClaimEntry | FigureEntry, ctx: Context, report: Report) {
  for (const [field, message] of stanceProblems(entry)) report(file, [...at, field], message);
  for (const key of ['claimedBy', 'disputedBy'] as const) {
    entry[key].forEach((id, j) => {
      if (!ctx.actorIds.has(id)) report(file, [...at, key, j], `unknown actor id "${id}"`);
    });
  }
  const source = entry.source ?? file.data.source?.id;
  const evidence: EvidenceRecord[] = [];
  const text = source === undefined ? undefined : ctx.sourceText.get(source);
  if (source === undefined) report(file, [...at, 'source'], 'no source: this file has no `source` block, so the claim needs `source`');
  else if (text === undefined) report(file, [...at, 'source'], `unknown source id "${source}"`);
  else {
    entry.quotes.forEach((quote, j) => {
      const span = locateQuote(text, quote);
      if (span) evidence.push({ quote, ...span });
      else report(file, [...at, 'quotes', j], `quote not found in source "${source}" (id ${entry.id}): "${quote}"`);
    });
  }
  const links: ClaimLinks = { source: source ?? '', claimedBy: unique(entry.claimedBy), disputedBy: unique(entry.disputedBy), contradicts: unique(entry.contradicts), evidence };
  const observed: Observed = ctx.observed.get(source ?? '') ?? { observedAt: null, observedPrecision: null, observedStart: null, observedEnd: null };
  return { links, props: { stance: entry.stance, note: entry.note ?? null, ...observed } };
}

const unique = (ids: string[]) => [...new Set(ids)];

function dateProps(file: ParsedFile, at: PathPart[], key: string, value: string | undefined, report: Report) {
  if (value === undefined) return undefined;
  const date = parsePartialDate(value);
  if (!date) report(file, [...at, key], `"${value}" is not a real date`);
  return date;
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

function collectClaims(files: ParsedFile[], ctx: Context, report: Report): ClaimRecord[] {
  const records: ClaimRecord[] = [];
  for (const file of files) {
    file.data.claims.forEach((claim, i) => {
      const at: PathPart[] = ['claims', i];
      if (!relationshipTypes.includes(claim.type)) report(file, [...at, 'type'], `unknown relationship type "${claim.type}"`);
      for (const end of ['subject', 'object'] as const) {
        if (!ctx.actorIds.has(claim[end])) report(file, [...at, end], `unknown actor id "${claim[end]}"`);
      }
      const since = dateProps(file, at, 'since', claim.since, report);
      const until = dateProps(file, at, 'until', claim.until, report);
      if (since && until && since.start > until.end) report(file, [...at, 'until'], `until ${claim.until} is before since ${claim.since}`);
      const { links, props } = checkClaim(file, at, claim, ctx, report);
      const relationship = relationshipId(claim.subject, claim.type, claim.object, claim.role);
      records.push(
        withHash({
          id: claim.id,
          type: claim.type,
          subject: claim.subject,
          object: claim.object,
          relationship,
          ...links,
          props: {
            id: claim.id,
            type: claim.type,
            relationship,
            role: claim.role ?? null,
            since: claim.since ?? null,
            sincePrecision: since?.precision ?? null,
            sinceStart: since?.start ?? null,
            until: claim.until ?? null,
            untilPrecision: until?.precision ?? null,
            untilEnd: until?.end ?? null,
            dateText: claim.dateText ?? null,
            ...props,
          },
        }),
      );
    });
  }
  return records;
}

function collectFigures(files: ParsedFile[], ctx: Context, report: Report): FigureRecord[] {
  const records: FigureRecord[] = [];
  for (const file of files) {
    file.data.figures.forEach((figure, i) => {
      const at: PathPart[] = ['figures', i];
      for (const key of ['about', 'place'] as const) {
        const id = figure[key];
        if (id !== undefined && !ctx.actorIds.has(id)) report(file, [...at, key], `unknown actor id "${id}"`);
      }
      if ((figure.value === null || figure.value === undefined) && !figure.qualifier) {
        report(file, [...at, 'value'], 'a figure without a value needs a qualifier that says what the text gives');
      }
      const date = dateProps(file, at, 'date', figure.date, report);
      const { links, props } = checkClaim(file, at, figure, ctx, report);
      records.push(
        withHash({
          id: figure.id,
          about: figure.about,
          place: figure.place ?? null,
          ...links,
          props: {
            id: figure.id,
            measure: figure.measure,
            value: figure.value ?? null,
            qualifier: figure.qualifier ?? null,
            unit: figure.unit,
            date: figure.date ?? null,
            datePrecision: date?.precision ?? null,
            ...props,
          },
        }),
      );
    });
  }
  return records;
}

/** Validates every parsed file together; problems are appended, and the batch is only usable when there are none. */
export function buildBatch(files: ParsedFile[], sourcesDir: string, problems: Problem[]): SeedBatch {
  const ctx: Context = { problems, sourcesDir, sourceText: new Map(), observed: new Map(), actorIds: new Set() };
  const report = reporter(problems);
  const sources = collectSources(files, ctx, report);
  const actors = collectActors(files, ctx, report);
  checkIds(files, report);
  const claims = collectClaims(files, ctx, report);
  const figures = collectFigures(files, ctx, report);
  const mentions = findMentions(actors.records, ctx.sourceText);
  return { sources, actors: actors.records, claims, figures, mentions, warnings: actors.warnings };
}
