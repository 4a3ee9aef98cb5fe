// The suggestion engine, pure: dates read relative to publication, cue phrases on word boundaries,
// new names with a guessed kind and close existing actors, claims with their type, direction,
// stance, claimant and hedges, what is already done left out, and the leave-one-out floors on the
// five seeds (today's figures less a small margin: they may rise, never fall unnoticed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSeedCases } from '../../bench/suggestions.ts';
import { findCues } from '../../src/domain/cues.ts';
import { datesIn } from '../../src/domain/relativeDates.ts';
import { actorsIn, closeActors, closeIndex, type KnownActor } from '../../src/domain/sentenceActors.ts';
import { suggest, withoutDone } from '../../src/domain/suggestions.ts';
import { leaveOneOut } from '../../src/domain/suggestionsLeaveOneOut.ts';
import { vocabulary } from '../../src/domain/vocabulary.ts';

const actors: KnownActor[] = [
  { id: 'islamic-state', name: 'Islamic State', aliases: ['IS'], kind: 'Group' },
  { id: 'imu', name: 'Islamic Movement of Uzbekistan', aliases: ['IMU'], kind: 'Group' },
  { id: 'uzbekistan', name: 'Uzbekistan', aliases: [], kind: 'State' },
  { id: 'syria', name: 'Syria', aliases: [], kind: 'State' },
  { id: 'iraq', name: 'Iraq', aliases: [], kind: 'State' },
  { id: 'karimov', name: 'Islam Karimov', aliases: ['Karimov'], kind: 'Person' },
  { id: 'khalimov', name: 'Gulmurod Khalimov', aliases: [], kind: 'Person' },
];

describe('dates relative to publication', () => {
  it('places a month or day without a year in the latest one not after publication', () => {
    assert.deepEqual(datesIn('The attack happened in October.', '2015-05-28').map((d) => [d.date, d.text]), [['2014-10', 'October']]);
    assert.deepEqual(datesIn('On May 1 he vanished.', '2015-05-28').map((d) => [d.date, d.text]), [['2015-05-01', 'May 1']]);
    assert.deepEqual(datesIn('He left last month.', '2015-05-28').map((d) => [d.date, d.text]), [['2015-04', 'last month']]);
    assert.deepEqual(datesIn('In 2013 they trained; on September 6, 2002 they met.', '2015').map((d) => d.date), ['2013', '2002-09-06']);
  });
  it('reads no date from times or from nothing', () => {
    assert.deepEqual(datesIn('He said so at 12:04 GMT.', '2015-05-28'), []);
  });
});

describe('cue phrases', () => {
  it('match whole words regardless of case, longest first', () => {
    assert.deepEqual(findCues('They Swore Allegiance; the sworn allegiance-takers', ['swore allegiance', 'allegiance']).map((h) => h.cue), ['swore allegiance', 'allegiance']);
    assert.deepEqual(findCues('the leadership', ['leads', 'lead']), []);
  });
});

describe('the actors a text names', () => {
  it('known ones by the mention matcher, new ones with a kind guessed from a title or an organisation word', () => {
    const text = 'Colonel Gulmurod Halimov of the Interior Ministry met Islam Karimov.';
    const found = actorsIn(text, actors).map((o) => [o.text, o.actorId, o.kind]);
    assert.deepEqual(found, [['Gulmurod Halimov', null, 'Person'], ['Interior Ministry', null, 'Organization'], ['Islam Karimov', 'karimov', 'Person']]);
  });
  it('a new name offers the close existing actors: same letters in another case, or fuzzily alike', () => {
    assert.deepEqual(closeActors('Halimov', closeIndex(actors)), [{ actorId: 'khalimov', match: 'FUZZY' }]);
    assert.deepEqual(closeActors('ISLAMIC STATE', closeIndex(actors)), [{ actorId: 'islamic-state', match: 'EXACT' }]);
    assert.deepEqual(closeActors('Karimova Foundation', closeIndex(actors)).filter((c) => c.match !== 'FUZZY'), []);
  });
});

