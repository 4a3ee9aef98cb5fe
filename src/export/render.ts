// One export format from a graph: what the CLI writes and the tests parse.
import { actorKinds, relationshipTypes } from '../domain/vocabulary.ts';
import { toCSV, toCypher, toGEXF, toGraphML, toJSON, type ExportFormat, type ExportGraph } from '../domain/formats.ts';

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
