// The reading view's marks as offsets (web/src/reading/textMarks.ts), with no browser: where the
// API's spans or the shared matcher place mentions, and how overlapping marks (a mention inside the
// clicked quote, two actors on one name, a mention across a quote's edge) cut the text so all show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionSpans, segments } from '../web/src/reading/textMarks.ts';

const text = 'Reporter Medina Saidova said Davlatov trained in Russia.';
const span = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe('reading view marks', () => {
  it('takes the API’s spans where given, and finds the names of actors listed without them', () => {
    const mentions = mentionSpans(text, [
      { actor: { id: 'rustam-davlatov', name: 'Rustam Davlatov', aliases: [] }, spans: [span('Davlatov')] },
      { actor: { id: 'russia', name: 'Russia', aliases: [] } },
    ]);
    assert.deepEqual(
      mentions.map((m) => [text.slice(m.start, m.end), m.actors]),
      [['Russia', ['russia']], ['Davlatov', ['rustam-davlatov']]],
    );
    assert.deepEqual(mentionSpans(text, [{ actor: { id: 'medina', name: 'Medina', aliases: [] }, spans: [] }]), [], 'no span: not marked, though the name stands in the text');
  });

  it('keeps every mark of a piece: the clicked quote over the mentions inside it, two actors on one name', () => {
    const quote = span('Davlatov trained in Russia');
    const mentions = [
      { ...span('Davlatov'), actors: ['rustam-davlatov'] },
      { ...span('Davlatov'), actors: ['other-davlatov', 'rustam-davlatov'] },
      { ...span('Russia'), actors: ['russia'] },
    ];
    const parts = segments(text.length, mentions, [{ ...quote, claim: 'c1' }], quote);
    const read = parts.map((p) => [text.slice(p.start, p.end), p.actors, p.claims, p.marked]);
    assert.deepEqual(read, [
      ['Reporter Medina Saidova said ', [], [], false],
      ['Davlatov', ['rustam-davlatov', 'other-davlatov'], ['c1'], true],
      [' trained in ', [], ['c1'], true],
      ['Russia', ['russia'], ['c1'], true],
      ['.', [], [], false],
    ]);
  });

  it('cuts a mention at a quote’s edge: both pieces stay the actor’s', () => {
    const quote = { start: span('Saidova').start, end: text.length, claim: 'c2' };
    const parts = segments(text.length, [{ ...span('Medina Saidova'), actors: ['medina-saidova'] }], [quote], null);
    const named = parts.filter((p) => p.actors.includes('medina-saidova')).map((p) => [text.slice(p.start, p.end), p.claims]);
    assert.deepEqual(named, [['Medina ', []], ['Saidova', ['c2']]]);
  });
});
