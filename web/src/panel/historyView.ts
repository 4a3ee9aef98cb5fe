// An actor's or a claim's history: the writes the API's change log holds for it, newest first,
// each with when, who, what and the fields it changed (before → after). Fetched when asked.
import { ApiError, fetchHistory } from '../api/api.ts';
import { el } from '../app/dom.ts';
import type { Change } from '../api/model.ts';

function parsed(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

const shown = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The fields a change touched, each "field: before → after" (or just the value, for an addition). */
function changedFields(change: Change): HTMLElement | null {
  const before = parsed(change.before);
  const after = parsed(change.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return null;
  return el(
    'dl',
    { class: 'change-fields' },
    ...keys.flatMap((key) => [
      el('dt', {}, key),
      el('dd', {}, change.before === null ? shown(after[key]) : `${shown(before[key])} → ${shown(after[key])}`),
    ]),
  );
}

export function historyList(changes: Change[]): HTMLElement {
  if (changes.length === 0) return el('p', { class: 'hint', 'data-testid': 'history-empty' }, 'No writes through the API: it stands as the seed files have it.');
  return el(
    'ol',
    { class: 'history-list', 'data-testid': 'history-list' },
    ...changes.map((change) =>
      el(
        'li',
        { 'data-testid': 'history-change', 'data-action': change.action },
        el('span', { class: 'action' }, change.action.toLowerCase().replaceAll('_', ' ')),
        ` by ${change.by}, `,
        el('time', { datetime: change.at }, change.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')),
        changedFields(change),
      ),
    ),
  );
}

/** A "History" button that fetches the changes of `id` and lists them below itself; pressed again, hides them. `open`: shown at once. */
export function historyToggle(id: string, open = false): HTMLElement {
  const button = el('button', { type: 'button', 'data-testid': 'history', 'aria-expanded': 'false' }, 'History');
  const holder = el('div', { class: 'history', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      holder.replaceChildren();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    holder.replaceChildren(el('p', { class: 'hint' }, 'Loading the history…'));
    try {
      holder.replaceChildren(historyList(await fetchHistory(id)));
    } catch (error) {
      holder.replaceChildren(el('p', { class: 'field-error' }, error instanceof ApiError ? `The API answered: ${error.message}` : String(error)));
    }
  });
  if (open) button.click();
  return el('div', { class: 'history-toggle' }, button, holder);
}
