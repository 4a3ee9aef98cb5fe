// Fitting the view to elements. Cytoscape's fit measures every label; for thousands of
// elements that alone takes over a second, so big views fit the nodes' shapes only.
import type cytoscape from 'cytoscape';
import { forceLayoutMaxNodes } from './layout.ts';

/** Fitting never zooms in further than this, so a view of three actors is not gigantic. */
export const maxFitZoom = 1.3;

export function fitTo(cy: cytoscape.Core, elements: cytoscape.Collection, padding = 40): void {
  const nodes = elements.nodes();
  if (nodes.empty()) return;
  const box = nodes.boundingBox({ includeLabels: nodes.length <= forceLayoutMaxNodes, includeOverlays: false });
  const width = Math.max(box.w, 1);
  const height = Math.max(box.h, 1);
  const zoom = Math.min(maxFitZoom, (cy.width() - 2 * padding) / width, (cy.height() - 2 * padding) / height);
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - zoom * (box.x1 + width / 2), y: cy.height() / 2 - zoom * (box.y1 + height / 2) },
  });
}
