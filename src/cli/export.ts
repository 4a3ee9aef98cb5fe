// npm run export -- --format graphml|gexf|csv|json|cypher [--focus ID --depth N] [--as-of DATE] [--out FILE]
// Writes the whole graph, or an actor's neighbourhood, with all properties. Without --out it
// prints to standard output; csv writes FILE.nodes.csv and FILE.edges.csv.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import { exportGraph } from '../export/exportGraph.ts';
import { exportFormats, type ExportFormat } from '../export/formats.ts';
import { render } from '../export/render.ts';
import { connect } from '../neo4j/connect.ts';
import { interruption, runMain } from './run.ts';

function parse() {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      focus: { type: 'string' },
      depth: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !exportFormats.includes(format)) throw new UserError(`--format must be one of ${exportFormats.join(', ')}`);
  if (values.depth !== undefined && !values.focus) throw new UserError('--depth goes with --focus ID');
  if (format === 'csv' && !values.out) throw new UserError('csv writes two files: give --out NAME (for NAME.nodes.csv and NAME.edges.csv)');
  const depth = values.depth === undefined ? null : Number(values.depth);
  return { format, focus: values.focus ?? null, depth, asOf: values['as-of'] ?? null, out: values.out ?? null };
}

runMain(async () => {
  const args = parse();
  const connection = await connect(loadConfig(), interruption());
  try {
    const graph = await exportGraph(connection.db, args);
    const output = render(args.format, graph);
    if (typeof output !== 'string') {
      const base = args.out!.replace(/\.csv$/, '');
      fs.writeFileSync(`${base}.nodes.csv`, output.nodes);
      fs.writeFileSync(`${base}.edges.csv`, output.edges);
      console.error(`Wrote ${graph.nodes.length} nodes to ${base}.nodes.csv and ${graph.edges.length} edges to ${base}.edges.csv`);
    } else if (args.out) {
      fs.writeFileSync(args.out, output);
      console.error(`Wrote ${graph.nodes.length} nodes and ${graph.edges.length} edges to ${args.out}`);
    } else {
      process.stdout.write(output);
    }
  } finally {
    await connection.close();
  }
});
