// An editor's judgements of where a source names an actor (schema/mentions.graphql's rejectMention
// and addMention): a wrong mention rejected with a reason, a missed one marked by the text as
// printed. Both are remembered by the API across reloads; onWrite (api.ts) tells the app.
import { graphql } from './api.ts';
import type { AddMentionMutation, AddMentionMutationVariables, RejectMentionMutation, RejectMentionMutationVariables } from './generated/operations.ts';
import { addMentionMutation, rejectMentionMutation } from './queries.ts';

/** The source does not name `actor` (its name stands for something else there); `reason` says why. */
export async function rejectMention(source: string, actor: string, reason: string): Promise<void> {
  await graphql<RejectMentionMutation>(rejectMentionMutation, { source, actor, reason } satisfies RejectMentionMutationVariables);
}

/** `text`, as printed in the source, names `actor`. */
export async function addMention(source: string, actor: string, text: string): Promise<void> {
  await graphql<AddMentionMutation>(addMentionMutation, { source, actor, text } satisfies AddMentionMutationVariables);
}
