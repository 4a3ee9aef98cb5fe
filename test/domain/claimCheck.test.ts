// src/domain/claimCheck.ts: a claim's checks against the rest of the graph, and the record it becomes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimRecord, observedAt, retractionProps, unobserved, type ClaimLookup } from '../../src/domain/claimCheck.ts';
import { claimSchema, type ClaimEntry } from '../../src/domain/fileSchema.ts';
import { formatPath, type PathPart } from '../../src/domain/problems.ts';

const text = 'Tashkent, 2015. The IMU pledged allegiance to the Islamic State, its leader said.';
const lookup: ClaimLookup = {
  hasActor: (id) => ['imu', 'islamic-state', 'uzbekistan'].includes(id),
  source: (id) => (id === 'rferl-2015' ? { text, observed: observedAt('2015-01') } : undefined),
};

const entry = (fields: Record<string, unknown> = {}): ClaimEntry =>
  claimSchema.parse({ id: 'imu--pledged--is', type: 'PLEDGED_ALLEGIANCE_TO', subject: 'imu', object: 'islamic-state', stance: 'ASSERTED', quotes: ['The IMU pledged  allegiance'], ...fields });

/** The record and each problem as "path: message"; a null fileSource is a file without a `source` block. */
const check = (claim: ClaimEntry, fileSource: string | null = 'rferl-2015', graph = lookup) => {
  const problems: string[] = [];
  const record = claimRecord(claim, fileSource ?? undefined, graph, (parts: PathPart[], message) => problems.push(`${formatPath(parts)}: ${message}`));
  return { record, problems };
};

describe('claimRecord', () => {
  it('makes the record of a valid claim: its relationship, quotes located, dates and observation', () => {
    const { record, problems } = check(entry({ role: 'Émir', since: '2014-10', until: '2015', claimedBy: [], disputedBy: ['uzbekistan', 'uzbekistan'] }));
    assert.deepEqual(problems, []);
    assert.equal(record.relationship, 'imu--pledged-allegiance-to--islamic-state--emir');
    assert.deepEqual(record.evidence, [{ quote: 'The IMU pledged allegiance', start: 16, end: 42 }], 'the quote as the source prints it');
    assert.deepEqual(record.disputedBy, ['uzbekistan'], 'each once');
    assert.equal(record.source, 'rferl-2015');
    const { sinceStart, sincePrecision, untilEnd, observedAt: at, observedPrecision, role, note } = record.props;
    assert.deepEqual({ sinceStart, sincePrecision, untilEnd, at, observedPrecision, role, note }, {
      sinceStart: '2014-10-01', sincePrecision: 'month', untilEnd: '2015-12-31', at: '2015-01', observedPrecision: 'month', role: 'Émir', note: null,
    });
  });

  it("stores a quote found up to whitespace as the source's own characters: a no-break space stays one", () => {
    const printed = 'In 2015 around\u00a012,800 people were in prison,\nhe said.';
    const graph: ClaimLookup = { ...lookup, source: (id) => (id === 'rferl-2015' ? { text: printed, observed: unobserved } : undefined) };
    const { record, problems } = check(entry({ quotes: ['around 12,800 people', 'in prison, he said'] }), 'rferl-2015', graph);
    assert.deepEqual(problems, []);
    assert.deepEqual(record.evidence, [
      { quote: 'around\u00a012,800 people', start: 8, end: 28 },
      { quote: 'in prison,\nhe said', start: 34, end: 52 },
    ]);
    for (const e of record.evidence) assert.equal(printed.slice(e.start, e.end), e.quote);
  });

  it('refuses a date that is no real day, or an until before the since', () => {
    assert.deepEqual(check(entry({ since: '2014-13' })).problems, ['since: "2014-13" is not a real date']);
    assert.deepEqual(check(entry({ until: '2015-02-29' })).problems, ['until: "2015-02-29" is not a real date']);
    assert.deepEqual(check(entry({ since: '2015-03', until: '2015-02' })).problems, ['until: until 2015-02 is before since 2015-03']);
    assert.deepEqual(check(entry({ since: '2015-03', until: '2015' })).problems, [], 'a year holds its months');
  });

  it('refuses a quote not in the source text, naming which one', () => {
    const { problems, record } = check(entry({ quotes: ['The IMU pledged allegiance', 'the IMU left'] }));
    assert.deepEqual(problems, ['quotes[1]: not verbatim in the source: "he IMU " matches, but before it the quote has "t" where the text has "T" (character 1 of the quote)']);
    assert.equal(record.evidence.length, 1);
  });

  it('refuses an unknown type, unknown actors, and a claim relating an actor to itself', () => {
    assert.deepEqual(check(entry({ type: 'LIKES' })).problems, ['type: unknown relationship type "LIKES"']);
    assert.deepEqual(check(entry({ object: 'imu' })).problems, ['object: is the subject too ("imu"): a claim relates two different actors']);
    assert.deepEqual(check(entry({ subject: 'ghost', stance: 'ATTRIBUTED', claimedBy: ['uzbekistan', 'nobody'] })).problems, [
      'subject: unknown actor id "ghost"',
      'claimedBy[1]: unknown actor id "nobody"',
    ]);
  });

  it('refuses an unknown stance and a stance without its claimants', () => {
    assert.match(check(entry({ stance: 'RUMOURED' })).problems.join(), /^stance: unknown stance "RUMOURED"/);
    assert.deepEqual(check(entry({ stance: 'DENIED' })).problems.map((p) => p.split(':')[0]), ['disputedBy']);
  });

  it('refuses a claim with no source or an unknown one', () => {
    assert.match(check(entry(), null).problems.join(), /^source: no source/);
    assert.deepEqual(check(entry({ source: 'elsewhere' })).problems, ['source: unknown source id "elsewhere"']);
  });

  it('finds quotes with the source\'s own finder when it has one', () => {
    const finder: ClaimLookup = { ...lookup, source: () => ({ text: 'The  IMU', observed: unobserved, findQuote: () => ({ start: 0, end: 8 }) }) };
    assert.deepEqual(check(entry(), 'rferl-2015', finder).record.evidence, [{ quote: 'The  IMU', start: 0, end: 8 }], 'the text at the span it gives');
  });

  it('stores a retraction as flat properties', () => {
    const { record } = check(entry({ retracted: { at: '2020-01-01', by: 'analyst', reason: 'misread' } }));
    assert.deepEqual([record.props.retracted, record.props.retractedBy, record.props.retractedReason], [true, 'analyst', 'misread']);
    assert.equal(check(entry()).record.props.retracted, undefined);
  });
});

describe('observedAt and retractionProps', () => {
  it('reads a source\'s publication date, and nothing from none or a bad one', () => {
    assert.deepEqual(observedAt('2015-02-28'), { observedAt: '2015-02-28', observedPrecision: 'day', observedStart: '2015-02-28', observedEnd: '2015-02-28' });
    assert.deepEqual(observedAt(null), unobserved);
    assert.deepEqual(observedAt('2015-13'), unobserved);
  });

  it('gives no property to a claim that stands', () => {
    assert.deepEqual(retractionProps(null), {});
  });
});
