// Deleting an actor that nothing uses (an actor made for a claim that was never written): refused,
// naming what uses it, while any claim, figure, registry entry, identifier, merge, match pair,
// editor-added mention or editor's mention judgement does. The change log keeps the whole actor, so nothing is lost.
import { InputError } from '../errors.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { lockOne } from './records.ts';

/** How a use reads in words, by the edge's type and whether it points at the actor. */
const useWords: Record<string, string> = {
  'in SUBJECT': 'claim(s) with it as subject',
  'in OBJECT': 'claim(s) with it as object',
  'in CLAIMED_BY': 'claim(s) or figure(s) it claims',
  'in DISPUTED_BY': 'claim(s) or figure(s) it disputes',
  'in ABOUT': 'figure(s) about it',
  'in IN_PLACE': 'figure(s) placed in it',
  'in MERGED_INTO': 'actor(s) merged into it',
  'in MENTIONS': 'mention(s) an editor added',
};

/** A MENTIONS edge the matcher found (not one an editor added): it goes with the actor. */
const foundMention = `type(r) = 'MENTIONS' AND r.by IS NULL AND coalesce(r.origin, '') <> 'editor' AND size(coalesce(r.added, [])) = 0`;

/** What uses the actor, in words with counts: its edges (but the mentions found automatically) and the match pairs naming it. */
async function usesOf(tx: Transaction, id: string): Promise<string[]> {
  const rows = await tx.run<{ use: string; n: number }>(
    `MATCH (a:Actor {id: $id})-[r]-(other) WHERE NOT (${foundMention})
     RETURN CASE WHEN startNode(r) = a THEN 'out ' ELSE 'in ' END + type(r) AS use, count(*) AS n
     UNION ALL
     MATCH (p:MatchPair) WHERE p.record = $id OR p.candidate = $id RETURN 'pair' AS use, count(*) AS n
     UNION ALL
     MATCH (j:MentionJudgement {actor: $id}) RETURN 'judgement' AS use, count(*) AS n`,
    { id },
  );
  return rows.filter((row) => Number(row.n) > 0).map((row) => `${row.n} ${useWords[row.use] ?? (row.use === 'pair' ? 'registry match pair(s)' : row.use === 'judgement' ? "editor's mention judgement(s) (rejected or added)" : `${row.use.replace(/^(in|out) /, '').toLowerCase().replace(/_/g, ' ')} link(s)`)}`);
}

/** Deletes actor `id` at `expectedVersion` when nothing uses it; answers its id. */
export async function deleteActor(db: Database, by: string, id: string, expectedVersion: number): Promise<string> {
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    await lockOne(tx, 'Actor', 'id', id, expectedVersion);
    const [actor] = await tx.run<{ props: Record<string, unknown>; labels: string[] }>('MATCH (a:Actor {id: $id}) RETURN properties(a) AS props, labels(a) AS labels', { id });
    const { lockedAt: _, ...props } = actor!.props;
    if (props.origin !== 'api') {
      throw new InputError('id', `came from ${props.origin === 'registry' ? 'a registry snapshot' : 'the seed files'}, which would bring it back: only an actor added through the API can be deleted`);
    }
    const uses = await usesOf(tx, id);
    if (uses.length > 0) throw new InputError('id', `is used by ${uses.join(', ')}: nothing was deleted. An actor can be deleted only when nothing uses it`);
    await tx.run('MATCH (a:Actor {id: $id}) DETACH DELETE a', { id });
    await recordChanges(tx, author, [{ action: 'DELETE_ACTOR', target: id, before: { ...props, labels: actor!.labels }, after: null }]);
    return id;
  });
}
