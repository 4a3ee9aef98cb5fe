// Editing an actor from the panel (curation mode): its name, kind, aliases (chips added with Enter
// or "Add", removed with ×) and description, sent as updateActor with the version the form opened
// with; a CONFLICT (someone changed it meanwhile) says so and reloads it. "Delete…" asks
// deleteActor, which refuses an actor anything uses and says what: shown as the API says it.
import { ApiError, fetchEditableActor } from '../api/api.ts';
import type { ActorKind, ActorPatch } from '../api/generated/operations.ts';
import { el } from '../app/dom.ts';
import type { EditableActor, Term } from '../api/model.ts';
import { actorKindEnumValue } from '../../../src/domain/vocabulary.ts';
import { FormFields } from './formFields.ts';
import { deleteActor, updateActor } from '../api/writes.ts';

export interface ActorFormOptions {
  actor: EditableActor;
  kinds: Term[];
  onSaved(actor: EditableActor): void;
  onCancel(): void;
}

export const conflictMessage = 'Someone changed this actor since you opened it. The form now shows it as it stands: make your change again.';

/** Aliases as removable chips, and an input that adds one with Enter. */
function aliasChips(initial: readonly string[]): { element: HTMLElement; input: HTMLInputElement; flush(): void; values(): string[]; set(aliases: readonly string[]): void } {
  let aliases = [...initial];
  const chips = el('ul', { class: 'chips', 'data-testid': 'actor-edit-alias-chips' });
  const input = el('input', { type: 'text', autocomplete: 'off', 'data-testid': 'actor-edit-alias-input', placeholder: 'Another spelling, then Enter' });
  const add = el('button', { type: 'button', 'data-testid': 'actor-edit-alias-add' }, 'Add');
  const render = () =>
    chips.replaceChildren(
      ...aliases.map((alias) => {
        const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${alias}` }, '×');
        remove.addEventListener('click', () => {
          aliases = aliases.filter((a) => a !== alias);
          render();
        });
        return el('li', { 'data-testid': 'actor-edit-alias', 'data-alias': alias }, alias, ' ', remove);
      }),
    );
  const adding = () => {
    const alias = input.value.trim();
    if (alias !== '' && !aliases.includes(alias)) aliases.push(alias);
    input.value = '';
    render();
  };
  add.addEventListener('click', adding);
  // Enter adds the alias here; the form is submitted with its Save button (or Enter in another field).
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || input.value.trim() === '') return;
    event.preventDefault();
    adding();
  });
  render();
  return {
    element: el('div', { class: 'aliases-editor' }, chips, el('div', { class: 'alias-add' }, input, add)),
    input,
    flush: adding,
    values: () => [...aliases],
    set: (given) => {
      aliases = [...given];
      render();
    },
  };
}

/** The fields that differ from the actor as loaded: a patch changes only what the analyst changed. */
function patchOf(actor: EditableActor, edited: { name: string; kind: string; aliases: string[]; description: string }): ActorPatch {
  const patch: ActorPatch = {};
  if (edited.name !== actor.name) patch.name = edited.name;
  if (edited.kind !== actor.kind) patch.kind = edited.kind as ActorKind;
  if (edited.aliases.join('\n') !== actor.aliases.join('\n')) patch.aliases = edited.aliases;
  if (edited.description !== (actor.description ?? '')) patch.description = edited.description;
  return patch;
}

export function actorForm({ actor: opened, kinds, onSaved, onCancel }: ActorFormOptions): HTMLFormElement {
  let actor = opened;
  const fields = new FormFields('actor-edit');
  const name = el('input', { type: 'text', 'data-testid': 'actor-edit-name' });
  const kind = el('select', { 'data-testid': 'actor-edit-kind' }, ...kinds.map((k) => el('option', { value: actorKindEnumValue(k.name), title: k.definition }, k.name)));
  const aliases = aliasChips(actor.aliases);
  const description = el('textarea', { rows: '3', 'data-testid': 'actor-edit-description' });
  const submit = el('button', { type: 'submit', 'data-testid': 'actor-edit-submit' }, 'Save');
  const cancel = el('button', { type: 'button', 'data-testid': 'actor-edit-cancel' }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  const fill = (shown: EditableActor) => {
    actor = shown;
    name.value = shown.name;
    kind.value = shown.kind;
    aliases.set(shown.aliases);
    description.value = shown.description ?? '';
  };
  fill(actor);

  const form = el(
    'form',
    { class: 'curation-form actor-form', 'data-testid': 'actor-form', 'aria-label': `Edit ${actor.name}`, novalidate: '' },
    fields.summary,
    fields.field('name', 'Name', name),
    fields.field('kind', 'Kind', kind),
    fields.field('aliases', 'Also known as', aliases.element, aliases.input, 'Every spelling the sources use: the reading view marks them, the search finds them.'),
    fields.field('description', 'Description', description),
    el('div', { class: 'form-actions' }, submit, cancel),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (name.value.trim() === '') return fields.showLocal('name', 'An actor needs a name.');
    aliases.flush(); // an alias typed but not yet added counts
    const patch = patchOf(actor, { name: name.value.trim(), kind: kind.value, aliases: aliases.values(), description: description.value.trim() });
    if (Object.keys(patch).length === 0) return onCancel();
    submit.disabled = true;
    try {
      onSaved(await updateActor(actor.id, actor.version, patch));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        const current = await fetchEditableActor(actor.id);
        if (current) fill(current);
        fields.show(new ApiError(conflictMessage, 'CONFLICT'));
      } else fields.show(error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** "Delete…" then "Delete <name>": deleteActor, or the API's refusal (what uses it) shown plainly. */
export function deleteControl(actor: { id: string; name: string }, onDeleted: (id: string) => void): HTMLElement {
  const open = el('button', { type: 'button', 'data-testid': 'actor-delete', 'aria-expanded': 'false' }, 'Delete…');
  const confirm = el('button', { type: 'button', class: 'danger', 'data-testid': 'actor-delete-confirm' }, `Delete ${actor.name}`);
  const message = el('p', { class: 'field-error', role: 'alert', 'data-testid': 'actor-delete-error' });
  message.hidden = true;
  const ask = el('div', { class: 'delete-ask' }, el('p', { class: 'hint' }, 'Only an actor nothing uses can be deleted (no claim, figure, mention an editor added, identifier or merge). The change log keeps it.'), confirm, message);
  ask.hidden = true;
  open.addEventListener('click', () => {
    ask.hidden = !ask.hidden;
    open.setAttribute('aria-expanded', String(!ask.hidden));
  });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      // The version as it stands now: the delete is refused if the actor changes between this read and the write.
      const current = await fetchEditableActor(actor.id);
      if (!current) throw new ApiError('This actor is no longer in the graph.');
      onDeleted(await deleteActor(actor.id, current.version));
    } catch (error) {
      message.textContent = error instanceof ApiError ? error.problems.map((p) => p.message).join(' ') : `Something failed: ${String(error)}`;
      message.hidden = false;
    } finally {
      confirm.disabled = false;
    }
  });
  return el('div', { class: 'actor-delete' }, open, ask);
}
