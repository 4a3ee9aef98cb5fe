// The floor of a load: the very graph the loader writes (every node, edge and property of
// src/loader/graphRows.ts: sources, actors, claims, figures and their links, the derived
// relationships, mentions, the GraphModel node), written with plain `UNWIND $rows AS row
// CREATE ...` statements of the loader's batch size, one transaction each, from rows prepared
// beforehand. Edges come grouped on the end with fewer nodes (a source's mentions in one row),
// which looks each of those up once: the cheapest of the shapes tried. Nothing is read, checked
// or compared, so loaderSeconds / floorSeconds is what the loader costs beyond the writes.
import type { Database } from '../src/neo4j/database.ts';
import { edgeChunks, type GraphRows } from '../src/loader/graphRows.ts';

export interface FloorStatement { cypher: string; chunks: object[][] }

const chunked = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** One statement per node set, then one per edge set, with their rows in chunks of batchSize (edges, for edge sets). */
export function floorStatements(graph: GraphRows, batchSize: number): FloorStatement[] {
  return [
    ...graph.nodes.map(({ labels, rows }) => ({ cypher: `UNWIND $rows AS row CREATE (n:${labels.join(':')}) SET n = row`, chunks: chunked(rows, batchSize) })),
    ...graph.edges.map((set) => {
      const [one, other] = set.grouped === 'from' ? [`a:${set.from}`, `b:${set.to}`] : [`b:${set.to}`, `a:${set.from}`];
      return {
        cypher: `UNWIND $rows AS row MATCH (${one} {id: row.id}) UNWIND row.edges AS e MATCH (${other} {id: e.id}) CREATE (a)-[r:${set.type}]->(b) SET r = e.props`,
        chunks: [...edgeChunks(set, batchSize)],
      };
    }),
  ];
}

/** Runs every chunk of every statement, one transaction each. */
export async function writeFloor(db: Database, statements: FloorStatement[], timeoutMs: number): Promise<void> {
  for (const { cypher, chunks } of statements) {
    for (const rows of chunks) await db.write(cypher, { rows }, timeoutMs);
  }
}
