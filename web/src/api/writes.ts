// The writes curation mode makes (schema/schema.graphql's Mutation), and the review queue's judgements: each sends the session's
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
  JudgeMatchMutation,
  JudgeMatchMutationVariables,
  RetractClaimMutation,
  RetractClaimMutationVariables,
  UndoJudgementMutation,
  UndoJudgementMutationVariables,
  UpdateActorMutation,
  UpdateActorMutationVariables,
} from './generated/operations.ts';
import type { ActorKind, ActorPatch, AddActorInput, AddClaimInput, AddSourceInput } from './generated/operations.ts';
import type { Actor, EditableActor, Judgement, MatchPair, SourceSummary, WrittenClaim } from './model.ts';
import { addActorMutation, addClaimMutation, addSourceMutation, judgeMatchMutation, retractClaimMutation, undoJudgementMutation, updateActorMutation } from './queries.ts';

export type { ActorPatch, AddActorInput, AddClaimInput, AddSourceInput } from './generated/operations.ts';

// Until helper B's server side lands (contract.md: newActors, deleteActor, a source's via, language
// and accessed), these are written here by hand; once the SDL has them, `npm run codegen` generates
// them and the lines below give way to the generated types and a document in queries.ts.
/** An actor made with the claim that names it (`ref` "new:1" stands for it in subject, object, claimedBy, disputedBy). */
export interface NewActorInput {
  ref: string;
  name: string;
  kind: ActorKind;
  aliases?: string[] | null;
  description?: string | null;
}
export type AddClaimWithActorsInput = AddClaimInput & { newActors?: NewActorInput[] | null };
export type AddSourceWithOriginInput = AddSourceInput & { via?: string | null; language?: string | null; accessed?: string | null };
const deleteActorMutation = `mutation DeleteActor($id: ID!, $expectedVersion: Int!) { deleteActor(id: $id, expectedVersion: $expectedVersion) }`;
export type { WrittenClaim } from './model.ts';

/** Stores a source; a text already stored answers that source instead. */
export async function addSource(input: AddSourceWithOriginInput): Promise<SourceSummary> {
  const data = await graphql<AddSourceMutation>(addSourceMutation, { input } satisfies AddSourceMutationVariables);
  return data.addSource;
}

export async function addActor(input: AddActorInput): Promise<Actor> {
  const data = await graphql<AddActorMutation>(addActorMutation, { input } satisfies AddActorMutationVariables);
  return data.addActor;
}

/** Changes an actor; a stale expectedVersion is an ApiError with code CONFLICT, and changes nothing. */
export async function updateActor(id: string, expectedVersion: number, patch: ActorPatch): Promise<EditableActor> {
  const data = await graphql<UpdateActorMutation>(updateActorMutation, { id, expectedVersion, patch } satisfies UpdateActorMutationVariables);
  return data.updateActor;
}

/** Deletes an actor nothing uses; else an ApiError saying what uses it. Answers the deleted id. */
export async function deleteActor(id: string, expectedVersion: number): Promise<string> {
  const data = await graphql<{ deleteActor: string }>(deleteActorMutation, { id, expectedVersion });
  return data.deleteActor;
}

/** Adds a claim, and the new actors it names (created in its transaction: a refused claim leaves none). */
export async function addClaim(input: AddClaimWithActorsInput): Promise<WrittenClaim> {
  // newActors is B's addition (contract.md): the generated variables type learns it after codegen.
  const data = await graphql<AddClaimMutation>(addClaimMutation, { input } satisfies { input: AddClaimMutationVariables['input'] & { newActors?: NewActorInput[] | null } });
  return data.addClaim;
}

/** Retracts a claim; its relationship comes back retracted when no live claim is left. */
export async function retractClaim(id: string, reason: string): Promise<WrittenClaim> {
  const data = await graphql<RetractClaimMutation>(retractClaimMutation, { id, reason } satisfies RetractClaimMutationVariables);
  return data.retractClaim;
}

/**
 * Judges a pair of the review queue: SAME merges the record's actor into the candidate. A pair
 * another analyst has judged since it was shown is a CONFLICT, not overwritten.
 */
export async function judgeMatch(pair: string, decision: Judgement): Promise<{ id: string; decision: string }> {
  const data = await graphql<JudgeMatchMutation>(judgeMatchMutation, { pair, decision, expected: 'PENDING' } satisfies JudgeMatchMutationVariables);
  return data.judgeMatch;
}

/** Undoes a pair's judgement (a SAME is unmerged); answers the pair, pending again. */
export async function undoJudgement(pair: string): Promise<MatchPair> {
  const data = await graphql<UndoJudgementMutation>(undoJudgementMutation, { pair } satisfies UndoJudgementMutationVariables);
  return data.undoJudgement;
}
