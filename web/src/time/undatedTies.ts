// Undated ties as of a date. The slider cannot place a tie the sources give no dates for, so it
// stays drawn at every date (undated means unknown, not absent); what the analyst can go on is
// when the sources reported it, which may be after the slider's date: at that date nobody had.
import { parsePartialDate, type PartialDate } from '../../../src/domain/partialDate.ts';
import { reportedText, spanText, type Observation, type Span } from './relationshipTime.ts';

export interface UndatedTies {
  /** The undated ties among those given (none for all time, where the slider places nothing). */
  undated: Set<string>;
  /** Those first reported after the slider's date. */
  notYetReported: Set<string>;
  /** "5 undated ties shown, reported 2015-01 – 2016-07; 2 first reported after 2015-03 (faint)"; null when none. */
  readout: string | null;
}

type Tie = Span & Observation & { id: string };

export function isUndated(relationship: Span): boolean {
  return spanText(relationship) === null;
}

/** Whether the first report came after `asOf` (false when unknown: nothing says it came later). */
export function reportedAfter(relationship: Observation, asOf: string): boolean {
  const first = relationship.firstObserved === null ? undefined : parsePartialDate(relationship.firstObserved);
  const at = parsePartialDate(asOf);
  return first !== undefined && at !== undefined && first.start > at.end;
}

export function undatedTies(relationships: Iterable<Tie>, asOf: string | null): UndatedTies {
  if (asOf === null) return { undated: new Set(), notYetReported: new Set(), readout: null };
  const ties = [...relationships].filter(isUndated);
  const later = ties.filter((tie) => reportedAfter(tie, asOf));
  const ids = (list: Tie[]) => new Set(list.map((tie) => tie.id));
  return { undated: ids(ties), notYetReported: ids(later), readout: ties.length === 0 ? null : readout(ties, later.length, asOf) };
}

function readout(ties: Tie[], later: number, asOf: string): string {
  const reported = reportedText(extreme(ties.map((tie) => tie.firstObserved), 'start'), extreme(ties.map((tie) => tie.lastObserved), 'end'));
  const count = `${ties.length} undated tie${ties.length === 1 ? '' : 's'} shown`;
  return [count, reported ? `, ${reported}` : '', later > 0 ? `; ${later} first reported after ${asOf} (faint)` : ''].join('');
}

/** The earliest first day ('start') or latest last day ('end'): "2015" ends after "2015-03". */
function extreme(dates: (string | null)[], edge: 'start' | 'end'): string | null {
  const parsed = dates.map((text) => (text === null ? undefined : parsePartialDate(text))).filter((date): date is PartialDate => date !== undefined);
  parsed.sort((a, b) => a[edge].localeCompare(b[edge]));
  return (edge === 'start' ? parsed[0] : parsed.at(-1))?.text ?? null;
}
