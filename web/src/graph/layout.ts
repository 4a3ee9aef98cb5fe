// Which layout for how many nodes. Force-directed (cose) reads best, but each iteration costs
// the square of the node count: about a second for 100 nodes and 1,300 iterations, minutes for
// 3,000 nodes. So it gets fewer iterations as views grow, and beyond 200 nodes a concentric
// layout (rings by hop distance from the focus, or by degree) takes under a second for 3,000.
// Measured with perf.html (?nodes=200&layout=cose); see test/webapp.test.ts.
import type cytoscape from 'cytoscape';

export const forceLayoutMaxNodes = 200;

/** cose iterations: 1,500 for small views, fewer as the cost per iteration grows. */
export function forceIterations(nodeCount: number): number {
  return Math.round(Math.min(1500, Math.max(300, 1.3e7 / Math.max(1, nodeCount) ** 2)));
}

export type LayoutName = 'cose' | 'concentric' | 'grid' | 'breadthfirst' | 'circle';

export function layoutFor(nodeCount: number): LayoutName {
  return nodeCount <= forceLayoutMaxNodes ? 'cose' : 'concentric';
}

export interface LayoutChoices {
  /** concentric: higher ranks go nearer the centre (default: degree). */
  rank?: (node: cytoscape.NodeSingular) => number;
}

export function layoutOptions(name: LayoutName, nodeCount: number, choices: LayoutChoices = {}): cytoscape.LayoutOptions {
  const common = { animate: false, fit: false, padding: 40 };
  switch (name) {
    case 'cose':
      return {
        ...common,
        name: 'cose',
        // Starts from the positions the view gave (seeded, so a link always draws the same picture).
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 120000,
        idealEdgeLength: () => 100,
        edgeElasticity: () => 100,
        nodeOverlap: 40,
        gravity: 0.4,
        numIter: forceIterations(nodeCount),
        componentSpacing: 80,
      } as cytoscape.CoseLayoutOptions;
    case 'concentric':
      return {
        ...common,
        name: 'concentric',
        concentric: choices.rank ?? ((node: cytoscape.NodeSingular) => node.degree(false)),
        levelWidth: () => 1,
        minNodeSpacing: 20,
        avoidOverlap: true,
      } as cytoscape.ConcentricLayoutOptions;
    default:
      return { ...common, name } as cytoscape.LayoutOptions;
  }
}
