// The perf page: draws a synthetic graph of ?nodes= actors and ?edges= relationships with the
// app's stylesheet and layout choice, then writes, as JSON in #perf-result, how long the
// layout took and how long frames take while panning and zooming.
import cytoscape from 'cytoscape';
import { edgeData, graphStyle, nodeData, rendererOptions } from '../graph/graphStyle.ts';
import { layoutFor, layoutOptions, type LayoutName } from '../graph/layout.ts';
import { syntheticGraph } from './syntheticGraph.ts';
import { fitTo } from '../graph/viewport.ts';
import { applyZoomDetail } from '../graph/zoomDetail.ts';

export interface PerfResult {
  nodes: number;
  edges: number;
  layout: LayoutName;
  /** cy.add of every element, in ms. */
  addMs: number;
  /** The layout run (positions computed and applied), in ms. */
  layoutMs: number;
  /** From the end of the layout to the first frame drawn, in ms. */
  firstFrameMs: number;
  /**
   * Frames drawn while the view pans and zooms (after as many warm-up frames, which fill
   * Cytoscape's texture caches): mean, median, 95th percentile and worst interval, in ms.
   */
  frames: number;
  frameMsMean: number;
  frameMsMedian: number;
  frameMsP95: number;
  frameMsMax: number;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function nextRender(cy: cytoscape.Core): Promise<number> {
  return new Promise((resolve) => cy.one('render', () => resolve(performance.now())));
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Pans and zooms for `steps` frames and returns the intervals between drawn frames. */
async function measureFrames(cy: cytoscape.Core, steps: number): Promise<number[]> {
  const times: number[] = [];
  const zoom = cy.zoom();
  const pan = { ...cy.pan() };
  await nextFrame();
  for (let i = 0; i < steps; i++) {
    const rendered = nextRender(cy);
    cy.viewport({ zoom: zoom * (1 + 0.6 * Math.sin((i / steps) * Math.PI)), pan: { x: pan.x + 3 * i, y: pan.y + 2 * i } });
    times.push(await rendered);
  }
  cy.viewport({ zoom, pan });
  return times.slice(1).map((time, i) => time - times[i]!);
}

async function run(): Promise<PerfResult> {
  const params = new URLSearchParams(location.search);
  const nodeCount = Number(params.get('nodes') ?? 3000);
  const edgeCount = Number(params.get('edges') ?? 6000);
  const graph = syntheticGraph(nodeCount, edgeCount);
  const cy = cytoscape({
    container: document.getElementById('perf-graph'),
    style: graphStyle,
    ...rendererOptions,
  });
  (window as unknown as { __cy: cytoscape.Core }).__cy = cy;
  applyZoomDetail(cy);

  let start = performance.now();
  cy.add([
    ...graph.nodes.map((actor) => ({ group: 'nodes' as const, data: nodeData(actor) })),
    ...graph.relationships.map((relationship) => ({ group: 'edges' as const, data: edgeData(relationship) })),
  ]);
  const addMs = performance.now() - start;

  const layout = (params.get('layout') as LayoutName | null) ?? layoutFor(cy.nodes().length);
  start = performance.now();
  const firstRender = nextRender(cy);
  cy.layout(layoutOptions(layout, cy.nodes().length)).run();
  fitTo(cy, cy.elements());
  const layoutEnd = performance.now();
  const firstFrameMs = (await firstRender) - layoutEnd;

  const frames = Number(params.get('frames') ?? 60);
  // Cytoscape fills its texture caches in idle time after the first frame: let it, then warm up.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await measureFrames(cy, frames);
  const intervals = (await measureFrames(cy, frames)).sort((a, b) => a - b);
  const mean = intervals.reduce((sum, ms) => sum + ms, 0) / Math.max(1, intervals.length);
  return {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layout,
    addMs: round(addMs),
    layoutMs: round(layoutEnd - start),
    firstFrameMs: round(firstFrameMs),
    frames: intervals.length,
    frameMsMean: round(mean),
    frameMsMedian: round(intervals[Math.floor(intervals.length / 2)] ?? 0),
    frameMsP95: round(intervals[Math.floor(intervals.length * 0.95)] ?? 0),
    frameMsMax: round(intervals[intervals.length - 1] ?? 0),
  };
}

const output = document.getElementById('perf-result')!;
// Starts after the page has loaded, so that a slow machine does not hold up the load event.
const started = new Promise((resolve) => setTimeout(resolve, 0));
started.then(run).then(
  (result) => {
    output.textContent = JSON.stringify(result, null, 2);
    output.dataset.done = 'true';
  },
  (error: unknown) => {
    output.textContent = JSON.stringify({ error: String(error) });
    output.dataset.done = 'true';
  },
);
