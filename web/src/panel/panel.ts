// The side panel: what the analyst clicked. For an actor: kind, aliases, description, the
// actions (expand, focus, path ends), what registries say of it (registryFacts.ts) and its
// loaded relationships. For a relationship: its
// ends, type, status and time, and its claims by source with their quotes (claimList.ts),
// each of which opens the source to read (readingView.ts). An actor also lists the claims it
// makes and disputes (claimList.ts's roleClaims). Both show their history (the API's writes to
// them); in curation mode a claim can be retracted, an actor edited or deleted (actorForm.ts).
import { seenAsOf } from '../time/asOf.ts';
import { claimList, roleClaims, type ClaimLinks } from './claimList.ts';
import { fetchEditableActor } from '../api/api.ts';
import { actorForm, deleteControl } from '../curation/actorForm.ts';
import { append, el, type Child } from '../app/dom.ts';
import type { GraphStore } from '../graph/graphStore.ts';
import { historyToggle } from './historyView.ts';
import { registryFacts } from './registryFacts.ts';
import type { Actor, ActorRef, EditableActor, Evidence, Relationship, SourceRef, Term } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { reportSpan, spanText, whenText } from '../time/relationshipTime.ts';
import type { Retract } from '../curation/retractForm.ts';
import { kindSwatch, statusSwatch, typeSwatch } from '../graph/swatch.ts';

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  focus(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  read(source: SourceRef, evidence?: Evidence): void;
  /** Whether the viewer may write (curation mode): claims then offer "Retract…". */
  canWrite(): boolean;
  retract: Retract;
  /** After an actor was changed through the panel (its new names: the reading view marks them). */
  actorChanged?(actor: Actor): void;
  /** After an actor was deleted through the panel (the app forgets it). */
  actorDeleted?(id: string): void;
}

export interface PanelContext {
  expanded: boolean;
  hidden: boolean;
  /** The view's date: lists then put what was reported latest (by then) first. */
  asOf: string | null;
}

