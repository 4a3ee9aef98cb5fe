// Undated ties as of a date. The slider cannot place a tie the sources give no dates for; it holds
// from when the sources first reported it (src/domain/succession.ts, as the API's asOf), so those
// drawn at a date were all reported by then, each labelled with when, and counted beside the slider.
import { parsePartialDate, type PartialDate } from '../../../src/domain/partialDate.ts';
import { reportedText, spanText, type Observation, type Span } from './relationshipTime.ts';

export interface UndatedTies {
  /** The undated ties among those given (none for all time, where the slider places nothing). */
  undated: Set<string>;
  /** "5 undated ties shown, each from its first report: 2015-01 – 2016-07"; null when none. */
  readout: string | null;
}

type Tie = Span & Observation & { id: string };

export function isUndated(relationship: Span): boolean {
  return spanText(relationship) === null;
}

export function undatedTies(relationships: Iterable<Tie>, asOf: string | null): UndatedTies {
  if (asOf === null) return { undated: new Set(), readout: null };
  const ties = [...relationships].filter(isUndated);
  return { undated: new Set(ties.map((tie) => tie.id)), readout: ties.length === 0 ? null : readout(ties) };
}

function readout(ties: Tie[]): string {
  const reported = reportedText(extreme(ties.map((tie) => tie.firstObserved), 'start'), extreme(ties.map((tie) => tie.lastObserved), 'end'));
  const count = `${ties.length} undated tie${ties.length === 1 ? '' : 's'} shown, each from its first report`;
  return reported ? `${count} (${reported})` : count;
}

/** The earliest first day ('start') or latest last day ('end'): "2015" ends after "2015-03". */
function extreme(dates: (string | null)[], edge: 'start' | 'end'): string | null {
  const parsed = dates.map((text) => (text === null ? undefined : parsePartialDate(text))).filter((date): date is PartialDate => date !== undefined);
  parsed.sort((a, b) => a[edge].localeCompare(b[edge]));
  return (edge === 'start' ? parsed[0] : parsed.at(-1))?.text ?? null;
}
