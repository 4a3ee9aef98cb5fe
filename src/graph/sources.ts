// Sources and mentions.
import { int, type Database } from '../neo4j/database.ts';
import { listSize } from './filters.ts';
import { toSource, type Mention, type Source } from './model.ts';

const sourceFields = 's {.id, .title, .publisher, .author, .published, .dateNote, .text}';

/** Sources by publication date, the first `first`. */
export async function listSources(db: Database, first?: number | null): Promise<Source[]> {
  const rows = await db.read<{ source: Record<string, unknown> }>(`MATCH (s:Source) WITH s ORDER BY s.published, s.id LIMIT $first RETURN ${sourceFields} AS source`, {
    first: int(listSize(first)),
  });
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

/** For each actor id (by 'actor') or source id (by 'source'), its first `first` mentions, most mentions first, in one query. */
export async function mentionsOf(db: Database, by: 'actor' | 'source', ids: readonly string[], first?: number | null): Promise<Map<string, Mention[]>> {
  const match = by === 'actor' ? 'MATCH (s:Source)-[m:MENTIONS]->(a:Actor {id: id})' : 'MATCH (s:Source {id: id})-[m:MENTIONS]->(a:Actor)';
  const rows = await db.read<{ id: string; mentions: Mention[] }>(
    `UNWIND $ids AS id
     CALL (id) {
       ${match}
       WITH s, m, a ORDER BY m.count DESC, s.id, a.id LIMIT $first
       RETURN collect({sourceId: s.id, actorId: a.id, count: m.count, sentences: m.sentences}) AS mentions
     }
     RETURN id, mentions`,
    { ids: [...new Set(ids)], first: int(listSize(first)) },
  );
  return new Map(rows.map((row) => [row.id, row.mentions]));
}
