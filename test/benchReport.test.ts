// bench:report's merge of runs that measured different sizes, on the committed results.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';
import { reportMarkdown } from '../bench/report.ts';
import { mergeResults, readResults, sizeIndependence } from '../bench/results.ts';

describe('bench:report merging runs', () => {
  it('puts the sizes in order, computes the size ratios across them, and says which run measured which', () => {
    const whole = readResults(path.join(projectRoot, 'bench', 'results', '2026-11-24.json'));
    assert.ok(whole.sizes.length >= 2);
    const [first, ...rest] = whole.sizes;
    const large = { ...whole, date: '2026-11-25', sizes: rest, runs: undefined };
    const small = { ...whole, sizes: [first!], runs: undefined };
    const merged = mergeResults([large, small]);
    assert.deepEqual(merged.sizes.map((s) => s.relationships), whole.sizes.map((s) => s.relationships));
    assert.deepEqual(merged.settings.sizes, whole.sizes.map((s) => s.relationships));
    assert.deepEqual(merged.sizeIndependence, sizeIndependence(whole.sizes));
    assert.deepEqual(merged.runs, [
      { sizes: rest.map((s) => s.relationships), date: '2026-11-25' },
      { sizes: [first!.relationships], date: whole.date },
    ]);
    assert.match(reportMarkdown(merged, 'x.json'), /The sizes come from 2 runs/);
    assert.doesNotMatch(reportMarkdown(small, 'x.json'), /runs with the same settings/);
  });
});
