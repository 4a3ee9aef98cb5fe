// Choosing actors in a form with the alias-aware search box (searchBox.ts): one actor (a
// claim's subject or object), which may also be a new actor made on the spot (addActor with a
// name and a kind), or several (claimants, disputers), shown as removable chips.
import type { ActorKind } from '../api/generated/operations.ts';
import { el } from '../app/dom.ts';
import { FormFields } from './formFields.ts';
import { type Actor, type ActorRef, type Term } from '../api/model.ts';
import { actorKindEnumValue } from '../../../src/domain/vocabulary.ts';
import { createSearchBox } from '../panel/searchBox.ts';
import { addActor } from '../api/writes.ts';

export interface ActorPicker {
  element: HTMLElement;
  /** The text input, which the field's label names. */
  input: HTMLInputElement;
}

export interface SingleActorPicker extends ActorPicker {
  value(): ActorRef | null;
}

export interface MultiActorPicker extends ActorPicker {
  values(): ActorRef[];
}

function searchInput(testid: string, placeholder: string): { box: HTMLElement; input: HTMLInputElement; list: HTMLUListElement } {
  const input = el('input', { type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder, 'data-testid': `${testid}-input` });
  const list = el('ul', { class: 'suggestions', 'data-testid': `${testid}-suggestions` });
  return { box: el('div', { class: 'search' }, input, list), input, list };
}

/** One actor: found by any spelling, or made new ("New actor…": a name and a kind). */
export function singleActorPicker(testid: string, kinds: Term[]): SingleActorPicker {
  const { box, input, list } = searchInput(testid, 'Find an actor (any spelling)…');
  let chosen: ActorRef | null = null;
  const chosenLine = el('p', { class: 'chosen', 'data-testid': `${testid}-chosen` });
  const choose = (actor: Actor | null) => {
    chosen = actor;
    chosenLine.textContent = actor ? `${actor.name} (${actor.kind.toLowerCase()}, ${actor.id})` : '';
    chosenLine.dataset.id = actor?.id ?? '';
  };
  createSearchBox({ input, list, onPick: choose });
  input.addEventListener('input', () => choose(null));

  const creator = newActorForm(testid, kinds, (actor) => {
    input.value = actor.name;
    choose(actor);
    creator.hidden = true;
    input.focus();
  });
  creator.hidden = true;
  const toggle = el('button', { type: 'button', class: 'link', 'data-testid': `${testid}-new`, 'aria-expanded': 'false' }, 'New actor…');
  toggle.addEventListener('click', () => {
    creator.hidden = !creator.hidden;
    toggle.setAttribute('aria-expanded', String(!creator.hidden));
    if (!creator.hidden) creator.querySelector('input')?.focus();
  });
  return { element: el('div', { class: 'actor-picker' }, box, chosenLine, toggle, creator), input, value: () => chosen };
}

/** A new actor's name and kind; "Create" adds it (addActor) and hands it to `created`. */
function newActorForm(testid: string, kinds: Term[], created: (actor: Actor) => void): HTMLElement {
  const fields = new FormFields(`${testid}-new`);
  const name = el('input', { type: 'text', autocomplete: 'off', 'data-testid': `${testid}-new-name` });
  const kind = el('select', { 'data-testid': `${testid}-new-kind` }, ...kinds.map((k) => el('option', { value: actorKindEnumValue(k.name), title: k.definition }, k.name)));
  const create = el('button', { type: 'button', 'data-testid': `${testid}-new-create` }, 'Create actor');
  create.addEventListener('click', async () => {
    if (name.value.trim() === '') return fields.showLocal('name', 'A new actor needs a name.');
    create.disabled = true;
    try {
      // The options are the vocabulary's kinds, as the API's enum names them.
      const actor = await addActor({ name: name.value.trim(), kind: kind.value as ActorKind });
      fields.clear();
      name.value = '';
      created(actor);
    } catch (error) {
      fields.show(error);
    } finally {
      create.disabled = false;
    }
  });
  // Not a <form>: it sits inside the claim's form, and forms do not nest.
  return el('div', { class: 'new-actor', role: 'group', 'aria-label': 'New actor' }, fields.summary, fields.field('name', 'Name', name), fields.field('kind', 'Kind', kind), create);
}

/** Several actors (claimants, disputers): each pick adds a chip; × removes it. */
export function multiActorPicker(testid: string): MultiActorPicker {
  const { box, input, list } = searchInput(testid, 'Add an actor (any spelling)…');
  const chosen = new Map<string, ActorRef>();
  const chips = el('ul', { class: 'chips', 'data-testid': `${testid}-chips` });
  const render = () =>
    chips.replaceChildren(
      ...[...chosen.values()].map((actor) => {
        const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${actor.name}` }, '×');
        remove.addEventListener('click', () => {
          chosen.delete(actor.id);
          render();
        });
        return el('li', { 'data-testid': `${testid}-chip`, 'data-id': actor.id }, actor.name, ' ', remove);
      }),
    );
  const search = createSearchBox({
    input,
    list,
    onPick: (actor) => {
      chosen.set(actor.id, actor);
      render();
      search.clear();
    },
  });
  return { element: el('div', { class: 'actor-picker' }, chips, box), input, values: () => [...chosen.values()] };
}
