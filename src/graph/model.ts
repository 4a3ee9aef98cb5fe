// The domain objects graph queries return, and the Cypher projections that produce them.
// Nothing here knows about GraphQL.
import { apiLimits } from '../config.ts';
import { int } from '../neo4j/database.ts';
import { filterCondition, latestFirst, listSize, liveCondition, relationshipOrder, typePattern } from './filters.ts';
import { claimRoles, type ActorInclude, type ClaimInclude, type ClaimRole, type Direction, type RelationshipInclude, type SourceInclude, type Statement } from './include.ts';

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
  /** Relationship lists a read brought with it, by response key (src/graph/include.ts). */
  nested?: Record<string, Relationship[]>;
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
  /** Its source, when the read brought it. */
  source?: Source;
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
  /** Claim lists a read brought with it, by response key, and every claim (`gathered`) when asked. */
  nested?: Record<string, Claim[]>;
  gathered?: Claim[];
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
  /** Its actors and source, when the read brought them. */
  linked?: { subject?: Actor; object?: Actor; claimedBy?: Actor[]; disputedBy?: Actor[] };
  sourceRecord?: Source;
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
  /** Null when the read did not bring it (SourceInclude.text). */
  text: string | null;
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

/** A response key as a Cypher map key (GraphQL names are letters, digits and _). */
const mapKey = (key: string) => `\`${key.replace(/[^_0-9A-Za-z]/g, '')}\``;

const arrows: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

/**
 * Cypher map of an actor node, from a variable or an expression such as startNode(r); with an
 * include (a variable then), each relationship list asked for, bounded and ordered in the Cypher.
 */
export function actorProjection(node: string, include?: ActorInclude, st?: Statement): string {
  const fields = actorFields.map((field) => `${field}: ${node}.${field}`);
  if (include && st && include.relationships.length > 0) {
    const lists = include.relationships.map(({ key, args, include: nested }) => {
      const r = st.fresh('r');
      const prefix = `${st.fresh('p')}_`;
      const condition = filterCondition(r, args, st.params, prefix);
      st.params[`${prefix}first`] = int(listSize(args.first));
      const [left, right] = arrows[args.direction];
      return `${mapKey(key)}: COLLECT { MATCH (${node})${left}[${r}${typePattern(args.types)}]${right}(:Actor) WHERE ${condition}
        WITH ${r} ORDER BY ${relationshipOrder(r, args.asOf, prefix)} LIMIT $${prefix}first RETURN ${relationshipProjection(r, nested, st)} }`;
    });
    fields.push(`nested: {${lists.join(', ')}}`);
  }
  return `CASE WHEN ${node} IS NULL THEN null ELSE {${fields.join(', ')}} END`;
}

/** A record's origin as the API names it: written through the API, or (by default) loaded. */
const origin = (value: unknown): Origin => (value === 'api' ? 'API' : 'SEED');

/** Claims `c` of relationship `r`, as a nested list. */
const claimsOfRelationship = (r: string, c: string, condition: string, limit: string, include: ClaimInclude, st: Statement) =>
  `COLLECT { MATCH (${c}:Claim {relationship: ${r}.id}) WHERE ${condition} WITH ${c} ORDER BY ${latestFirst(c)} LIMIT ${limit} RETURN ${claimProjection(c, include)} }`;

/**
 * Cypher map projection of a relationship with both ends, whatever direction it was matched in;
 * with an include (`r` a variable then), the claim lists asked for.
 */
export function relationshipProjection(r: string, include?: RelationshipInclude, st?: Statement): string {
  const fields = [`props: properties(${r})`, `type: type(${r})`, `from: ${actorProjection(`startNode(${r})`)}`, `to: ${actorProjection(`endNode(${r})`)}`];
  if (include && st) {
    const lists = include.claims.map(({ key, args, include: nested }) => {
      const c = st.fresh('c');
      const first = st.fresh('first');
      st.params[first] = int(listSize(args.first));
      return `${mapKey(key)}: ${claimsOfRelationship(r, c, liveCondition(c, args.includeRetracted), `$${first}`, nested, st)}`;
    });
    if (lists.length > 0) fields.push(`nested: {${lists.join(', ')}}`);
    if (include.gathered) {
      // Its live claims, or all of them when every one is retracted (as relationshipClaims with first 500).
      const c = st.fresh('c');
      fields.push(`gathered: ${claimsOfRelationship(r, c, `(${r}.retracted = true OR ${c}.retracted IS NULL)`, String(apiLimits.maxPageSize), include.gathered, st)}`);
    }
  }
  return `{${fields.join(', ')}}`;
}

const sourceFields = ['id', 'title', 'publisher', 'author', 'published', 'publishedPrecision', 'dateNote', 'url', 'textHash', 'origin'];

/** Cypher map of a source node; its text only when asked for. */
export const sourceProjection = (s: string, include: SourceInclude) =>
  `${s} {${[...sourceFields, ...(include.text ? ['text'] : [])].map((field) => `.${field}`).join(', ')}}`;

