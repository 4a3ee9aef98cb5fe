// What the reading view marks in a source's text, as plain offsets: where the mentioned actors'
// names and aliases occur (found again here, as the loader finds them: case-sensitive, whole
// words, longest first), where the claims' quotes stand, and the quote the analyst opened; then
// the text cut into segments at every edge of those, each saying what covers it.
import type { Evidence, MentionedActor } from './model.ts';

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface MentionSpan extends Span {
  actors: string[];
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

/** Runs of whitespace count as one space: the loader matches quotes to texts that way. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the quote really stands at [start, end) of the text. */
export function quoteIsAt(text: string, { start, end, quote }: Evidence): boolean {
  return start >= 0 && start <= end && end <= text.length && words(text.slice(start, end)) === words(quote);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWithWord = /^[\p{L}\p{N}]/u;

/** Every non-overlapping occurrence of an actor's name or alias, longest first at each place. */
export function findMentions(text: string, actors: MentionedActor[]): MentionSpan[] {
  const owners = new Map<string, string[]>();
  for (const actor of actors) {
    for (const name of new Set([actor.name, ...actor.aliases])) {
      if (name.length < 2 || !startsWithWord.test(name)) continue;
      owners.set(name, [...(owners.get(name) ?? []), actor.id]);
    }
  }
  if (owners.size === 0) return [];
  const names = [...owners.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, actors: owners.get(match[0]) ?? [] }));
}

/** The claims' quotes that stand where their evidence says, the shortest first. */
export function quoteSpans(text: string, claims: { id: string; evidence: Evidence[] }[]): QuoteSpan[] {
  return claims
    .flatMap((claim) => claim.evidence.filter((evidence) => quoteIsAt(text, evidence)).map(({ start, end }) => ({ start, end, claim: claim.id })))
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** The text [0, length) cut at every edge of the mentions, the quotes and the mark. */
export function segments(length: number, mentions: MentionSpan[], quotes: QuoteSpan[], mark: Span | null): Segment[] {
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
      actors: mentions.filter((m) => covers(m, start, end)).flatMap((m) => m.actors),
      claims: [...new Set(quotes.filter((q) => covers(q, start, end)).map((q) => q.claim))],
      marked: mark !== null && mark.start < mark.end && covers(mark, start, end),
    });
  }
  return result;
}
