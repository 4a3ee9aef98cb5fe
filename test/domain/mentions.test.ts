// src/domain/mentions.ts: where a text mentions actors, by their names and aliases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMentions, mentionsIn, nameIndex, occurrences, partialNames, sameOrCapitals, type MentionContext, type NamedActor } from '../../src/domain/mentions.ts';

const actors: NamedActor[] = [
  { id: 'islamic-movement-of-uzbekistan', name: 'Islamic Movement of Uzbekistan', aliases: ['IMU', 'Islamic Movement of Uzbekistan (IDU)'] },
  { id: 'uzbekistan', name: 'Uzbekistan', aliases: ['Republic of Uzbekistan'] },
  { id: 'islamic-state', name: 'Islamic State', aliases: ['IS', 'ISIS', 'Islamic State group'] },
  { id: 'united-states', name: 'United States', aliases: ['U.S.'] },
];

/** Each mention as [the text it spans, its actors]. */
const found = (text: string, who: NamedActor[] = actors, context: MentionContext = {}) =>
  findMentions(text, who, context).map((m) => [text.slice(m.start, m.end), m.actors.join('+')]);

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
    assert.deepEqual(index.owners.get('imu')?.map((n) => n.actor), ['imu']);
    assert.deepEqual([...mentionsIn('IMU', index)].length, 1);
    assert.deepEqual([...mentionsIn('IDU, IMU', index)].map((m) => m.start), [0, 5]);
  });
});

const agencies: NamedActor[] = [
  { id: 'asia-plus', name: 'Asia-Plus', aliases: ['Asia Plus news agency'] },
  { id: 'islamic-state', name: 'Islamic State', aliases: ['IS', 'ISIS'] },
  { id: 'fergana-valley', name: 'Fergana Valley', aliases: ['Ferghana Valley', 'Fergana', 'Ferghana'] },
  { id: 'juma-namangani', name: 'Juma Namangani', aliases: ['Namangani', 'Jumaboi Khojiev'] },
  { id: 'uzbekistan', name: 'Uzbekistan', aliases: ['Republic of Uzbekistan'] },
];
const linked = (...ids: string[]): MentionContext => ({ linked: new Set(ids) });

describe('words in capitals', () => {
  it('match a name in any case: "ASIA-Plus" is Asia-Plus, a headline\'s "ISLAMIC STATE" is Islamic State', () => {
    assert.deepEqual(found('told ASIA-Plus on Monday', agencies), [['ASIA-Plus', 'asia-plus']]);
    assert.deepEqual(found('ISLAMIC STATE SAYS', agencies), [['ISLAMIC STATE', 'islamic-state']]);
    assert.deepEqual(found('ASIA PLUS NEWS AGENCY', agencies), [['ASIA PLUS NEWS AGENCY', 'asia-plus']]);
  });

  it('but a word not in capitals keeps its case, and the punctuation must be the same', () => {
    assert.deepEqual(found('Asia-plus and asia-Plus', agencies), []);
    assert.deepEqual(found('ASIA PLUS', agencies), [], 'the name has a hyphen');
    assert.deepEqual(found('Is it IS?', agencies), [['IS', 'islamic-state']], '"Is" is one capital, not capitals');
  });

  it('sameOrCapitals compares word by word', () => {
    assert.equal(sameOrCapitals('ASIA-Plus', 'Asia-Plus'), true);
    assert.equal(sameOrCapitals('ASIA-PLUS', 'Asia-Plus'), true);
    assert.equal(sameOrCapitals('Asia-PLUS', 'Asia-Plus'), true);
    assert.equal(sameOrCapitals('AsIA-Plus', 'Asia-Plus'), false);
    assert.equal(sameOrCapitals('IS', 'Is'), true);
    assert.equal(sameOrCapitals('is', 'IS'), false);
  });
});

