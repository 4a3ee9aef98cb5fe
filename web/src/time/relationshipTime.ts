// How a relationship's (or a claim's) time reads. Most ties in the sources carry no date of
// their own; for those, when the sources reported them is what the analyst can go on, so
// "reported 2015-01" (or "reported 2015-01 – 2016-07", first and last report) stands in for
// the missing dates wherever the app shows a date. An end a successor gives a tenure reads as
// derived ("ended before 2016-07 (derived)"), never as a source's until.

export interface Span {
  since: string | null;
  until: string | null;
  /** The end a later holder of the same office gives it: derived, not a source's until. */
  endedBySuccession?: { before: string; reason: string } | null;
}

export interface Observation {
  firstObserved: string | null;
  lastObserved: string | null;
}

/** "since 2014-11", "until 2000", "1999 – 2000"; null when undated. */
export function spanText({ since, until }: Span): string | null {
  if (since && until) return since === until ? since : `${since} – ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return null;
}

/** "2015-01", or "2015-01 – 2016-07" when the first and last report differ; null when unknown. */
export function reportSpan(first: string | null, last: string | null = first): string | null {
  const [a, b] = [first ?? last, last ?? first];
  if (!a) return null;
  return b && b !== a ? `${a} – ${b}` : a;
}

/** "reported 2015-01", or "reported 2015-01 – 2016-07"; null when unknown. */
export function reportedText(first: string | null, last: string | null = first): string | null {
  const span = reportSpan(first, last);
  return span ? `reported ${span}` : null;
}

/** "ended before 2016-07 (derived)": a successor's end, never written as a source's until; null when none. */
export function successionText(relationship: Span): string | null {
  return relationship.endedBySuccession ? `ended before ${relationship.endedBySuccession.before} (derived)` : null;
}

/** A relationship's dates, or when undated its observation, or "undated" when there is neither; and a derived end. */
export function whenText(relationship: Span & Observation): string {
  const when = spanText(relationship) ?? reportedText(relationship.firstObserved, relationship.lastObserved) ?? 'undated';
  const ended = successionText(relationship);
  return ended ? `${when}; ${ended}` : when;
}
