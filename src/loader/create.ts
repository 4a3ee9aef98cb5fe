// A load into an empty database (a first load, or after --reset): nothing to compare with or
// replace, so every node and edge of the batch (graphRows.ts, with the relationships derived in
// memory) is CREATEd, in statements of batchSize rows (edges: about batchSize), one
// transaction each.
import type { Database } from '../neo4j/database.ts';
import { edgeChunks, type EdgeSet, type GraphRows } from './graphRows.ts';

export interface CreateOptions {
  batchSize: number;
  timeoutMs: number;
  onProgress?: (message: string) => void;
}

/** Cypher creating the edges of one set from rows {id, edges: [{id, props}]} grouped on one end. */
function edgeCypher({ type, from, to, grouped }: EdgeSet): string {
  const [row, each] = grouped === 'from' ? [`a:${from}`, `b:${to}`] : [`b:${to}`, `a:${from}`];
  return `UNWIND $rows AS row MATCH (${row} {id: row.id}) UNWIND row.edges AS e MATCH (${each} {id: e.id}) CREATE (a)-[r:${type}]->(b) SET r = e.props`;
}

export async function createGraph(db: Database, graph: GraphRows, options: CreateOptions): Promise<void> {
  const total = graph.nodes.reduce((n, set) => n + set.rows.length, 0) + graph.edges.reduce((n, set) => n + set.size, 0);
  let done = 0;
  let reported = Date.now();
  const write = async (cypher: string, rows: object[], count: number) => {
    await db.write(cypher, { rows }, options.timeoutMs);
    done += count;
    if (options.onProgress && Date.now() - reported > 1000) {
      reported = Date.now();
      options.onProgress(`created ${done}/${total} nodes and edges`);
    }
  };
  for (const { labels, rows } of graph.nodes) {
    const cypher = `UNWIND $rows AS row CREATE (n:${labels.join(':')}) SET n = row`;
    for (let i = 0; i < rows.length; i += options.batchSize) {
      const chunk = rows.slice(i, i + options.batchSize);
      await write(cypher, chunk, chunk.length);
    }
  }
  for (const set of graph.edges) {
    const cypher = edgeCypher(set);
    for (const chunk of edgeChunks(set, options.batchSize)) await write(cypher, chunk, chunk.reduce((n, row) => n + row.edges.length, 0));
  }
}
