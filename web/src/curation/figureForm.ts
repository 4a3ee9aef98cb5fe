// The "Add figure" form of curation mode: a number the source gives ("a group of 10 people"),
// with the selected passage as its quote, what is counted and in what unit, whom it is about and
// where, its date, stance, who claims and who disputes it, and a note. The API checks it as the
// loader checks a seed file's figures, and every problem shows beside the field it names.
import type { Stance } from '../api/generated/operations.ts';
import { multiActorPicker, singleActorPicker } from './actorPicker.ts';
import { ActorRefs } from './claimForm.ts';
import { el } from '../app/dom.ts';
import { FormFields } from './formFields.ts';
import type { ReadableSource, Vocabulary } from '../api/model.ts';
import { addFigure, type WrittenFigure } from '../api/writes.ts';

export interface FigureFormOptions {
  source: ReadableSource;
  quote: string;
  vocabulary: Vocabulary;
  /** Called once the API has the figure; the form waits for it. */
  onAdded(figure: WrittenFigure): Promise<void>;
  onCancel(): void;
}

const text = (testid: string, placeholder = '') => el('input', { type: 'text', 'data-testid': `new-figure-${testid}`, placeholder });

/** Null for an empty text: the API takes a missing optional field as absent. */
const optional = (input: HTMLInputElement | HTMLTextAreaElement) => (input.value.trim() === '' ? null : input.value.trim());

/** The value as a number: null when empty, undefined when it is not a number (the form says so). */
function numberIn(input: HTMLInputElement): number | null | undefined {
  const value = input.value.trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function figureForm({ source, quote, vocabulary, onAdded, onCancel }: FigureFormOptions): HTMLFormElement {
  const fields = new FormFields('new-figure');
  const quoteText = el('textarea', { rows: '3', 'data-testid': 'new-figure-quote' });
  quoteText.value = quote;
  const measure = text('measure', 'what is counted: “Uzbek citizens in Syria”');
  const value = el('input', { type: 'text', inputmode: 'decimal', 'data-testid': 'new-figure-value', placeholder: '2500' });
  const qualifier = text('qualifier', 'more than, around, as many as, at least…');
  const unit = text('unit', 'people, USD, percent, cases…');
  const date = text('date', 'YYYY, YYYY-MM or YYYY-MM-DD');
  const kinds = vocabulary.actorKinds;
  const about = singleActorPicker('new-figure-about', { kinds, context: () => ({ role: 'about' }) });
  const place = singleActorPicker('new-figure-place', { kinds, context: () => ({ role: 'place' }) });
  const stance = el('select', { 'data-testid': 'new-figure-stance' }, ...vocabulary.stances.map((t) => el('option', { value: t.name, title: t.definition, selected: t.name === 'ASSERTED' ? '' : undefined }, t.name.toLowerCase())));
  const claimedBy = multiActorPicker('new-figure-claimedBy', { kinds, context: () => ({ role: 'claimedBy' }) });
  const disputedBy = multiActorPicker('new-figure-disputedBy', { kinds, context: () => ({ role: 'disputedBy' }) });
  const note = el('textarea', { rows: '2', 'data-testid': 'new-figure-note' });
  const submit = el('button', { type: 'submit', 'data-testid': 'new-figure-submit' }, 'Add figure');
  const cancel = el('button', { type: 'button', 'data-testid': 'new-figure-cancel' }, 'Cancel');
  cancel.addEventListener('click', onCancel);

  const form = el(
    'form',
    { class: 'curation-form', 'data-testid': 'figure-form', 'aria-labelledby': 'figure-form-title', novalidate: '' },
    el('h3', { id: 'figure-form-title' }, 'New figure'),
    el('p', { class: 'field-hint' }, 'From ', el('cite', {}, source.title)),
    fields.summary,
    fields.field('quotes', 'Quote (verbatim from the source)', quoteText),
    fields.field('measure', 'What is counted', measure),
    fields.field('value', 'Value (a number; empty when the text gives none)', value),
    fields.field('qualifier', 'Qualifier (optional)', qualifier),
    fields.field('unit', 'Unit', unit),
    fields.field('date', 'Date it refers to (optional)', date),
    fields.field('about', 'About', about.element, about.input),
    fields.field('place', 'Place (optional)', place.element, place.input),
    fields.field('stance', 'Stance', stance, stance, 'Asserted in the source’s own voice, attributed to a claimant, or denied by a disputer.'),
    fields.field('claimedBy', 'Claimed by', claimedBy.element, claimedBy.input),
    fields.field('disputedBy', 'Disputed by', disputedBy.element, disputedBy.input),
    fields.field('note', 'Note', note),
    el('div', { class: 'form-actions' }, submit, cancel),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const subject = about.value();
    const number = numberIn(value);
    if (!subject) return fields.showLocal('about', 'Choose whom the figure is about from the suggestions, or add a new actor.');
    if (place.input.value.trim() !== '' && !place.value()) return fields.showLocal('place', 'Choose the place from the suggestions, or clear the field.');
    if (number === undefined) return fields.showLocal('value', `"${value.value}" is not a number: write it in digits (2500), or leave it empty and say what the text gives in the qualifier.`);
    fields.clear();
    submit.disabled = true;
    let figure: WrittenFigure;
    // New actors travel with the figure as refs (newActors): a refused figure leaves none behind.
    const refs = new ActorRefs();
    try {
      const chosenPlace = place.value();
      const input = {
        about: refs.ref(subject, 'about'),
        measure: measure.value,
        value: number,
        qualifier: optional(qualifier),
        unit: unit.value,
        date: optional(date),
        place: chosenPlace ? refs.ref(chosenPlace, 'place') : null,
        stance: stance.value as Stance,
        claimedBy: claimedBy.values().map((a) => refs.ref(a, 'claimedBy')),
        disputedBy: disputedBy.values().map((a) => refs.ref(a, 'disputedBy')),
        note: optional(note),
        source: source.id,
        quotes: [quoteText.value],
      };
      figure = await addFigure(refs.newActors.length > 0 ? { ...input, newActors: refs.newActors } : input);
    } catch (error) {
      fields.show(error, (path) => refs.route(path) ?? (path === 'quotes' ? 'quotes[0]' : undefined));
      return;
    } finally {
      submit.disabled = false;
    }
    await onAdded(figure);
  });
  return form;
}
