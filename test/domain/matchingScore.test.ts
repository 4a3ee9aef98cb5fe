// src/domain/matching/score.ts, block.ts, match.ts, party.ts: a pair's score with its reasons, and blocking.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorCountries, actorParty } from '../../src/domain/matching/actorParty.ts';
import { buildIndex, candidatesOf } from '../../src/domain/matching/block.ts';
import { matchParties } from '../../src/domain/matching/match.ts';
import { decide, type Party } from '../../src/domain/matching/party.ts';
import { compareNames, prepareParty, sameCountry, scorePair, scoring, wordSimilarity } from '../../src/domain/matching/score.ts';
import { comparableNames } from '../../src/domain/matching/names.ts';

const group = (id: string, ...names: (string | { value: string; weak: boolean })[]): Party => ({
  id,
  kind: 'organization',
  names: names.map((name) => (typeof name === 'string' ? { value: name } : name)),
});
const person = (id: string, ...names: (string | { value: string; weak: boolean })[]): Party => ({ ...group(id, ...names), kind: 'person' });
const score = (a: Party, b: Party) => scorePair(prepareParty(a), prepareParty(b));
const name = (value: string) => comparableNames(value, false).names[0]!;
const thresholds = { autoSame: 0.9, reviewFloor: 0.6 };

describe('compareNames', () => {
  it('equal after folding: transliterations, al-, word order', () => {
    assert.equal(compareNames(name('KHATIBA IMAM AL-BUKHARI'), name('Katibat Imam Bukhari')).similarity, 1);
    assert.equal(compareNames(name('JANNAT OSHIKLARI'), name('Jannat Oshiqlari')).similarity, 1);
    assert.equal(compareNames(name('ABOU MOHAMED AL ADNANI'), name('Abu Mohamed al-Adnani')).similarity, 1);
    assert.equal(compareNames(name('Tahrir al-Sham Hay’at'), name('Hay’at Tahrir al-Sham')).similarity, scoring.reordered);
  });

  it('Bukhari ~ Bukhori: alike, not equal', () => {
    assert.equal(wordSimilarity('bukari', 'bukuri'), scoring.sameConsonants);
    const similarity = compareNames(name('Imam Bukhari'), name('Imam Bukhori')).similarity;
    assert.ok(similarity > 0.9 && similarity < 1, String(similarity));
  });

  it('an acronym meets the initials of the other name, never decisively', () => {
    const kib = comparableNames('KHATIBA IMAM AL-BUKHARI (KIB)', false).names[1]!;
    const compared = compareNames(kib, name('Katibat Imam Bukhari'));
    assert.equal(compared.reason, 'acronym of the other name');
    assert.ok(compared.similarity < 0.9);
  });

  it('extra words lower the similarity: a branch is not the whole', () => {
    const whole = compareNames(name('Islamic State'), name('Islamic State'));
    const branch = compareNames(name('Islamic State'), name('Islamic State West Africa Province'));
    assert.ok(branch.similarity < 0.75 && branch.similarity < whole.similarity, String(branch.similarity));
  });

  it('a one-word name is never decisive', () => {
    assert.equal(compareNames(name('AL FURQAN'), name('Al-Furqan')).similarity, scoring.oneWordEqual);
  });
});

