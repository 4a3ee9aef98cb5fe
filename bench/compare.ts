// Two runs side by side (npm run bench:report -- --compare A.json B.json [--band 0.3]): per size
// that both measured and per operation, the p50 of B over the p50 of A, for this API (b) and for
// the floor (a; when it moved as much, the machine did, not the code). A ratio of b beyond the
// noise band is flagged: slower (a regression) or faster, "floor too" when a moved beyond it the same way.
import type { OperationName } from './operations.ts';
import type { BenchResults, SizeResult } from './results.ts';

/** Ratios within [1 / (1 + band), 1 + band] are noise; a quick run's ten samples swing by a quarter. */
export const defaultBand = 0.3;

export type Verdict = 'same' | 'slower' | 'faster';

export interface ComparedRow {
  relationships: number;
  /** An operation of operations.ts, or addClaim (an analyst's write). */
  operation: OperationName | 'addClaim';
  /** p50 of B / p50 of A, this API (b) and the floor (a; null for addClaim, which has none). */
  api: number;
  floor: number | null;
  verdict: Verdict;
}

const verdictOf = (ratio: number, band: number): Verdict => (ratio > 1 + band ? 'slower' : ratio < 1 / (1 + band) ? 'faster' : 'same');

function compareSize(a: SizeResult, b: SizeResult, band: number): ComparedRow[] {
  const rows: ComparedRow[] = [];
  for (const [op, ra] of Object.entries(a.operations) as [OperationName, NonNullable<SizeResult['operations'][OperationName]>][]) {
    const rb = b.operations[op];
    if (!rb) continue;
    const api = rb.latency.api.p50 / ra.latency.api.p50;
    rows.push({ relationships: a.relationships, operation: op, api, floor: rb.latency.floor.p50 / ra.latency.floor.p50, verdict: verdictOf(api, band) });
  }
  const addClaim = b.addClaim.p50 / a.addClaim.p50;
  rows.push({ relationships: a.relationships, operation: 'addClaim', api: addClaim, floor: null, verdict: verdictOf(addClaim, band) });
  return rows;
}

/** Every operation of every size that both runs measured, B against A. */
export function compareResults(a: BenchResults, b: BenchResults, band = defaultBand): ComparedRow[] {
  return a.sizes.flatMap((sa) => {
    const sb = b.sizes.find((s) => s.relationships === sa.relationships);
    return sb ? compareSize(sa, sb, band) : [];
  });
}

const flag = (r: ComparedRow, band: number) => {
  if (r.verdict === 'same') return '';
  const floorToo = r.floor !== null && verdictOf(r.floor, band) === r.verdict;
  return `  ${r.verdict.toUpperCase()}${floorToo ? ' (floor too)' : ''}`;
};

/** The comparison as a plain-text table, flagged rows marked, and a last line that counts them. */
export function compareTable(rows: ComparedRow[], band: number, names: [string, string]): string {
  const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(2)).padStart(7);
  const lines = [
    `p50 of ${names[1]} / p50 of ${names[0]} (noise band ${(1 / (1 + band)).toFixed(2)}–${(1 + band).toFixed(2)})`,
    `${'size'.padStart(8)}  ${'operation'.padEnd(24)} ${'b (API)'.padStart(7)} ${'a (floor)'.padStart(9)}`,
    ...rows.map((r) => `${String(r.relationships).padStart(8)}  ${r.operation.padEnd(24)} ${ratio(r.api)} ${ratio(r.floor).padStart(9)}${flag(r, band)}`),
  ];
  const slower = rows.filter((r) => r.verdict === 'slower').length;
  const faster = rows.filter((r) => r.verdict === 'faster').length;
  lines.push(rows.length === 0 ? 'No size measured by both runs.' : `${rows.length} compared: ${slower} slower beyond the band, ${faster} faster.`);
  return lines.join('\n');
}
