// Mentions written through the API, and an editor's judgements of them. Mentions are found with
// the loader's matcher (src/loader/mentions.ts, on the rule of src/domain/mentions.ts) over every
// actor's names, with the actors the source's claims name; the ones they add, and the pairs an editor
// judged, carry origin 'api', so the loader leaves them alone (a seed file's mention stays the loader's). A judgement, (:MentionJudgement {id: "source|actor", source, actor, rejected,
// added}), is the editor's word on one pair: `rejected` (the reason) keeps the pair's mention away
// whatever a match, a reload or a rename finds; `added` (texts as printed) marks the actor where
// no name of it matches. The loader reads the rejections too (src/loader/write.ts).
import { occurrences } from '../domain/mentions.ts';
import { entryLimits } from '../domain/limits.ts';
import { loneSurrogate, loneSurrogateMessage } from '../domain/fileSchema.ts';
import { actorIndex, mentionProps, spansByActor } from '../loader/mentions.ts';
import type { ActorRecord } from '../domain/records.ts';
import { InputError, NotFoundError } from '../errors.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { lockedActors } from './lookup.ts';
import { lockOne } from './records.ts';

type Span = { start: number; end: number };

/** Every actor's names, as the matcher takes them; with `near`, only the actors of the claims and mentions of those sources, and those given. */
async function actorsToMatch(tx: Transaction, near?: { sources: string[]; actors: string[] }): Promise<ActorRecord[]> {
  const rows = await tx.run<{ id: string; kind: string; name: string; aliases: string[] | null }>(
    near
      ? `CALL () {
           UNWIND $actors AS id MATCH (a:Actor {id: id}) RETURN a
           UNION UNWIND $sources AS id MATCH (:Source {id: id})-[:MENTIONS]->(a:Actor) RETURN a
           UNION UNWIND $sources AS id MATCH (j:MentionJudgement {source: id}) MATCH (a:Actor {id: j.actor}) RETURN a
         }
         RETURN a.id AS id, a.kind AS kind, a.name AS name, a.aliases AS aliases`
      : 'MATCH (a:Actor) RETURN a.id AS id, a.kind AS kind, a.name AS name, a.aliases AS aliases',
    near ?? {},
  );
  return rows.map((row) => ({ id: row.id, kind: row.kind, props: { name: row.name, aliases: row.aliases ?? [] } }));
}

/** What the matcher needs of each source: its text, the actors its claims name, and the judgements on it. */
interface SourceContext {
  id: string;
  text: string;
  linked: string[];
  rejected: string[];
  added: { actor: string; texts: string[] }[];
}

async function sourceContexts(tx: Transaction, ids: string[]): Promise<SourceContext[]> {
  return tx.run<SourceContext>(
    `UNWIND $ids AS id MATCH (s:Source {id: id})
     RETURN s.id AS id, s.text AS text,
       COLLECT { MATCH (s)<-[:IN_SOURCE]-(c)-[:SUBJECT|OBJECT|CLAIMED_BY|DISPUTED_BY|ABOUT|IN_PLACE]->(a:Actor) RETURN DISTINCT a.id } AS linked,
       COLLECT { MATCH (j:MentionJudgement {source: s.id}) WHERE j.rejected IS NOT NULL RETURN j.actor } AS rejected,
       COLLECT { MATCH (j:MentionJudgement {source: s.id}) WHERE size(coalesce(j.added, [])) > 0 RETURN {actor: j.actor, texts: j.added} } AS added`,
    { ids: [...new Set(ids)] },
  );
}

/** The spans of each actor in one source: the matcher's, less the rejected actors, with the added texts' occurrences. */
function spansInSource(source: SourceContext, actors: ActorRecord[]): Map<string, Span[]> {
  const spans = spansByActor(source.text, actorIndex(actors), new Set(source.linked));
  for (const { actor, texts } of source.added) {
    const all = [...(spans.get(actor) ?? []), ...texts.flatMap((text) => occurrences(source.text, text))];
    spans.set(actor, [...new Map(all.map((s) => [`${s.start}:${s.end}`, s])).values()]);
  }
  for (const actor of source.rejected) spans.delete(actor);
  return spans;
}