describe('scorePair', () => {
  it('gives its reasons, each with a weight', () => {
    const pair = score(group('QDe.158', 'KHATIBA IMAM AL-BUKHARI (KIB)'), group('kib', 'Katibat al-Imam Bukhari'));
    assert.equal(pair.score, 1);
    assert.deepEqual(pair.reasons, [{ reason: 'name equal after folding', detail: '"KHATIBA IMAM AL-BUKHARI" ~ "Katibat al-Imam Bukhari"', weight: 1 }]);
  });

  it('a person against a group is a strong negative', () => {
    const pair = score(person('QDi.218', 'Imam Bukhori'), group('kib', 'Imam Bukhori'));
    assert.equal(pair.score, scoring.kindFactor.personVsOther);
    assert.ok(pair.reasons.some((reason) => reason.reason === 'kinds differ' && reason.weight === scoring.kindFactor.personVsOther));
    assert.equal(decide(pair, thresholds), 'different');
  });

  it('a weak alias counts less than a good name', () => {
    const good = score(person('a', 'Abu Bakr al-Baghdadi'), person('b', 'Abu Bakr al-Baghdadi'));
    const weak = score(person('a', { value: 'Abu Bakr al-Baghdadi', weak: true }), person('b', 'Abu Bakr al-Baghdadi'));
    assert.equal(weak.score, good.score * scoring.weakAlias);
    assert.ok(weak.reasons.some((reason) => reason.reason === 'weak alias'));
    assert.equal(decide(weak, thresholds), 'review');
  });

  it('a person\'s one-word name is not even a review', () => {
    const pair = score(person('a', 'Mullah Omar'), person('b', 'Omar'));
    assert.equal(decide(pair, thresholds), 'different');
  });

  it('an equal identifier is certain, whatever the names', () => {
    const pair = score({ ...group('a', 'One'), identifiers: [{ scheme: 'un-sc', value: 'QDe.001' }] }, { ...group('b', 'Other'), identifiers: [{ scheme: 'un-sc', value: 'QDe.001' }] });
    assert.equal(pair.certain, true);
    assert.equal(decide(pair, thresholds), 'same');
  });

  it('countries: one in common adds, none in common lowers', () => {
    const base = score(group('a', 'Jamaat Ansarullah'), group('b', 'Jamaat Ansarullah')).score;
    const shared = score({ ...group('a', 'Jamaat Ansarullah'), countries: ['Tajikistan'] }, { ...group('b', 'Jamaat Ansarullah'), countries: ['TAJIKISTAN'] });
    const disjoint = score({ ...group('a', 'Jamaat Ansarullah'), countries: ['Yemen'] }, { ...group('b', 'Jamaat Ansarullah'), countries: ['Tajikistan'] });
    assert.ok(shared.score >= base && shared.reasons.some((reason) => reason.reason === 'country in common'));
    assert.ok(disjoint.score < base && disjoint.reasons.some((reason) => reason.reason === 'no country in common'));
  });
});

describe('actorParty', () => {
  it('maps our kinds', () => {
    assert.equal(actorParty({ id: 'p', kind: 'Person', name: 'X' }).kind, 'person');
    assert.equal(actorParty({ id: 'g', kind: 'Group', name: 'X' }).kind, 'organization');
    assert.equal(actorParty({ id: 's', kind: 'State', name: 'X' }).kind, 'other');
    assert.deepEqual(actorParty({ id: 'g', kind: 'Group', name: 'X', aliases: ['Y'] }).names, [{ value: 'X' }, { value: 'Y' }]);
  });
});

