// Sources and mentions.
import type { Database } from '../neo4j/database.ts';
import { toSource, type Mention, type Source } from './model.ts';

const sourceFields = 's {.id, .title, .publisher, .author, .published, .dateNote, .text}';

export async function listSources(db: Database): Promise<Source[]> {
  const rows = await db.read<{ source: Record<string, unknown> }>(`MATCH (s:Source) RETURN ${sourceFields} AS source ORDER BY s.published, s.id`);
  return rows.map((row) => toSource(row.source));
}

/** Sources with these ids, in the same order; null where an id names none. */
export async function getSourcesByIds(db: Database, ids: readonly string[]): Promise<(Source | null)[]> {
  const rows = await db.read<{ source: Record<string, unknown> }>(`UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN ${sourceFields} AS source`, {
    ids: [...new Set(ids)],
  });
  const byId = new Map(rows.map((row) => [row.source.id as string, toSource(row.source)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Mentions of the given actors (by = 'actor') or in the given sources (by = 'source'). */
export async function mentionsOf(db: Database, by: 'actor' | 'source', ids: readonly string[]): Promise<Mention[]> {
  const match = by === 'actor' ? 'MATCH (s:Source)-[m:MENTIONS]->(a:Actor) WHERE a.id IN $ids' : 'MATCH (s:Source)-[m:MENTIONS]->(a:Actor) WHERE s.id IN $ids';
  return db.read<Mention>(
    `${match} RETURN s.id AS sourceId, a.id AS actorId, m.count AS count, m.sentences AS sentences ORDER BY m.count DESC, s.id, a.id`,
    { ids: [...new Set(ids)] },
  );
}
