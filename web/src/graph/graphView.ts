// The Cytoscape view: draws what the store holds, hides what the filters leave out (so that
// positions stay put while the analyst moves the time slider), lays new actors out, and
// reports taps. `window.__cy` exposes the instance to tests and to the console.
import cytoscape from 'cytoscape';
import type { GraphStore } from './graphStore.ts';
import { edgeData, graphStyle, nodeData, rendererOptions } from './graphStyle.ts';
import { layoutFor, layoutOptions } from './layout.ts';
import type { Relationship } from '../api/model.ts';
import type { VisibleSet } from './viewFilters.ts';
import { fitTo } from './viewport.ts';
import { applyZoomDetail } from './zoomDetail.ts';

export interface Marks {
  focus: string | null;
  expanded: ReadonlySet<string>;
  /** The shortest path's actors and relationships, highlighted; the rest fades. */
  path: VisibleSet | null;
  /** As of a date, the undated ties (labelled with when they were reported). */
  undated: ReadonlySet<string>;
}

export interface GraphEvents {
  select(id: string | null): void;
  expand(id: string): void;
}

declare global {
  interface Window {
    __cy?: cytoscape.Core;
  }
}

export class GraphView {
  readonly cy: cytoscape.Core;

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({ container, style: graphStyle, ...rendererOptions, minZoom: 0.02, maxZoom: 4 });
    window.__cy = this.cy;
    applyZoomDetail(this.cy);
    this.cy.on('tap', 'node, edge', (event) => events.select((event.target as cytoscape.SingularElementArgument).id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.select(null);
    });
    this.cy.on('dbltap', 'node', (event) => events.expand((event.target as cytoscape.NodeSingular).id()));
  }

  /** Adds what the store holds and the view lacks; returns the ids of the new actors. */
  addFrom(store: GraphStore): string[] {
    const added: string[] = [];
    const elements: cytoscape.ElementDefinition[] = [];
    for (const actor of store.actors.values()) {
      if (this.cy.getElementById(actor.id).nonempty()) continue;
      elements.push({ group: 'nodes', data: nodeData(actor) });
      added.push(actor.id);
    }
    for (const relationship of store.relationships.values()) {
      if (this.cy.getElementById(relationship.id).empty()) elements.push({ group: 'edges', data: edgeData(relationship) });
    }
    if (elements.length > 0) this.cy.add(elements);
    return added;
  }

  /** Redraws a relationship that changed (its status, dates), when it is drawn. */
  refreshEdge(relationship: Relationship): void {
    const edge = this.cy.getElementById(relationship.id);
    if (edge.nonempty()) edge.data(edgeData(relationship));
  }

  /** Redraws an actor that changed (its name, its kind), when it is drawn. */
  refreshNode(actor: { id: string; name: string; kind: string }): void {
    const node = this.cy.getElementById(actor.id);
    if (node.nonempty()) node.data(nodeData(actor));
  }

  /** Removes an element the store no longer holds. */
  remove(id: string): void {
    this.cy.getElementById(id).remove();
  }

  /** Shows exactly `visible`, marks focus, expanded actors, path and undated ties. */
  show(visible: VisibleSet, marks: Marks): void {
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const id = element.id();
        const shown = element.isNode() ? visible.actors.has(id) : visible.relationships.has(id);
        element.toggleClass('hidden', !shown);
        const onPath = marks.path !== null && (element.isNode() ? marks.path.actors.has(id) : marks.path.relationships.has(id));
        element.toggleClass('onPath', onPath);
        element.toggleClass('faded', marks.path !== null && !onPath);
        element.toggleClass('focus', id === marks.focus);
        element.toggleClass('expanded', marks.expanded.has(id) && id !== marks.focus);
        element.toggleClass('undated', marks.undated.has(id));
      });
    });
  }

  /**
   * Lays out every loaded actor (hidden ones too, so that they reappear where they were).
   * With a layout in place, new actors start next to a neighbour and the rest barely moves.
   */
  layout(newActors: string[], roots: string[]): void {
    const nodes = this.cy.nodes();
    const name = layoutFor(nodes.length);
    if (newActors.length < nodes.length) this.placeNearNeighbours(newActors);
    else placeBySeed(nodes);
    const rank = hopRank(this.cy, roots);
    this.cy.layout(layoutOptions(name, nodes.length, { rank })).run();
    this.fit();
  }

  fit(): void {
    const shown = this.cy.elements().not('.hidden');
    fitTo(this.cy, shown.nonempty() ? shown : this.cy.elements());
  }

  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      if (id) this.cy.getElementById(id).select();
    });
  }

  clear(): void {
    this.cy.elements().remove();
  }

  private placeNearNeighbours(ids: string[]): void {
    const fresh = new Set(ids);
    for (const id of ids) {
      const node = this.cy.getElementById(id);
      const anchor = node
        .neighborhood()
        .nodes()
        .filter((other) => !fresh.has(other.id()));
      const center = anchor.nonempty() ? anchor.nodes()[0]!.position() : { x: 0, y: 0 };
      const angle = (seed(id) / 0xffffffff) * 2 * Math.PI;
      node.position({ x: center.x + 80 * Math.cos(angle), y: center.y + 80 * Math.sin(angle) });
    }
  }
}

/** A number from an id (FNV-1a), so that starting positions are the same on every load. */
function seed(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Starting positions for a fresh layout: spread over a disc, each actor always at the same spot. */
function placeBySeed(nodes: cytoscape.NodeCollection): void {
  const radius = 40 * Math.sqrt(nodes.length) + 40;
  nodes.forEach((node) => {
    const hash = seed(node.id());
    const angle = ((hash & 0xffff) / 0xffff) * 2 * Math.PI;
    const distance = radius * Math.sqrt((hash >>> 16) / 0xffff);
    node.position({ x: distance * Math.cos(angle), y: distance * Math.sin(angle) });
  });
}

/** Concentric rank: roots in the middle, then actors one hop away, two hops, ... */
function hopRank(cy: cytoscape.Core, roots: string[]): (node: cytoscape.NodeSingular) => number {
  const hops = new Map<string, number>();
  let frontier = roots.filter((id) => cy.getElementById(id).nonempty());
  frontier.forEach((id) => hops.set(id, 0));
  for (let hop = 1; frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      cy.getElementById(id)
        .neighborhood('node')
        .forEach((node) => {
          if (!hops.has(node.id())) {
            hops.set(node.id(), hop);
            next.push(node.id());
          }
        });
    }
    frontier = next;
  }
  return (node) => -(hops.get(node.id()) ?? hops.size);
}
