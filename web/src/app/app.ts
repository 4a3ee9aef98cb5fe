// The app's controller: holds the view state, loads what it needs from the API into the
// store, and redraws the graph, the panel and the URL whenever the analyst changes something,
// or a write (a claim added or retracted, an actor edited or deleted) changes what it shows.
import { ApiError, fetchActor, fetchClaimRelationship, fetchNeighborhood, fetchShortestPath } from '../api/api.ts';
import { GraphStore } from '../graph/graphStore.ts';
import { GraphView } from '../graph/graphView.ts';
import type { Legend, FilterSelection } from '../graph/legend.ts';
import type { Actor, Relationship, RelationshipWithEnds } from '../api/model.ts';
import type { Panel } from '../panel/panel.ts';
import { emptyState, formatState, type ViewState } from './state.ts';
import type { TimeSlider } from '../time/timeSlider.ts';
import type { KnownOnControl } from '../time/knownOn.ts';
import { undatedTies } from '../time/undatedTies.ts';
import { filterArgs, visibleElements, type ViewFilters, type VisibleSet } from '../graph/viewFilters.ts';
import { viewDocument, type ViewDocument } from '../export/viewDocument.ts';

const neighborhoodLimit = 500;

export interface AppUi {
  graph: HTMLElement;
  status: HTMLElement;
  message: HTMLElement;
  pathStatus: HTMLElement;
  depth: HTMLSelectElement;
  showFocusName(name: string): void;
  showPathEnds(from: Actor | null, to: Actor | null): void;
}

export interface AppParts {
  legend: Legend;
  slider: TimeSlider;
  knownOn: KnownOnControl;
  panel: Panel;
}

function toSet(list: string[] | null): Set<string> | null {
  return list === null ? null : new Set(list);
}

function toList(set: Set<string> | null): string[] | null {
  return set === null ? null : [...set];
}

export class App {
  readonly store = new GraphStore();
  readonly graph: GraphView;
  private parts!: AppParts;
  private state: ViewState = emptyState();
  private path: VisibleSet | null = null;
  private pathTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new view, so that answers for an older one are dropped. */
  private generation = 0;
  private busy = 0;

  constructor(private readonly ui: AppUi) {
    this.graph = new GraphView(ui.graph, { select: (id) => this.select(id), expand: (id) => void this.expand(id) });
  }

  attach(parts: AppParts): void {
    this.parts = parts;
  }

  private get filters(): ViewFilters {
    const { types, statuses, kinds, registryActors, asOf } = this.state;
    return { types: toSet(types), statuses: toSet(statuses), kinds: toSet(kinds), registryActors, asOf };
  }

  /** Loads and draws a whole view, as a link describes it. */
  async restore(state: ViewState): Promise<void> {
    const generation = ++this.generation;
    this.state = { ...state, expanded: [...state.expanded] };
    this.store.clear();
    this.graph.clear();
    this.path = null;
    this.parts.legend.set({ kinds: toSet(state.kinds), types: toSet(state.types), statuses: toSet(state.statuses), registryActors: state.registryActors });
    this.parts.slider.set(state.asOf);
    this.parts.knownOn.set(state.knownAsOf);
    this.ui.depth.value = String(state.depth);
    await this.track(async () => {
      try {
        if (state.focus) {
          const subgraph = await fetchNeighborhood(state.focus, state.depth, neighborhoodLimit, this.known);
          if (generation !== this.generation) return;
          this.store.add(subgraph);
          this.ui.showFocusName(this.store.actors.get(state.focus)?.name ?? state.focus);
        }
        for (const id of state.expanded) {
          const subgraph = await fetchNeighborhood(id, 1, neighborhoodLimit, this.known);
          if (generation !== this.generation) return;
          this.store.add(subgraph);
        }
        await this.loadPath(generation);
      } finally {
        // Draw what did load, even when a part of the link (an expanded actor, a path end) failed.
        if (generation === this.generation) this.redraw(true);
      }
    });
  }

  async focus(id: string): Promise<void> {
    const state: ViewState = { ...this.state, focus: id, expanded: [], selected: id };
    history.pushState(null, '', formatState(state) || location.pathname);
    await this.restore(state);
  }

  async setDepth(depth: number): Promise<void> {
    if (!this.state.focus) {
      this.state.depth = depth;
      return this.writeUrl();
    }
    await this.restore({ ...this.state, depth });
    this.writeUrl();
  }

  async expand(id: string): Promise<void> {
    if (!this.state.expanded.includes(id) && id !== this.state.focus) this.state.expanded.push(id);
    const generation = this.generation;
    await this.track(async () => {
      const subgraph = await fetchNeighborhood(id, 1, neighborhoodLimit, this.known);
      if (generation !== this.generation) return;
      this.store.add(subgraph);
      this.redraw(false);
    });
  }

