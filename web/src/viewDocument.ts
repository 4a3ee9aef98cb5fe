// The current view as data: the actors and relationships on screen with every property
// (kinds, types, statuses, dates, claimants, evidence and sources). The JSON export is this
// document; GraphML goes through the project's own serialiser (src/export/formats.ts) with
// the property names `npm run export` writes. No DOM here, so node can test it too.
import { parsePartialDate } from '../../src/graph/partialDate.ts';
import type { ExportGraph } from '../../src/export/formats.ts';
import type { Actor, ActorRef, Evidence, Relationship, SourceRef } from './model.ts';

export interface ExportedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  status: string;
  role: string | null;
  since: string | null;
  until: string | null;
  dateText: string | null;
  claimedBy: ActorRef[];
  disputedBy: ActorRef[];
  note: string | null;
  evidence: Evidence[];
  sources: SourceRef[];
  conflictsWith: string[];
}

export interface ViewDocument {
  /** The view's link (query string), so the export says what it shows. */
  view: string;
  exportedAt: string;
  nodes: Actor[];
  edges: ExportedEdge[];
}

export function exportedEdge(r: Relationship): ExportedEdge {
  const sources = new Map<string, SourceRef>();
  for (const evidence of r.evidence) sources.set(evidence.source.id, evidence.source);
  return {
    id: r.id,
    source: r.from.id,
    target: r.to.id,
    type: r.type,
    status: r.status,
    role: r.role,
    since: r.since,
    until: r.until,
    dateText: r.dateText,
    claimedBy: r.claimedBy,
    disputedBy: r.disputedBy,
    note: r.note,
    evidence: r.evidence,
    sources: [...sources.values()],
    conflictsWith: r.conflictsWith.map(({ id }) => id),
  };
}

export function viewDocument(actors: Actor[], relationships: Relationship[], view: string, now = new Date()): ViewDocument {
  return { view, exportedAt: now.toISOString(), nodes: actors, edges: relationships.map(exportedEdge) };
}

/** The document as the export serialisers take it, properties named as in Neo4j. */
export function toExportGraph(document: ViewDocument): ExportGraph {
  return {
    nodes: document.nodes.map((actor) => ({
      id: actor.id,
      kind: actor.kind,
      properties: { name: actor.name, aliases: actor.aliases, description: actor.description },
    })),
    edges: document.edges.map((edge) => {
      const since = edge.since === null ? undefined : parsePartialDate(edge.since);
      const until = edge.until === null ? undefined : parsePartialDate(edge.until);
      return {
        id: edge.id,
        type: edge.type,
        source: edge.source,
        target: edge.target,
        properties: {
          status: edge.status,
          role: edge.role,
          since: edge.since,
          sincePrecision: since?.precision ?? null,
          sinceStart: since?.start ?? null,
          until: edge.until,
          untilPrecision: until?.precision ?? null,
          untilEnd: until?.end ?? null,
          dateText: edge.dateText,
          claimedBy: edge.claimedBy.map((actor) => actor.id),
          disputedBy: edge.disputedBy.map((actor) => actor.id),
          note: edge.note,
          sources: edge.sources.map((source) => source.id),
          sourceTitles: edge.sources.map((source) => source.title),
          evidenceSources: edge.evidence.map((evidence) => evidence.source.id),
          evidenceQuotes: edge.evidence.map((evidence) => evidence.quote),
          conflictsWith: edge.conflictsWith,
        },
      };
    }),
  };
}
