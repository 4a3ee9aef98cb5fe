// npm run export -- --format graphml|gexf|csv|json|cypher|ftm|ftm-statements [--focus ID --depth N] [--as-of DATE] [--known-as-of DATE] [--origins seed,api,registry] [--out FILE]
// Writes the whole graph, or an actor's neighbourhood, with all properties. Without --out it
// prints to standard output; csv writes FILE.nodes.csv and FILE.edges.csv. ftm writes
// FollowTheMoney entities as JSON lines, ftm-statements their values as FtM statements (CSV).
// npm run export -- --format seed --out DIR: what the API wrote, as seed files (seed/README.md).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { UserError } from '../errors.ts';
import { exportGraph } from '../export/exportGraph.ts';
import { exportFormats, type ExportFormat } from '../domain/formats.ts';
import { ftmFormats, render, renderFtm, type FtmFormat } from '../export/render.ts';
import { readProvenance } from '../export/provenance.ts';
import { exportSeed, type SeedExportReport } from '../export/seedExport.ts';
import { connect } from '../launcher/connect.ts';
import { runningInstanceConfig } from '../launcher/runningInstance.ts';
import { interruption, runMain } from './run.ts';

const formats = [...exportFormats, ...ftmFormats, 'seed'] as const;
/** Who wrote an actor: the seed files, the API, a registry import. */
const exportOrigins = ['seed', 'api', 'registry'];
const isFtm = (format: string): format is FtmFormat => (ftmFormats as readonly string[]).includes(format);

function parse() {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      focus: { type: 'string' },
      depth: { type: 'string' },
      'as-of': { type: 'string' },
      'known-as-of': { type: 'string' },
      origins: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format as ExportFormat | FtmFormat | 'seed' | undefined;
  if (!format || !formats.includes(format)) throw new UserError(`--format must be one of ${formats.join(', ')}`);
  if (format === 'seed' && !values.out) throw new UserError('seed writes a folder: give --out DIR');
  if (format === 'seed' && (values.focus || values['as-of'] || values['known-as-of'] || values.origins)) {
    throw new UserError('seed exports all that the API wrote: --focus, --depth, --as-of, --known-as-of and --origins do not apply');
  }
  if (values.depth !== undefined && !values.focus) throw new UserError('--depth goes with --focus ID');
  if (format === 'csv' && !values.out) throw new UserError('csv writes two files: give --out NAME (for NAME.nodes.csv and NAME.edges.csv)');
  const depth = values.depth === undefined ? null : Number(values.depth);
  const origins = values.origins === undefined ? null : values.origins.split(',').map((origin) => origin.trim().toLowerCase());
  const unknown = origins?.filter((origin) => !exportOrigins.includes(origin));
  if (unknown?.length) throw new UserError(`--origins takes ${exportOrigins.join(', ')} (comma-separated), not ${unknown.join(', ')}`);
  return { format, focus: values.focus ?? null, depth, asOf: values['as-of'] ?? null, knownAsOf: values['known-as-of'] ?? null, origins, out: values.out ?? null };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function seedSummary(dir: string, report: SeedExportReport): string {
  const { sources, actors, claims, figures } = report.added;
  const records = [plural(sources, 'source'), plural(actors, 'actor'), plural(claims, 'claim'), ...(figures > 0 ? [plural(figures, 'figure')] : [])];
  const lines = [`Wrote ${records.slice(0, -1).join(', ')} and ${records.at(-1)} added through the API to ${dir}/data and ${dir}/sources.`];
  if (report.inFiles > 0) lines.push(`${plural(report.inFiles, 'record')} written through the API the seed files hold already: not exported.`);
  if (report.mergedAway.length > 0) lines.push(`Not exported (merged into other actors; the seed format has no merges): ${report.mergedAway.join(', ')}.`);
  const revise = report.revisions === 1 ? 'revises a seed record: apply it' : 'revise seed records: apply them';
  if (report.revisions > 0) lines.push(`${plural(report.revisions, 'record')} ${revise} by hand (${dir}/revisions.yaml).`);
  return lines.join('\n');
}

runMain(async () => {
  const args = parse();
  const connection = await connect(runningInstanceConfig({ existing: true }), interruption());
  try {
    if (args.format === 'seed') {
      console.error(seedSummary(args.out!, await exportSeed(connection.db, args.out!)));
      return;
    }
    const graph = await exportGraph(connection.db, args);
    const output = isFtm(args.format) ? renderFtm(args.format, graph, await readProvenance(connection.db, graph)) : render(args.format, graph);
    if (typeof output !== 'string') {
      const base = args.out!.replace(/\.csv$/, '');
      fs.writeFileSync(`${base}.nodes.csv`, output.nodes);
      fs.writeFileSync(`${base}.edges.csv`, output.edges);
      console.error(`Wrote ${graph.nodes.length} nodes to ${base}.nodes.csv and ${graph.edges.length} edges to ${base}.edges.csv`);
    } else if (args.out) {
      fs.writeFileSync(args.out, output);
      const what = isFtm(args.format) ? `the entities of ${graph.nodes.length} actors, ${graph.edges.length} relationships and their sources` : `${graph.nodes.length} nodes and ${graph.edges.length} edges`;
      console.error(`Wrote ${what} to ${args.out}`);
    } else {
      process.stdout.write(output);
    }
  } finally {
    await connection.close();
  }
});