/**
 * Finds the mentions in these sources again and writes them, for the actors `only` names (every
 * actor when absent): their mentions there are replaced (a copy a merge made stays, as the merge's).
 * `actors` are the names to match (every actor's when absent).
 */
export async function matchSources(tx: Transaction, sourceIds: string[], only?: ReadonlySet<string>, actors?: ActorRecord[]): Promise<number> {
  if (sourceIds.length === 0) return 0;
  actors ??= await actorsToMatch(tx);
  const rows: { source: string; actor: string; props: object; added: string[] | null }[] = [];
  for (const source of await sourceContexts(tx, sourceIds)) {
    const added = new Map(source.added.map((a) => [a.actor, a.texts]));
    for (const [actor, spans] of spansInSource(source, actors)) {
      if (only && !only.has(actor)) continue;
      rows.push({ source: source.id, actor, props: mentionProps(source.text, spans), added: added.get(actor) ?? null });
    }
  }
  const was = await tx.run<{ id: string; origin: string | null; hash: string | null }>(
    `UNWIND $sources AS id MATCH (s:Source {id: id})-[m:MENTIONS]->(a:Actor)
     WHERE m.viaMerge IS NULL AND ($only IS NULL OR a.id IN $only)
     WITH s, a, m, m.origin AS origin, m.hash AS hash DELETE m RETURN s.id + '|' + a.id AS id, origin, hash`,
    { sources: sourceIds, only: only ? [...only] : null },
  );
  const before = new Map(was.map((row) => [row.id, row]));
  await tx.run(
    `UNWIND $rows AS row MATCH (s:Source {id: row.source}) MATCH (a:Actor {id: row.actor})
     MERGE (s)-[m:MENTIONS]->(a) SET m = row.props, m.origin = row.origin, m.hash = row.hash, m.added = row.added`,
    { rows: rows.map((row) => ({ ...row, ...keptOrigin(before.get(`${row.source}|${row.actor}`), row.added) })) },
  );
  return new Set(rows.map((row) => row.actor)).size;
}

/**
 * The origin a rewritten mention keeps: a seed file's mention stays the loader's (with its hash,
 * so that a later fix of the file reaches it) unless an editor added texts to the pair; a new
 * mention, or a judged one, is the API's.
 */
function keptOrigin(was: { origin: string | null; hash: string | null } | undefined, added: string[] | null): { origin: string | null; hash: string | null } {
  if (!was || added || was.origin === 'api') return { origin: 'api', hash: null };
  return { origin: was.origin, hash: was.hash };
}

/** Finds and writes the mentions of known actors in a new source; answers how many actors it mentions. */
export function mentionsInSource(tx: Transaction, sourceId: string): Promise<number> {
  return matchSources(tx, [sourceId]);
}

/**
 * After a claim on a source: its actors are matched there again, in any case and by their partial
 * names (src/domain/mentions.ts). The names matched are those of the actors the source mentions or
 * an editor judged there, and the claim's: a longer name of any other actor is not in its text (it
 * would be mentioned), so it cannot take a place from them, and a write stays quick at any size.
 */
export async function mentionsOfClaim(tx: Transaction, sourceId: string, actorIds: readonly string[]): Promise<void> {
  const actors = await actorsToMatch(tx, { sources: [sourceId], actors: [...new Set(actorIds)] });
  await matchSources(tx, [sourceId], new Set(actorIds), actors);
}

/**
 * Finds again where the sources mention an actor whose names are new or changed: the sources
 * whose text holds one of its names in any case, or an editor's added text, are matched anew
 * (a rejected pair stays rejected), and its mentions elsewhere go.
 */
