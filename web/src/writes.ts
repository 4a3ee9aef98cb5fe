// The writes curation mode makes (schema/schema.graphql's Mutation): each sends the session's
// token, and an ApiError's problems name the input fields the API refused (formFields.ts shows
// them beside those fields).
import { actorFields, graphql, relationshipWithEndsFields } from './api.ts';
import type { AddActorInput, AddClaimInput, AddSourceInput } from './generated/inputs.ts';
import type { Actor, RelationshipWithEnds, SourceSummary } from './model.ts';

export type { AddActorInput, AddClaimInput, AddSourceInput } from './generated/inputs.ts';

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
