// An alias-aware actor search box that suggests as the analyst types (the API's `searchMatches`,
// which forgives transliteration: "Bukhori" finds Katibat al-Imam Bukhari) and says how each
// suggestion matched: its name exactly, an alias, or only close (fuzzy). Arrow keys and Enter
// pick, Escape closes; a click picks too. An actor imported from a registry carries a "registry"
// badge. With `onNew` (the actor pickers), when no actor matches the text exactly the first
// option is "New actor 'Khalimov'".
import { foldName } from '../../../src/domain/searchText.ts';
import { searchActorMatches } from '../api/api.ts';
import { el, type Child } from '../app/dom.ts';
import type { Actor, ActorMatch } from '../api/model.ts';
import { kindSwatch } from '../graph/swatch.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  /** The list the suggestions go in (positioned under the input by CSS). */
  list: HTMLUListElement;
  onPick(actor: Actor): void;
  /** Offered first when nothing matches the text exactly: a new actor with the typed name. */
  onNew?(name: string): void;
  limit?: number;
  delayMs?: number;
}

/** One option of the list: an actor found, or a new actor with the typed name. */
type Option = { found: ActorMatch } | { newName: string };

/** The alias that matched, when the name alone does not explain the suggestion. */
function matchedAlias(actor: Actor, text: string): string | undefined {
  // Folded as the search folds names: "US" typed shows the alias "U.S.", "Sa'ad" the name "Sa’ad".
  const wanted = foldName(text);
  if (foldName(actor.name).includes(wanted)) return undefined;
  return actor.aliases.find((alias) => foldName(alias).includes(wanted)) ?? actor.aliases[0];
}

const matchLabels: Record<string, string> = { EXACT: 'exact', ALIAS: 'alias', FUZZY: 'close' };
const matchTitles: Record<string, string> = { EXACT: 'Its name is what you typed', ALIAS: 'One of its other names is what you typed', FUZZY: 'Only close to what you typed' };

function actorItem({ actor, match }: ActorMatch, text: string): Child[] {
  const alias = matchedAlias(actor, text);
  return [
    kindSwatch(actor.kind),
    el('span', { class: 'name' }, actor.name),
    alias ? el('span', { class: 'alias' }, `aka ${alias}`) : null,
    el('span', { class: `match match-${match.toLowerCase()}`, 'data-testid': 'suggestion-match', title: matchTitles[match] }, matchLabels[match] ?? match.toLowerCase()),
    actor.origin === 'REGISTRY' ? el('span', { class: 'badge registry', 'data-testid': 'registry-badge', title: 'Imported from a registry' }, 'registry') : null,
    el('span', { class: 'kind' }, actor.kind.toLowerCase()),
  ];
}

/** The options for `found`: "New actor" first when it is offered and nothing matched exactly. */
function optionsFor(found: ActorMatch[], text: string, offerNew: boolean): Option[] {
  const exact = found.some((f) => f.match === 'EXACT' || f.match === 'ALIAS');
  const actors = found.map((f): Option => ({ found: f }));
  if (!offerNew) return actors;
  return exact ? [...actors, { newName: text }] : [{ newName: text }, ...actors];
}

export function createSearchBox({ input, list, onPick, onNew, limit = 8, delayMs = 120 }: SearchBoxOptions): { clear(): void } {
  let options: Option[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    options = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
  };

  const pick = (option: Option) => {
    close();
    if ('newName' in option) return onNew?.(option.newName);
    input.value = option.found.actor.name;
    onPick(option.found.actor);
  };

  const item = (option: Option, index: number) => {
    const attributes = { role: 'option', 'aria-selected': String(index === active), class: index === active ? 'active' : undefined };
    const li =
      'newName' in option
        ? el('li', { ...attributes, 'data-testid': 'suggestion-new', class: `new-actor-option ${attributes.class ?? ''}` }, `New actor “${option.newName}”`)
        : el('li', { ...attributes, 'data-testid': 'suggestion', 'data-id': option.found.actor.id, 'data-match': option.found.match }, ...actorItem(option.found, input.value.trim()));
    li.addEventListener('mousedown', (event) => {
      event.preventDefault(); // keep the focus in the input until the pick is done
      pick(option);
    });
    return li;
  };

  const render = () => {
    list.replaceChildren(...options.map(item));
    if (options.length === 0) list.append(el('li', { class: 'empty' }, 'No actor matches'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const query = async (text: string) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const found = await searchActorMatches(text, limit, controller.signal);
      if (controller.signal.aborted || input.value.trim() !== text) return;
      options = optionsFor(found, text, onNew !== undefined);
      active = options.length > 0 ? 0 : -1;
      render();
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
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      render();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(options[active]!);
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
