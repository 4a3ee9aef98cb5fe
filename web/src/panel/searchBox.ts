// An alias-aware actor search box that suggests as the analyst types (the API's `search`,
// which forgives transliteration: "Bukhori" finds Katibat al-Imam Bukhari). Arrow keys and
// Enter pick, Escape closes; a click picks too. An actor imported from a registry (a sanctions
// list's record nobody judged the same as one of ours) carries a "registry" badge.
import { foldName } from '../../../src/domain/searchText.ts';
import { searchActors } from '../api/api.ts';
import { el } from '../app/dom.ts';
import type { Actor } from '../api/model.ts';
import { kindSwatch } from '../graph/swatch.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  /** The list the suggestions go in (positioned under the input by CSS). */
  list: HTMLUListElement;
  onPick(actor: Actor): void;
  limit?: number;
  delayMs?: number;
}

/** The alias that matched, when the name alone does not explain the suggestion. */
function matchedAlias(actor: Actor, text: string): string | undefined {
  // Folded as the search folds names: "US" typed shows the alias "U.S.", "Sa'ad" the name "Sa’ad".
  const wanted = foldName(text);
  if (foldName(actor.name).includes(wanted)) return undefined;
  return actor.aliases.find((alias) => foldName(alias).includes(wanted)) ?? actor.aliases[0];
}

export function createSearchBox({ input, list, onPick, limit = 8, delayMs = 120 }: SearchBoxOptions): { clear(): void } {
  let suggestions: Actor[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    suggestions = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
  };

  const pick = (actor: Actor) => {
    close();
    input.value = actor.name;
    onPick(actor);
  };

  const render = (text: string) => {
    list.replaceChildren(
      ...suggestions.map((actor, index) => {
        const alias = matchedAlias(actor, text);
        const item = el(
          'li',
          { role: 'option', 'data-testid': 'suggestion', 'data-id': actor.id, 'aria-selected': String(index === active), class: index === active ? 'active' : undefined },
          kindSwatch(actor.kind),
          el('span', { class: 'name' }, actor.name),
          alias ? el('span', { class: 'alias' }, `aka ${alias}`) : null,
          actor.origin === 'REGISTRY' ? el('span', { class: 'badge registry', 'data-testid': 'registry-badge', title: 'Imported from a registry' }, 'registry') : null,
          el('span', { class: 'kind' }, actor.kind.toLowerCase()),
        );
        item.addEventListener('mousedown', (event) => {
          event.preventDefault(); // keep the focus in the input until the pick is done
          pick(actor);
        });
        return item;
      }),
    );
    if (suggestions.length === 0) list.append(el('li', { class: 'empty' }, 'No actor matches'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const query = async (text: string) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const found = await searchActors(text, limit, controller.signal);
      if (controller.signal.aborted || input.value.trim() !== text) return;
      suggestions = found;
      active = found.length > 0 ? 0 : -1;
      render(text);
    } catch (error) {
      if (!controller.signal.aborted) console.warn('search failed', error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return close();
    timer = setTimeout(() => void query(text), delayMs);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return close();
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
      render(input.value.trim());
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]!);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  list.setAttribute('role', 'listbox');
  list.hidden = true;

  return {
    clear: () => {
      input.value = '';
      close();
    },
  };
}
