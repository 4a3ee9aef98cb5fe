// src/domain/searchText.ts: the words of a search, the forms the standard tokenizer may have stored
// each one as, the phrases they make, and names folded for comparison.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldName, searchPhrases, searchWordLimits, searchWords, wordForms } from '../../src/domain/searchText.ts';

/** Each form as one string (a form of several terms joined by a space). */
const forms = (word: string) => wordForms(word).map((terms) => terms.join(' '));

describe('searchWords', () => {
  it('keeps an apostrophe, a full stop or a comma between digits inside a word, as the standard tokenizer does', () => {
    const words = searchWords("Abu Sa’ad al-Uzbeki, the U.S.-led coalition, 1,500 Uzbeks; Kazakhstan's");
    assert.deepEqual(
      words.map((w) => w.forms[0]!.join(' ')),
      ['abu', 'sa’ad', 'al', 'uzbeki', 'the', 'u.s', 'led', 'coalition', '1,500', 'uzbeks', "kazakhstan's"],
    );
  });

  it('splits at quotation marks, brackets, operators and an apostrophe that ends a word', () => {
    assert.deepEqual(
      searchWords('“having connection” ‘Planning’ Uzbeks’ [last year] Bukhari" OR "x').map((w) => w.forms[0]!.join(' ')),
      ['having', 'connection', 'planning', 'uzbeks', 'last', 'year', 'bukhari', 'or', 'x'],
    );
  });

  it('never yields an empty term nor one holding an operator, whatever is typed', () => {
    const hostile = '👩\u200d👩\u200d👧 \ufe0f\u0301 ⑴ ½ ﹙x﹚ Bukhari"~^2 (a:b) * ? \\ / && || ! {}[] U.S.* 1,5,00, \'s';
    const terms = searchWords(hostile).flatMap((w) => w.forms.flat());
    assert.ok(terms.length > 0);
    for (const term of terms) assert.match(term, /^[\p{L}\p{N}\p{M}.,'’‘ʼʻ＇]+$/u, JSON.stringify(term));
    assert.deepEqual(searchWords('👩\u200d👩\u200d👧 \ufe0f'), []);
  });

  it(`counts at most ${searchWordLimits.words} words`, () => {
    assert.equal(searchWords('a b c d e f g h i j k l m n o p').length, searchWordLimits.words);
    assert.deepEqual(searchWords(' "[]~*/\\ '), []);
  });
});

describe('wordForms', () => {
  it('seeks a word with any apostrophe in each kept form, without it, and split where the tokenizer splits', () => {
    for (const typed of ["Sa'ad", 'Sa’ad', 'Sa‘ad', 'Saʼad', 'Sa`ad', 'Sa´ad']) {
      const found = forms(typed);
      for (const form of ["sa'ad", 'sa’ad', 'sa‘ad', 'saʼad', 'saad', 'sa ad']) assert.ok(found.includes(form), `${typed}: ${form} in ${found.join(' | ')}`);
    }
    assert.equal(forms('Sa’ad')[0], 'sa’ad', 'the typed form first');
    assert.equal(forms('Sa`ad')[0], "sa'ad", 'an apostrophe the tokenizer splits at is sought as the plain one');
  });

  it('seeks a dotted initialism without its stops, and one typed in capitals with them', () => {
    assert.deepEqual(forms('U.S'), ['u.s', 'us']);
    assert.deepEqual(forms('U.S.A'), ['u.s.a', 'usa']);
    assert.deepEqual(forms('US'), ['us', 'u.s']);
    assert.deepEqual(forms('us'), ['us'], 'in lower case it is a word');
    assert.deepEqual(forms('centralasiaonline.com'), ['centralasiaonline.com', 'centralasiaonlinecom']);
  });

  it('seeks a number with and without thousands separators, and a decimal as printed', () => {
    assert.deepEqual(forms('1,500'), ['1,500', '1500']);
    assert.deepEqual(forms('12800'), ['12800', '12,800']);
    assert.deepEqual(forms('1234567'), ['1234567', '1,234,567']);
    assert.deepEqual(forms('500'), ['500']);
    assert.deepEqual(forms('2.5'), ['2.5']);
  });

  it('seeks a word with accents both with and without them', () => {
    assert.deepEqual(forms('Bukhōri'), ['bukhōri', 'bukhori']);
    assert.deepEqual(forms('Oʻzbekiston').slice(0, 2), ['oʻzbekiston', "o'zbekiston"]);
  });

  it(`gives at most ${searchWordLimits.forms} forms`, () => {
    assert.ok(wordForms("Sa'ad's").length <= searchWordLimits.forms);
  });
});

describe('searchPhrases', () => {
  it('makes every combination of the forms, the typed ones first', () => {
    const phrases = searchPhrases(searchWords('1,500 Uzbeks')).map((p) => p.join(' '));
    assert.deepEqual(phrases, ['1,500 uzbeks', '1500 uzbeks']);
    const abu = searchPhrases(searchWords("Abu Sa'ad al-Uzbeki")).map((p) => p.join(' '));
    assert.equal(abu[0], "abu sa'ad al uzbeki");
    assert.ok(abu.includes('abu sa’ad al uzbeki') && abu.includes('abu sa ad al uzbeki'));
  });

  it(`stops at ${searchWordLimits.phrases} phrases, the later words' other forms going first`, () => {
    const phrases = searchPhrases(searchWords("Sa'ad Sa'ad Sa'ad US 1,500"));
    assert.ok(phrases.length <= searchWordLimits.phrases);
    assert.deepEqual(phrases[0], ["sa'ad", "sa'ad", "sa'ad", 'us', '1,500']);
    assert.deepEqual(searchPhrases([]), []);
  });
});

describe('foldName', () => {
  it('makes a typed name equal a stored one whatever its apostrophes, quotation marks, stops and hyphens', () => {
    assert.equal(foldName('Abu Sa’ad al-Uzbeki'), foldName("abu sa'ad al uzbeki"));
    assert.equal(foldName('U.S.'), foldName('US'));
    assert.equal(foldName(' “Under The Black Flag” '), foldName('"under the black flag"'));
    assert.notEqual(foldName('Abu Saad'), foldName('Abu Hafs'));
  });
});
