// One export format from a graph: what the CLI writes and the tests parse.
import { actorKinds, relationshipTypes } from '../domain/vocabulary.ts';
import { toCSV, toCypher, toGEXF, toGraphML, toJSON, type ExportFormat, type ExportGraph } from '../domain/formats.ts';
import { ftmRecords, toFtmJsonLines, toFtmStatementsCsv } from './ftm.ts';
import type { ExportProvenance } from './provenance.ts';

/** The FollowTheMoney formats, which need each value's provenance beside the graph (src/export/ftm.ts). */
export const ftmFormats = ['ftm', 'ftm-statements'] as const;
export type FtmFormat = (typeof ftmFormats)[number];

/** FtM entities as JSON lines (`ftm`), or every value of them as a statement in followthemoney's CSV (`ftm-statements`). */
export function renderFtm(format: FtmFormat, graph: ExportGraph, provenance: ExportProvenance): string {
  const records = ftmRecords(graph, provenance);
  return format === 'ftm' ? toFtmJsonLines(records) : toFtmStatementsCsv(records);
}

const isVocabulary = (name: string) => actorKinds.includes(name) || relationshipTypes.includes(name);

export function render(format: ExportFormat, graph: ExportGraph): string | { nodes: string; edges: string } {
  switch (format) {
    case 'graphml':
      return toGraphML(graph);
    case 'gexf':
      return toGEXF(graph);
    case 'csv':
      return toCSV(graph);
    case 'json':
      return toJSON(graph);
    case 'cypher':
      return toCypher(graph, isVocabulary);
  }
}
