// Exports: GraphML and GEXF parsed by real parsers (graphology's importers), CSV and JSON
// read back, the Cypher form reloaded into an emptied Neo4j, and the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { projectRoot } from '../src/config.ts';
import { exportGraph } from '../src/export/exportGraph.ts';
import type { ExportGraph } from '../src/domain/formats.ts';
import { render } from '../src/export/render.ts';
import { resetDatabase } from '../src/loader/write.ts';
import { testDatabaseLabel } from '../src/neo4j/testDatabase.ts';
import { openTestDb, seed } from './support/testGraph.ts';

/** RFC 4180 rows: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

describe('exports', () => {
  const db = openTestDb();
  let graph: ExportGraph;
  before(async () => {
    await seed(db);
    graph = await exportGraph(db);
  });
  after(async () => {
    await seed(db, true);
    await db.close();
  });

  it('reads the whole graph with every property', () => {
    assert.ok(graph.nodes.length > 100 && graph.edges.length > 150);
    const pledge = graph.edges.find((e) => e.id === 'katibat-imam-bukhari-pro-is-faction--pledged-allegiance-to--islamic-state')!;
    assert.equal(pledge.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(pledge.properties.since, '2014-10');
    assert.equal(pledge.properties.status, 'REPORTED');
    assert.deepEqual(pledge.properties.sources, ['rferl-2015-01-is-70-million']);
    assert.deepEqual(pledge.properties.claims, ['katibat-imam-bukhari-pro-is-faction--pledged-allegiance-to--islamic-state--rferl-2015-01']);
    assert.equal(pledge.properties.firstObserved, '2015-01');
    assert.ok(!('hash' in pledge.properties));
  });

  it('writes GraphML that graphology parses into the same graph, with kinds, types, statuses, dates and sources', () => {
    const parsed = graphml.parse(MultiDirectedGraph, render('graphml', graph) as string);
    assert.equal(parsed.order, graph.nodes.length);
    assert.equal(parsed.size, graph.edges.length);
    assert.equal(parsed.getNodeAttribute('katibat-imam-bukhari', 'kind'), 'Group');
    assert.equal(parsed.getNodeAttribute('katibat-imam-bukhari', 'label'), 'Katibat al-Imam Bukhari');
    const edge = parsed.findEdge((_, attrs) => attrs.id === 'katibat-imam-bukhari--pledged-allegiance-to--taliban')!;
    assert.ok(edge, 'the pledge to the Taliban is there');
    const attrs = parsed.getEdgeAttributes(edge);
    assert.equal(attrs.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(attrs.since, '2014-11');
    assert.equal(attrs.status, 'DISPUTED');
    assert.match(String(attrs.sources), /rferl-2015-01-is-70-million/);
    assert.equal(parsed.source(edge), 'katibat-imam-bukhari');
  });

  it('writes GEXF that graphology parses into the same graph', () => {
    const parsed = gexf.parse(MultiDirectedGraph, render('gexf', graph) as string);
    assert.equal(parsed.order, graph.nodes.length);
    assert.equal(parsed.size, graph.edges.length);
    assert.equal(parsed.getNodeAttribute('islamic-state', 'kind'), 'Group');
    assert.ok(parsed.hasEdge('katibat-imam-bukhari-pro-is-faction--pledged-allegiance-to--islamic-state'));
    const attrs = parsed.getEdgeAttributes('katibat-imam-bukhari-pro-is-faction--pledged-allegiance-to--islamic-state');
    assert.equal(attrs.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(attrs.since, '2014-10');
    assert.equal(attrs.status, 'REPORTED');
  });

  it('writes CSV node and edge tables that read back cell for cell', () => {
    const { nodes, edges } = render('csv', graph) as { nodes: string; edges: string };
    const nodeRows = parseCsv(nodes);
    const edgeRows = parseCsv(edges);
    assert.deepEqual(nodeRows[0]!.slice(0, 3), ['Id', 'Label', 'kind']);
    assert.deepEqual(edgeRows[0]!.slice(0, 5), ['Id', 'Source', 'Target', 'Type', 'Label']);
    assert.equal(nodeRows.length - 1, graph.nodes.length);
    assert.equal(edgeRows.length - 1, graph.edges.length);
    assert.ok(edgeRows.every((row) => row.length === edgeRows[0]!.length));
    const header = edgeRows[0]!;
    const row = edgeRows.find((r) => r[0] === 'alisher-khamdanov--member-of--uzbekistan-national-security-service') ?? edgeRows[1]!;
    const source = graph.edges.find((e) => e.id === row[0])!;
    assert.equal(row[header.indexOf('evidenceQuotes')], (source.properties.evidenceQuotes as string[]).join(' | '));
  });

  it('writes node-link JSON (networkx) with lists kept as lists', () => {
    const data = JSON.parse(render('json', graph) as string);
    assert.equal(data.directed, true);
    assert.equal(data.nodes.length, graph.nodes.length);
    assert.equal(data.links.length, graph.edges.length);
    const link = data.links.find((l: { key: string }) => l.key === 'katibat-imam-bukhari--pledged-allegiance-to--taliban');
    assert.equal(link.source, 'katibat-imam-bukhari');
    assert.equal(link.target, 'taliban');
    assert.ok(Array.isArray(link.evidenceQuotes) && link.evidenceQuotes.length >= 2);
    assert.deepEqual(link.sources, ['rferl-2015-01-is-70-million', 'rferl-2015-02-is-planning-attacks']);
  });

  it('exports a neighbourhood as of a date', async () => {
    const faction = 'katibat-imam-bukhari-pro-is-faction';
    const early = await exportGraph(db, { focus: faction, depth: 1, asOf: '2014-09' });
    const late = await exportGraph(db, { focus: faction, depth: 1, asOf: '2014-12' });
    const pledgeToIs = (g: ExportGraph) => g.edges.some((e) => e.source === faction && e.target === 'islamic-state' && e.type === 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(pledgeToIs(early), false);
    assert.equal(pledgeToIs(late), true);
    assert.ok(late.nodes.length < graph.nodes.length);
    assert.ok(late.edges.every((e) => late.nodes.some((n) => n.id === e.source) && late.nodes.some((n) => n.id === e.target)));
  });

  it('writes Cypher that rebuilds the same graph in an emptied Neo4j', async () => {
    const script = render('cypher', graph) as string;
    await resetDatabase(db);
    const [{ n }] = (await db.read<{ n: number }>(`MATCH (n) WHERE NOT n:Token AND NOT n:${testDatabaseLabel} RETURN count(n) AS n`)) as [{ n: number }];
    assert.equal(n, 0);
    const statements = script.split('\n').filter((line) => line.trim() && !line.startsWith('//'));
    for (const statement of statements) await db.write(statement.replace(/;$/, ''));
    const reloaded = await exportGraph(db);
    assert.deepEqual(reloaded, graph);
  });

  it('runs as a CLI and explains bad arguments', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), 'kib.gexf');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: process.env });
    const ok = run('--format', 'gexf', '--focus', 'katibat-imam-bukhari', '--depth', '1', '--out', out);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(gexf.parse(MultiDirectedGraph, fs.readFileSync(out, 'utf8')).hasNode('katibat-imam-bukhari'));
    const bad = run('--format', 'pdf');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--format must be one of graphml, gexf, csv, json, cypher/);
    const csv = run('--format', 'csv');
    assert.match(csv.stderr, /give --out NAME/);
  });
});