/**
 * Cypher map of a claim or figure node: its properties and its links (source, claimants,
 * disputers, quotes with offsets, contradictions either way), each one hop from the node.
 */
/**
 * A claim's actors in these roles: ids (claimedBy: [...]), or whole actors under `linked`
 * (linked_claimedBy: [...]) for the roles the include asks for.
 */
const roleFields = (c: string, roles: ClaimRole[], include?: ClaimInclude) =>
  roles
    .map((role) => {
      const { edge, many } = claimRoles[role];
      const whole = include?.actors.includes(role);
      return `${whole ? `linked_${role}` : role}: [(${c})-[:${edge}]->(x:Actor) | ${whole ? actorProjection('x') : 'x.id'}]${many ? '' : '[0]'}`;
    })
    .join(', ');

export const claimCoreProjection = (c: string, include?: ClaimInclude) =>
  `props: properties(${c}),
   source: [(${c})-[:IN_SOURCE]->(x:Source) | x.id][0],
   ${roleFields(c, ['claimedBy', 'disputedBy'], include)},
   evidence: [(${c})-[e:EVIDENCE]->(x:Source) | {sourceId: x.id, quote: e.quote, start: e.start, end: e.end${
     include?.evidenceSource ? `, source: ${sourceProjection('x', include.evidenceSource)}` : ''
   }}],
   contradicts: [(${c})-[:CONTRADICTS]-(x) | x.id]`;

/** Cypher map of a claim; with an include, its actors (whose ids then come from them) and source as records. */
export function claimProjection(c: string, include?: ClaimInclude): string {
  const fields = [claimCoreProjection(c, include), roleFields(c, ['subject', 'object'], include)];
  if (include?.source) fields.push(`sourceRecord: [(${c})-[:IN_SOURCE]->(x:Source) | ${sourceProjection('x', include.source)}][0]`);
  return `{${fields.join(', ')}}`;
}

type Props = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);

interface ClaimCoreRow {
  props: Props;
  source: string;
  claimedBy: string[];
  disputedBy: string[];
  evidence: (Omit<Evidence, 'source'> & { source?: Props })[];
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
    evidence: row.evidence
      .map(({ source, ...e }) => ({ ...e, start: Number(e.start), end: Number(e.end), ...(source ? { source: toSource(source) } : {}) }))
      .sort((a, b) => a.start - b.start),
    contradicts: [...new Set(row.contradicts)].sort(),
    note: text(p.note),
    version: Number(p.version ?? 1),
    origin: origin(p.origin),
    retracted: p.retracted ? { at: p.retractedAt as string, by: p.retractedBy as string, reason: p.retractedReason as string } : null,
  };
}

export type ClaimRow = ClaimCoreRow & {
  subject: string;
  object: string;
  linked_subject?: Props;
  linked_object?: Props;
  linked_claimedBy?: Props[];
  linked_disputedBy?: Props[];
  sourceRecord?: Props;
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toClaim(read: ClaimRow): Claim {
  // The actors read whole give their roles' ids too.
  const linked: NonNullable<Claim['linked']> = {};
  if (read.linked_subject) linked.subject = toActor(read.linked_subject);
  if (read.linked_object) linked.object = toActor(read.linked_object);
  if (read.linked_claimedBy) linked.claimedBy = read.linked_claimedBy.map(toActor).sort(byId);
  if (read.linked_disputedBy) linked.disputedBy = read.linked_disputedBy.map(toActor).sort(byId);
  const ids = (actors: Actor[] | undefined) => actors?.map((actor) => actor.id);
  const row = {
    ...read,
    subject: linked.subject?.id ?? read.subject,
    object: linked.object?.id ?? read.object,
    claimedBy: ids(linked.claimedBy) ?? read.claimedBy,
    disputedBy: ids(linked.disputedBy) ?? read.disputedBy,
  };
  const p = row.props;
  return {
    ...(Object.keys(linked).length > 0 ? { linked } : {}),
    ...(row.sourceRecord ? { sourceRecord: toSource(row.sourceRecord) } : {}),
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

/** Each nested list of a row, converted. */
const nestedLists = <T>(nested: unknown, convert: (row: never) => T): Record<string, T[]> =>
  Object.fromEntries(Object.entries(nested as Record<string, never[]>).map(([key, rows]) => [key, rows.map(convert)]));

export function toActor(row: Props): Actor {
  return {
    ...(row.nested ? { nested: nestedLists(row.nested, toRelationship) } : {}),
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as string,
    aliases: (row.aliases as string[] | null) ?? [],
    description: text(row.description),
    version: Number(row.version ?? 1),
    origin: origin(row.origin),
  };
}

export function toRelationship(row: { props: Props; type: string; from: Props; to: Props; nested?: Props; gathered?: ClaimRow[] }): Relationship {
  const p = row.props;
  return {
    ...(row.nested ? { nested: nestedLists(row.nested, toClaim) } : {}),
    ...(row.gathered ? { gathered: row.gathered.map(toClaim) } : {}),
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
    text: text(p.text),
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
