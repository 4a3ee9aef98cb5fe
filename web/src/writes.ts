// The writes curation mode makes (schema/schema.graphql's Mutation): each sends the session's
// token, and an ApiError's problems name the input fields the API refused (formFields.ts shows
// them beside those fields).
import { actorFields, graphql, relationshipWithEndsFields } from './api.ts';
import type { Actor, RelationshipWithEnds, SourceSummary } from './model.ts';

export interface AddSourceInput {
  title: string;
  publisher?: string | null;
  author?: string | null;
  /** A partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string;
  url?: string | null;
  text: string;
}

export interface AddActorInput {
  name: string;
  /** The ActorKind enum value: GROUP, PERSON, ... */
  kind: string;
  aliases?: string[];
  description?: string | null;
}

export interface AddClaimInput {
  subject: string;
  type: string;
  object: string;
  role?: string | null;
  stance: string;
  claimedBy?: string[];
  disputedBy?: string[];
  since?: string | null;
  until?: string | null;
  dateText?: string | null;
  note?: string | null;
  source: string;
  quotes: string[];
}

/** A written claim: its id and source, and its relationship as the graph draws it. */
export interface WrittenClaim {
  id: string;
  source: { id: string };
  relationship: RelationshipWithEnds;
}

const writtenClaimFields = `id source { id } relationship { ${relationshipWithEndsFields} }`;

/** Stores a source; a text already stored answers that source instead. */
export async function addSource(input: AddSourceInput): Promise<SourceSummary> {
  const data = await graphql<{ addSource: SourceSummary }>(
    `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id title publisher published author origin } }`,
    { input },
  );
  return data.addSource;
}

export async function addActor(input: AddActorInput): Promise<Actor> {
  const data = await graphql<{ addActor: Actor }>(`mutation AddActor($input: AddActorInput!) { addActor(input: $input) { ${actorFields} } }`, { input });
  return data.addActor;
}

export async function addClaim(input: AddClaimInput): Promise<WrittenClaim> {
  const data = await graphql<{ addClaim: WrittenClaim }>(`mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { ${writtenClaimFields} } }`, { input });
  return data.addClaim;
}

/** Retracts a claim; its relationship comes back retracted when no live claim is left. */
export async function retractClaim(id: string, reason: string): Promise<WrittenClaim> {
  const data = await graphql<{ retractClaim: WrittenClaim }>(
    `mutation RetractClaim($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { ${writtenClaimFields} } }`,
    { id, reason },
  );
  return data.retractClaim;
}
