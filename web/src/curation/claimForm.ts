// The "Add claim" form of curation mode: the subject and the object (found by any spelling, or
// new), the type and stance from the vocabulary, who claims and who disputes it (each may be new
// too), its quotes (the selected passage first; more boxes can be added), its dates and note. It
// may open prefilled (a suggestion's ClaimPrefill). New actors travel with the claim (newActors,
// "new:1"...), so nothing is written unless the claim is. The API checks it all at once (each
// quote must stand verbatim in the source) and every problem shows beside the field it names.
import type { RelationshipType, Stance } from '../api/generated/operations.ts';
import { actorKindEnumValue } from '../../../src/domain/vocabulary.ts';
import type { ActorKind } from '../api/generated/operations.ts';
import { multiActorPicker, singleActorPicker, type PickedActor } from './actorPicker.ts';
import { el } from '../app/dom.ts';
import type { ClaimPrefill } from './claimPrefill.ts';
import { FormFields } from './formFields.ts';
import type { ReadableSource, Term, Vocabulary } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { addClaim, type NewActorInput, type WrittenClaim } from '../api/writes.ts';
import { quoteBoxes } from './quoteBoxes.ts';

export interface ClaimFormOptions {
  source: ReadableSource;
  /** The selected passage: the first quote (a prefill's quotes come after it, when they differ). */
  quote: string;
  vocabulary: Vocabulary;
  prefill?: ClaimPrefill;
  /** Called once the API has the claim; the form waits for it (the app draws the claim). */
  onAdded(claim: WrittenClaim): Promise<void>;
  onCancel(): void;
}

const datePattern = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** The stance the analyst used last: the next claim of the same source most often shares it. */
let lastStance = 'ASSERTED';

function select(testid: string, terms: Term[], label: (name: string) => string, chosen?: string): HTMLSelectElement {
  return el('select', { 'data-testid': testid }, ...terms.map((t) => el('option', { value: t.name, title: t.definition, selected: t.name === chosen ? '' : undefined }, label(t.name))));
}

/** Null for an empty text: the API takes a missing optional field as absent. */
const optional = (input: HTMLInputElement | HTMLTextAreaElement) => (input.value.trim() === '' ? null : input.value.trim());

/** The claim's actors as the API takes them: ids, and "new:n" refs for the new actors (one per name and kind), with each ref's field. */
export class ActorRefs {
  readonly newActors: NewActorInput[] = [];
  /** newActors[k] -> the form field that first named it. */
  readonly fields: string[] = [];

  ref(actor: PickedActor, field: string): string {
    if (actor.id !== null) return actor.id;
    const kind = actorKindEnumValue(actor.kind) as ActorKind;
    const known = this.newActors.findIndex((a) => a.name === actor.name && a.kind === kind);
    if (known >= 0) return this.newActors[known]!.ref;
    const ref = `new:${this.newActors.length + 1}`;
    this.newActors.push({ ref, name: actor.name, kind });
    this.fields.push(field);
    return ref;
  }

  /** "newActors[1].name" -> the field that named the second new actor. */
  route = (path: string): string | undefined => {
    const index = /^newActors\[(\d+)\]/.exec(path)?.[1];
    return index === undefined ? undefined : this.fields[Number(index)];
  };
}

