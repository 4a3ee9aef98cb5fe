// bench:report's merge of runs that measured different sizes, and its comparison of two runs, on the committed results.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';
import { compareResults, compareTable, defaultBand } from '../bench/compare.ts';
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

describe('bench:report --compare', () => {
  const a = readResults(path.join(projectRoot, 'bench', 'results', '2026-11-24.json'));
  const b = readResults(path.join(projectRoot, 'bench', 'results', '2026-11-25.json'));

  it('a run against itself: every ratio 1, nothing flagged', () => {
    const rows = compareResults(a, a);
    assert.equal(rows.length, a.sizes.reduce((n, s) => n + Object.keys(s.operations).length + 1, 0), 'every operation of every size, and addClaim');
    assert.ok(rows.every((r) => r.api === 1 && (r.floor === null || r.floor === 1) && r.verdict === 'same'));
    assert.match(compareTable(rows, defaultBand, ['a.json', 'a.json']), /compared: 0 slower beyond the band, 0 faster\.$/);
  });

  it('two committed runs: per operation p50 of B over A, flagged beyond the band, the floor beside it', () => {
    const rows = compareResults(a, b);
    const row = (size: number, op: string) => rows.find((r) => r.relationships === size && r.operation === op)!;
    const hub = row(1_000_000, 'neighborhood2Hub');
    const [opA, opB] = [a.sizes[2]!.operations.neighborhood2Hub!, b.sizes[2]!.operations.neighborhood2Hub!];
    assert.equal(hub.api, opB.latency.api.p50 / opA.latency.api.p50);
    assert.equal(hub.floor, opB.latency.floor.p50 / opA.latency.floor.p50);
    assert.equal(hub.verdict, 'slower');
    assert.equal(row(100_000, 'addClaim').verdict, 'slower');
    assert.equal(row(10_000, 'actor').verdict, 'faster');
    assert.equal(row(10_000, 'relationshipsClaimedBy').verdict, 'same');
    const text = compareTable(rows, defaultBand, ['A', 'B']);
    assert.match(text, /1000000 {2}neighborhood2Hub +1\.68 +1\.81 {2}SLOWER \(floor too\)/);
    assert.match(text, /100000 {2}addClaim +2\.48 +- {2}SLOWER$/m);
    assert.deepEqual(compareResults(a, b, 2).filter((r) => r.verdict === 'slower'), [], 'a wider band flags none slower');
  });

  it('compares only the sizes both measured (a --quick run against a full one)', () => {
    const quick = { ...b, sizes: b.sizes.slice(0, 1), settings: { ...b.settings, quick: true } };
    const rows = compareResults(a, quick);
    assert.deepEqual([...new Set(rows.map((r) => r.relationships))], [10_000]);
    assert.equal(compareResults({ ...a, sizes: a.sizes.slice(1) }, quick).length, 0);
    assert.match(compareTable([], defaultBand, ['A', 'B']), /No size measured by both runs/);
  });
});
