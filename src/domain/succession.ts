// When a tie holds, and offices that end: an undated tie holds from when it was first observed (not
// from the beginning of time) unless a source says since when, and for an office one person holds
// at a time (schema/vocabulary.yaml singleHolderRoles) a later holder ends an earlier holder's
// tenure before the later one began. Such an end is derived, never a source's statement: it is kept
// apart from `until`, with its reason. One rule for the derivation (src/graph/derive.ts, the loader),
// the API's asOf (src/graph/filters.ts) and the web app's slider (web/src/time/asOf.ts).
import { parsePartialDate } from './partialDate.ts';
import { sharedRoleQualifiers, singleHolderTitles } from './vocabulary.ts';

const wordsOf = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');

const titles = singleHolderTitles.map(wordsOf);
const qualifiers = new Set(sharedRoleQualifiers);

const startsWith = (words: string[], prefix: string[]) => prefix.every((word, i) => words[i] === word);
const endsWith = (words: string[], suffix: string[]) => suffix.every((word, i) => words[words.length - suffix.length + i] === word);

/**
 * The office a LEADS role names when one person holds it at a time ("chairman", "defense minister",
 * "minister of foreign affairs": its words, lower case), else null ("deputy chairman", "spokesperson").
 * Holders of one office of one actor succeed each other.
 */
export function singleHolderOffice(role: string | null | undefined): string | null {
  const words = wordsOf(role ?? '');
  if (words.length === 0 || words.some((word) => qualifiers.has(word))) return null;
  const named = titles.some((title) => endsWith(words, title) || (startsWith(words, title) && words[title.length] === 'of'));
  return named ? words.join(' ') : null;
}

/** The day before a day (YYYY-MM-DD), in the proleptic Gregorian calendar. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10).padStart(10, '0');
}

/** A partial date as the derivation keeps it: its text and first day. */
export interface DatedText {
  text: string;
  start: string;
}

/** What the succession rule reads of a derived LEADS relationship. */
export interface Tenure {
  /** The relationship's id. */
  id: string;
  /** The actor whose office it is (the relationship's object). */
  object: string;
  holder: string;
  holderName: string;
  role: string | null;
  /** The start a source states, if any. */
  since: DatedText | null;
  /** The first publication of a source that claims it. */
  firstObserved: DatedText | null;
  /** The last day of its latest observation. */
  lastObservedEnd: string | null;
  /** The end a source states, if any. */
  untilEnd: string | null;
  /** The source (publisher, else title) of the claim its start comes from. */
  startSource: string | null;
  /** Retracted, or disputed: such a tenure ends nobody's. */
  contested: boolean;
}

/** A tenure's derived end: its successor's start, before which it ended. */
export interface Succession {
  /** The successor's start as a partial date: the tenure ended before it ("2016-07"). */
  before: string;
  /** The last day it may have lasted: the day before the successor's start. */
  untilEnd: string;
  successor: string;
  successorRelationship: string;
  /**
   * The last day of the successor's first observation (the end of its source's publication date):
   * by then the sources surely showed the succession, as knownAsOf counts a claim known
   * (src/graph/knownAsOf.ts knownBy); its first day would apply it before its source was surely out.
   */
  observedEnd: string | null;
  reason: string;
}

/** When a tie holds from: the start a source states, else its first observation; null when neither is known. */
export const heldFrom = (tie: { since: DatedText | null; firstObserved: DatedText | null }): DatedText | null => tie.since ?? tie.firstObserved;

/** The last day of an observation's partial date ("2016-07" -> "2016-07-31"); null when there is none. */
const observedEnd = (observed: DatedText | null): string | null => (observed ? (parsePartialDate(observed.text)?.end ?? null) : null);

function reason(office: string, successor: Tenure, start: DatedText): string {
  const when = successor.since ? `in office since ${start.text}` : `first reported in office ${start.text}`;
  const source = successor.startSource ? ` (${successor.startSource})` : '';
  return `derived, not a source's statement: succeeded as ${office} by ${successor.holderName}, ${when}${source}; one ${office} at a time`;
}

