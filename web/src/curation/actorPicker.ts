// Choosing actors in a form with the alias-aware search box (searchBox.ts), which says how each
// suggestion matched: one actor (a claim's subject or object) or several (claimants, disputers,
// shown as removable chips). Any picker can name a new actor: "New actor 'Khalimov'" (first when
// nothing matches exactly) opens a small group with the typed name and a kind guessed from where
// it was typed (src/domain/kindGuess.ts). Nothing is written then: a new actor is a PickedActor
// with id null, which the form sends with its claim (newActors), so a cancelled claim leaves none.
import { el } from '../app/dom.ts';
import type { Actor, Term } from '../api/model.ts';
import { actorKindEnumValue } from '../../../src/domain/vocabulary.ts';
import { guessKind, type KindContext } from '../../../src/domain/kindGuess.ts';
import { createSearchBox } from '../panel/searchBox.ts';
import type { PickedActor } from './claimPrefill.ts';

export type { PickedActor } from './claimPrefill.ts';

export interface ActorPicker {
  element: HTMLElement;
  /** The text input, which the field's label names. */
  input: HTMLInputElement;
}

export interface SingleActorPicker extends ActorPicker {
  value(): PickedActor | null;
  set(actor: PickedActor | null): void;
}

export interface MultiActorPicker extends ActorPicker {
  values(): PickedActor[];
  add(actor: PickedActor): void;
}

export interface PickerOptions {
  /** The vocabulary's kinds, for a new actor. */
  kinds: Term[];
  /** Where the picker stands (its role in the claim, the claim's type now): guides a new actor's kind. */
  context(): KindContext;
}

/** How a picked actor reads: its name and kind, "new" when it is made with the claim; never its id. */
export const pickedLine = (actor: PickedActor) => `${actor.name} (${actor.kind.toLowerCase()}${actor.id === null ? ', new: created with the claim' : ''})`;

const fromActor = (actor: Actor): PickedActor => ({ id: actor.id, name: actor.name, kind: actor.kind });

function searchInput(testid: string, placeholder: string): { box: HTMLElement; input: HTMLInputElement; list: HTMLUListElement } {
  const input = el('input', { type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder, 'data-testid': `${testid}-input` });
  const list = el('ul', { class: 'suggestions', 'data-testid': `${testid}-suggestions` });
  return { box: el('div', { class: 'search' }, input, list), input, list };
}

interface NewActorGroup {
  element: HTMLElement;
  /** Opens the group with `name`, its kind guessed from the picker's context. */
  open(name: string): void;
}

/** A new actor's name and kind; "Use" (or Enter) hands it to `chosen` as a PickedActor with id null. */
function newActorGroup(testid: string, { kinds, context }: PickerOptions, chosen: (actor: PickedActor) => void): NewActorGroup {
  const name = el('input', { type: 'text', autocomplete: 'off', 'data-testid': `${testid}-new-name`, 'aria-label': 'New actor’s name' });
  const kind = el('select', { 'data-testid': `${testid}-new-kind`, 'aria-label': 'New actor’s kind' }, ...kinds.map((k) => el('option', { value: actorKindEnumValue(k.name), title: k.definition }, k.name)));
  const error = el('p', { class: 'field-error', 'data-testid': `${testid}-new-error` });
  error.hidden = true;
  const use = el('button', { type: 'button', 'data-testid': `${testid}-new-create` }, 'Use new actor');
  const cancel = el('button', { type: 'button', class: 'link' }, 'Cancel');
  // Not a <form>: it sits inside the claim's form, and forms do not nest.
  const group = el('div', { class: 'new-actor', role: 'group', 'aria-label': 'New actor' }, name, kind, use, cancel, error);
  group.hidden = true;
  const done = () => {
    if (name.value.trim() === '') {
      error.textContent = 'A new actor needs a name.';
      error.hidden = false;
      return name.focus();
    }
    error.hidden = true;
    group.hidden = true;
    chosen({ id: null, name: name.value.trim(), kind: kind.value });
  };
  use.addEventListener('click', done);
  cancel.addEventListener('click', () => (group.hidden = true));
  // Enter makes the actor here rather than submitting the claim's form.
  name.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    done();
  });
  // The guess follows the name until the analyst chooses a kind.
  let kindChosen = false;
  kind.addEventListener('change', () => (kindChosen = true));
  name.addEventListener('input', () => {
    if (!kindChosen) kind.value = actorKindEnumValue(guessKind(name.value, context()));
  });
  const open = (typed: string) => {
    kindChosen = false;
    name.value = typed;
    kind.value = actorKindEnumValue(guessKind(typed, context()));
    group.hidden = false;
    name.focus();
  };
  return { element: group, open };
}