describe('suggested claims', () => {
  const claimsOf = (text: string, published = '2015-05-28') =>
    suggest(text, published, actors, vocabulary).claims.map((c) => [c.subject.actorId ?? c.subject.text, c.type, c.object.actorId ?? c.object.text, c.stance]);

  it('a cue between two actors proposes its type; "led by" turns subject and object round', () => {
    assert.deepEqual(claimsOf('The Islamic Movement of Uzbekistan pledged allegiance to Islamic State.'), [['imu', 'PLEDGED_ALLEGIANCE_TO', 'islamic-state', 'ASSERTED']]);
    assert.deepEqual(claimsOf('Uzbekistan, led by Islam Karimov, held firm.'), [['karimov', 'LEADS', 'uzbekistan', 'ASSERTED']]);
  });
  it('"X\'s Y" makes a unit of a group PART_OF it and a person of a body a MEMBER_OF it, by their kinds', () => {
    assert.deepEqual(claimsOf("The IMU's Jundullah Battalion fought on."), [['Jundullah Battalion', 'PART_OF', 'imu', 'ASSERTED']]);
    assert.deepEqual(claimsOf("The IMU's Tohir Yuldashev spoke."), [['Tohir Yuldashev', 'MEMBER_OF', 'imu', 'ASSERTED']]);
    assert.deepEqual(claimsOf("Uzbekistan's Syria policy changed."), [], 'a state and a state: no type fits');
  });
  it('an object of the wrong kind is passed over for the nearest that fits, and listed names each get one', () => {
    assert.deepEqual(claimsOf('Islamic State is active in Syria and Iraq.'), [['islamic-state', 'OPERATES_IN', 'syria', 'ASSERTED'], ['islamic-state', 'OPERATES_IN', 'iraq', 'ASSERTED']]);
  });
  it('attribution makes it ATTRIBUTED with the speaker as claimant; a denial DENIED; hedges go to the note', () => {
    const [attributed] = suggest('According to Islam Karimov, the IMU reportedly joined Islamic State in October.', '2015-05-28', actors, vocabulary).claims;
    assert.deepEqual([attributed?.subject.actorId, attributed?.type, attributed?.object.actorId, attributed?.stance], ['imu', 'MEMBER_OF', 'islamic-state', 'ATTRIBUTED']);
    assert.deepEqual(attributed?.claimedBy.map((c) => c.actorId), ['karimov']);
    assert.deepEqual([attributed?.since, attributed?.dateText], ['2014-10', 'October']);
    assert.match(attributed?.note ?? '', /reportedly/);
    assert.deepEqual(claimsOf('Islam Karimov denied that the IMU is linked to Islamic State.').map((c) => c[3]), ['DENIED']);
  });
  it('a sentence naming one actor, or two without a cue, suggests no claim', () => {
    assert.deepEqual(claimsOf('Islamic State grew. Syria and Iraq suffered.'), []);
  });
  it('leaves out what a claim on the source already says and what was rejected', () => {
    const text = 'The IMU pledged allegiance to Islamic State. Islamic State is active in Syria.';
    const all = suggest(text, '2015', actors, vocabulary);
    const left = withoutDone(all, [{ subject: 'imu', type: 'PLEDGED_ALLEGIANCE_TO', object: 'islamic-state' }], new Set([all.actors[0]!.key]));
    assert.deepEqual(left.claims.map((c) => c.type), ['OPERATES_IN']);
    assert.equal(left.actors.length, all.actors.length - 1);
  });
});

describe('leave-one-out on the five seeds', () => {
  const { seeds, shared } = readSeedCases();
  const { rows, total } = leaveOneOut(seeds, shared, vocabulary);
  it('covers each seed with its curated claims', () => {
    assert.equal(rows.length, 5);
    for (const row of rows) assert.ok(row.curated > 0 && row.proposals > 0, JSON.stringify(row));
  });
  it('keeps recall, precision and stance agreement at or above their floors', () => {
    const floors = { recall: 0.095, precision: 0.34, stanceAgreement: 0.7, recalled: 25 };
    assert.ok(total.recall >= floors.recall, `recall ${total.recall} < ${floors.recall}`);
    assert.ok(total.precision >= floors.precision, `precision ${total.precision} < ${floors.precision}`);
    assert.ok(total.stanceAgreement >= floors.stanceAgreement, `stance agreement ${total.stanceAgreement} < ${floors.stanceAgreement}`);
    assert.ok(total.recalled >= floors.recalled, `recalled ${total.recalled} < ${floors.recalled}`);
  });
  it('keeps each seed at or above its own floors (a little under its figures in docs/suggestions.md)', () => {
    const floors: Record<string, { recall: number; precision: number; stanceAgreement: number }> = {
      'diplomat-2016-07-ready-to-face-isis': { recall: 0.05, precision: 0.17, stanceAgreement: 0.5 },
      'eurasianet-2002-09-16-imu-threat-alive': { recall: 0.09, precision: 0.55, stanceAgreement: 0.73 },
      'rferl-2015-01-is-70-million': { recall: 0.12, precision: 0.26, stanceAgreement: 0.4 },
      'rferl-2015-02-is-planning-attacks': { recall: 0.12, precision: 0.4, stanceAgreement: 0.75 },
      'rferl-2015-04-cooperate-with-russia': { recall: 0.18, precision: 0.5, stanceAgreement: 0.7 },
    };
    assert.deepEqual(rows.map((row) => row.seed).sort(), Object.keys(floors).sort());
    for (const row of rows) {
      const floor = floors[row.seed]!;
      for (const measure of ['recall', 'precision', 'stanceAgreement'] as const) {
        assert.ok(row[measure] >= floor[measure], `${row.seed}: ${measure} ${row[measure]} < ${floor[measure]}`);
      }
    }
  });
});
