// The shapes the web app reads from the GraphQL API (schema/schema.graphql): the fields its
// queries select, no more. Kinds, types and statuses are strings because the vocabulary,
// not this file, says which exist.

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

export interface Evidence {
  quote: string;
  source: SourceRef;
}

export interface Relationship {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  role: string | null;
  since: string | null;
  until: string | null;
  dateText: string | null;
  status: string;
  claimedBy: ActorRef[];
  disputedBy: ActorRef[];
  note: string | null;
  evidence: Evidence[];
  conflictsWith: { id: string }[];
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
}

/** The vocabulary lists kinds as "Group"; the API's ActorKind enum says GROUP. */
export function kindKey(name: string): string {
  return name.toUpperCase();
}
