// src/domain/groupBy.ts: items grouped by a key, their order kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupBy } from '../../src/domain/groupBy.ts';

describe('groupBy', () => {
  it('groups by key, the groups in the order their keys first appear and the items in theirs', () => {
    const claims = [
      { id: 'c1', about: 'b' },
      { id: 'c2', about: 'a' },
      { id: 'c3', about: 'b' },
      { id: 'c4', about: 'a' },
      { id: 'c5', about: 'c' },
    ];
    const groups = groupBy(claims, (c) => c.about);
    assert.deepEqual([...groups.keys()], ['b', 'a', 'c']);
    assert.deepEqual(groups.get('b')!.map((c) => c.id), ['c1', 'c3']);
    assert.deepEqual(groups.get('a')!.map((c) => c.id), ['c2', 'c4']);
    assert.equal(groups.get('b')![0], claims[0], 'the items themselves, not copies');
  });

  it('gives an empty map for no items, and takes any iterable once', () => {
    assert.equal(groupBy([], String).size, 0);
    function* words() {
      yield 'alpha';
      yield 'beta';
      yield 'avalanche';
    }
    assert.deepEqual([...groupBy(words(), (w) => w[0]!)], [['a', ['alpha', 'avalanche']], ['b', ['beta']]]);
  });

  it('keeps keys apart that differ only in case or are empty', () => {
    const groups = groupBy(['A', 'a', '', ''], (s) => s);
    assert.deepEqual([...groups], [['A', ['A']], ['a', ['a']], ['', ['', '']]]);
  });
});