/** A button that opens the new-actor group with whatever the search input holds. */
function newActorToggle(testid: string, input: HTMLInputElement, group: NewActorGroup): HTMLButtonElement {
  const toggle = el('button', { type: 'button', class: 'link', 'data-testid': `${testid}-new` }, 'New actor…');
  toggle.addEventListener('click', () => group.open(input.value.trim()));
  return toggle;
}

/** One actor: found by any spelling, or new (made with the claim). */
export function singleActorPicker(testid: string, options: PickerOptions): SingleActorPicker {
  const { box, input, list } = searchInput(testid, 'Find an actor (any spelling)…');
  let chosen: PickedActor | null = null;
  const chosenLine = el('p', { class: 'chosen', 'data-testid': `${testid}-chosen` });
  const set = (actor: PickedActor | null) => {
    chosen = actor;
    chosenLine.textContent = actor ? pickedLine(actor) : '';
    chosenLine.dataset.id = actor?.id ?? '';
    chosenLine.dataset.new = String(actor !== null && actor.id === null);
    if (actor) input.value = actor.name;
  };
  const group = newActorGroup(testid, options, (actor) => {
    set(actor);
    input.focus();
  });
  createSearchBox({ input, list, onPick: (actor) => set(fromActor(actor)), onNew: group.open });
  input.addEventListener('input', () => {
    chosen = null;
    chosenLine.textContent = '';
    chosenLine.dataset.id = '';
    chosenLine.dataset.new = 'false';
  });
  const element = el('div', { class: 'actor-picker' }, box, chosenLine, newActorToggle(testid, input, group), group.element);
  return { element, input, value: () => chosen, set };
}

/** Several actors (claimants, disputers): each pick adds a chip; × removes it. */
export function multiActorPicker(testid: string, options: PickerOptions): MultiActorPicker {
  const { box, input, list } = searchInput(testid, 'Add an actor (any spelling)…');
  const chosen = new Map<string, PickedActor>();
  const keyOf = (actor: PickedActor) => actor.id ?? `new:${actor.name}`;
  const chips = el('ul', { class: 'chips', 'data-testid': `${testid}-chips` });
  const render = () =>
    chips.replaceChildren(
      ...[...chosen.values()].map((actor) => {
        const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${actor.name}` }, '×');
        remove.addEventListener('click', () => {
          chosen.delete(keyOf(actor));
          render();
        });
        const isNew = actor.id === null;
        return el('li', { 'data-testid': `${testid}-chip`, 'data-id': actor.id ?? '', 'data-new': String(isNew), title: pickedLine(actor) }, actor.name, isNew ? el('span', { class: 'badge' }, 'new') : null, ' ', remove);
      }),
    );
  const add = (actor: PickedActor) => {
    chosen.set(keyOf(actor), actor);
    render();
  };
  const group = newActorGroup(testid, options, (actor) => {
    add(actor);
    input.focus();
  });
  const search = createSearchBox({
    input,
    list,
    onPick: (actor) => {
      add(fromActor(actor));
      search.clear();
    },
    onNew: (name) => {
      search.clear();
      group.open(name);
    },
  });
  const element = el('div', { class: 'actor-picker' }, chips, box, newActorToggle(testid, input, group), group.element);
  return { element, input, values: () => [...chosen.values()], add };
}