  setFilters(selection: FilterSelection): void {
    this.state.kinds = toList(selection.kinds);
    this.state.types = toList(selection.types);
    this.state.statuses = toList(selection.statuses);
    this.state.registryActors = selection.registryActors;
    this.afterFilterChange();
  }

  /** The graph as known on another date: every tie is derived anew by the API, so the view is loaded again. */
  async setKnownAsOf(knownAsOf: string | null): Promise<void> {
    if (knownAsOf === this.state.knownAsOf) return;
    await this.restore({ ...this.state, knownAsOf });
    this.writeUrl();
  }

  /** The knowledge date the API reads the view at (the view's filters apply client-side). */
  private get known(): { knownAsOf: string | null } {
    return { knownAsOf: this.state.knownAsOf };
  }

  setAsOf(asOf: string | null): void {
    this.state.asOf = asOf;
    this.afterFilterChange();
  }

  async setPathEnds(from: string | null, to: string | null): Promise<void> {
    this.state.pathFrom = from;
    this.state.pathTo = to;
    const generation = this.generation;
    await this.track(async () => {
      await this.loadPath(generation);
      if (generation === this.generation) this.redraw(false);
    });
  }

  select(id: string | null): void {
    this.state.selected = id;
    this.graph.select(id);
    this.showPanel();
    this.writeUrl();
  }

  /** Shows a claim's relationship: loaded, drawn and selected. */
  async showClaim(claimId: string): Promise<void> {
    await this.track(async () => {
      const relationship = await fetchClaimRelationship(claimId);
      if (!relationship) throw new ApiError(`The API no longer holds the claim ${claimId}.`);
      await this.showRelationship(relationship);
    });
  }

  /**
   * Draws a relationship loaded on its own (a claim's, just added) and selects it. With no
   * actor in view yet it focuses the relationship's subject; when neither end is in view it
   * expands the subject, so that the relationship is drawn where it belongs.
   */
  async showRelationship(relationship: RelationshipWithEnds): Promise<void> {
    if (relationship.retracted) return this.replaceRelationship(relationship);
    if (!this.state.focus) await this.focus(relationship.from.id);
    this.keep(relationship);
    const shown = this.visible();
    if (!shown.actors.has(relationship.from.id) && !shown.actors.has(relationship.to.id)) await this.expand(relationship.from.id);
    this.keep(relationship); // the expansion's copy may predate it
    this.state.selected = relationship.id;
    this.redraw(false);
  }

  /** After a write: the relationship as it now stands, or gone when no live claim is left. */
  replaceRelationship(relationship: RelationshipWithEnds): void {
    if (relationship.retracted) {
      this.store.removeRelationship(relationship.id);
      this.graph.remove(relationship.id);
    } else this.keep(relationship);
    this.redraw(false);
  }

  /** After an actor was edited (the store holds it already): its node reads its new name and kind. */
  actorChanged(actor: Actor): void {
    this.graph.refreshNode(actor);
    if (this.state.focus === actor.id) this.ui.showFocusName(actor.name);
    this.redraw(false);
  }

  /** After an actor was deleted (the store no longer holds it): its node goes, and it is no longer a root of the view. */
  actorDeleted(id: string): void {
    this.graph.remove(id);
    this.state.expanded = this.state.expanded.filter((expanded) => expanded !== id);
    if (this.state.focus === id) this.state.focus = null;
    this.redraw(false);
  }

  /** Opens or closes the review queue in the URL (the view itself is web/src/review/). */
  setReview(open: boolean): void {
    this.state.review = open;
    this.writeUrl();
  }

  /** Shows the panel again (signing in or out changes what it offers). */
  refreshPanel(): void {
    this.showPanel();
  }

  private keep(relationship: RelationshipWithEnds): void {
    this.store.add({ nodes: [relationship.from, relationship.to], relationships: [relationship] });
    this.graph.refreshEdge(relationship);
  }

  /** The view's actors and relationships with every property, for the exports. */
  document(): ViewDocument {
    const shown = this.visible();
    const actors = [...shown.actors].map((id) => this.store.actors.get(id)!).filter(Boolean);
    return viewDocument(actors, this.shownRelationships(shown), formatState(this.state));
  }

  private shownRelationships(shown: VisibleSet): Relationship[] {
    return [...shown.relationships].map((id) => this.store.relationships.get(id)!).filter(Boolean);
  }

