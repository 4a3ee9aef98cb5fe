// The succession rule of src/domain/succession.ts: which roles are offices one person holds at a
// time, which later holder ends which tenure, and when a tie holds for asOf.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayBefore, isHeldAt, singleHolderOffice, successions, type Tenure } from '../../src/domain/succession.ts';

describe('singleHolderOffice', () => {
  it('names the offices one person holds at a time, as written', () => {
    for (const [role, office] of [
      ['chairman', 'chairman'],
      ['President', 'president'],
      ['defense minister', 'defense minister'],
      ['Minister of Foreign Affairs', 'minister of foreign affairs'],
      ['military commander', 'military commander'],
      ['head of Administration', 'head of administration'],
      ['prime minister', 'prime minister'],
    ]) assert.equal(singleHolderOffice(role), office, role);
  });

  it('refuses roles several hold at once, or that are not an office', () => {
    for (const role of ['deputy chairman', 'Deputy Defense Minister', 'vice-president', 'acting chief', 'senior leader and spokesperson', 'co-chairman', 'spokesperson', 'member state', 'fighter', '', null]) {
      assert.equal(singleHolderOffice(role), null, String(role));
    }
  });
});

const tenure = (id: string, fields: Partial<Tenure>): Tenure => ({
  id,
  object: 'committee',
  holder: id,
  holderName: id.toUpperCase(),
  role: 'chairman',
  since: null,
  firstObserved: null,
  lastObservedEnd: null,
  untilEnd: null,
  startSource: null,
  contested: false,
  ...fields,
});
const observed = (text: string, start: string) => ({ text, start });

describe('successions', () => {
  const a = tenure('a', { firstObserved: observed('2015-01', '2015-01-01'), lastObservedEnd: '2015-01-31', startSource: 'RFE/RL' });
  const b = tenure('b', { firstObserved: observed('2016-07', '2016-07-01'), lastObservedEnd: '2016-07-31', startSource: 'The Diplomat' });

  it('ends a tenure before the next holder began, naming them', () => {
    const ended = successions([b, a]);
    assert.deepEqual([...ended.keys()], ['a']);
    assert.deepEqual(ended.get('a'), {
      before: '2016-07',
      untilEnd: '2016-06-30',
      successor: 'b',
      successorRelationship: 'b',
      observedEnd: '2016-07-31',
      reason: "derived, not a source's statement: succeeded as chairman by B, first reported in office 2016-07 (The Diplomat); one chairman at a time",
    });
  });

  it('takes a stated since over the first observation', () => {
    const since = tenure('b', { since: observed('2016-03', '2016-03-01'), firstObserved: observed('2016-07', '2016-07-01') });
    assert.equal(successions([a, since]).get('a')?.before, '2016-03');
    assert.match(successions([a, since]).get('a')!.reason, /in office since 2016-03/);
  });

  it('derives nothing where a source states the end, reports the holder after the successor began, or the successor is contested', () => {
    assert.equal(successions([{ ...a, untilEnd: '2015-12-31' }, b]).size, 0);
    assert.equal(successions([{ ...a, lastObservedEnd: '2016-07-31' }, b]).size, 0);
    assert.equal(successions([a, { ...b, contested: true }]).size, 0);
  });

  it('keeps offices of different actors, different roles and holders reported at once apart', () => {
    assert.equal(successions([a, { ...b, object: 'other' }]).size, 0);
    assert.equal(successions([a, { ...b, role: 'deputy chairman' }]).size, 0);
    assert.equal(successions([a, { ...b, role: 'president' }]).size, 0);
    assert.equal(successions([a, { ...b, firstObserved: a.firstObserved }]).size, 0);
  });
});

describe('isHeldAt', () => {
  it('holds an undated tie from its first report, and a tenure until before its successor began', () => {
    const tie = { since: null, until: null, firstObserved: '2015-01', endedBySuccession: { before: '2016-07' } };
    assert.equal(isHeldAt(tie, '2014-12'), false);
    assert.equal(isHeldAt(tie, '2015-01'), true);
    assert.equal(isHeldAt(tie, '2016-06-30'), true);
    assert.equal(isHeldAt(tie, '2016-07'), false);
    assert.equal(isHeldAt({ ...tie, since: '2010' }, '2012'), true, 'a stated since comes first');
  });

  it('counts days in the calendar', () => {
    assert.equal(dayBefore('2016-03-01'), '2016-02-29');
    assert.equal(dayBefore('2015-01-01'), '2014-12-31');
  });
});
