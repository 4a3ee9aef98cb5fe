// The "Add claim" form of curation mode: the selected passage as the quote, the subject and the
// object (found by any spelling, or new), the type and stance from the vocabulary, who claims
// and who disputes it, its dates and note. The API checks it (the quote must stand verbatim in
// the source) and its problems show beside the fields they name.
import type { RelationshipType, Stance } from '../api/generated/operations.ts';
import { multiActorPicker, singleActorPicker } from './actorPicker.ts';
import { el } from '../app/dom.ts';
import { FormFields } from './formFields.ts';
import type { ReadableSource, Term, Vocabulary } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { addClaim, type WrittenClaim } from '../api/writes.ts';

export interface ClaimFormOptions {
  source: ReadableSource;
  quote: string;
  vocabulary: Vocabulary;
  /** Called once the API has the claim; the form waits for it (the app draws the claim). */
  onAdded(claim: WrittenClaim): Promise<void>;
  onCancel(): void;
}

const datePattern = 'YYYY, YYYY-MM or YYYY-MM-DD';

function select(testid: string, terms: Term[], label: (name: string) => string, chosen?: string): HTMLSelectElement {
  return el('select', { 'data-testid': testid }, ...terms.map((t) => el('option', { value: t.name, title: t.definition, selected: t.name === chosen ? '' : undefined }, label(t.name))));
}

/** Null for an empty text: the API takes a missing optional field as absent. */
const optional = (input: HTMLInputElement | HTMLTextAreaElement) => (input.value.trim() === '' ? null : input.value.trim());

export function claimForm({ source, quote, vocabulary, onAdded, onCancel }: ClaimFormOptions): HTMLFormElement {
  const fields = new FormFields('new-claim');
  const subject = singleActorPicker('new-claim-subject', vocabulary.actorKinds);
  const object = singleActorPicker('new-claim-object', vocabulary.actorKinds);
  const type = select('new-claim-type', vocabulary.relationshipTypes, typeLabel);
  const stance = select('new-claim-stance', vocabulary.stances, (name) => name.toLowerCase(), 'ASSERTED');
  const role = el('input', { type: 'text', 'data-testid': 'new-claim-role', placeholder: 'e.g. emir, president' });
  const claimedBy = multiActorPicker('new-claim-claimedBy');
  const disputedBy = multiActorPicker('new-claim-disputedBy');
  const since = el('input', { type: 'text', 'data-testid': 'new-claim-since', placeholder: datePattern });
  const until = el('input', { type: 'text', 'data-testid': 'new-claim-until', placeholder: datePattern });
  const dateText = el('input', { type: 'text', 'data-testid': 'new-claim-dateText', placeholder: 'the source’s words: “spring 2015”' });
  const note = el('textarea', { rows: '2', 'data-testid': 'new-claim-note' });
  const quoteText = el('textarea', { rows: '4', 'data-testid': 'new-claim-quote' });
  quoteText.value = quote;
  const submit = el('button', { type: 'submit', 'data-testid': 'new-claim-submit' }, 'Add claim');
  const cancel = el('button', { type: 'button', 'data-testid': 'new-claim-cancel' }, 'Cancel');
  cancel.addEventListener('click', onCancel);

  const form = el(
    'form',
    { class: 'curation-form', 'data-testid': 'claim-form', 'aria-labelledby': 'claim-form-title', novalidate: '' },
    el('h3', { id: 'claim-form-title' }, 'New claim'),
    el('p', { class: 'field-hint' }, 'From ', el('cite', {}, source.title)),
    fields.summary,
    fields.field('quotes', 'Quote (verbatim from the source)', quoteText),
    fields.field('subject', 'Subject', subject.element, subject.input),
    fields.field('type', 'Relationship', type),
    fields.field('object', 'Object', object.element, object.input),
    fields.field('role', 'Role (optional)', role),
    fields.field('stance', 'Stance', stance, stance, 'Asserted in the source’s own voice, attributed to a claimant, or denied by a disputer.'),
    fields.field('claimedBy', 'Claimed by', claimedBy.element, claimedBy.input),
    fields.field('disputedBy', 'Disputed by', disputedBy.element, disputedBy.input),
    fields.field('since', 'Since', since),
    fields.field('until', 'Until', until),
    fields.field('dateText', 'When, in the source’s words', dateText),
    fields.field('note', 'Note', note),
    el('div', { class: 'form-actions' }, submit, cancel),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const from = subject.value();
    const to = object.value();
    if (!from) return fields.showLocal('subject', 'Choose the subject from the suggestions, or add a new actor.');
    if (!to) return fields.showLocal('object', 'Choose the object from the suggestions, or add a new actor.');
    fields.clear();
    submit.disabled = true;
    let claim: WrittenClaim;
    try {
      claim = await addClaim({
        subject: from.id,
        type: type.value as RelationshipType,
        object: to.id,
        role: optional(role),
        stance: stance.value as Stance,
        claimedBy: claimedBy.values().map((a) => a.id),
        disputedBy: disputedBy.values().map((a) => a.id),
        since: optional(since),
        until: optional(until),
        dateText: optional(dateText),
        note: optional(note),
        source: source.id,
        quotes: [quoteText.value],
      });
    } catch (error) {
      fields.show(error);
      return;
    } finally {
      submit.disabled = false;
    }
    await onAdded(claim);
  });
  return form;
}