describe('actorCountries', () => {
  it('gives an actor the names of the states its claims place it in, directly or through a place', () => {
    const actors = [
      { id: 'kib', kind: 'Group', name: 'Katibat Imam Bukhari' },
      { id: 'syria', kind: 'State', name: 'Syria', aliases: ['Syrian Arab Republic'] },
      { id: 'idlib', kind: 'Place', name: 'Idlib' },
      { id: 'imu', kind: 'Group', name: 'IMU' },
      { id: 'tajikistan', kind: 'State', name: 'Tajikistan' },
    ];
    const claims = [
      { type: 'OPERATES_IN', subject: 'kib', object: 'idlib' },
      { type: 'PART_OF', subject: 'idlib', object: 'syria' },
      { type: 'OPERATES_IN', subject: 'imu', object: 'tajikistan' },
      { type: 'ATTACKED', subject: 'imu', object: 'syria' },
    ];
    assert.deepEqual([...actorCountries(actors, claims)], [
      ['kib', ['Syria', 'Syrian Arab Republic']],
      ['idlib', ['Syria', 'Syrian Arab Republic']],
      ['imu', ['Tajikistan']],
    ]);
  });

  it('reaches the states of a place through its PART_OF claims, one hop only, wherever the claims stand', () => {
    const actors = [
      { id: 'ktj', kind: 'Group', name: 'KTJ' },
      { id: 'omar', kind: 'Person', name: 'Omar' },
      { id: 'ferghana', kind: 'Place', name: 'Ferghana Valley' },
      { id: 'osh', kind: 'Place', name: 'Osh' },
      { id: 'uzbekistan', kind: 'State', name: 'Uzbekistan' },
      { id: 'kyrgyzstan', kind: 'State', name: 'Kyrgyzstan', aliases: ['Kyrgyz Republic'] },
    ];
    const claims = [
      { type: 'OPERATES_IN', subject: 'ktj', object: 'ferghana' },
      { type: 'CITIZEN_OF', subject: 'omar', object: 'osh' },
      { type: 'ATTACKED', subject: 'ferghana', object: 'kyrgyzstan' },
      { type: 'PART_OF', subject: 'osh', object: 'ferghana' },
      { type: 'PART_OF', subject: 'ferghana', object: 'uzbekistan' },
      { type: 'PART_OF', subject: 'ferghana', object: 'kyrgyzstan' },
      { type: 'OPERATES_IN', subject: 'ktj', object: 'uzbekistan' },
    ];
    const countries = actorCountries(actors, claims);
    assert.deepEqual(countries.get('ktj'), ['Uzbekistan', 'Kyrgyzstan', 'Kyrgyz Republic'], 'PART_OF claims after the placing one, each state once');
    assert.deepEqual(countries.get('ferghana'), ['Uzbekistan', 'Kyrgyzstan', 'Kyrgyz Republic']);
    assert.deepEqual(countries.get('osh'), ['Uzbekistan', 'Kyrgyzstan', 'Kyrgyz Republic'], 'its own PART_OF places it, through the place it is part of');
    assert.equal(countries.get('omar'), undefined, 'a place part of a place part of a state is two hops away');
  });

  it('knows a country by its short and its official name, not by a longer word', () => {
    assert.ok(sameCountry('syria', 'syrian arab republic'));
    assert.ok(sameCountry('russia', 'russian federation'));
    assert.ok(!sameCountry('niger', 'nigeria'));
  });
});

describe('blocking', () => {
  const actors = [
    group('kib', 'Katibat al-Imam Bukhari', 'Imam Bukhori'),
    group('imu', 'Islamic Movement of Uzbekistan', 'IMU'),
    group('ktj', 'Tawhid wal-Jihad'),
    person('omar', 'Mullah Omar'),
  ].map(prepareParty);
  const index = buildIndex(actors);
  const ids = (party: Party, maxCandidates = 10) => candidatesOf(index, prepareParty(party), { maxCandidates, maxPostings: 100 }).candidates.map((c) => c.party.id);

  it('finds candidates by folded words, consonants and acronyms', () => {
    assert.deepEqual(ids(group('QDe.158', 'KHATIBA IMAM AL-BUKHARI (KIB)')), ['kib']);
    assert.deepEqual(ids(group('x', 'Bukhory')), ['kib']);
    assert.deepEqual(ids(group('QDe.010', 'IMU')), ['imu']);
    assert.ok(ids(group('QDe.168', 'Катиба ат-Таухид валь-Джихад')).includes('ktj'), 'Cyrillic reaches its Latin spelling');
    assert.deepEqual(ids(group('y', 'Nothing Alike')), []);
  });

  it('bounds the candidates, and skips keys too common to tell', () => {
    assert.equal(ids(group('z', 'Katibat Imam Bukhari Tawhid Jihad Islamic Movement Uzbekistan Omar'), 2).length, 2);
    const skipped = candidatesOf(index, prepareParty(group('z', 'Imam')), { maxCandidates: 10, maxPostings: 0 });
    assert.deepEqual(skipped, { candidates: [], examined: 0 });
  });

  it('matchParties scores each party against its candidates, best first', () => {
    const [result] = matchParties([group('QDe.158', 'KHATIBA IMAM AL-BUKHARI (KIB)', 'Khatiba al-Tawhid')], [group('kib', 'Katibat Imam Bukhari'), group('ktj', 'Tawhid wal-Jihad')], { maxCandidates: 10, maxPostings: 100 });
    assert.deepEqual(result?.pairs.map((pair) => pair.right), ['kib', 'ktj']);
    assert.equal(result?.candidates, 2);
  });
});
