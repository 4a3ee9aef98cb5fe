// The domain objects graph queries return, and the Cypher projections that produce them.
// Nothing here knows about GraphQL.

export interface Actor {
  id: string;
  name: string;
  /** A kind of schema/vocabulary.yaml: Group, Person, State, Organization or Place. */
  kind: string;
  aliases: string[];
  description: string | null;
  /** 1 as loaded; one more with every change through the API. */
  version: number;
  origin: Origin;
}

/** Who wrote a record: the loader (from seed/data) or the API. */
export type Origin = 'SEED' | 'API';

export interface Retraction {
  at: string;
  by: string;
  reason: string;
}

export interface Evidence {
  sourceId: string;
  quote: string;
  /** Offsets of the quote in the source's text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

/** An actor-to-actor relationship, derived from its claims (src/graph/derive.ts). */
export interface Relationship {
  id: string;
  type: string;
  from: Actor;
  to: Actor;
  role: string | null;
  since: string | null;
  until: string | null;
  sinceStart: string | null;
  status: string;
  firstObserved: string | null;
  lastObserved: string | null;
  claimCount: number;
  /** Every claim it was derived from is retracted. */
  retracted: boolean;
}

/** What a relationship claim and a figure share. */
export interface ClaimCore {
  id: string;
  stance: string;
  observedAt: string | null;
  sourceId: string;
  claimedBy: string[];
  disputedBy: string[];
  evidence: Evidence[];
  /** Ids of the claims it contradicts or is contradicted by. */
  contradicts: string[];
  note: string | null;
  version: number;
  origin: Origin;
  retracted: Retraction | null;
}

/** One source's assertion that a subject stands in a relationship to an object. */
export interface Claim extends ClaimCore {
  type: string;
  subjectId: string;
  objectId: string;
  relationshipId: string;
  role: string | null;
  since: string | null;
  until: string | null;
  dateText: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  publishedPrecision: string | null;
  dateNote: string | null;
  url: string | null;
  textHash: string;
  origin: Origin;
  text: string;
}

export interface Mention {
  sourceId: string;
  actorId: string;
  count: number;
  sentences: string[];
}

export interface Figure extends ClaimCore {
  measure: string;
  value: number | null;
  qualifier: string | null;
  unit: string;
  date: string | null;
  aboutId: string;
  placeId: string | null;
  status: string;
}

const actorFields = ['id', 'name', 'kind', 'aliases', 'description', 'version', 'origin'];

/** Cypher map of an actor node, from a variable or an expression such as startNode(r). */
export const actorProjection = (node: string) =>
  `CASE WHEN ${node} IS NULL THEN null ELSE {${actorFields.map((field) => `${field}: ${node}.${field}`).join(', ')}} END`;

/** A record's origin as the API names it: written through the API, or (by default) loaded. */
const origin = (value: unknown): Origin => (value === 'api' ? 'API' : 'SEED');

/** Cypher map projection of a relationship with both ends, whatever direction it was matched in. */
export const relationshipProjection = (r: string) =>
  `{props: properties(${r}), type: type(${r}), from: ${actorProjection(`startNode(${r})`)}, to: ${actorProjection(`endNode(${r})`)}}`;

/**
 * Cypher map of a claim or figure node: its properties and its links (source, claimants,
 * disputers, quotes with offsets, contradictions either way), each one hop from the node.
 */
export const claimCoreProjection = (c: string) =>
  `props: properties(${c}),
   source: [(${c})-[:IN_SOURCE]->(x:Source) | x.id][0],
   claimedBy: [(${c})-[:CLAIMED_BY]->(x:Actor) | x.id],
   disputedBy: [(${c})-[:DISPUTED_BY]->(x:Actor) | x.id],
   evidence: [(${c})-[e:EVIDENCE]->(x:Source) | {sourceId: x.id, quote: e.quote, start: e.start, end: e.end}],
   contradicts: [(${c})-[:CONTRADICTS]-(x) | x.id]`;

export const claimProjection = (c: string) =>
  `{${claimCoreProjection(c)}, subject: [(${c})-[:SUBJECT]->(x:Actor) | x.id][0], object: [(${c})-[:OBJECT]->(x:Actor) | x.id][0]}`;

type Props = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);

interface ClaimCoreRow {
  props: Props;
  source: string;
  claimedBy: string[];
  disputedBy: string[];
  evidence: Evidence[];
  contradicts: string[];
}

function toClaimCore(row: ClaimCoreRow): ClaimCore {
  const p = row.props;
  return {
    id: p.id as string,
    stance: p.stance as string,
    observedAt: text(p.observedAt),
    sourceId: row.source,
    claimedBy: [...row.claimedBy].sort(),
    disputedBy: [...row.disputedBy].sort(),
    evidence: row.evidence.map((e) => ({ ...e, start: Number(e.start), end: Number(e.end) })).sort((a, b) => a.start - b.start),
    contradicts: [...new Set(row.contradicts)].sort(),
    note: text(p.note),
    version: Number(p.version ?? 1),
    origin: origin(p.origin),
    retracted: p.retracted ? { at: p.retractedAt as string, by: p.retractedBy as string, reason: p.retractedReason as string } : null,
  };
}

export type ClaimRow = ClaimCoreRow & { subject: string; object: string };

export function toClaim(row: ClaimRow): Claim {
  const p = row.props;
  return {
    ...toClaimCore(row),
    type: p.type as string,
    subjectId: row.subject,
    objectId: row.object,
    relationshipId: p.relationship as string,
    role: text(p.role),
    since: text(p.since),
    until: text(p.until),
    dateText: text(p.dateText),
  };
}

export function toActor(row: Props): Actor {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as string,
    aliases: (row.aliases as string[] | null) ?? [],
    description: text(row.description),
    version: Number(row.version ?? 1),
    origin: origin(row.origin),
  };
}

export function toRelationship(row: { props: Props; type: string; from: Props; to: Props }): Relationship {
  const p = row.props;
  return {
    id: p.id as string,
    type: row.type,
    from: toActor(row.from),
    to: toActor(row.to),
    role: text(p.role),
    since: text(p.since),
    until: text(p.until),
    sinceStart: text(p.sinceStart),
    status: p.status as string,
    firstObserved: text(p.firstObserved),
    lastObserved: text(p.lastObserved),
    claimCount: Number(p.claimCount ?? 0),
    retracted: p.retracted === true,
  };
}

export function toSource(p: Props): Source {
  return {
    id: p.id as string,
    title: p.title as string,
    publisher: text(p.publisher),
    author: text(p.author),
    published: text(p.published),
    publishedPrecision: text(p.publishedPrecision),
    dateNote: text(p.dateNote),
    url: text(p.url),
    textHash: p.textHash as string,
    origin: origin(p.origin),
    text: p.text as string,
  };
}

export function toFigure(row: ClaimCoreRow & { about: string; place: string | null; status: string }): Figure {
  const p = row.props;
  return {
    ...toClaimCore(row),
    measure: p.measure as string,
    value: typeof p.value === 'number' ? p.value : null,
    qualifier: text(p.qualifier),
    unit: p.unit as string,
    date: text(p.date),
    aboutId: row.about,
    placeId: row.place,
    status: row.status,
  };
}
