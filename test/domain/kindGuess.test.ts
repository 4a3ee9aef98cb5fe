// src/domain/kindGuess.ts: a new actor's kind guessed from its name's words and where it was typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessKind } from '../../src/domain/kindGuess.ts';

describe('guessKind', () => {
  it('takes a claimant or disputer for a person unless its words name an agency', () => {
    assert.equal(guessKind('Khalimov', { role: 'claimedBy' }), 'Person');
    assert.equal(guessKind('Interior Ministry', { role: 'claimedBy' }), 'Organization');
    assert.equal(guessKind('State Committee for National Security', { role: 'disputedBy' }), 'Organization');
    assert.equal(guessKind('Federal Security Service', { role: 'claimedBy' }), 'Organization');
    assert.equal(guessKind('the news agency', { role: 'claimedBy' }), 'Organization');
  });

  it('takes the object of a movement, activity or training place for a place, or a state by its form', () => {
    assert.equal(guessKind('Moscow', { role: 'object', type: 'TRAVELLED_TO' }), 'Place');
    assert.equal(guessKind('Raqqa', { role: 'object', type: 'OPERATES_IN' }), 'Place');
    assert.equal(guessKind('Pakistan', { role: 'object', type: 'TRAINED_IN' }), 'State');
    assert.equal(guessKind('Russian Federation', { role: 'object', type: 'TRAINED_IN' }), 'State');
    assert.equal(guessKind('Tajikistan', { role: 'object', type: 'CITIZEN_OF' }), 'State');
    assert.equal(guessKind('Moscow', { role: 'subject', type: 'TRAVELLED_TO' }), 'Group', 'the subject of a movement is not the place');
  });

  it('knows groups and people by the words of their names, wherever they were typed', () => {
    assert.equal(guessKind('Islamic Movement of Uzbekistan', { role: 'object', type: 'OPERATES_IN' }), 'Group');
    assert.equal(guessKind('Katibat Imam Bukhari'), 'Group');
    assert.equal(guessKind('Jamaat Ansarullah', { role: 'claimedBy' }), 'Group');
    assert.equal(guessKind('al-Nusra Front'), 'Group');
    assert.equal(guessKind('Colonel Gulmurod Khalimov'), 'Person');
    assert.equal(guessKind('President Rahmon', { role: 'object', type: 'OPERATES_IN' }), 'Person');
  });

  it('does not take a word for a part of another ("Ministry" is not "Minister", "Frontier" not "Front")', () => {
    assert.equal(guessKind('Minister Ivanov', { role: 'claimedBy' }), 'Person');
    assert.equal(guessKind('Frontier Post', { role: 'claimedBy' }), 'Person');
  });

  it('answers Group when nothing tells', () => {
    assert.equal(guessKind('Sabr'), 'Group');
    assert.equal(guessKind(''), 'Group');
  });

  it('knows agencies by the region\'s acronyms, places by their words, and groups by Arabic name words', () => {
    assert.equal(guessKind('OMON', { role: 'claimedBy' }), 'Organization');
    assert.equal(guessKind('GKNB', { role: 'text' }), 'Organization');
    assert.equal(guessKind('Fergana Valley', { role: 'text' }), 'Place');
    assert.equal(guessKind('Hizb ut-Tahrir', { role: 'claimedBy' }), 'Group');
    assert.equal(guessKind('Jaish al-Muhajireen wal-Ansar'), 'Group');
  });

  it('reads a name found in running text by a title before it, then the tagger, then its form', () => {
    assert.equal(guessKind('Gulmurod Khalimov', { role: 'text', titled: true }), 'Person');
    assert.equal(guessKind('Raqqa', { role: 'text', tagged: 'Place' }), 'Place');
    assert.equal(guessKind('Turkmenistan', { role: 'text' }), 'State');
    assert.equal(guessKind('IMU', { role: 'text' }), 'Group');
    assert.equal(guessKind('Tohir Yuldashev', { role: 'text' }), 'Person');
    assert.equal(guessKind('Tohir Yuldashev'), 'Group', 'outside running text, a bare name is not taken for a person');
    assert.equal(guessKind('Interior Ministry', { role: 'text', titled: true, tagged: 'Person' }), 'Organization', 'its words come first');
  });
});
