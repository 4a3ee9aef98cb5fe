// Sources and mentions.
import { int, type Database } from '../neo4j/database.ts';
import { readByIds, readFirstPerParent } from './batchReads.ts';
import { listSize } from './filters.ts';
import type { SourceInclude } from './include.ts';
import { sourceProjection, toMention, toSource, type Mention, type Source } from './model.ts';

const withoutText: SourceInclude = { text: false };

/** Sources by publication date, the first `first`. */
export async function listSources(db: Database, first?: number | null, include = withoutText): Promise<Source[]> {
  const rows = await db.read<{ source: Record<string, unknown> }>(
    `MATCH (s:Source) WITH s ORDER BY s.published, s.id LIMIT $first RETURN ${sourceProjection('s', include)} AS source`,
    { first: int(listSize(first)) },
  );
  return rows.map((row) => toSource(row.source));
}

/** Sources with these ids, in the same order; null where an id names none. Their text only when asked for. */
export function getSourcesByIds(db: Database, ids: readonly string[], include = withoutText): Promise<(Source | null)[]> {
  return readByIds(db, ids, { match: 'MATCH (s:Source {id: id})', projection: sourceProjection('s', include), toItem: toSource });
}

/** For each actor id (by 'actor') or source id (by 'source'), its first `first` mentions, most mentions first, in one query. */
export function mentionsOf(db: Database, by: 'actor' | 'source', ids: readonly string[], first?: number | null): Promise<Map<string, Mention[]>> {
  return readFirstPerParent(db, ids, first, {
    match: by === 'actor' ? 'MATCH (s:Source)-[m:MENTIONS]->(a:Actor {id: id})' : 'MATCH (s:Source {id: id})-[m:MENTIONS]->(a:Actor)',
    keep: 's, m, a',
    order: 'm.count DESC, s.id, a.id',
    projection: '{sourceId: s.id, actorId: a.id, count: m.count, sentences: m.sentences, origin: m.origin, spans: m.spans, added: m.added}',
    toItem: toMention,
  });
}
