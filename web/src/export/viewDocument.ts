// The current view as data: the actors and relationships on screen with every property
// (kinds, types, statuses, dates, observations, claims with their claimants, quotes and
// sources). The JSON export is this document; GraphML goes through the project's own
// serialiser (src/domain/formats.ts) with the property names `npm run export` writes, plus
// the claims' facts flattened onto each edge. No DOM here, so node can test it too.
import { gatheredActors, gatheredConflicts, gatheredDateText, gatheredEvidence, gatheredNote, gatheredSources } from '../../../src/domain/gathered.ts';
import { parsePartialDate } from '../../../src/domain/partialDate.ts';
import type { ExportGraph } from '../../../src/domain/formats.ts';
import type { Actor, ActorRef, Claim, Evidence, Relationship, SourceRef } from '../api/model.ts';

/** A quote with the source it is from (a claim's quotes are all from its source). */
export interface ExportedEvidence extends Evidence {
  source: SourceRef;
}

export interface ExportedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  status: string;
  role: string | null;
  since: string | null;
  until: string | null;
  firstObserved: string | null;
  lastObserved: string | null;
  claimCount: number;
  /** The end a later holder of the office gives it: derived by the graph, not a source's until. */
  endedBySuccession: Relationship['endedBySuccession'];
  // Gathered over the claims the app loaded, as the API's Relationship aggregates are over all of them.
  dateText: string | null;
  claimedBy: ActorRef[];
  disputedBy: ActorRef[];
  note: string | null;
  evidence: ExportedEvidence[];
  sources: SourceRef[];
  conflictsWith: string[];
  claims: Claim[];
}

export interface ViewDocument {
  /** The view's link (query string), so the export says what it shows. */
  view: string;
  exportedAt: string;
  nodes: Actor[];
  edges: ExportedEdge[];
}

export function exportedEdge(r: Relationship): ExportedEdge {
  const claims = r.claims;
  return {
    id: r.id,
    source: r.from.id,
    target: r.to.id,
    type: r.type,
    status: r.status,
    role: r.role,
    since: r.since,
    until: r.until,
    firstObserved: r.firstObserved,
    lastObserved: r.lastObserved,
    claimCount: r.claimCount,
    endedBySuccession: r.endedBySuccession,
    dateText: gatheredDateText(claims),
    claimedBy: gatheredActors(claims, 'claimedBy', (actor) => actor.id),
    disputedBy: gatheredActors(claims, 'disputedBy', (actor) => actor.id),
    note: gatheredNote(claims),
    evidence: gatheredEvidence(claims.map((claim) => ({ evidence: claim.evidence.map((evidence) => ({ ...evidence, source: claim.source })) }))),
    sources: gatheredSources(claims, (source) => source.id),
    conflictsWith: gatheredConflicts(r.id, claims.flatMap((claim) => claim.contradicts.map((other) => other.relationship.id))),
    claims,
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
          firstObserved: edge.firstObserved,
          lastObserved: edge.lastObserved,
          claimCount: edge.claimCount,
          // As Neo4j keeps them: a derived end, apart from until, its reason saying it is derived.
          successionBefore: edge.endedBySuccession?.before ?? null,
          successionReason: edge.endedBySuccession?.reason ?? null,
          successor: edge.endedBySuccession?.successor.id ?? null,
          claims: edge.claims.map((claim) => claim.id),
          claimStances: edge.claims.map((claim) => claim.stance),
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
