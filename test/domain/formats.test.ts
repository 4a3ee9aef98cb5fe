// src/domain/formats.ts: the export formats, with hostile values in names, ids and notes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { toCSV, toCypher, toGEXF, toGraphML, toJSON, type ExportGraph } from '../../src/domain/formats.ts';

const hostile = `He said "no" <b>&amp; 'yes', then left`;
const multiline = 'first line,\nsecond "line"';

const graph = (): ExportGraph => ({
  nodes: [
    { id: 'a&"b"', kind: 'Group', properties: { name: hostile, aliases: ['IMU, IDU', 'x | "y"'], founded: 1998 } },
    { id: 'c<d>', kind: 'State', properties: { name: 'Uzbekistan', note: null } },
  ],
  edges: [{ id: 'e<1>', type: 'OPPOSES', source: 'a&"b"', target: 'c<d>', properties: { note: multiline, active: true } }],
});

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(xml, 'text/xml');
  assert.deepEqual(errors, [], 'well-formed XML');
  return doc;
};
const all = (doc: ReturnType<typeof parse>, tag: string) => Array.from(doc.getElementsByTagName(tag));

describe('toGraphML', () => {
  it('parses back to the same ids, names and multi-line notes', () => {
    const doc = parse(toGraphML(graph()));
    assert.deepEqual(all(doc, 'node').map((n) => n.getAttribute('id')), ['a&"b"', 'c<d>']);
    const edge = all(doc, 'edge')[0]!;
    assert.deepEqual([edge.getAttribute('source'), edge.getAttribute('target')], ['a&"b"', 'c<d>']);
    const data = (key: string) => all(doc, 'data').filter((d) => d.getAttribute('key') === key).map((d) => d.textContent);
    assert.deepEqual(data('n_name'), [hostile, 'Uzbekistan']);
    assert.deepEqual(data('n_aliases'), ['IMU, IDU | x | "y"']);
    assert.deepEqual(data('e_note'), [multiline]);
    assert.deepEqual(data('n_note'), [], 'a null is left out');
  });

  it('types numeric and boolean keys, and drops characters XML cannot hold', () => {
    const text = toGraphML(graph());
    assert.match(text, /<key id="n_founded" for="node" attr.name="founded" attr.type="double"\/>/);
    assert.match(text, /<key id="e_active" for="edge" attr.name="active" attr.type="boolean"\/>/);
    const doc = parse(toGraphML({ nodes: [{ id: 'x', kind: 'Group', properties: { name: 'a\u0000b\u0007c' } }], edges: [] }));
    assert.equal(all(doc, 'data')[0]!.textContent, 'abc');
  });
});

describe('toGEXF', () => {
  it('parses back to the same ids, labels and values', () => {
    const doc = parse(toGEXF(graph()));
    const node = all(doc, 'node')[0]!;
    assert.deepEqual([node.getAttribute('id'), node.getAttribute('label')], ['a&"b"', hostile]);
    const values = Array.from(node.getElementsByTagName('attvalue')).map((v) => v.getAttribute('value'));
    assert.deepEqual(values, ['Group', 'IMU, IDU | x | "y"', '1998', hostile]);
    assert.equal(all(doc, 'edge')[0]!.getAttribute('source'), 'a&"b"');
  });

  it('keeps line breaks and tabs in attribute values, and \\r\\n in GraphML text', () => {
    const note = 'line one\nline two\r\nthree\tfour';
    const one: ExportGraph = { nodes: [{ id: 'x', kind: 'Group', properties: { note } }], edges: [] };
    const values = Array.from(parse(toGEXF(one)).getElementsByTagName('attvalue')).map((v) => v.getAttribute('value'));
    assert.ok(values.includes(note), `GEXF gave ${JSON.stringify(values)}`);
    assert.equal(all(parse(toGraphML(one)), 'data').find((d) => d.getAttribute('key') === 'n_note')!.textContent, note);
  });
});

