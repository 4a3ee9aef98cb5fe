// Mentions written through the API, found with the loader's matcher (src/loader/mentions.ts,
// on the rule of src/domain/mentions.ts) over every actor's names, so that "Islamic Movement of
// Uzbekistan" stays one mention of the IMU and not also one of Uzbekistan. They carry origin
// 'api': the loader leaves them alone.
import { findMentions } from '../loader/mentions.ts';
import type { ActorRecord, MentionRecord } from '../domain/records.ts';
import type { Transaction } from '../neo4j/database.ts';

/** Every actor's names, as the matcher takes them. */
async function allActors(tx: Transaction): Promise<ActorRecord[]> {
  const rows = await tx.run<{ id: string; kind: string; name: string; aliases: string[] | null }>(
    'MATCH (a:Actor) RETURN a.id AS id, a.kind AS kind, a.name AS name, a.aliases AS aliases',
  );
  return rows.map((row) => ({ id: row.id, kind: row.kind, props: { name: row.name, aliases: row.aliases ?? [] } }));
}

async function writeMentions(tx: Transaction, mentions: MentionRecord[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row MATCH (s:Source {id: row.source}) MATCH (a:Actor {id: row.actor})
     MERGE (s)-[m:MENTIONS]->(a) SET m = row.props, m.origin = 'api'`,
    { rows: mentions },
  );
}

/** Finds and writes the mentions of known actors in a new source. */
export async function mentionsInSource(tx: Transaction, sourceId: string, text: string): Promise<number> {
  const mentions = findMentions(await allActors(tx), new Map([[sourceId, text]]));
  await writeMentions(tx, mentions);
  return mentions.length;
}

/**
 * Finds again where the sources mention an actor whose names are new or changed: its old
 * mentions go, and the sources whose text contains one of its names are matched anew.
 */
export async function mentionsOfActor(tx: Transaction, actorId: string, names: string[]): Promise<void> {
  await tx.run('MATCH (:Source)-[m:MENTIONS]->(:Actor {id: $id}) WHERE m.viaMerge IS NULL DELETE m', { id: actorId });
  const sources = await tx.run<{ id: string; text: string }>(
    'MATCH (s:Source) WHERE any(name IN $names WHERE s.text CONTAINS name) RETURN s.id AS id, s.text AS text',
    { names },
  );
  if (sources.length === 0) return;
  const mentions = findMentions(await allActors(tx), new Map(sources.map((s) => [s.id, s.text])));
  await writeMentions(tx, mentions.filter((m) => m.actor === actorId));
}
