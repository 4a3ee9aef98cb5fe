// Figures: numbers the sources give. Each is a claim of its own (stance, claimants,
// disputers, quotes, contradictions), and its status follows the claims' one rule. A retracted
// figure is kept and read by id, and left out of every list unless asked for.
import { int, type Database } from '../neo4j/database.ts';
import { readByIds, readFirstPerParent } from './batchReads.ts';
import { statusOfClaims } from '../domain/claimRules.ts';
import { listSize, liveCondition } from './filters.ts';
import { claimCoreProjection, toFigure, type Figure } from './model.ts';

type FigureRow = Parameters<typeof toFigure>[0];

/** Cypher map of figure `f`: its properties, its links and its status (toFigure reads it). */
export const figureProjection = (f: string) =>
  `{${claimCoreProjection(f)},
    about: [(${f})-[:ABOUT]->(about:Actor) | about.id][0],
    place: [(${f})-[:IN_PLACE]->(place:Actor) | place.id][0],
    status: ${statusOfClaims(`[${f}]`)}}`;
const byDate = (f: string) => `${f}.date IS NULL, ${f}.date, ${f}.id`;

export interface FigureQuery {
  about?: string | null;
  claimedBy?: string | null;
  first?: number | null;
  includeRetracted?: boolean | null;
}

/** Figures about an actor and/or claimed by one, ordered by date; the first `first`. Starts from the actor. */
export async function listFigures(db: Database, query: FigureQuery): Promise<Figure[]> {
  const match =
    query.claimedBy != null
      ? 'MATCH (:Actor {id: $claimedBy})<-[:CLAIMED_BY]-(f:Figure)'
      : query.about != null
        ? 'MATCH (:Actor {id: $about})<-[:ABOUT]-(f:Figure)'
        : 'MATCH (f:Figure)';
  const conditions = [liveCondition('f', query.includeRetracted), ...(query.claimedBy != null ? ['($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Actor {id: $about}) })'] : [])];
  const rows = await db.read<{ figure: FigureRow }>(
    `${match} WHERE ${conditions.join(' AND ')}
     WITH f ORDER BY ${byDate('f')} LIMIT $first
     RETURN ${figureProjection('f')} AS figure`,
    { about: query.about ?? null, claimedBy: query.claimedBy ?? null, first: int(listSize(query.first)) },
  );
  return rows.map((row) => toFigure(row.figure));
}

/** For each actor id (by 'about') or source id (by 'source'), its first `first` standing figures by date, in one query. */
export function figuresOf(db: Database, by: 'about' | 'source', ids: readonly string[], first?: number | null): Promise<Map<string, Figure[]>> {
  return readFirstPerParent(db, ids, first, {
    match: `${by === 'about' ? 'MATCH (f:Figure)-[:ABOUT]->(:Actor {id: id})' : 'MATCH (f:Figure)-[:IN_SOURCE]->(:Source {id: id})'} WHERE ${liveCondition('f', false)}`,
    keep: 'f',
    order: byDate('f'),
    projection: figureProjection('f'),
    toItem: toFigure,
  });
}

/** Figures by id, in the same order; null where an id names none. */
export function getFiguresByIds(db: Database, ids: readonly string[]): Promise<(Figure | null)[]> {
  return readByIds(db, ids, { match: 'MATCH (f:Figure {id: id})', projection: figureProjection('f'), toItem: toFigure });
}
