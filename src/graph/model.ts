// The domain objects graph queries return, and the Cypher projections that produce them.
// Nothing here knows about GraphQL.

export interface Actor {
  id: string;
  name: string;
  /** A kind of schema/vocabulary.yaml: Group, Person, State, Organization or Place. */
  kind: string;
  aliases: string[];
  description: string | null;
}

export interface Evidence {
  sourceId: string;
  quote: string;
}

export interface Relationship {
  id: string;
  type: string;
  from: Actor;
  to: Actor;
  role: string | null;
  since: string | null;
  until: string | null;
  sinceStart: string | null;
  dateText: string | null;
  status: string;
  claimedBy: string[];
  disputedBy: string[];
  evidence: Evidence[];
  conflictsWith: string[];
  note: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  dateNote: string | null;
  text: string;
}

export interface Mention {
  sourceId: string;
  actorId: string;
  count: number;
  sentences: string[];
}

export interface Figure {
  id: string;
  measure: string;
  value: number | null;
  qualifier: string | null;
  unit: string;
  date: string | null;
  aboutId: string;
  placeId: string | null;
  status: string;
  claimedBy: string[];
  disputedBy: string[];
  evidence: Evidence[];
  note: string | null;
}

const actorFields = ['id', 'name', 'kind', 'aliases', 'description'];

/** Cypher map of an actor node, from a variable or an expression such as startNode(r). */
export const actorProjection = (node: string) =>
  `CASE WHEN ${node} IS NULL THEN null ELSE {${actorFields.map((field) => `${field}: ${node}.${field}`).join(', ')}} END`;

/** Cypher map projection of a relationship with both ends, whatever direction it was matched in. */
export const relationshipProjection = (r: string) =>
  `{props: properties(${r}), type: type(${r}), from: ${actorProjection(`startNode(${r})`)}, to: ${actorProjection(`endNode(${r})`)}}`;

type Props = Record<string, unknown>;

function evidenceOf(props: Props): Evidence[] {
  const sources = (props.evidenceSources as string[] | null) ?? [];
  const quotes = (props.evidenceQuotes as string[] | null) ?? [];
  return sources.map((sourceId, i) => ({ sourceId, quote: quotes[i] ?? '' }));
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export function toActor(row: Props): Actor {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as string,
    aliases: (row.aliases as string[] | null) ?? [],
    description: text(row.description),
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
    dateText: text(p.dateText),
    status: p.status as string,
    claimedBy: (p.claimedBy as string[] | null) ?? [],
    disputedBy: (p.disputedBy as string[] | null) ?? [],
    evidence: evidenceOf(p),
    conflictsWith: (p.conflictsWith as string[] | null) ?? [],
    note: text(p.note),
  };
}

export function toSource(p: Props): Source {
  return {
    id: p.id as string,
    title: p.title as string,
    publisher: text(p.publisher),
    author: text(p.author),
    published: text(p.published),
    dateNote: text(p.dateNote),
    text: p.text as string,
  };
}

export function toFigure(row: { props: Props; about: string; place: string | null }): Figure {
  const p = row.props;
  return {
    id: p.id as string,
    measure: p.measure as string,
    value: typeof p.value === 'number' ? p.value : null,
    qualifier: text(p.qualifier),
    unit: p.unit as string,
    date: text(p.date),
    aboutId: row.about,
    placeId: row.place,
    status: p.status as string,
    claimedBy: (p.claimedBy as string[] | null) ?? [],
    disputedBy: (p.disputedBy as string[] | null) ?? [],
    evidence: evidenceOf(p),
    note: text(p.note),
  };
}
