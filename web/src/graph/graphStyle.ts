// The Cytoscape stylesheet, shared by the app and the perf page. Looks come from element data
// (set from palette.ts), so one rule serves every kind, type and status.
import type cytoscape from 'cytoscape';
import { kindLook, statusLook, typeColor, typeLabel } from './palette.ts';
import { whenText, type Observation, type Span } from '../time/relationshipTime.ts';
import { isUndated } from '../time/undatedTies.ts';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  color: string;
  shape: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  status: string;
  label: string;
  color: string;
  lineStyle: string;
  outline?: string;
  /** Undated ties: the label with when the sources reported them, drawn as of a date. */
  reportedLabel?: string;
}

export function nodeData(actor: { id: string; name: string; kind: string }): NodeData {
  const look = kindLook(actor.kind);
  return { id: actor.id, label: actor.name, kind: actor.kind, color: look.color, shape: look.shape };
}

type Drawn = Span & Observation & { id: string; type: string; status: string; from: { id: string }; to: { id: string } };

export function edgeData(relationship: Drawn): EdgeData {
  const status = statusLook(relationship.status);
  const data: EdgeData = {
    id: relationship.id,
    source: relationship.from.id,
    target: relationship.to.id,
    type: relationship.type,
    status: relationship.status,
    label: typeLabel(relationship.type),
    color: typeColor(relationship.type),
    lineStyle: status.lineStyle,
  };
  if (status.outline) data.outline = status.outline;
  if (isUndated(relationship)) data.reportedLabel = `${data.label}\n${whenText(relationship)}`;
  return data;
}

// Properties newer than @types/cytoscape (underlay-*) are why the style blocks are widened.
type Block = { selector: string; style: Record<string, string | number> };

const blocks: Block[] = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)',
      width: 26,
      height: 26,
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 13,
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 5,
      'border-width': 1.5,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': 'data(color)',
      'line-style': 'data(lineStyle)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 10,
      color: '#404a5c',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'edge[outline]', style: { 'line-outline-width': 1.5, 'line-outline-color': 'data(outline)', color: '#c01010' } },
  // As of a date, an undated tie (drawn from its first report on) says when it was reported (a
  // hollow arrowhead: the line style is the claim status's).
  { selector: 'edge.undated', style: { label: 'data(reportedLabel)', 'text-wrap': 'wrap', 'font-style': 'italic', 'target-arrow-fill': 'hollow' } },
  { selector: 'node.focus', style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#1d2330', 'font-weight': 'bold', 'font-size': 15 } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#56607a' } },
  { selector: 'node:selected', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: 'edge:selected', style: { width: 4, 'overlay-color': '#1f6feb', 'overlay-opacity': 0.2, 'overlay-padding': 4 } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: 'node.onPath', style: { 'underlay-color': '#ffc400', 'underlay-opacity': 0.75, 'underlay-padding': 8, 'z-index': 10 } },
  { selector: 'edge.onPath', style: { width: 5, 'underlay-color': '#ffc400', 'underlay-opacity': 0.75, 'underlay-padding': 5, 'z-index': 10 } },
  { selector: 'node.far', style: { label: '' } },
  { selector: 'edge.far', style: { label: '', 'target-arrow-shape': 'none' } },
  { selector: '.hidden', style: { display: 'none' } },
];

export const graphStyle = blocks as unknown as cytoscape.StylesheetStyle[];

/**
 * Renderer settings: while the analyst drags or zooms, draw a cached picture of the graph
 * (a few thousand nodes stay fluid), then redraw it crisp.
 */
export const rendererOptions: Partial<cytoscape.CytoscapeOptions> = { textureOnViewport: true, motionBlur: false };
