// The legend, built from the API's vocabulary, doubles as the filter: one checkbox per actor
// kind, relationship type and claim status, each with the swatch the graph draws and the
// vocabulary's definition as its tooltip, and one box for the actors imported from a registry.
// Below them, a key to how undated ties look as of a date.
import { el } from '../app/dom.ts';
import { type Term, type Vocabulary } from '../api/model.ts';
import { actorKindEnumValue } from '../../../src/domain/vocabulary.ts';
import { typeLabel } from './palette.ts';
import { kindSwatch, statusSwatch, typeSwatch, undatedSwatch } from './swatch.ts';

export type FilterFacet = 'kinds' | 'types' | 'statuses';

export interface FilterSelection {
  kinds: Set<string> | null;
  types: Set<string> | null;
  statuses: Set<string> | null;
  /** Actors imported from a registry (origin REGISTRY) drawn or not. */
  registryActors: boolean;
}

interface Section {
  facet: FilterFacet;
  title: string;
  testid: string;
  terms: { key: string; label: string; definition: string; swatch: SVGElement }[];
}

function sections(vocabulary: Vocabulary): Section[] {
  const term = (key: string, label: string, definition: string, swatch: SVGElement) => ({ key, label, definition, swatch });
  return [
    {
      facet: 'kinds',
      title: 'Actors',
      testid: 'kind',
      terms: vocabulary.actorKinds.map((t: Term) => term(actorKindEnumValue(t.name), t.name, t.definition, kindSwatch(actorKindEnumValue(t.name)))),
    },
    {
      facet: 'statuses',
      title: 'Claim status',
      testid: 'status',
      terms: vocabulary.claimStatuses.map((t) => term(t.name, t.name.toLowerCase(), t.definition, statusSwatch(t.name))),
    },
    {
      facet: 'types',
      title: 'Relationships',
      testid: 'type',
      terms: vocabulary.relationshipTypes.map((t) => term(t.name, typeLabel(t.name), t.definition, typeSwatch(t.name))),
    },
  ];
}

export class Legend {
  private readonly boxes = new Map<FilterFacet, Map<string, HTMLInputElement>>();
  private readonly registryBox = el('input', { type: 'checkbox', 'data-testid': 'filter-registry-actors' });

  constructor(
    container: HTMLElement,
    vocabulary: Vocabulary,
    private readonly onChange: (selection: FilterSelection) => void,
  ) {
    container.replaceChildren(...sections(vocabulary).map((section) => this.renderSection(section)), this.renderOrigin(), undatedKey());
  }

  /** Ticks the boxes for a selection (null: all ticked). */
  set(selection: FilterSelection): void {
    for (const [facet, boxes] of this.boxes) {
      const chosen = selection[facet];
      for (const [key, box] of boxes) box.checked = chosen === null || chosen.has(key);
    }
    this.registryBox.checked = selection.registryActors;
  }

  get(): FilterSelection {
    const read = (facet: FilterFacet): Set<string> | null => {
      const boxes = [...(this.boxes.get(facet) ?? new Map<string, HTMLInputElement>()).entries()];
      return boxes.every(([, box]) => box.checked) ? null : new Set(boxes.filter(([, box]) => box.checked).map(([key]) => key));
    };
    return { kinds: read('kinds'), types: read('types'), statuses: read('statuses'), registryActors: this.registryBox.checked };
  }

  /** Not a vocabulary facet: where an actor came from. Registry records are many and mostly far from this graph's subject. */
  private renderOrigin(): HTMLElement {
    this.registryBox.checked = true;
    this.registryBox.addEventListener('change', () => this.onChange(this.get()));
    const title = 'Actors imported from a registry (the UN Security Council sanctions list) that no analyst judged the same as one of ours';
    return el(
      'section',
      { class: 'legend-section legend-origin' },
      el('h3', {}, 'Origin'),
      el('ul', {}, el('li', {}, el('label', { title }, this.registryBox, el('span', {}, 'registry actors')))),
    );
  }

  private renderSection(section: Section): HTMLElement {
    const boxes = new Map<string, HTMLInputElement>();
    this.boxes.set(section.facet, boxes);
    const setAll = (checked: boolean) => {
      for (const box of boxes.values()) box.checked = checked;
      this.onChange(this.get());
    };
    const all = el('button', { type: 'button', class: 'link', 'data-testid': `filter-${section.testid}-all` }, 'all');
    const none = el('button', { type: 'button', class: 'link', 'data-testid': `filter-${section.testid}-none` }, 'none');
    all.addEventListener('click', () => setAll(true));
    none.addEventListener('click', () => setAll(false));
    const rows = section.terms.map((term) => {
      const box = el('input', { type: 'checkbox', 'data-testid': `filter-${section.testid}-${term.key}`, value: term.key });
      box.checked = true;
      box.addEventListener('change', () => this.onChange(this.get()));
      boxes.set(term.key, box);
      return el('li', {}, el('label', { title: term.definition }, box, term.swatch, el('span', {}, term.label)));
    });
    return el(
      'section',
      { class: `legend-section legend-${section.facet}` },
      el('h3', {}, section.title, el('span', { class: 'toggles' }, all, ' · ', none)),
      el('ul', {}, ...rows),
    );
  }
}

/** Not a filter: what the slider cannot place is drawn from its first report, and says when that was. */
function undatedKey(): HTMLElement {
  return el(
    'section',
    { class: 'legend-section legend-undated', 'data-testid': 'legend-undated' },
    el('h3', {}, 'Undated, as of a date'),
    el(
      'ul',
      {},
      el('li', { title: 'The sources give no dates: drawn from the date they first reported it, labelled with when.' }, undatedSwatch(), el('span', {}, 'held from its first report')),
    ),
  );
}