export class Panel {
  /** The actor whose history shows open (just edited: the change is there to see). */
  private historyOpen: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly store: GraphStore,
    private readonly actions: PanelActions,
    /** The vocabulary's stances and their definitions. */
    private readonly stances: ReadonlyMap<string, string>,
    /** The vocabulary's actor kinds, for editing an actor. */
    private readonly actorKinds: Term[] = [],
  ) {
    this.showNothing();
  }

  show(id: string | null, context: PanelContext): void {
    const actor = id ? this.store.actors.get(id) : undefined;
    const relationship = id ? this.store.relationships.get(id) : undefined;
    if (!actor && !relationship) return this.showNothing();
    this.container.replaceChildren();
    append(this.container, ...(actor ? this.actorView(actor, context) : this.relationshipView(relationship!)));
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

  /** Curation mode: "Edit" opens the actor's form (fetched with its version) in `slot`; "Delete…" beside it. */
  private curationTools(actor: Actor, slot: HTMLElement): HTMLElement | null {
    if (!this.actions.canWrite()) return null;
    const tools = el('div', { class: 'actions curation-tools' });
    const edit = this.button('Edit', 'actor-edit', () => void this.openEditor(actor.id, slot, edit), 'Edit the name, kind, aliases and description');
    // Only an actor added through the API can be deleted: the seed files and registries would bring the others back.
    tools.append(edit, actor.origin === 'API' ? deleteControl(actor, (id) => this.deleted(id)) : '');
    return tools;
  }

  private async openEditor(id: string, slot: HTMLElement, edit: HTMLButtonElement): Promise<void> {
    edit.disabled = true;
    const editable = await fetchEditableActor(id);
    if (!editable) return slot.replaceChildren(el('p', { class: 'field-error' }, 'This actor is no longer in the graph.'));
    const close = () => {
      slot.replaceChildren();
      edit.disabled = false;
    };
    const form = actorForm({ actor: editable, kinds: this.actorKinds, onSaved: (saved) => this.saved(saved), onCancel: close });
    slot.replaceChildren(form);
    form.querySelector<HTMLInputElement>('input')?.focus();
  }

  private saved(actor: EditableActor): void {
    const changed: Actor = { id: actor.id, name: actor.name, kind: actor.kind, aliases: actor.aliases, description: actor.description, origin: actor.origin };
    this.store.actors.set(actor.id, changed);
    this.actions.actorChanged?.(changed);
    this.historyOpen = actor.id;
    this.actions.select(actor.id);
  }

  private deleted(id: string): void {
    this.store.actors.delete(id);
    this.actions.actorDeleted?.(id);
    this.actions.select(id);
  }

  private actorView(actor: Actor, { expanded, asOf }: PanelContext): Child[] {
    const editSlot = el('div', { class: 'edit-slot', 'data-testid': 'actor-edit-slot' });
    const history = historyToggle(actor.id, this.historyOpen === actor.id);
    this.historyOpen = null;
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
      this.curationTools(actor, editSlot),
      editSlot,
      actor.description ? el('p', { class: 'description', 'data-testid': 'actor-description' }, actor.description) : null,
      actor.aliases.length > 0
        ? el('section', {}, el('h3', {}, 'Also known as'), el('ul', { class: 'aliases', 'data-testid': 'actor-aliases' }, ...actor.aliases.map((alias) => el('li', {}, alias))))
        : null,
      registryFacts(actor.id),
      this.relationshipList(actor, asOf),
      roleClaims(actor.id, this.claimLinks()),
      el('section', { 'data-testid': 'actor-history' }, el('h3', {}, 'Changes through the API'), history),
    ];
  }

  private relationshipList(actor: Actor, asOf: string | null): HTMLElement | null {
    const touching = [...this.store.relationships.values()].filter((r) => r.from.id === actor.id || r.to.id === actor.id);
    if (touching.length === 0) return null;
    // As of a date, what was reported latest by then comes first, as in the API's lists.
    const seenAt = new Map(touching.map((r) => [r.id, asOf ? seenAsOf(r, asOf) : '']));
    const seen = (r: Relationship) => seenAt.get(r.id) ?? '';
    // Read as sentences whose subject or object is this actor: "pledged allegiance to Islamic State", "Abu Hafs member of".
    const items = touching
      .sort((a, b) => seen(b).localeCompare(seen(a)) || Number(b.from.id === actor.id) - Number(a.from.id === actor.id) || a.type.localeCompare(b.type))
      .map((r) => {
        const outgoing = r.from.id === actor.id;
        const link = el('button', { type: 'button', class: 'link type', title: 'Show this relationship' }, typeLabel(r.type));
        link.addEventListener('click', () => this.actions.select(r.id));
        const sentence = outgoing ? [link, ' ', this.actorLink(r.to)] : [this.actorLink(r.from), ' ', link, ' this'];
        return el('li', { 'data-id': r.id, 'data-seen': seen(r) || undefined }, typeSwatch(r.type), ...sentence, el('span', { class: 'date' }, ` ${whenText(r)}`));
      });
    return el('section', {}, el('h3', {}, `Loaded relationships (${touching.length})`), el('ul', { class: 'relationships', 'data-testid': 'actor-relationships' }, ...items));
  }

  private relationshipView(r: Relationship): Child[] {
    const row = (label: string, ...value: Child[]) => el('tr', {}, el('th', {}, label), el('td', {}, ...value));
    const sources = new Set(r.claims.map((claim) => claim.source.id)).size;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    // The graph queries bring a bounded number of claims per relationship (api.ts): say so when there are more.
    const claims = r.claims.length < r.claimCount ? `${r.claimCount}, the latest ${r.claims.length} shown` : `${plural(r.claimCount, 'claim')} from ${plural(sources, 'source')}`;
    return [
      el('h2', {}, typeSwatch(r.type), ' ', typeLabel(r.type)),
      el('p', { class: 'ends' }, this.actorLink(r.from), ` → `, this.actorLink(r.to)),
      el(
        'table',
        { class: 'facts' },
        row('Status', statusSwatch(r.status), el('span', { class: `status status-${r.status.toLowerCase()}`, 'data-testid': 'relationship-status' }, r.status)),
        r.role ? row('Role', r.role) : null,
        row('When', el('span', { 'data-testid': 'relationship-when' }, whenText(r))),
        // A dated relationship shows its dates above; when it was reported is worth a row of its own.
        spanText(r) ? row('Reported', reportSpan(r.firstObserved, r.lastObserved) ?? 'unknown') : null,
        // Derived by the graph from a later holder of the office, not stated by a source: its own row, with why.
        r.endedBySuccession
          ? row('Ended (derived)', el('span', { class: 'derived', 'data-testid': 'relationship-succession' }, `before ${r.endedBySuccession.before}: ${r.endedBySuccession.reason}`))
          : null,
        row('Claims', claims),
        // The best Admiralty grading among its claims (src/domain/grading.ts): each claim shows its own below.
        row('Best grade', el('span', { class: 'grade', 'data-testid': 'relationship-grade', title: 'Best credibility among its claims, then the best reliability of their sources' }, r.bestGrade ?? 'ungraded')),
      ),
      el('section', { 'data-testid': 'claims' }, el('h3', {}, 'Claims by source'), ...claimList(r.claims, this.claimLinks())),
      el('p', { class: 'id' }, r.id),
    ];
  }

  private claimLinks(): ClaimLinks {
    return {
      actor: (ref: ActorRef) => this.actorLink(ref),
      relationship: (id: string, label: string) => {
        if (!this.store.relationships.has(id)) return el('span', {}, label);
        const link = el('button', { type: 'button', class: 'link', 'data-id': id, title: 'Show this relationship' }, label);
        link.addEventListener('click', () => this.actions.select(id));
        return link;
      },
      read: (source: SourceRef, evidence?: Evidence) => this.actions.read(source, evidence),
      stanceDefinition: (stance: string) => this.stances.get(stance),
      retract: this.actions.canWrite() ? this.actions.retract : undefined,
    };
  }
}