/**
 * The derived end of every tenure a later holder of the same office ends, by relationship id. Each
 * office's holders are ordered by their start (heldFrom); a tenure is ended by the next holder whose
 * start is later than its own, unless a source states its end, a source still observed it in office
 * after that start (a holder again, or reports that overlap), or the successor is retracted or disputed.
 */
export function successions(tenures: readonly Tenure[]): Map<string, Succession> {
  const offices = new Map<string, { tenure: Tenure; start: DatedText }[]>();
  for (const tenure of tenures) {
    const office = singleHolderOffice(tenure.role);
    const start = heldFrom(tenure);
    if (office === null || start === null) continue;
    const key = `${tenure.object}\u0000${office}`;
    offices.set(key, [...(offices.get(key) ?? []), { tenure, start }]);
  }
  const ended = new Map<string, Succession>();
  for (const [key, holders] of offices) {
    const office = key.slice(key.indexOf('\u0000') + 1);
    const byStart = holders.filter((h) => !h.tenure.contested).sort((a, b) => a.start.start.localeCompare(b.start.start) || a.tenure.id.localeCompare(b.tenure.id));
    for (const { tenure, start } of holders) {
      const next = byStart.find((h) => h.start.start > start.start && h.tenure.holder !== tenure.holder);
      if (!next || tenure.untilEnd !== null || (tenure.lastObservedEnd !== null && tenure.lastObservedEnd >= next.start.start)) continue;
      ended.set(tenure.id, {
        before: next.start.text,
        untilEnd: dayBefore(next.start.start),
        successor: next.tenure.holder,
        successorRelationship: next.tenure.id,
        observedEnd: observedEnd(next.tenure.firstObserved),
        reason: reason(office, next.tenure, next.start),
      });
    }
  }
  return ended;
}

/** What the web app knows of a relationship's time: its dates, first observation and derived end. */
export interface HeldSpan {
  since: string | null;
  until: string | null;
  firstObserved: string | null;
  endedBySuccession?: { before: string } | null;
}

/** Whether a tie holds at partial date `asOf` (the API's asOf): from heldFrom, until its stated or derived end. */
export function isHeldAt(tie: HeldSpan, asOf: string): boolean {
  const at = parsePartialDate(asOf);
  if (!at) return true;
  const date = (text: string | null | undefined) => (text ? parsePartialDate(text) : undefined);
  const from = date(tie.since) ?? date(tie.firstObserved);
  const ended = date(tie.endedBySuccession?.before);
  const until = date(tie.until)?.end ?? (ended ? dayBefore(ended.start) : undefined);
  return (!from || from.start <= at.end) && (!until || until >= at.start);
}

/**
 * The same rule in Cypher, on relationship or claim `x` and the asOf bounds' parameters: a derived
 * relationship keeps heldFromStart and heldUntilEnd (src/graph/derive.ts); a claim holds from its
 * stated since, else its source's publication (observedStart).
 */
export const heldAtCypher = (x: string, asOfStart: string, asOfEnd: string) =>
  `(coalesce(${x}.heldFromStart, ${x}.sinceStart, ${x}.observedStart) IS NULL OR coalesce(${x}.heldFromStart, ${x}.sinceStart, ${x}.observedStart) <= ${asOfEnd}) AND ` +
  `(coalesce(${x}.heldUntilEnd, ${x}.untilEnd) IS NULL OR coalesce(${x}.heldUntilEnd, ${x}.untilEnd) >= ${asOfStart})`;

/** The derived edge's properties that hold a succession (successionProps), beside heldUntilEnd. */
export const successionKeys = ['successionBefore', 'successionUntilEnd', 'successionReason', 'successor', 'successorRelationship', 'successionObservedEnd'] as const;

/** The properties a LEADS relationship keeps of its derived end (all null when it has none), and its heldUntilEnd. */
export function successionProps(ended: Succession | undefined, untilEnd: string | null): Record<string, string | null> {
  return {
    successionBefore: ended?.before ?? null,
    successionUntilEnd: ended?.untilEnd ?? null,
    successionReason: ended?.reason ?? null,
    successor: ended?.successor ?? null,
    successorRelationship: ended?.successorRelationship ?? null,
    successionObservedEnd: ended?.observedEnd ?? null,
    heldUntilEnd: untilEnd ?? ended?.untilEnd ?? null,
  };
}
