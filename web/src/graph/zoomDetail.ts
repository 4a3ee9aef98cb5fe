// Level of detail: labels and arrowheads too small to read are not drawn at all. Cytoscape's
// min-zoomed-font-size still paints an empty label texture per element on every frame, which
// costs seconds per frame for thousands of elements without a GPU; a class does not.
import type cytoscape from 'cytoscape';

/** Below this zoom, edge labels and arrowheads are dropped... */
export const edgeDetailZoom = 0.55;
/** ...below this one, actor names... */
export const nodeDetailZoom = 0.3;
/** ...but only in views this big: smaller ones draw fast enough with every detail. */
export const detailElementCount = 1500;

export function applyZoomDetail(cy: cytoscape.Core): void {
  let edgesFar: boolean | null = null;
  let nodesFar: boolean | null = null;
  const update = () => {
    const zoom = cy.zoom();
    const big = cy.elements().length > detailElementCount;
    const edgesNowFar = big && zoom < edgeDetailZoom;
    const nodesNowFar = big && zoom < nodeDetailZoom;
    if (edgesNowFar === edgesFar && nodesNowFar === nodesFar) return;
    cy.batch(() => {
      if (edgesNowFar !== edgesFar) cy.edges().toggleClass('far', edgesNowFar);
      if (nodesNowFar !== nodesFar) cy.nodes().toggleClass('far', nodesNowFar);
    });
    edgesFar = edgesNowFar;
    nodesFar = nodesNowFar;
  };
  cy.on('zoom', update);
  cy.on('layoutstop', update);
  // New elements arrive without the class: apply the current level to them.
  cy.on('add', (event) => {
    const element = event.target as cytoscape.SingularElementArgument;
    element.toggleClass('far', element.isEdge() ? edgesFar === true : nodesFar === true);
  });
  update();
}
