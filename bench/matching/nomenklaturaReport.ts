// The comparison with nomenklatura (nomenklatura.ts) as Markdown: per snapshot, precision, recall
// and F1 of each matcher at each threshold, nomenklatura on every pair, the false decisions at
// each matcher's automatic threshold, and both matchers' scores of the key's hard cases.
import type { MatcherResults, NomenklaturaComparison } from './nomenklatura.ts';
import type { ThresholdResult } from './evaluate.ts';

export interface ThresholdNames {
  [threshold: number]: string;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const cell = (r: ThresholdResult) => `${percent(r.precision)} / ${r.found}/${r.found + r.missed.length} / ${r.f1.toFixed(3)} (${r.falsePositives.length} false)`;

function table(thresholds: number[], names: ThresholdNames, matchers: MatcherResults[]): string[] {
  return [
    `| threshold | ${matchers.map((m) => m.matcher).join(' | ')} |`,
    `|---|${matchers.map(() => '---').join('|')}|`,
    ...thresholds.map((t, i) => `| ${t} ${names[t] ?? ''} | ${matchers.map((m) => cell(m.results[i]!)).join(' | ')} |`),
  ];
}

/** Each matcher's false decisions at its own automatic threshold (ours autoSame, nomenklatura's match threshold), the 12 highest. */
function falseDecisions(c: NomenklaturaComparison, automatic: Record<string, number>): string[] {
  return c.matchers.flatMap((m) => {
    const result = m.results[c.thresholds.indexOf(automatic[m.matcher] ?? automatic.nomenklatura!)]!;
    const shown = [...result.falsePositives].sort((a, b) => b.score - a.score).slice(0, 12);
    const list = shown.map((fp) => `${fp.record} -> ${fp.actor} ${fp.score} (${fp.why})`).join('; ');
    const more = result.falsePositives.length - shown.length;
    return [`- ${m.matcher} at ${result.threshold}, ${result.falsePositives.length}: ${list || 'none'}${more > 0 ? `; and ${more} more` : ''}`];
  });
}

function keyTable(c: NomenklaturaComparison, hardNegatives: number): string[] {
  const matchers = c.matchers.map((m) => m.matcher);
  const top = (pair: NomenklaturaComparison['keyPairs'][number]) => Math.max(...Object.values(pair.scores).map((s) => s.score));
  const same = c.keyPairs.filter((pair) => pair.label !== 'NOT_SAME');
  const negatives = c.keyPairs.filter((pair) => pair.label === 'NOT_SAME').sort((a, b) => top(b) - top(a)).slice(0, hardNegatives);
  return [
    `| record | actor | key | ${matchers.join(' | ')} |`,
    `|---|---|---|${matchers.map(() => '---').join('|')}|`,
    ...[...same, ...negatives].map(
      (pair) => `| ${pair.record} | ${pair.actor} | ${pair.label} | ${matchers.map((m) => `${pair.scores[m]!.score.toFixed(3)} (#${pair.scores[m]!.rank})`).join(' | ')} |`,
    ),
  ];
}

export function comparisonMarkdown(c: NomenklaturaComparison, names: ThresholdNames, automatic: Record<string, number>): string {
  const lines = [
    `## UN SC ${c.snapshot}`,
    '',
    `Same candidate pairs for all: ${c.pairs} (our blocking's plus the key's); nomenklatura scored them in ${(c.scoreMs / 1000).toFixed(1)} s. Each cell: precision / found of key SAME pairs / F1 (false decisions).`,
    '',
    ...table(c.thresholds, names, c.matchers),
    '',
  ];
  if (c.allPairs) {
    const a = c.allPairs;
    lines.push(`nomenklatura on every record x actor pair (${a.pairs}), in ${(a.scoreMs / 1000).toFixed(1)} s (${((a.scoreMs * 1000) / a.pairs).toFixed(0)} µs a pair, both algorithms):`, '', ...table(c.thresholds, names, a.matchers), '');
  }
  lines.push('False decisions at each matcher\'s automatic threshold (same candidate pairs), highest first:', '', ...falseDecisions(c, automatic), '');
  lines.push('Key pairs (SAME, UNSURE, and the 10 hardest NOT_SAME by either score): score (rank among the record\'s candidates; #0 not a candidate):', '', ...keyTable(c, 10), '');
  return lines.join('\n');
}