export function claimForm({ source, quote, vocabulary, prefill = {}, onAdded, onCancel }: ClaimFormOptions): HTMLFormElement {
  const fields = new FormFields('new-claim');
  const type = select('new-claim-type', vocabulary.relationshipTypes, typeLabel, prefill.type);
  const pickers = { kinds: vocabulary.actorKinds };
  const subject = singleActorPicker('new-claim-subject', { ...pickers, context: () => ({ role: 'subject', type: type.value }) });
  const object = singleActorPicker('new-claim-object', { ...pickers, context: () => ({ role: 'object', type: type.value }) });
  const stance = select('new-claim-stance', vocabulary.stances, (name) => name.toLowerCase(), prefill.stance ?? lastStance);
  const role = el('input', { type: 'text', 'data-testid': 'new-claim-role', placeholder: 'e.g. emir, president' });
  const claimedBy = multiActorPicker('new-claim-claimedBy', { ...pickers, context: () => ({ role: 'claimedBy' }) });
  const disputedBy = multiActorPicker('new-claim-disputedBy', { ...pickers, context: () => ({ role: 'disputedBy' }) });
  const since = el('input', { type: 'text', 'data-testid': 'new-claim-since', placeholder: datePattern });
  const until = el('input', { type: 'text', 'data-testid': 'new-claim-until', placeholder: datePattern });
  const dateText = el('input', { type: 'text', 'data-testid': 'new-claim-dateText', placeholder: 'the source’s words: “spring 2015”' });
  const note = el('textarea', { rows: '2', 'data-testid': 'new-claim-note' });
  const quotes = quoteBoxes(fields, 'new-claim', [quote, ...(prefill.quotes ?? []).filter((q) => q !== quote)]);
  const submit = el('button', { type: 'submit', 'data-testid': 'new-claim-submit' }, 'Add claim');
  const cancel = el('button', { type: 'button', 'data-testid': 'new-claim-cancel' }, 'Cancel');
  cancel.addEventListener('click', onCancel);

  if (prefill.subject) subject.set(prefill.subject);
  if (prefill.object) object.set(prefill.object);
  prefill.claimedBy?.forEach((actor) => claimedBy.add(actor));
  role.value = prefill.role ?? '';
  since.value = prefill.since ?? '';
  dateText.value = prefill.dateText ?? '';
  note.value = prefill.note ?? '';

  const form = el(
    'form',
    { class: 'curation-form', 'data-testid': 'claim-form', 'aria-labelledby': 'claim-form-title', novalidate: '' },
    el('h3', { id: 'claim-form-title' }, 'New claim'),
    el('p', { class: 'field-hint' }, 'From ', el('cite', {}, source.title)),
    fields.summary,
    fields.field('subject', 'Subject', subject.element, subject.input),
    fields.field('type', 'Relationship', type),
    fields.field('object', 'Object', object.element, object.input),
    fields.field('stance', 'Stance', stance, stance, 'Asserted in the source’s own voice, attributed to a claimant, or denied by a disputer.'),
    fields.field('claimedBy', 'Claimed by', claimedBy.element, claimedBy.input),
    fields.field('disputedBy', 'Disputed by', disputedBy.element, disputedBy.input),
    quotes.element,
    fields.field('role', 'Role (optional)', role),
    fields.field('since', 'Since', since),
    fields.field('until', 'Until', until),
    fields.field('dateText', 'When, in the source’s words', dateText),
    fields.field('note', 'Note', note),
    el('div', { class: 'form-actions' }, submit, cancel),
  );

  /** What is missing before the API is asked, every problem at once. */
  const missing = () => [
    ...(subject.value() ? [] : [{ key: 'subject', message: 'Choose the subject from the suggestions, or a new actor.' }]),
    ...(object.value() ? [] : [{ key: 'object', message: 'Choose the object from the suggestions, or a new actor.' }]),
    ...quotes.empty().map((key) => ({ key, message: 'This quote box is empty: paste a passage of the source, or remove the box.' })),
  ];

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = missing();
    if (problems.length > 0) return fields.showAll(problems);
    fields.clear();
    const refs = new ActorRefs();
    submit.disabled = true;
    let claim: WrittenClaim;
    try {
      const input = {
        subject: refs.ref(subject.value()!, 'subject'),
        type: type.value as RelationshipType,
        object: refs.ref(object.value()!, 'object'),
        role: optional(role),
        stance: stance.value as Stance,
        claimedBy: claimedBy.values().map((a) => refs.ref(a, 'claimedBy')),
        disputedBy: disputedBy.values().map((a) => refs.ref(a, 'disputedBy')),
        since: optional(since),
        until: optional(until),
        dateText: optional(dateText),
        note: optional(note),
        source: source.id,
        quotes: quotes.values(),
      };
      claim = await addClaim(refs.newActors.length > 0 ? { ...input, newActors: refs.newActors } : input);
    } catch (error) {
      fields.show(error, (path) => refs.route(path) ?? (path === 'quotes' ? 'quotes[0]' : undefined));
      return;
    } finally {
      submit.disabled = false;
    }
    lastStance = stance.value;
    await onAdded(claim);
  });
  return form;
}
