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

/** A source with its text: fetched on its own, only when the analyst opens it to read. */
export interface Source extends SourceRef {
  author: string | null;
  text: string;
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

export interface Subgraph {
  nodes: Actor[];
  relationships: Relationship[];
}

export interface Path extends Subgraph {
  length: number;
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
