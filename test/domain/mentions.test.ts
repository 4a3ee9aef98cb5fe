// src/domain/mentions.ts: where a text mentions actors, by their names and aliases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMentions, mentionsIn, nameIndex, type NamedActor } from '../../src/domain/mentions.ts';

const actors: NamedActor[] = [
  { id: 'islamic-movement-of-uzbekistan', name: 'Islamic Movement of Uzbekistan', aliases: ['IMU', 'Islamic Movement of Uzbekistan (IDU)'] },
  { id: 'uzbekistan', name: 'Uzbekistan', aliases: ['Republic of Uzbekistan'] },
  { id: 'islamic-state', name: 'Islamic State', aliases: ['IS', 'ISIS', 'Islamic State group'] },
  { id: 'united-states', name: 'United States', aliases: ['U.S.'] },
];

/** Each mention as [the text it spans, its actors]. */
const found = (text: string, who: NamedActor[] = actors) => findMentions(text, who).map((m) => [text.slice(m.start, m.end), m.actors.join('+')]);

describe('findMentions', () => {
  it('gives each mention its offsets and actor', () => {
    assert.deepEqual(findMentions('Leaving Uzbekistan, the IMU', actors), [
      { start: 8, end: 18, actors: ['uzbekistan'] },
      { start: 24, end: 27, actors: ['islamic-movement-of-uzbekistan'] },
    ]);
  });

  it('takes the longest name at a position: the IMU once, not also Uzbekistan', () => {
    assert.deepEqual(found('The Islamic Movement of Uzbekistan attacked.'), [['Islamic Movement of Uzbekistan', 'islamic-movement-of-uzbekistan']]);
    assert.deepEqual(found('The Islamic State group and the Islamic State'), [
      ['Islamic State group', 'islamic-state'],
      ['Islamic State', 'islamic-state'],
    ]);
    assert.deepEqual(found('the Republic of Uzbekistan'), [['Republic of Uzbekistan', 'uzbekistan']]);
  });

  it('matches an alias ending in punctuation, including it', () => {
    assert.deepEqual(found('The Islamic Movement of Uzbekistan (IDU) and the U.S. met.'), [
      ['Islamic Movement of Uzbekistan (IDU)', 'islamic-movement-of-uzbekistan'],
      ['U.S.', 'united-states'],
    ]);
  });

  it('is case-sensitive: "IS" is not "is"', () => {
    assert.deepEqual(found('this is IS, not Is'), [['IS', 'islamic-state']]);
    assert.deepEqual(found('islamic state, uzbekistan'), []);
  });

  it('matches whole words only', () => {
    assert.deepEqual(found('IMUs, ISISK, Uzbekistani and PreIS'), []);
    assert.deepEqual(found('ISIS-K (IS) and U.S.A.'), [
      ['ISIS', 'islamic-state'],
      ['IS', 'islamic-state'],
    ]);
  });

  it('matches names in other scripts and with diacritics, on their word boundaries', () => {
    const kazakh: NamedActor[] = [
      { id: 'islamic-state', name: 'Ислам мемлекеті', aliases: ['ДАИШ'] },
      { id: 'kazakhstan', name: 'Қазақстан', aliases: ['Qazaqstan'] },
    ];
    assert.deepEqual(found('Ислам мемлекеті және Қазақстан; ДАИШы', kazakh), [
      ['Ислам мемлекеті', 'islamic-state'],
      ['Қазақстан', 'kazakhstan'],
    ]);
    assert.deepEqual(found('Qazaqstanǵa', kazakh), [], 'a letter with a diacritic continues the word');
    assert.deepEqual(found('Ўзбекистон Qazaqstan', kazakh), [['Qazaqstan', 'kazakhstan']]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const [mention] = findMentions('😀 the IMU', actors);
    assert.deepEqual(mention, { start: 7, end: 10, actors: ['islamic-movement-of-uzbekistan'] });
  });

  it('gives every actor that goes by a shared name', () => {
    const shared: NamedActor[] = [
      { id: 'islamic-state', name: 'Islamic State', aliases: ['Daesh'] },
      { id: 'is-khorasan', name: 'Islamic State Khorasan', aliases: ['Daesh'] },
    ];
    assert.deepEqual(found('Daesh', shared), [['Daesh', 'islamic-state+is-khorasan']]);
  });

  it('never matches a name of one character or one not starting with a letter or digit', () => {
    const odd: NamedActor[] = [
      { id: 'x', name: 'X', aliases: ['(IDU)', '-'] },
      { id: 'y', name: 'Y2', aliases: [] },
    ];
    assert.deepEqual(found('X (IDU) - Y2', odd), [['Y2', 'y']]);
  });
});

describe('nameIndex and mentionsIn', () => {
  it('index a name once however often an actor lists it, and match many texts', () => {
    const index = nameIndex([{ id: 'imu', name: 'IMU', aliases: ['IMU', 'IDU'] }]);
    assert.deepEqual(index.owners.get('IMU'), ['imu']);
    assert.deepEqual([...mentionsIn('IMU', index)].length, 1);
    assert.deepEqual([...mentionsIn('IDU, IMU', index)].map((m) => m.start), [0, 5]);
  });
});
