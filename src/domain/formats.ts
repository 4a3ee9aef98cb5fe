// Serialises a graph to GraphML, GEXF, CSV, JSON (node-link) or Cypher. Pure functions with
// no Node or browser APIs, so the CLI (`npm run export`) and the web app share them.

export type Value = string | number | boolean | null | string[];

export interface ExportNode {
  id: string;
  /** The actor kind, which is also its second Neo4j label. */
  kind: string;
  properties: Record<string, Value>;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Value>;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export const exportFormats = ['graphml', 'gexf', 'csv', 'json', 'cypher'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Lists join with " | " in the flat formats (GraphML, GEXF, CSV), which have no list type. */
const flat = (value: Value): string => (Array.isArray(value) ? value.join(' | ') : value === null ? '' : String(value));

const xml = (text: string) =>
  text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Line breaks and tabs as references: an XML reader turns them into spaces inside an attribute
    // (GEXF's values) and \r\n into \n everywhere; other control characters XML 1.0 cannot hold.
    .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function keysOf(items: { properties: Record<string, Value> }[]): string[] {
  return [...new Set(items.flatMap((item) => Object.keys(item.properties)))].sort();
}

function attributeType(items: { properties: Record<string, Value> }[], key: string): 'string' | 'double' | 'boolean' {
  const values = items.map((item) => item.properties[key]).filter((v) => v !== null && v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'double';
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

export function toGraphML(graph: ExportGraph): string {
  const nodeKeys = ['kind', ...keysOf(graph.nodes).filter((k) => k !== 'kind')];
  const edgeKeys = ['type', ...keysOf(graph.edges).filter((k) => k !== 'type')];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
    ...nodeKeys.map((k) => `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${k === 'kind' ? 'string' : attributeType(graph.nodes, k)}"/>`),
    ...edgeKeys.map((k) => `  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="${k === 'type' ? 'string' : attributeType(graph.edges, k)}"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xml(node.id)}">`, `      <data key="n_label">${xml(flat(node.properties.name ?? node.id))}</data>`);
    lines.push(`      <data key="n_kind">${xml(node.kind)}</data>`);
    for (const [k, v] of Object.entries(node.properties)) if (k !== 'kind' && v !== null) lines.push(`      <data key="n_${xml(k)}">${xml(flat(v))}</data>`);
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(`    <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}">`, `      <data key="e_label">${xml(edge.type)}</data>`);
    lines.push(`      <data key="e_type">${xml(edge.type)}</data>`);
    for (const [k, v] of Object.entries(edge.properties)) if (k !== 'type' && v !== null) lines.push(`      <data key="e_${xml(k)}">${xml(flat(v))}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toGEXF(graph: ExportGraph): string {
  const nodeKeys = ['kind', ...keysOf(graph.nodes).filter((k) => k !== 'kind')];
  const edgeKeys = ['type', ...keysOf(graph.edges).filter((k) => k !== 'type')];
  const attributes = (cls: string, keys: string[], items: { properties: Record<string, Value> }[]) => [
    `    <attributes class="${cls}">`,
    ...keys.map((k, i) => `      <attribute id="${i}" title="${xml(k)}" type="${['kind', 'type'].includes(k) ? 'string' : attributeType(items, k)}"/>`),
    '    </attributes>',
  ];
  const values = (keys: string[], props: Record<string, Value>) =>
    keys
      .map((k, i) => (props[k] === null || props[k] === undefined ? '' : `<attvalue for="${i}" value="${xml(flat(props[k]!))}"/>`))
      .filter(Boolean)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>central-asia-actor-graph</creator><description>Actors and relationships with provenance and claim status</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...attributes('node', nodeKeys, graph.nodes),
    ...attributes('edge', edgeKeys, graph.edges),
    '    <nodes>',
    ...graph.nodes.map(
      (n) => `      <node id="${xml(n.id)}" label="${xml(flat(n.properties.name ?? n.id))}"><attvalues>${values(nodeKeys, { ...n.properties, kind: n.kind })}</attvalues></node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...graph.edges.map(
      (e) =>
        `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}"><attvalues>${values(edgeKeys, { ...e.properties, type: e.type })}</attvalues></edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ];
  return lines.join('\n');
}

const csvCell = (value: Value | undefined) => {
  const text = flat(value ?? null);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Two tables as Gephi's spreadsheet import and most tools expect: nodes (Id, Label, ...) and edges (Source, Target, Type, ...). */
export function toCSV(graph: ExportGraph): { nodes: string; edges: string } {
  const nodeKeys = keysOf(graph.nodes);
  const edgeKeys = keysOf(graph.edges);
  const nodes = [
    ['Id', 'Label', 'kind', ...nodeKeys].join(','),
    ...graph.nodes.map((n) => [n.id, n.properties.name ?? n.id, n.kind, ...nodeKeys.map((k) => n.properties[k])].map(csvCell).join(',')),
  ];
  const edges = [
    ['Id', 'Source', 'Target', 'Type', 'Label', 'relationshipType', ...edgeKeys].join(','),
    ...graph.edges.map((e) => [e.id, e.source, e.target, 'Directed', e.type, e.type, ...edgeKeys.map((k) => e.properties[k])].map(csvCell).join(',')),
  ];
  return { nodes: nodes.join('\n') + '\n', edges: edges.join('\n') + '\n' };
}

/** networkx's node-link format (`networkx.node_link_graph(data, edges="links")`), lists kept as lists. */
export function toJSON(graph: ExportGraph): string {
  return JSON.stringify(
    {
      directed: true,
      multigraph: true,
      graph: { name: 'central-asia-actor-graph' },
      nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind, ...n.properties })),
      links: graph.edges.map((e) => ({ key: e.id, source: e.source, target: e.target, type: e.type, ...e.properties })),
    },
    null,
    2,
  );
}

const cypherString = (text: string) =>
  `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;

function cypherValue(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(cypherString).join(', ')}]`;
  if (typeof value === 'string') return cypherString(value);
  return String(value);
}

const cypherMap = (props: Record<string, Value>) =>
  `{${Object.entries(props)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${cypherValue(v)}`)
    .join(', ')}}`;

/** A script that recreates the graph in an empty Neo4j (one statement per line, each ending in ";"). */
export function toCypher(graph: ExportGraph, isSafeLabel: (label: string) => boolean): string {
  const label = (name: string) => {
    if (!isSafeLabel(name)) throw new Error(`refusing to export label or type "${name}" that is not in the vocabulary`);
    return name;
  };
  const lines = ['// Generated by `npm run export -- --format cypher`. Load into an empty database, e.g. with cypher-shell -f.'];
  lines.push('CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;');
  for (const n of graph.nodes) lines.push(`CREATE (:Actor:${label(n.kind)} ${cypherMap({ ...n.properties, id: n.id, kind: n.kind })});`);
  for (const e of graph.edges) {
    lines.push(
      `MATCH (a:Actor {id: ${cypherString(e.source)}}), (b:Actor {id: ${cypherString(e.target)}}) CREATE (a)-[:${label(e.type)} ${cypherMap({ ...e.properties, id: e.id })}]->(b);`,
    );
  }
  return lines.join('\n') + '\n';
}
