// Figures: numbers the sources give, with who claims them.
import type { Database } from '../neo4j/database.ts';
import { toFigure, type Figure } from './model.ts';

export interface FigureQuery {
  about?: readonly string[] | null;
  claimedBy?: string | null;
  sources?: readonly string[] | null;
}

export async function listFigures(db: Database, query: FigureQuery): Promise<Figure[]> {
  const rows = await db.read<Parameters<typeof toFigure>[0]>(
    `MATCH (f:Figure)-[:ABOUT]->(about:Actor)
     WHERE ($about IS NULL OR about.id IN $about)
       AND ($claimedBy IS NULL OR $claimedBy IN f.claimedBy)
       AND ($sources IS NULL OR any(s IN f.sources WHERE s IN $sources))
     OPTIONAL MATCH (f)-[:IN_PLACE]->(place:Actor)
     RETURN properties(f) AS props, about.id AS about, place.id AS place
     ORDER BY f.date IS NULL, f.date, f.id`,
    { about: query.about ? [...query.about] : null, claimedBy: query.claimedBy ?? null, sources: query.sources ? [...query.sources] : null },
  );
  return rows.map(toFigure);
}
