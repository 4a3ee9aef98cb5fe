// An editor's judgements of where a source names an actor (schema/schema.graphql's rejectMention
// and addMention): a wrong mention rejected with a reason, a missed one marked by the text as
// printed. Both are remembered by the API across reloads; onWrite (api.ts) tells the app.
import { graphql } from './api.ts';

const rejectMentionMutation = `mutation RejectMention($source: ID!, $actor: ID!, $reason: String!) { rejectMention(source: $source, actor: $actor, reason: $reason) { id } }`;
const addMentionMutation = `mutation AddMention($source: ID!, $actor: ID!, $text: String!) { addMention(source: $source, actor: $actor, text: $text) { id } }`;

/** The source does not name `actor` (its name stands for something else there); `reason` says why. */
export async function rejectMention(source: string, actor: string, reason: string): Promise<void> {
  await graphql<{ rejectMention: { id: string } }>(rejectMentionMutation, { source, actor, reason });
}

/** `text`, as printed in the source, names `actor`. */
export async function addMention(source: string, actor: string, text: string): Promise<void> {
  await graphql<{ addMention: { id: string } }>(addMentionMutation, { source, actor, text });
}
