// The writes curation mode makes (schema/schema.graphql's Mutation), and the review queue's judgements: each sends the session's
// token, and an ApiError's problems name the input fields the API refused (formFields.ts shows
// them beside those fields).
import { graphql } from './api.ts';
import type {
  AddActorMutation,
  AddActorMutationVariables,
  AddClaimMutation,
  AddClaimMutationVariables,
  AddFigureMutation,
  AddFigureMutationVariables,
  AddSourceMutation,
  DeleteActorMutation,
  DeleteActorMutationVariables,
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
import type { ActorPatch, AddActorInput, AddClaimInput, AddFigureInput, AddSourceInput } from './generated/operations.ts';
import type { Actor, EditableActor, Judgement, MatchPair, SourceSummary, WrittenClaim } from './model.ts';
import { addActorMutation, addClaimMutation, addFigureMutation, addSourceMutation, judgeMatchMutation, retractClaimMutation, undoJudgementMutation, updateActorMutation, deleteActorMutation } from './queries.ts';

export type { ActorPatch, AddActorInput, AddClaimInput, AddFigureInput, AddSourceInput, NewActorInput } from './generated/operations.ts';
/** A figure as addFigure answers it. */
export type WrittenFigure = AddFigureMutation['addFigure'];

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

/** Changes an actor; a stale expectedVersion is an ApiError with code CONFLICT, and changes nothing. */
export async function updateActor(id: string, expectedVersion: number, patch: ActorPatch): Promise<EditableActor> {
  const data = await graphql<UpdateActorMutation>(updateActorMutation, { id, expectedVersion, patch } satisfies UpdateActorMutationVariables);
  return data.updateActor;
}

/** Deletes an actor nothing uses; else an ApiError saying what uses it. Answers the deleted id. */
export async function deleteActor(id: string, expectedVersion: number): Promise<string> {
  const data = await graphql<DeleteActorMutation>(deleteActorMutation, { id, expectedVersion } satisfies DeleteActorMutationVariables);
  return data.deleteActor;
}

/** Adds a claim, and the new actors it names (created in its transaction: a refused claim leaves none). */
export async function addClaim(input: AddClaimInput): Promise<WrittenClaim> {
  const data = await graphql<AddClaimMutation>(addClaimMutation, { input } satisfies AddClaimMutationVariables);
  return data.addClaim;
}

export async function addFigure(input: AddFigureInput): Promise<WrittenFigure> {
  const data = await graphql<AddFigureMutation>(addFigureMutation, { input } satisfies AddFigureMutationVariables);
  return data.addFigure;
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
