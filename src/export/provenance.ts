// The claims and sources behind an exported graph's relationships, read for the formats that keep
// each value's provenance (FtM: first and last seen, origin): two statements, whatever the graph's size.
import type { ExportGraph } from '../domain/formats.ts';
import type { Database } from '../neo4j/database.ts';

/** One claim as provenance: what it says of its relationship, when it was observed and in which source. */
export type ProvenanceClaim = {
  id: string;
  relationship: string;
  role: string | null;
  since: string | null;
  until: string | null;
  /** Its source's publication date (a partial date). */
  observedAt: string | null;
  source: string;
};

export type ProvenanceSource = {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  /** Its Admiralty reliability (A-F) and the reason; null when ungraded. */
  reliability: string | null;
  reliabilityReason: string | null;
};

export interface ExportProvenance {
  claims: Map<string, ProvenanceClaim>;
  sources: Map<string, ProvenanceSource>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The claims each exported relationship was gathered from (its `claims` property) and their sources. */
export async function readProvenance(db: Database, graph: ExportGraph): Promise<ExportProvenance> {
  const claimIds = graph.edges.flatMap((edge) => strings(edge.properties.claims));
  const claims = await db.read<ProvenanceClaim>(
    `MATCH (c:Claim) WHERE c.id IN $claimIds
     RETURN c.id AS id, c.relationship AS relationship, c.role AS role, c.since AS since, c.until AS until,
       c.observedAt AS observedAt, [(c)-[:IN_SOURCE]->(s:Source) | s.id][0] AS source ORDER BY c.id`,
    { claimIds },
  );
  const sources = await db.read<ProvenanceSource>(
    `MATCH (s:Source) WHERE s.id IN $sourceIds
     RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.author AS author, s.published AS published, s.url AS url,
       s.reliability AS reliability, s.reliabilityReason AS reliabilityReason ORDER BY s.id`,
    { sourceIds: [...new Set(claims.map((claim) => claim.source))] },
  );
  return { claims: new Map(claims.map((claim) => [claim.id, claim])), sources: new Map(sources.map((source) => [source.id, source])) };
}
