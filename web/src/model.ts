// The shapes the web app reads from the GraphQL API (schema/schema.graphql): the fields its
// queries select, no more. Kinds, types, statuses and stances are strings because the
// vocabulary, not this file, says which exist.

export interface ActorRef {
  id: string;
  name: string;
}

export interface Actor extends ActorRef {
  kind: string;
  aliases: string[];
  description: string | null;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
}

/** A source as the Sources list shows it; `origin` says whether the seed files or the API added it. */
export interface SourceSummary extends SourceRef {
  author: string | null;
  origin: string;
}

/** A claim as the reading view underlines it: what it says, and where its quotes stand in the text. */
export interface SourceClaim {
  id: string;
  type: string;
  stance: string;
  subject: ActorRef;
  object: ActorRef;
  evidence: Evidence[];
}

/** An actor a source mentions, with every name it goes by (found again in the text by the reading view). */
export interface MentionedActor extends ActorRef {
  aliases: string[];
}

/** A source with its text: fetched on its own, only when the analyst opens it to read. */
export interface ReadableSource extends SourceSummary {
  url: string | null;
  text: string;
  mentions: { actor: MentionedActor }[];
  claims: SourceClaim[];
}

/** A verbatim quote of a claim's source: `text.slice(start, end)` (UTF-16 offsets) is the quote as printed. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

/** Another claim as a contradiction names it: what it says and where. */
export interface ClaimRef {
  id: string;
  type: string;
  stance: string;
  subject: ActorRef;
  object: ActorRef;
  source: SourceRef;
  relationship: { id: string };
}

/** One source's assertion of a relationship, with its stance, who claims and disputes it, and its quotes. */
export interface Claim {
  id: string;
  stance: string;
  /** The publication date of its source. */
  observedAt: string | null;
  since: string | null;
  until: string | null;
  dateText: string | null;
  note: string | null;
  claimedBy: ActorRef[];
  disputedBy: ActorRef[];
  source: SourceRef;
  evidence: Evidence[];
  contradicts: ClaimRef[];
}

/** A relationship as derived from its claims; `claims` holds the latest observed, `claimCount` says how many exist. */
export interface Relationship {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  role: string | null;
  since: string | null;
  until: string | null;
  status: string;
  firstObserved: string | null;
  lastObserved: string | null;
  claimCount: number;
  claims: Claim[];
}

/** A relationship loaded on its own (a claim's): with its two actors, and whether every claim of it is retracted. */
export interface RelationshipWithEnds extends Relationship {
  from: Actor;
  to: Actor;
  retracted: boolean;
}

export interface Subgraph {
  nodes: Actor[];
  relationships: Relationship[];
}

export interface Path extends Subgraph {
  length: number;
}

/** One write, as the API's change log keeps it; before and after are JSON objects as text. */
export interface Change {
  at: string;
  by: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
}

/** The holder of the bearer token. */
export interface Viewer {
  name: string;
  /** reader, editor or admin. */
  role: string;
}

export interface Term {
  name: string;
  definition: string;
}

export interface Vocabulary {
  actorKinds: Term[];
  relationshipTypes: Term[];
  claimStatuses: Term[];
  stances: Term[];
}

/** The vocabulary lists kinds as "Group"; the API's ActorKind enum says GROUP. */
export function kindKey(name: string): string {
  return name.toUpperCase();
}
