// Export the current view: a PNG picture (Cytoscape's own), and the data on screen as JSON
// and GraphML, downloaded as files named after the focus actor.
import type cytoscape from 'cytoscape';
import { toGraphML } from '../../../src/domain/formats.ts';
import { toExportGraph, type ViewDocument } from './viewDocument.ts';

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportPng(cy: cytoscape.Core, basename: string): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, maxWidth: 8000, maxHeight: 8000, bg: '#ffffff' });
  download(blob, `${basename}.png`);
}

export function exportJson(document: ViewDocument, basename: string): void {
  download(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), `${basename}.json`);
}

export function exportGraphML(document: ViewDocument, basename: string): void {
  download(new Blob([toGraphML(toExportGraph(document))], { type: 'application/graphml+xml' }), `${basename}.graphml`);
}
