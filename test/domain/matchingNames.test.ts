// src/domain/matching/names.ts and similarity.ts: names made comparable (variants, folding, articles, particles, acronyms).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparableNames, consonantSkeleton, foldWord, nameVariants, normaliseText } from '../../src/domain/matching/names.ts';
import { jaroWinkler } from '../../src/domain/matching/similarity.ts';

const keys = (value: string, person = false) => comparableNames(value, false, { person }).names.map((name) => name.key);

describe('normaliseText', () => {
  it('drops case, diacritics and apostrophes; punctuation is a space; Cyrillic in Latin letters', () => {
    assert.equal(normaliseText("Jama'atu Ahlis SUNNA, Lidda’Awati"), 'jamaatu ahlis sunna liddaawati');
    assert.equal(normaliseText('Jama`at al-Tawhid'), 'jamaat al tawhid');
    assert.equal(normaliseText('Ḥayʼat Taḥrīr'), 'hayat tahrir');
    assert.equal(normaliseText('Катиба ат-Таухид валь-Джихад'), 'katiba at tauhid val dzhihad');
  });
});

describe('foldWord', () => {
  it('joins transliteration variants', () => {
    assert.equal(foldWord('oshiqlari'), foldWord('oshiklari'));
    assert.equal(foldWord('khatiba'), foldWord('katibat'));
    assert.equal(foldWord('tawheed'), foldWord('tawhid'));
    assert.equal(foldWord('tawhid'), foldWord('tauhid'));
    assert.equal(foldWord('nusrah'), foldWord('nusra'));
    assert.equal(foldWord('abou'), foldWord('abu'));
    assert.equal(foldWord('djamat'), foldWord('jamat'));
  });

  it('keeps a, o/u and i apart, so distinct names stay distinct', () => {
    assert.notEqual(foldWord('hasan'), foldWord('husayn'));
    assert.notEqual(foldWord('bukhari'), foldWord('bukhori'));
  });

  it('meets Bukhari and Bukhori by their consonants', () => {
    assert.equal(consonantSkeleton(foldWord('bukhari')), consonantSkeleton(foldWord('bukhori')));
  });
});

describe('comparableNames', () => {
  it('leaves out articles and connectives, al- and wal- included', () => {
    assert.deepEqual(keys('KHATIBA IMAM AL-BUKHARI'), ['katiba imam bukari']);
    assert.deepEqual(keys('Katibat Imam Bukhari'), ['katiba imam bukari']);
    assert.deepEqual(keys('Tawhid wal-Jihad'), keys('Jama`at al-Tawhid wal-Jihad').map((key) => key.replace('jama ', '')));
  });

  it('binds a kunya or patronymic particle to the next word', () => {
    assert.deepEqual(keys('Abu Bakr al-Baghdadi'), ['abubakr baghdadi']);
    assert.deepEqual(keys('ABOU MOHAMED AL ADNANI'), ['abumuhamid adnani']);
    assert.deepEqual(keys('Abd al-Aziz'), keys('Abdul Aziz'));
  });

  it('takes a parenthesised acronym apart, with the initials of the name', () => {
    const [name, acronym] = comparableNames('KHATIBA IMAM AL-BUKHARI (KIB)', false).names;
    assert.equal(name?.initials, 'kib');
    assert.equal(acronym?.acronym, 'kib');
    assert.equal(comparableNames('Islamic State in Iraq and the Levant', false).names[0]?.initials, 'isil');
    assert.equal(comparableNames('ISIL-K', false).names[0]?.acronym, 'isilk');
    assert.equal(comparableNames('Boko Haram', false).names[0]?.acronym, undefined);
    assert.equal(comparableNames('OMAR', false, { person: true }).names[0]?.acronym, undefined);
  });

  it('keeps a person\'s honorifics as titles, not words', () => {
    const { names, titles } = comparableNames('Mullah Mohammad Omar', false, { person: true });
    assert.deepEqual(names.map((name) => name.key), ['muhamad umar']);
    assert.deepEqual(titles, ['mullah']);
  });
});

describe('nameVariants', () => {
  it('reads the spellings a parenthesis lists, without annotations', () => {
    assert.deepEqual(nameVariants('جبهة النصرة (the Victory Front; Jabhat al-Nusrah;\n Al-Nusra Front)'), [
      'جبهة النصرة',
      'the Victory Front',
      'Jabhat al-Nusrah',
      'Al-Nusra Front',
    ]);
    assert.deepEqual(nameVariants('Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Tahrir al-Sham Hay’at)'), [
      'Hay’at Tahrir al-Sham',
      'HTS',
      'هيئة تحرير الشام',
      'Tahrir al-Sham Hay’at',
    ]);
  });
});

describe('jaroWinkler', () => {
  it('is 1 for equal words, 0 for nothing in common, high for near spellings', () => {
    assert.equal(jaroWinkler('martha', 'martha'), 1);
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
    assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.961) < 0.001);
    assert.ok(jaroWinkler('tauhid', 'taukid') > 0.9);
  });
});
