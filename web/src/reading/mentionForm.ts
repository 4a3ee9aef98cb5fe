// "Mark as mention…" (curation mode): the passage an editor selected in the reading view, as
// printed, recorded as naming an actor the matcher missed (addMention). The API remembers it across
// reloads; its refusal shows beside the field it names.
import { el } from '../app/dom.ts';
import type { Actor, ReadableSource } from '../api/model.ts';
import { addMention } from '../api/mentionWrites.ts';
import { FormFields } from '../curation/formFields.ts';
import { createSearchBox } from '../panel/searchBox.ts';

export interface MentionFormOptions {
  source: ReadableSource;
  /** The selected passage, exactly as the text prints it. */
  text: string;
  /** Called once the API has the mention (true), or when the editor cancels (false). */
  done(added: boolean): void;
}

export function mentionForm({ source, text, done }: MentionFormOptions): HTMLFormElement {
  const fields = new FormFields('new-mention');
  const input = el('input', { type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'Find the actor (any spelling)…', 'data-testid': 'new-mention-actor-input' });
  const list = el('ul', { class: 'suggestions', 'data-testid': 'new-mention-actor-suggestions' });
  const chosenLine = el('p', { class: 'chosen', 'data-testid': 'new-mention-actor-chosen' });
  let chosen: Actor | null = null;
  const choose = (actor: Actor | null) => {
    chosen = actor;
    chosenLine.textContent = actor ? `${actor.name} (${actor.kind.toLowerCase()})` : '';
    chosenLine.dataset.id = actor?.id ?? '';
  };
  createSearchBox({ input, list, onPick: choose });
  input.addEventListener('input', () => choose(null));
  const submit = el('button', { type: 'submit', 'data-testid': 'new-mention-submit' }, 'Mark as mention');
  const cancel = el('button', { type: 'button', 'data-testid': 'new-mention-cancel' }, 'Cancel');
  cancel.addEventListener('click', () => done(false));

  const form = el(
    'form',
    { class: 'curation-form', 'data-testid': 'mention-form', 'aria-labelledby': 'mention-form-title', novalidate: '' },
    el('h3', { id: 'mention-form-title' }, 'Mark as mention'),
    el('p', { class: 'field-hint' }, '“', el('q', { 'data-testid': 'new-mention-text' }, text), '” names:'),
    fields.summary,
    fields.field('actor', 'Actor', el('div', { class: 'actor-picker' }, el('div', { class: 'search' }, input, list), chosenLine), input),
    el('div', { class: 'form-actions' }, submit, cancel),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!chosen) return fields.showLocal('actor', 'Choose the actor this passage names from the suggestions.');
    fields.clear();
    submit.disabled = true;
    try {
      await addMention(source.id, chosen.id, text);
    } catch (error) {
      fields.show(error);
      return;
    } finally {
      submit.disabled = false;
    }
    done(true);
  });
  return form;
}
