// src/domain/partialDate.ts: partial dates as the sources give them, each an interval of days.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePartialDate } from '../../src/domain/partialDate.ts';

describe('parsePartialDate', () => {
  it('a year covers the whole year', () => {
    assert.deepEqual(parsePartialDate('2015'), { text: '2015', precision: 'year', start: '2015-01-01', end: '2015-12-31' });
  });

  it('a month covers its days, February by leap year', () => {
    assert.deepEqual(parsePartialDate('2014-10'), { text: '2014-10', precision: 'month', start: '2014-10-01', end: '2014-10-31' });
    assert.equal(parsePartialDate('2014-11')?.end, '2014-11-30');
    assert.equal(parsePartialDate('2015-02')?.end, '2015-02-28');
    assert.equal(parsePartialDate('2016-02')?.end, '2016-02-29');
    assert.equal(parsePartialDate('1900-02')?.end, '1900-02-28', 'a century is not a leap year');
    assert.equal(parsePartialDate('2000-02')?.end, '2000-02-29', 'but every fourth century is');
  });

  it('a day is its own interval', () => {
    assert.deepEqual(parsePartialDate('2014-10-15'), { text: '2014-10-15', precision: 'day', start: '2014-10-15', end: '2014-10-15' });
    assert.equal(parsePartialDate('2016-02-29')?.precision, 'day');
  });

  it('bounds keep four digits, so that they compare as text', () => {
    const early = parsePartialDate('0999')!;
    const late = parsePartialDate('1000-01')!;
    assert.equal(early.end, '0999-12-31');
    assert.ok(early.end < late.start);
    assert.ok(parsePartialDate('2014-10')!.end < '2014-11-03', '"2014-10" is before "2014-11-03"');
    const october = parsePartialDate('2014-10')!;
    const day = parsePartialDate('2014-10-15')!;
    assert.ok(october.start <= day.start && day.end <= october.end, '"2014-10" contains "2014-10-15"');
  });

  it('refuses days that do not exist', () => {
    for (const text of ['2015-02-29', '1900-02-29', '2014-04-31', '2014-10-00', '2014-10-32', '2014-00', '2014-13', '2014-00-10']) {
      assert.equal(parsePartialDate(text), undefined, text);
    }
  });

  it('refuses malformed text', () => {
    for (const text of ['', ' 2014', '2014 ', '14', '20140', '2014-1', '2014-10-1', '2014/10', '2014-10-15T00:00', '2014-', 'year', '２０１４', '2014-10-15\n']) {
      assert.equal(parsePartialDate(text), undefined, JSON.stringify(text));
    }
  });
});