describe('actors a claim on the same source names', () => {
  it('match in any case', () => {
    assert.deepEqual(found('the asia-plus agency and Islamic state', agencies), []);
    assert.deepEqual(found('the asia-plus agency and Islamic state', agencies, linked('asia-plus', 'islamic-state')), [
      ['asia-plus', 'asia-plus'],
      ['Islamic state', 'islamic-state'],
    ]);
  });

  it('except by a name in capitals: "is" is never IS', () => {
    assert.deepEqual(found('what is left of isis', agencies, linked('islamic-state')), []);
  });

  it('only for the linked actor', () => {
    assert.deepEqual(found('uzbekistan', agencies, linked('asia-plus')), []);
  });
});

describe('partial names: one word, not the last, of a longer name of the same actor', () => {
  it('are found per actor: a modifier of a longer name or alias, never the name itself', () => {
    assert.deepEqual([...partialNames(agencies[2]!)], ['Fergana', 'Ferghana']);
    assert.deepEqual([...partialNames(agencies[4]!)], [], '"Uzbekistan" is the name, though "Republic of Uzbekistan" holds it');
    assert.deepEqual([...partialNames(agencies[1]!)], [], '"IS" is no word of "Islamic State"');
    assert.deepEqual([...partialNames({ id: 'batken-region', name: 'Batken region', aliases: ['Batken'] })], ['Batken']);
  });

  it('leave out the last word (a surname, a head noun), acronyms and spellings of the name', () => {
    assert.deepEqual([...partialNames(agencies[3]!)], [], '"Namangani" is the surname');
    assert.deepEqual([...partialNames({ id: 'taliban', name: 'Afghan Taliban', aliases: ['Taliban', 'Taleban'] })], []);
    assert.deepEqual([...partialNames({ id: 'imu', name: 'Islamic Movement of Uzbekistan', aliases: ['IDU', 'Islamic Movement of Uzbekistan (IDU)'] })], []);
    assert.deepEqual([...partialNames({ id: 'ria-novosti', name: 'RIA Novosti', aliases: ['RIA'] })], []);
    assert.deepEqual([...partialNames({ id: 'eurasianet', name: 'EurasiaNet', aliases: ['Eurasianet', 'Eurasianet.org'] })], []);
  });

  it('are no mention alone: "Source: Fergana" is not the Fergana Valley', () => {
    assert.deepEqual(found('Source: Fergana', agencies), []);
    assert.deepEqual(found('Namangani said so.', agencies), [['Namangani', 'juma-namangani']], 'a surname alone is a mention');
    assert.deepEqual(found('Uzbekistan said so.', agencies), [['Uzbekistan', 'uzbekistan']]);
  });

  it('are a mention when the same text names the actor in full', () => {
    assert.deepEqual(found('Ferghana farmers; the Ferghana Valley', agencies), [
      ['Ferghana', 'fergana-valley'],
      ['Ferghana Valley', 'fergana-valley'],
    ]);
    assert.deepEqual(found('Fergana, in the Ferghana Valley', agencies), [
      ['Fergana', 'fergana-valley'],
      ['Ferghana Valley', 'fergana-valley'],
    ], 'the full name in any spelling');
  });

  it('are a mention when a claim on the source names the actor', () => {
    assert.deepEqual(found('Source: Fergana', agencies, linked('fergana-valley')), [['Fergana', 'fergana-valley']]);
  });

  it('leave a shared name to the actor whose whole name it is: the news agency Fergana', () => {
    const withAgency = [...agencies, { id: 'fergana-agency', name: 'Fergana', aliases: ['Fergana news agency'] }];
    assert.deepEqual(found('Source: Fergana', withAgency), [['Fergana', 'fergana-agency']]);
    assert.deepEqual(found('the Fergana Valley. Source: Fergana', withAgency), [
      ['Fergana Valley', 'fergana-valley'],
      ['Fergana', 'fergana-valley+fergana-agency'],
    ]);
  });
});

describe('occurrences', () => {
  it('finds an editor\'s text as printed, on word boundaries', () => {
    assert.deepEqual(occurrences('Gulmurjd and Gulmurjdov; Gulmurjd.', 'Gulmurjd'), [
      { start: 0, end: 8 },
      { start: 25, end: 33 },
    ]);
    assert.deepEqual(occurrences('gulmurjd', 'Gulmurjd'), []);
    assert.deepEqual(occurrences('a text', '  '), []);
  });
});
