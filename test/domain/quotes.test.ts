// src/domain/quotes.ts: where a verbatim quote stands in its source's text, whitespace aside.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateQuote, quoteFinder, quoteMismatch, quoteMismatchMessage } from '../../src/domain/quotes.ts';

/** The quote as printed in the source, at its span. */
const found = (text: string, quote: string) => {
  const span = locateQuote(text, quote);
  return span && text.slice(span.start, span.end);
};

describe('locateQuote', () => {
  it('finds a quote verbatim, at its first occurrence', () => {
    const text = 'The group pledged allegiance. The group pledged allegiance again.';
    assert.deepEqual(locateQuote(text, 'The group pledged allegiance'), { start: 0, end: 28 });
    assert.deepEqual(locateQuote(text, 'allegiance again'), { start: 48, end: 64 });
  });

  it('matches any run of whitespace with any other, and gives the span as printed', () => {
    const text = 'He said:\n  the  group\tpledged\r\nallegiance.';
    assert.equal(found(text, 'the group pledged allegiance'), 'the  group\tpledged\r\nallegiance');
    assert.equal(found(text, '  the\n\ngroup   pledged  '), 'the  group\tpledged');
    assert.deepEqual(locateQuote(text, 'the group'), { start: 11, end: 21 });
  });

  it('returns null for a quote that is not there, and for an empty or blank one', () => {
    assert.equal(locateQuote('The group pledged allegiance.', 'the group'), null, 'case matters');
    assert.equal(locateQuote('The group pledged allegiance.', 'Thegroup'), null, 'whitespace cannot vanish');
    assert.equal(locateQuote('The group', ''), null);
    assert.equal(locateQuote('The group', ' \n\t '), null);
    assert.equal(locateQuote('', 'x'), null);
  });

  it('counts offsets in UTF-16 code units, so characters beyond the BMP count twice', () => {
    const text = '𝐀𝐁 said: 😀  the group\npledged';
    assert.equal('😀'.length, 2);
    const span = locateQuote(text, 'the group pledged')!;
    assert.equal(span.start, text.indexOf('the'));
    assert.equal(span.start, 15); // 𝐀𝐁 4, " said: " 7, 😀 2, two spaces 2
    assert.equal(text.slice(span.start, span.end), 'the group\npledged');
    assert.equal(found(text, '😀 the'), '😀  the');
    assert.deepEqual(locateQuote(text, '𝐁'), { start: 2, end: 4 });
  });

  it('handles text that starts or ends with whitespace, and scripts beyond Latin', () => {
    const text = '\n\n  Ислам мемлекеті   \u062F\u0648\u0644\u0629  ';
    assert.equal(found(text, 'Ислам мемлекеті \u062F\u0648\u0644\u0629'), 'Ислам мемлекеті   \u062F\u0648\u0644\u0629');
    assert.equal(locateQuote(text, 'Ислам')!.start, 4);
  });
});

describe('quoteFinder', () => {
  it('finds many quotes in one text, each as locateQuote does', () => {
    const text = 'One  two\tthree\n\nfour five. Six seven eight.';
    const find = quoteFinder(text);
    for (const quote of ['One two', 'two three four', 'five. Six', 'eight.', 'seven', 'nine']) {
      assert.deepEqual(find(quote), locateQuote(text, quote), quote);
    }
    assert.equal(text.slice(find('three four')!.start, find('three four')!.end), 'three\n\nfour');
  });
});

describe('quoteMismatch', () => {
  const text = 'Colonel Gulmurod Khalimov, commander of the OMON, said he had joined the Islamic State.';

  it('is null for a quote that stands in the text, whitespace runs aside', () => {
    assert.equal(quoteMismatch(text, 'commander of\n  the OMON'), null);
  });

  it('gives the longest matching stretch and the first character after it that differs', () => {
    const quote = 'commander of the OMON, said he has joined';
    const mismatch = quoteMismatch(text, quote)!;
    assert.deepEqual(mismatch, {
      matched: 'commander of the OMON, said he ha',
      quoteOffset: 0,
      textOffset: text.indexOf('commander'),
      differsAt: 33,
      quoteHas: 's',
      textHas: 'd',
    });
    assert.equal(quote.slice(mismatch.quoteOffset, mismatch.quoteOffset + mismatch.matched.length), mismatch.matched);
    assert.equal(quoteMismatchMessage(mismatch), 'not verbatim in the source: "commander of the OMON, said he ha" matches, then the quote has "s" where the text has "d" (character 34 of the quote)');
  });

  it('counts whitespace runs as equal and gives offsets in the quote as written', () => {
    const mismatch = quoteMismatch(text, 'Gulmurod   Khalimov,\ncommandr')!;
    assert.equal(mismatch.matched, 'Gulmurod   Khalimov,\ncommand');
    assert.equal(mismatch.differsAt, 28);
    assert.deepEqual([mismatch.quoteHas, mismatch.textHas], ['r', 'e']);
  });

  it('says when the quote departs before its longest stretch', () => {
    const mismatch = quoteMismatch(text, 'Colonel Gulmurod Khalimov, the commander of the OMON, said he had joined')!;
    assert.equal(mismatch.matched, ' commander of the OMON, said he had joined');
    assert.equal(mismatch.quoteOffset, 30);
    assert.deepEqual([mismatch.differsAt, mismatch.quoteHas, mismatch.textHas], [29, 'e', ',']);
    assert.match(quoteMismatchMessage(mismatch), /matches, but before it the quote has "e" where the text has "," \(character 30 of the quote\)$/);
  });

  it('treats curly and straight quotation marks as different characters, and says so', () => {
    const printed = 'He called it a “holy war” in the video.';
    const mismatch = quoteMismatch(printed, 'a "holy war" in the video')!;
    assert.deepEqual([mismatch.quoteHas, mismatch.textHas], ['"', '”']);
    assert.match(quoteMismatchMessage(mismatch), /curly and straight quotation marks are different characters/);
  });

  it('says so when no character of the quote occurs in the text', () => {
    const mismatch = quoteMismatch('abc', 'xyz')!;
    assert.equal(mismatch.matched, '');
    assert.equal(quoteMismatchMessage(mismatch), 'not verbatim in the source: no part of it occurs in the text');
  });

  it('says where the text ends when the quote runs past it', () => {
    const mismatch = quoteMismatch(text, 'joined the Islamic State. More')!;
    assert.equal(mismatch.textHas, null);
    assert.match(quoteMismatchMessage(mismatch), /then the quote has a space where the text ends/);
  });
});