  basename(): string {
    return `actor-graph${this.state.focus ? `-${this.state.focus}` : ''}${this.state.asOf ? `-${this.state.asOf}` : ''}`;
  }

  private afterFilterChange(): void {
    this.redraw(false);
    clearTimeout(this.pathTimer);
    if (this.state.pathFrom && this.state.pathTo) this.pathTimer = setTimeout(() => void this.setPathEnds(this.state.pathFrom, this.state.pathTo), 250);
  }

  /** Loads the shortest path between the path ends, with the filters on every hop. */
  private async loadPath(generation: number): Promise<void> {
    const { pathFrom: from, pathTo: to } = this.state;
    this.path = null;
    const ends = await Promise.all([from, to].map((id) => (id ? (this.store.actors.get(id) ?? fetchActor(id)) : null)));
    this.ui.showPathEnds(ends[0] ?? null, ends[1] ?? null);
    if (!from || !to) return this.setPathStatus('');
    if (this.state.types?.length === 0 || this.state.statuses?.length === 0) return this.setPathStatus('No path: every relationship type or status is filtered out.');
    const path = await fetchShortestPath(from, to, { ...filterArgs(this.filters), ...this.known });
    if (generation !== this.generation) return;
    if (!path) return this.setPathStatus('No path within 6 hops under the current filters.');
    this.store.add(path);
    this.path = { actors: new Set(path.nodes.map((n) => n.id)), relationships: new Set(path.relationships.map((r) => r.id)) };
    this.setPathStatus(`Shortest path: ${path.length} hop${path.length === 1 ? '' : 's'} (${path.nodes.map((n) => n.name).join(' → ')})`);
  }

  private setPathStatus(text: string): void {
    this.ui.pathStatus.textContent = text;
    this.ui.pathStatus.hidden = text === '';
  }

  private roots(): string[] {
    return [this.state.focus, ...this.state.expanded].filter((id): id is string => id !== null);
  }

  private visible(): VisibleSet {
    return visibleElements(this.store, this.filters, this.roots(), this.path ?? undefined);
  }

  /** Draws the store under the filters; lays out new actors; refreshes panel, status and URL. */
  private redraw(fullLayout: boolean): void {
    const added = this.graph.addFrom(this.store);
    const visible = this.visible();
    const ties = undatedTies(this.shownRelationships(visible), this.state.asOf);
    const marks = { focus: this.state.focus, expanded: new Set(this.state.expanded), path: this.path, undated: ties.undated };
    this.graph.show(visible, marks);
    this.parts.slider.showUndated(ties.readout);
    if (fullLayout || added.length > 0) this.graph.layout(fullLayout ? this.graph.cy.nodes().map((n) => n.id()) : added, this.roots());
    if (this.state.selected && !this.store.actors.has(this.state.selected) && !this.store.relationships.has(this.state.selected)) this.state.selected = null;
    this.graph.select(this.state.selected);
    this.showPanel(visible);
    this.showStatus(visible);
    this.writeUrl();
  }

  private showPanel(visible = this.visible()): void {
    const id = this.state.selected;
    const hidden = id !== null && !visible.actors.has(id) && !visible.relationships.has(id);
    this.parts.panel.show(id, { expanded: id !== null && (this.state.expanded.includes(id) || id === this.state.focus), hidden, asOf: this.state.asOf });
  }

  private showStatus(visible: VisibleSet): void {
    const focus = this.state.focus ? (this.store.actors.get(this.state.focus)?.name ?? this.state.focus) : null;
    this.ui.status.textContent = focus
      ? `${focus} · depth ${this.state.depth}${this.state.expanded.length ? ` + ${this.state.expanded.length} expanded` : ''} · ` +
        `${visible.actors.size} of ${this.store.actors.size} actors, ${visible.relationships.size} of ${this.store.relationships.size} relationships shown` +
        ` · ${this.state.asOf ? `as of ${this.state.asOf}` : 'all time'}` +
        ` · ${this.state.knownAsOf ? `as known on ${this.state.knownAsOf}` : 'as known now'}`
      : 'No actor chosen yet: search for one above.';
  }

  private writeUrl(): void {
    const query = formatState(this.state);
    if (query !== location.search) history.replaceState(null, '', query || location.pathname);
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.busy++;
    document.body.dataset.busy = String(this.busy);
    this.ui.message.hidden = true;
    try {
      await work();
    } catch (error) {
      this.ui.message.textContent = error instanceof ApiError ? `The API answered: ${error.message}` : `Something failed: ${String(error)}`;
      this.ui.message.hidden = false;
      console.error(error);
    } finally {
      this.busy--;
      document.body.dataset.busy = String(this.busy);
    }
  }
}
