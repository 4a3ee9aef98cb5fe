// Figures: numbers the sources give, with who claims them.
import { int, type Database } from '../neo4j/database.ts';
import { listSize } from './filters.ts';
import { toFigure, type Figure } from './model.ts';

type FigureRow = Parameters<typeof toFigure>[0];

const figureRow = (f: string) => `{props: properties(${f}), about: [(${f})-[:ABOUT]->(about:Actor) | about.id][0], place: [(${f})-[:IN_PLACE]->(place:Actor) | place.id][0]}`;
const byDate = (f: string) => `${f}.date IS NULL, ${f}.date, ${f}.id`;

export interface FigureQuery {
  about?: string | null;
  claimedBy?: string | null;
  first?: number | null;
}

/** Figures about an actor and/or claimed by one, ordered by date; the first `first`. */
export async function listFigures(db: Database, query: FigureQuery): Promise<Figure[]> {
  const rows = await db.read<{ figure: FigureRow }>(
    `MATCH (f:Figure)-[:ABOUT]->(about:Actor)
     WHERE ($about IS NULL OR about.id = $about) AND ($claimedBy IS NULL OR $claimedBy IN f.claimedBy)
     WITH f ORDER BY ${byDate('f')} LIMIT $first
     RETURN ${figureRow('f')} AS figure`,
    { about: query.about ?? null, claimedBy: query.claimedBy ?? null, first: int(listSize(query.first)) },
  );
  return rows.map((row) => toFigure(row.figure));
}

/** For each actor id (by 'about') or source id (by 'source'), its first `first` figures by date, in one query. */
export async function figuresOf(db: Database, by: 'about' | 'source', ids: readonly string[], first?: number | null): Promise<Map<string, Figure[]>> {
  const match = by === 'about' ? 'MATCH (f:Figure)-[:ABOUT]->(:Actor {id: id})' : 'MATCH (f:Figure) WHERE id IN f.sources';
  const rows = await db.read<{ id: string; figures: FigureRow[] }>(
    `UNWIND $ids AS id
     CALL (id) { ${match} WITH f ORDER BY ${byDate('f')} LIMIT $first RETURN collect(${figureRow('f')}) AS figures }
     RETURN id, figures`,
    { ids: [...new Set(ids)], first: int(listSize(first)) },
  );
  return new Map(rows.map((row) => [row.id, row.figures.map(toFigure)]));
}
