// src/domain/gathered.ts: a relationship's fields gathered from its claims, in the claims' order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distinctBy,
  gatheredActors,
  gatheredConflicts,
  gatheredDateText,
  gatheredEvidence,
  gatheredNote,
  gatheredSources,
} from '../../src/domain/gathered.ts';

interface Actor { id: string; name: string }
const imu: Actor = { id: 'imu', name: 'IMU' };
const uzbekistan: Actor = { id: 'uzbekistan', name: 'Uzbekistan' };
const russia: Actor = { id: 'russia', name: 'Russia' };

describe('distinctBy', () => {
  it('keeps each key once, in the order keys first occur', () => {
    const items = [{ k: 'b', n: 1 }, { k: 'a', n: 2 }, { k: 'b', n: 1 }, { k: 'c', n: 4 }];
    assert.deepEqual(distinctBy(items, (i) => i.k), [{ k: 'b', n: 1 }, { k: 'a', n: 2 }, { k: 'c', n: 4 }]);
  });

  it('keeps the first of items that share a key, not the last', () => {
    assert.deepEqual(distinctBy([{ id: 'a', n: 1 }, { id: 'a', n: 2 }], (i) => i.id), [{ id: 'a', n: 1 }]);
  });
});

describe('gatheredActors', () => {
  it('gives the claimants, or the disputers, each once in the claims\' order', () => {
    const claims = [{ claimedBy: [uzbekistan, imu], disputedBy: [russia] }, { claimedBy: [imu, russia] }, {}];
    assert.deepEqual(gatheredActors(claims, 'claimedBy', (a) => a.id), [uzbekistan, imu, russia]);
    assert.deepEqual(gatheredActors(claims, 'disputedBy', (a) => a.id), [russia]);
  });

  it('tells actors apart by the key given, whatever shape an actor has', () => {
    const byName = gatheredActors([{ claimedBy: [imu, { id: 'imu-2', name: 'IMU' }, russia] }], 'claimedBy', (a) => a.name);
    assert.deepEqual(byName.map((a) => a.name), ['IMU', 'Russia']);
  });
});

describe('gatheredSources and gatheredEvidence', () => {
  it('gives each source once, and every quote of every claim', () => {
    const rferl = { id: 'rferl-2015', title: 'RFE/RL' };
    const claims = [
      { source: rferl, evidence: ['q1', 'q2'] },
      { source: { id: 'diplomat-2016', title: 'The Diplomat' }, evidence: [] },
      { source: { ...rferl }, evidence: ['q1'] },
    ];
    assert.deepEqual(gatheredSources(claims, (s) => s.id).map((s) => s.id), ['rferl-2015', 'diplomat-2016']);
    assert.deepEqual(gatheredEvidence(claims), ['q1', 'q2', 'q1']);
  });
});

describe('gatheredDateText and gatheredNote', () => {
  it('join the distinct texts: date texts by "; ", notes one per line', () => {
    const claims = [
      { dateText: 'since early 2014', note: 'as the ministry says' },
      { dateText: null, note: null },
      { dateText: 'in 2015', note: 'as the ministry says' },
      { dateText: 'since early 2014', note: 'unconfirmed' },
    ];
    assert.equal(gatheredDateText(claims), 'since early 2014; in 2015');
    assert.equal(gatheredNote(claims), 'as the ministry says\nunconfirmed');
  });

  it('are null when no claim has one, but keep an empty text', () => {
    assert.equal(gatheredDateText([{ dateText: null }]), null);
    assert.equal(gatheredNote([]), null);
    assert.equal(gatheredNote([{ note: '' }]), '');
  });
});

describe('gatheredConflicts', () => {
  it('gives each contradicted relationship once, this one left out', () => {
    assert.deepEqual(gatheredConflicts('a--leads--b', ['c--leads--b', 'a--leads--b', 'c--leads--b', 'a--opposes--b']), ['c--leads--b', 'a--opposes--b']);
    assert.deepEqual(gatheredConflicts('a--leads--b', ['a--leads--b']), []);
  });
});