export async function mentionsOfActor(tx: Transaction, actorId: string, names: string[]): Promise<void> {
  const sources = await tx.run<{ id: string }>(
    `MATCH (s:Source) WHERE any(name IN $names WHERE toLower(s.text) CONTAINS toLower(name))
        OR EXISTS { (s)-[m:MENTIONS]->(:Actor {id: $id}) WHERE m.viaMerge IS NULL }
        OR EXISTS { MATCH (j:MentionJudgement {source: s.id, actor: $id}) WHERE size(coalesce(j.added, [])) > 0 }
     RETURN s.id AS id`,
    { id: actorId, names },
  );
  await matchSources(tx, sources.map((s) => s.id), new Set([actorId]));
}

/** A reason an editor gives: trimmed, not blank, storable. */
function checkedReason(reason: string): string {
  const why = reason.trim();
  if (why === '') throw new InputError('reason', 'must not be empty: say why the source does not mention the actor');
  if (loneSurrogate.test(why)) throw new InputError('reason', loneSurrogateMessage);
  return why;
}

/** A text as printed in the source: kept as sent (it is sought verbatim), not blank, within the name limit, storable. */
function checkedPrinted(text: string): string {
  if (text.trim() === '') throw new InputError('text', 'must not be empty: give the words of the source that name the actor');
  if (loneSurrogate.test(text)) throw new InputError('text', loneSurrogateMessage);
  if (text.length > entryLimits.maxNameLength) throw new InputError('text', `is ${text.length} characters long; at most ${entryLimits.maxNameLength}`);
  return text;
}

/** Locks the source and the actor (a merged id resolves to the actor kept); answers the actor's id and the pair's mention now. */
async function lockPair(tx: Transaction, sourceId: string, actorId: string) {
  await lockOne(tx, 'Source', 'source', sourceId);
  const actor = (await lockedActors(tx, [actorId])).get(actorId);
  if (actor === undefined) throw new NotFoundError('actor', actorId, 'actor');
  const [row] = await tx.run<{ count: number | null; origin: string | null; text: string; rejected: string | null; added: string[] | null }>(
    `MATCH (s:Source {id: $source}) OPTIONAL MATCH (s)-[m:MENTIONS]->(:Actor {id: $actor})
     OPTIONAL MATCH (j:MentionJudgement {source: $source, actor: $actor})
     RETURN max(m.count) AS count, max(CASE WHEN m IS NULL THEN null ELSE coalesce(m.origin, 'seed') END) AS origin, s.text AS text, j.rejected AS rejected, j.added AS added`,
    { source: sourceId, actor },
  );
  return { actor, ...row! };
}

async function judge(tx: Transaction, sourceId: string, actorId: string, rejected: string | null, added: string[]): Promise<void> {
  await tx.run(
    `MERGE (j:MentionJudgement {id: $id}) SET j.source = $source, j.actor = $actor, j.rejected = $rejected, j.added = $added, j.origin = 'api'`,
    { id: `${sourceId}|${actorId}`, source: sourceId, actor: actorId, rejected, added },
  );
}

/** The mention of `actor` in `source` goes, and the rejection is remembered (reloads and renames leave it out). */
export async function rejectMention(db: Database, by: string, sourceId: string, actorId: string, reason: string): Promise<string> {
  const author = authorNow(by);
  const why = checkedReason(reason);
  return db.transaction(async (tx) => {
    const pair = await lockPair(tx, sourceId, actorId);
    if (pair.count === null) throw new InputError('actor', `the source does not mention this actor (nothing to reject)`);
    await judge(tx, sourceId, pair.actor, why, []);
    await tx.run('MATCH (:Source {id: $source})-[m:MENTIONS]->(:Actor {id: $actor}) DELETE m', { source: sourceId, actor: pair.actor });
    await recordChanges(tx, author, [
      { action: 'REJECT_MENTION', target: sourceId, before: { actor: pair.actor, count: pair.count, origin: pair.origin, added: pair.added }, after: { actor: pair.actor, rejected: why } },
    ]);
    return sourceId;
  });
}

