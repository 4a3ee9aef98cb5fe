// The writes curation mode makes (schema/schema.graphql's Mutation): each sends the session's
// token, and an ApiError's problems name the input fields the API refused (formFields.ts shows
// them beside those fields).
import { graphql } from './api.ts';
import type {
  AddActorMutation,
  AddActorMutationVariables,
  AddClaimMutation,
  AddClaimMutationVariables,
  AddSourceMutation,
  AddSourceMutationVariables,
  RetractClaimMutation,
  RetractClaimMutationVariables,
} from './generated/operations.ts';
import type { AddActorInput, AddClaimInput, AddSourceInput } from './generated/operations.ts';
import type { Actor, SourceSummary, WrittenClaim } from './model.ts';
import { addActorMutation, addClaimMutation, addSourceMutation, retractClaimMutation } from './queries.ts';

export type { AddActorInput, AddClaimInput, AddSourceInput } from './generated/operations.ts';
export type { WrittenClaim } from './model.ts';

/** Stores a source; a text already stored answers that source instead. */
export async function addSource(input: AddSourceInput): Promise<SourceSummary> {
  const data = await graphql<AddSourceMutation>(addSourceMutation, { input } satisfies AddSourceMutationVariables);
  return data.addSource;
}

export async function addActor(input: AddActorInput): Promise<Actor> {
  const data = await graphql<AddActorMutation>(addActorMutation, { input } satisfies AddActorMutationVariables);
  return data.addActor;
}

export async function addClaim(input: AddClaimInput): Promise<WrittenClaim> {
  const data = await graphql<AddClaimMutation>(addClaimMutation, { input } satisfies AddClaimMutationVariables);
  return data.addClaim;
}

/** Retracts a claim; its relationship comes back retracted when no live claim is left. */
export async function retractClaim(id: string, reason: string): Promise<WrittenClaim> {
  const data = await graphql<RetractClaimMutation>(retractClaimMutation, { id, reason } satisfies RetractClaimMutationVariables);
  return data.retractClaim;
}
