// The side panel: what the analyst clicked. For an actor: kind, aliases, description, and
// the actions (expand, focus, path ends). For a relationship: its ends, type, status, dates,
// claimants and disputers, the curator's note and the evidence quotes with their sources.
import { append, el, type Child } from './dom.ts';
import type { GraphStore } from './graphStore.ts';
import type { Actor, ActorRef, Evidence, Relationship } from './model.ts';
import { typeLabel } from './palette.ts';
import { kindSwatch, statusSwatch, typeSwatch } from './swatch.ts';

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  focus(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

export class Panel {
  constructor(
    private readonly container: HTMLElement,
    private readonly store: GraphStore,
    private readonly actions: PanelActions,
  ) {
    this.showNothing();
  }

  show(id: string | null, context: { expanded: boolean; hidden: boolean }): void {
    const actor = id ? this.store.actors.get(id) : undefined;
    const relationship = id ? this.store.relationships.get(id) : undefined;
    if (!actor && !relationship) return this.showNothing();
    this.container.replaceChildren();
    append(this.container, ...(actor ? this.actorView(actor, context.expanded) : this.relationshipView(relationship!)));
    if (context.hidden) this.container.prepend(el('p', { class: 'notice' }, 'Hidden by the current filters or date.'));
    this.container.scrollTop = 0;
  }

  private showNothing(): void {
    this.container.replaceChildren(
      el('h2', {}, 'Details'),
      el('p', { class: 'hint' }, 'Search for an actor above. Click an actor or a relationship to read its details and evidence; double-click an actor to expand its neighbours.'),
    );
  }

  private actorLink(ref: ActorRef | { id: string }): HTMLElement {
    const name = 'name' in ref ? ref.name : (this.store.actors.get(ref.id)?.name ?? ref.id);
    if (!this.store.actors.has(ref.id)) return el('span', {}, name);
    const link = el('button', { type: 'button', class: 'link', 'data-id': ref.id }, name);
    link.addEventListener('click', () => this.actions.select(ref.id));
    return link;
  }

  private button(label: string, testid: string, action: () => void, title?: string, disabled = false): HTMLButtonElement {
    const button = el('button', { type: 'button', 'data-testid': testid, title }, label);
    button.disabled = disabled;
    button.addEventListener('click', action);
    return button;
  }

  private actorView(actor: Actor, expanded: boolean): Child[] {
    return [
      el('h2', {}, kindSwatch(actor.kind), ' ', actor.name),
      el('p', { class: 'kind' }, el('span', { class: 'kind-name' }, actor.kind.toLowerCase()), el('span', { class: 'id' }, ` · ${actor.id}`)),
      el(
        'div',
        { class: 'actions' },
        this.button(expanded ? 'Expanded' : 'Expand neighbours', 'expand', () => this.actions.expand(actor.id), 'Load and draw the actors one hop away (or double-click the actor)', expanded),
        this.button('Focus', 'focus', () => this.actions.focus(actor.id), 'Start a new view around this actor'),
        this.button('Path from', 'path-from-here', () => this.actions.pathFrom(actor.id), 'Use as the start of a shortest path'),
        this.button('Path to', 'path-to-here', () => this.actions.pathTo(actor.id), 'Use as the end of a shortest path'),
      ),
      actor.description ? el('p', { class: 'description', 'data-testid': 'actor-description' }, actor.description) : null,
      actor.aliases.length > 0
        ? el('section', {}, el('h3', {}, 'Also known as'), el('ul', { class: 'aliases', 'data-testid': 'actor-aliases' }, ...actor.aliases.map((alias) => el('li', {}, alias))))
        : null,
      this.relationshipList(actor),
    ];
  }

  private relationshipList(actor: Actor): HTMLElement | null {
    const touching = [...this.store.relationships.values()].filter((r) => r.from.id === actor.id || r.to.id === actor.id);
    if (touching.length === 0) return null;
    // Read as sentences whose subject or object is this actor: "pledged allegiance to Islamic State", "Abu Hafs member of".
    const items = touching
      .sort((a, b) => Number(b.from.id === actor.id) - Number(a.from.id === actor.id) || a.type.localeCompare(b.type))
      .map((r) => {
        const outgoing = r.from.id === actor.id;
        const link = el('button', { type: 'button', class: 'link type', title: 'Show this relationship' }, typeLabel(r.type));
        link.addEventListener('click', () => this.actions.select(r.id));
        const sentence = outgoing ? [link, ' ', this.actorLink(r.to)] : [this.actorLink(r.from), ' ', link, ' this'];
        return el('li', {}, typeSwatch(r.type), ...sentence, r.since ? el('span', { class: 'date' }, ` since ${r.since}`) : null);
      });
    return el('section', {}, el('h3', {}, `Loaded relationships (${touching.length})`), el('ul', { class: 'relationships' }, ...items));
  }

  private relationshipView(r: Relationship): Child[] {
    const row = (label: string, ...value: Child[]) => el('tr', {}, el('th', {}, label), el('td', {}, ...value));
    const actorList = (actors: ActorRef[]) => actors.flatMap((actor, i) => [i > 0 ? ', ' : null, this.actorLink(actor)]);
    return [
      el('h2', {}, typeSwatch(r.type), ' ', typeLabel(r.type)),
      el('p', { class: 'ends' }, this.actorLink(r.from), ` → `, this.actorLink(r.to)),
      el(
        'table',
        { class: 'facts' },
        row('Status', statusSwatch(r.status), el('span', { class: `status status-${r.status.toLowerCase()}`, 'data-testid': 'relationship-status' }, r.status)),
        r.role ? row('Role', r.role) : null,
        row('Since', r.since ?? 'undated'),
        row('Until', r.until ?? (r.since ? 'not ended in the sources' : 'undated')),
        r.dateText ? row('When (source)', `“${r.dateText}”`) : null,
        r.claimedBy.length > 0 ? row('Claimed by', ...actorList(r.claimedBy)) : null,
        r.disputedBy.length > 0 ? row('Disputed by', ...actorList(r.disputedBy)) : null,
      ),
      r.note ? el('section', {}, el('h3', {}, 'Note'), el('p', { class: 'note', 'data-testid': 'relationship-note' }, r.note)) : null,
      el('section', {}, el('h3', {}, `Evidence (${r.evidence.length})`), ...r.evidence.map((evidence) => this.evidenceView(evidence))),
      r.conflictsWith.length > 0 ? this.conflictsView(r) : null,
      el('p', { class: 'id' }, r.id),
    ];
  }

  private evidenceView(evidence: Evidence): HTMLElement {
    const source = evidence.source;
    const about = [source.publisher, source.published].filter(Boolean).join(', ');
    return el(
      'figure',
      { class: 'evidence' },
      el('blockquote', { 'data-testid': 'evidence-quote' }, evidence.quote),
      el('figcaption', { 'data-testid': 'evidence-source' }, '— ', el('cite', {}, source.title), about ? ` (${about})` : null),
    );
  }

  private conflictsView(r: Relationship): HTMLElement {
    const items = r.conflictsWith.map(({ id }) => {
      const other = this.store.relationships.get(id);
      if (!other) return el('li', {}, id);
      const link = el('button', { type: 'button', class: 'link' }, `${this.store.actors.get(other.from.id)?.name ?? other.from.id} ${typeLabel(other.type)} ${this.store.actors.get(other.to.id)?.name ?? other.to.id}`);
      link.addEventListener('click', () => this.actions.select(id));
      return el('li', {}, link);
    });
    return el('section', {}, el('h3', {}, 'Contradicted by'), el('ul', {}, ...items));
  }
}
