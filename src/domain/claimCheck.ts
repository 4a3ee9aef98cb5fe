// One claim's checks and the record it becomes, shared by the loader (src/loader/validate.ts)
// and the API's writes (src/writes/claims.ts, figures.ts), so that both refuse the same claims with the same
// messages: known actors and type, real dates, the stance rules, a known source, every quote
// verbatim (found up to whitespace, stored as the source prints it). The record's hash is the
// caller's (src/loader/recordHash.ts: node:crypto).
import { relationshipId, stanceProblems } from './claimRules.ts';
import { gradeProps } from './grading.ts';
import { parsePartialDate, type PartialDate } from './partialDate.ts';
import { locateQuote, quoteMismatch, quoteMismatchMessage, type QuoteMismatch, type QuoteSpan } from './quotes.ts';
import { relationshipTypes } from './vocabulary.ts';
import type { ClaimEntry, FigureEntry } from './fileSchema.ts';
import type { PathPart } from './problems.ts';
import type { ClaimLinks, ClaimRecord, EvidenceRecord, FigureRecord, Props } from './records.ts';

/** When a source's claims were observed: its publication date. */
export interface Observed {
  observedAt: string | null;
  observedPrecision: string | null;
  observedStart: string | null;
  observedEnd: string | null;
}

export const unobserved: Observed = { observedAt: null, observedPrecision: null, observedStart: null, observedEnd: null };

export function observedAt(published: string | null | undefined): Observed {
  const date = published ? parsePartialDate(published) : undefined;
  if (!published || !date) return unobserved;
  return { observedAt: published, observedPrecision: date.precision, observedStart: date.start, observedEnd: date.end };
}

/** What a claim's checks need to know of the rest of the graph. */
export interface ClaimLookup {
  hasActor(id: string): boolean;
  /** A source's text and observation date; undefined when there is no such source. */
  source(id: string): { text: string; observed: Observed; findQuote?: (quote: string) => QuoteSpan | null } | undefined;
}

/** Reports a problem at a path inside the claim; for a quote not in its source, where it departs from the text. */
export type ReportAt = (parts: PathPart[], message: string, quote?: QuoteMismatch) => void;

const unique = (ids: readonly string[]) => [...new Set(ids)];

export function checkedDate(key: string, value: string | undefined, report: ReportAt): PartialDate | undefined {
  if (value === undefined) return undefined;
  const date = parsePartialDate(value);
  if (!date) report([key], `"${value}" is not a real date`);
  return date;
}

/** Retraction as the seed format and the API store it: flat properties, absent while the claim stands. */
export function retractionProps(retracted: { at: string; by: string; reason: string } | null | undefined): Props {
  if (!retracted) return {};
  return { retracted: true, retractedAt: retracted.at, retractedBy: retracted.by, retractedReason: retracted.reason };
}

/** Checks what relationship claims and figures share: stance, claimants, source, quotes; returns their links and props. */
export function checkClaimCore(entry: ClaimEntry | FigureEntry, fileSource: string | undefined, lookup: ClaimLookup, report: ReportAt) {
  for (const [field, message] of stanceProblems(entry)) report([field], message);
  for (const key of ['claimedBy', 'disputedBy'] as const) {
    entry[key].forEach((id, j) => {
      if (!lookup.hasActor(id)) report([key, j], `unknown actor id "${id}"`);
    });
  }
  const sourceId = entry.source ?? fileSource;
  const source = sourceId === undefined ? undefined : lookup.source(sourceId);
  const evidence: EvidenceRecord[] = [];
  if (sourceId === undefined) report(['source'], 'no source: this file has no `source` block, so the claim needs `source`');
  else if (source === undefined) report(['source'], `unknown source id "${sourceId}"`);
  else {
    entry.quotes.forEach((quote, j) => {
      const span = source.findQuote ? source.findQuote(quote) : locateQuote(source.text, quote);
      // Found up to whitespace, stored as printed: the quote is the source's own characters at its span.
      if (span) evidence.push({ quote: source.text.slice(span.start, span.end), ...span });
      else {
        const mismatch = quoteMismatch(source.text, quote);
        report(['quotes', j], quoteMismatchMessage(mismatch), mismatch ?? undefined);
      }
    });
  }
  const links: ClaimLinks = { source: sourceId ?? '', claimedBy: unique(entry.claimedBy), disputedBy: unique(entry.disputedBy), contradicts: unique(entry.contradicts), evidence };
  return {
    links,
    props: { stance: entry.stance, note: entry.note ?? null, ...(source?.observed ?? unobserved), ...retractionProps(entry.retracted), ...gradeProps('credibility', entry.credibility) },
  };
}

/** Checks a relationship claim and makes its record (the loader's and the API's alike), without its hash (withHash). */
export function claimRecord(claim: ClaimEntry, fileSource: string | undefined, lookup: ClaimLookup, report: ReportAt): ClaimRecord {
  if (!relationshipTypes.includes(claim.type)) report(['type'], `unknown relationship type "${claim.type}"`);
  for (const end of ['subject', 'object'] as const) {
    if (!lookup.hasActor(claim[end])) report([end], `unknown actor id "${claim[end]}"`);
  }
  if (claim.subject === claim.object) report(['object'], `is the subject too ("${claim.object}"): a claim relates two different actors`);
  const since = checkedDate('since', claim.since, report);
  const until = checkedDate('until', claim.until, report);
  if (since && until && since.start > until.end) report(['until'], `until ${claim.until} is before since ${claim.since}`);
  const { links, props } = checkClaimCore(claim, fileSource, lookup, report);
  const relationship = relationshipId(claim.subject, claim.type, claim.object, claim.role);
  return {
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
  };
}

/** Checks a figure (the loader's and the API's alike) and makes its record, without its hash (withHash). */
export function figureRecord(figure: FigureEntry, fileSource: string | undefined, lookup: ClaimLookup, report: ReportAt): FigureRecord {
  for (const key of ['about', 'place'] as const) {
    const id = figure[key];
    if (id !== undefined && !lookup.hasActor(id)) report([key], `unknown actor id "${id}"`);
  }
  if ((figure.value === null || figure.value === undefined) && !figure.qualifier) {
    report(['value'], 'a figure without a value needs a qualifier that says what the text gives');
  }
  const date = checkedDate('date', figure.date, report);
  const { links, props } = checkClaimCore(figure, fileSource, lookup, report);
  return {
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
  };
}