describe('toCSV', () => {
  it('quotes cells holding a quote, comma or line break, doubling quotes', () => {
    const { nodes, edges } = toCSV(graph());
    assert.deepEqual(nodes.split('\n').slice(0, 2), [
      'Id,Label,kind,aliases,founded,name,note',
      `"a&""b""","He said ""no"" <b>&amp; 'yes', then left",Group,"IMU, IDU | x | ""y""",1998,"He said ""no"" <b>&amp; 'yes', then left",`,
    ]);
    const lineBreaks: ExportGraph = { nodes: [{ id: 'x', kind: 'Group', properties: { name: 'a\nb', note: 'c\rd' } }], edges: [] };
    assert.equal(toCSV(lineBreaks).nodes, 'Id,Label,kind,name,note\nx,"a\nb",Group,"a\nb","c\rd"\n');
    assert.equal(edges, 'Id,Source,Target,Type,Label,relationshipType,active,note\n' + `e<1>,"a&""b""",c<d>,Directed,OPPOSES,OPPOSES,true,"first line,\nsecond ""line"""\n`);
  });

  it('gives the same columns whatever order the properties come in', () => {
    const one: ExportGraph = { nodes: [{ id: 'x', kind: 'Group', properties: { name: 'X', b: 1, a: 2 } }], edges: [] };
    const other: ExportGraph = { nodes: [{ id: 'x', kind: 'Group', properties: { a: 2, name: 'X', b: 1 } }], edges: [] };
    assert.equal(toCSV(one).nodes, toCSV(other).nodes);
    assert.equal(toCSV(one).nodes, 'Id,Label,kind,a,b,name\nx,X,Group,2,1,X\n');
  });
});

describe('toJSON', () => {
  it('parses back to the node-link graph, lists kept as lists', () => {
    const data = JSON.parse(toJSON(graph()));
    assert.deepEqual(data.nodes[0], { id: 'a&"b"', kind: 'Group', name: hostile, aliases: ['IMU, IDU', 'x | "y"'], founded: 1998 });
    assert.deepEqual(data.links[0], { key: 'e<1>', source: 'a&"b"', target: 'c<d>', type: 'OPPOSES', note: multiline, active: true });
    assert.equal(data.directed, true);
  });
});

describe('toCypher', () => {
  it('keeps hostile strings inside their literals: quotes, backslashes, line breaks', () => {
    const text = toCypher(
      { nodes: [{ id: "x'}) DETACH DELETE n //", kind: 'Group', properties: { name: 'a\\\'b\nc', 'we`ird': ['p', "q'"] } }], edges: [] },
      () => true,
    );
    const lines = text.split('\n');
    assert.equal(lines[2], "CREATE (:Actor:Group {`name`: 'a\\\\\\'b\\nc', `we``ird`: ['p', 'q\\''], `id`: 'x\\'}) DETACH DELETE n //', `kind`: 'Group'});");
    assert.equal(lines.length, 4, 'one statement per line');
  });

  it('writes edges by matching their ends, nulls left out', () => {
    const lines = toCypher(graph(), () => true).split('\n');
    assert.equal(lines[3], "CREATE (:Actor:State {`name`: 'Uzbekistan', `id`: 'c<d>', `kind`: 'State'});");
    assert.equal(lines[4], "MATCH (a:Actor {id: 'a&\"b\"'}), (b:Actor {id: 'c<d>'}) CREATE (a)-[:OPPOSES {`note`: 'first line,\\nsecond \"line\"', `active`: true, `id`: 'e<1>'}]->(b);");
  });

  it('refuses a label or type the check does not pass', () => {
    const safe = (label: string) => ['Group', 'State'].includes(label);
    assert.throws(() => toCypher(graph(), safe), /refusing to export label or type "OPPOSES"/);
  });
});

describe('every format', () => {
  it('gives the same text for the same graph', () => {
    for (const write of [toGraphML, toGEXF, toJSON, (g: ExportGraph) => JSON.stringify(toCSV(g)), (g: ExportGraph) => toCypher(g, () => true)]) {
      assert.equal(write(graph()), write(graph()));
    }
  });
});