/** An editor marks `text`, as printed in the source, as naming `actor`: kept across reloads and renames. */
export async function addMention(db: Database, by: string, sourceId: string, actorId: string, text: string): Promise<string> {
  const author = authorNow(by);
  const printed = checkedPrinted(text);
  return db.transaction(async (tx) => {
    const pair = await lockPair(tx, sourceId, actorId);
    if (occurrences(pair.text, printed).length === 0) throw new InputError('text', `"${printed}" is not in the source as printed (whole words, same case)`);
    const added = [...new Set([...(pair.added ?? []), printed])];
    await judge(tx, sourceId, pair.actor, null, added);
    await matchSources(tx, [sourceId], new Set([pair.actor]));
    await recordChanges(tx, author, [
      { action: 'ADD_MENTION', target: sourceId, before: { actor: pair.actor, count: pair.count, rejected: pair.rejected, added: pair.added }, after: { actor: pair.actor, added } },
    ]);
    return sourceId;
  });
}

/** An editor's word on one pair, as a merge moves it. */
interface Judgement {
  rejected: string | null;
  added: string[];
}

/** A judgement a merge moved: the merged actor's, and the kept actor's on that source before and after. */
export interface MovedJudgement {
  source: string;
  merged: Judgement;
  keptBefore: Judgement | null;
  keptAfter: Judgement;
}

const sameJudgement = (a: Judgement | undefined, b: Judgement) => !!a && a.rejected === b.rejected && JSON.stringify(a.added) === JSON.stringify(b.added);

/** The judgements of `actor`, by source. */
async function judgementsOf(tx: Transaction, actor: string): Promise<Map<string, Judgement>> {
  const rows = await tx.run<{ source: string; rejected: string | null; added: string[] | null }>(
    'MATCH (j:MentionJudgement {actor: $actor}) RETURN j.source AS source, j.rejected AS rejected, j.added AS added',
    { actor },
  );
  return new Map(rows.map((row) => [row.source, { rejected: row.rejected, added: row.added ?? [] }]));
}

async function setJudgement(tx: Transaction, source: string, actor: string, judgement: Judgement | null): Promise<void> {
  if (judgement) await judge(tx, source, actor, judgement.rejected, judgement.added);
  else await tx.run('MATCH (j:MentionJudgement {id: $id}) DELETE j', { id: `${source}|${actor}` });
}

/**
 * A merge moves the merged actor's judgements to the actor kept, so that a rejected mention never
 * returns under the kept actor's names and added texts stay marked. Where the kept actor was judged
 * on the source already, its judgement stands, with the merged actor's added texts joined to its own
 * unless it rejects the pair. Answers what moved, for unmergeActors.
 */
export async function moveJudgements(tx: Transaction, merged: string, kept: string): Promise<MovedJudgement[]> {
  const keptNow = await judgementsOf(tx, kept);
  const moved: MovedJudgement[] = [];
  for (const [source, judgement] of await judgementsOf(tx, merged)) {
    const before = keptNow.get(source) ?? null;
    const after = !before ? judgement : before.rejected !== null ? before : { rejected: null, added: [...new Set([...before.added, ...judgement.added])] };
    await setJudgement(tx, source, kept, after);
    await setJudgement(tx, source, merged, null);
    moved.push({ source, merged: judgement, keptBefore: before, keptAfter: after });
  }
  return moved;
}

/** Undoes moveJudgements: the merged actor's judgements come back; the kept actor's are restored unless an editor changed them since. */
export async function restoreJudgements(tx: Transaction, moved: readonly MovedJudgement[], merged: string, kept: string): Promise<void> {
  const keptNow = await judgementsOf(tx, kept);
  for (const move of moved) {
    await setJudgement(tx, move.source, merged, move.merged);
    if (sameJudgement(keptNow.get(move.source), move.keptAfter)) await setJudgement(tx, move.source, kept, move.keptBefore);
  }
}
