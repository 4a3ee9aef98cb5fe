// What the reading view marks in a source's text, as plain offsets: where the mentioned actors'
// names and aliases occur (where the API says they stand, else found by the loader's rule,
// src/domain/mentions.ts), where the claims' quotes stand (src/domain/quotes.ts), and the quote
// the analyst opened; then the text cut into segments at every edge of those, each saying what
// covers it, so that overlapping marks (a mention inside a quote, two actors on one name) all show.
import { findMentions, type Mention, type NamedActor } from '../../../src/domain/mentions.ts';
import { quoteIsAt } from '../../../src/domain/quotes.ts';
import type { Evidence } from '../api/model.ts';

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface QuoteSpan extends Span {
  claim: string;
}

export interface Segment extends Span {
  /** The actors whose name this is. */
  actors: string[];
  /** The claims whose quotes cover it, the shortest quote first (the most specific). */
  claims: string[];
  /** Inside the quote the analyst opened the source at. */
  marked: boolean;
}

/** A source's mention of an actor as the API lists it: `spans`, when given, say where the text names it. */
export interface ListedMention {
  actor: NamedActor;
  spans?: readonly Span[] | null;
}

/**
 * Where the text names each mentioned actor: the API's spans (its rule knows the claims on the
 * source and the editors' judgements), else the names and aliases found by the shared matcher.
 */
export function mentionSpans(text: string, mentions: readonly ListedMention[]): Mention[] {
  const placed = mentions.filter((m) => m.spans);
  const found = findMentions(text, mentions.filter((m) => !m.spans).map((m) => m.actor));
  return [...found, ...placed.flatMap((m) => m.spans!.map(({ start, end }) => ({ start, end, actors: [m.actor.id] })))];
}

/** The claims' quotes that stand where their evidence says, the shortest first. */
export function quoteSpans(text: string, claims: { id: string; evidence: Evidence[] }[]): QuoteSpan[] {
  return claims
    .flatMap((claim) => claim.evidence.filter((evidence) => quoteIsAt(text, evidence)).map(({ start, end }) => ({ start, end, claim: claim.id })))
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** The text [0, length) cut at every edge of the mentions, the quotes and the mark. */
export function segments(length: number, mentions: Mention[], quotes: QuoteSpan[], mark: Span | null): Segment[] {
  const edges = new Set<number>([0, length]);
  for (const span of [...mentions, ...quotes, ...(mark ? [mark] : [])]) {
    edges.add(Math.max(0, Math.min(length, span.start)));
    edges.add(Math.max(0, Math.min(length, span.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const covers = (span: Span, start: number, end: number) => span.start <= start && end <= span.end;
  const result: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (start === end) continue;
    result.push({
      start,
      end,
      actors: [...new Set(mentions.filter((m) => covers(m, start, end)).flatMap((m) => m.actors))],
      claims: [...new Set(quotes.filter((q) => covers(q, start, end)).map((q) => q.claim))],
      marked: mark !== null && mark.start < mark.end && covers(mark, start, end),
    });
  }
  return result;
}
