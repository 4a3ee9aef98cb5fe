// The palette, defined once in schema/palette.yaml beside the vocabulary, and the two files
// generated from it: the web app's palette (web/src/graph/palette.ts) and the Neo4j Browser style
// (neo4j-browser/actorgraph.grass). `npm run codegen` writes both; test/palette.test.ts checks
// the committed files are what the palette generates today.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { projectRoot } from '../src/config.ts';
import { actorKindEnumValue, actorKinds, claimStatuses, relationshipTypes } from '../src/domain/vocabulary.ts';

export const palettePath = path.join(projectRoot, 'schema', 'palette.yaml');
export const webPalettePath = path.join(projectRoot, 'web', 'src', 'graph', 'palette.ts');
export const grassPath = path.join(projectRoot, 'neo4j-browser', 'actorgraph.grass');

const nodeShapes = ['ellipse', 'round-rectangle', 'hexagon', 'diamond', 'triangle', 'barrel', 'octagon'] as const;
const lineStyles = ['solid', 'dashed', 'dotted'] as const;

export interface KindEntry { color: string; shape: string; diameter: number; border?: string }
export interface TypeEntry { color: string; width?: number }
export interface StatusEntry { line: string; outline?: string }
export interface ClaimNodeEntry { color: string; border?: string; diameter: number; caption: string; text?: string }

export interface Palette {
  actorKinds: Record<string, KindEntry>;
  relationshipTypes: Record<string, TypeEntry>;
  claimStatuses: Record<string, StatusEntry>;
  claimNodes: Record<string, ClaimNodeEntry>;
  claimEdges: Record<string, TypeEntry>;
}

type FieldKind = 'color' | 'shape' | 'line' | 'size' | 'text';
interface Section {
  /** The names the section must hold exactly (the vocabulary's), or null for any. */
  names: readonly string[] | null;
  fields: Record<string, { kind: FieldKind; required: boolean }>;
}

const req = (kind: FieldKind) => ({ kind, required: true });
const opt = (kind: FieldKind) => ({ kind, required: false });

const sections: Record<keyof Palette, Section> = {
  actorKinds: { names: actorKinds, fields: { color: req('color'), shape: req('shape'), diameter: req('size'), border: opt('color') } },
  relationshipTypes: { names: relationshipTypes, fields: { color: req('color'), width: opt('size') } },
  claimStatuses: { names: claimStatuses, fields: { line: req('line'), outline: opt('color') } },
  claimNodes: {
    names: null,
    fields: { color: req('color'), border: opt('color'), diameter: req('size'), caption: req('text'), text: opt('color') },
  },
  claimEdges: { names: null, fields: { color: req('color'), width: opt('size') } },
};

/** Why a value is not of its kind, or null when it is. */
function valueProblem(kind: FieldKind, value: unknown): string | null {
  if (kind === 'color') return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? null : 'is not a #RRGGBB colour';
  if (kind === 'shape') return nodeShapes.includes(value as never) ? null : `is not one of ${nodeShapes.join(', ')}`;
  if (kind === 'line') return lineStyles.includes(value as never) ? null : `is not one of ${lineStyles.join(', ')}`;
  if (kind === 'size') return typeof value === 'number' && value > 0 ? null : 'is not a positive number';
  return typeof value === 'string' && value !== '' ? null : 'is not a text';
}

/** Reads and checks the palette; throws one error listing every problem, each with its line. */
export function readPalette(file = palettePath, text = fs.readFileSync(file, 'utf8')): Palette {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const name = path.relative(projectRoot, file);
  const lineOf = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : 1);
  const problems = doc.errors.map((error) => `${name}:${error.linePos?.[0].line ?? 1}: ${error.message}`);
  const palette: Record<string, Record<string, Record<string, unknown>>> = {};
  const root = doc.contents;
  if (!isMap(root)) throw new Error(`${name}:1: the palette is not a map of sections`);
  for (const pair of root.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const section = sections[key as keyof Palette];
    if (!section) problems.push(`${name}:${lineOf(pair.key as Node)}: unknown section "${key}"`);
    else if (!isMap(pair.value)) problems.push(`${name}:${lineOf(pair.key as Node)}: ${key} is not a map`);
    else palette[key] = readSection(key, section, pair.value, (node, message) => problems.push(`${name}:${lineOf(node)}: ${message}`));
  }
  for (const [key, section] of Object.entries(sections)) {
    if (!palette[key]) problems.push(`${name}: no section "${key}"`);
    for (const missing of (section.names ?? []).filter((n) => !palette[key]?.[n])) {
      problems.push(`${name}: ${key}.${missing} (in vocabulary.yaml) has no entry`);
    }
  }
  if (problems.length > 0) throw new Error(`The palette has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return palette as unknown as Palette;
}

function readSection(
  sectionName: string,
  section: Section,
  map: YAMLMap,
  problem: (node: Node | null | undefined, message: string) => void,
): Record<string, Record<string, unknown>> {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const pair of map.items) {
    const entryName = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const where = `${sectionName}.${entryName}`;
    if (section.names && !section.names.includes(entryName)) {
      problem(pair.key as Node, `unknown key "${entryName}" in ${sectionName} (not in vocabulary.yaml)`);
      continue;
    }
    if (!isMap(pair.value)) {
      problem(pair.key as Node, `${where} is not a map of fields`);
      continue;
    }
    const entry: Record<string, unknown> = {};
    for (const field of pair.value.items) {
      const fieldName = String(isScalar(field.key) ? field.key.value : field.key);
      const spec = section.fields[fieldName];
      const value = isScalar(field.value) ? field.value.value : undefined;
      if (!spec) problem(field.key as Node, `unknown key "${fieldName}" in ${where}`);
      else {
        const why = valueProblem(spec.kind, value);
        if (why) problem(field.value as Node, `${where}.${fieldName} ${why}`);
        else entry[fieldName] = value;
      }
    }
    for (const [fieldName, spec] of Object.entries(section.fields)) {
      if (spec.required && !(fieldName in entry) && !pair.value.has(fieldName)) problem(pair.key as Node, `${where} has no ${fieldName}`);
    }
    entries[entryName] = entry;
  }
  return entries;
}

const upper = (color: string) => color.toUpperCase();
const lower = (color: string) => color.toLowerCase();

/** The Browser's node outline when the palette gives none: the colour at three quarters. */
function darker(color: string): string {
  const channels = [1, 3, 5].map((i) => Math.round(parseInt(color.slice(i, i + 2), 16) * 0.765));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const header = (what: string) =>
  `Generated by \`npm run codegen\` from schema/palette.yaml (tools/palette.ts): ${what}. Do not edit; edit the palette.`;

/** web/src/graph/palette.ts: the looks the graph, the legend and the swatches draw with. */
export function generateWebPalette(palette: Palette = readPalette()): string {
  const kinds = Object.entries(palette.actorKinds)
    .map(([kind, look]) => `  ${actorKindEnumValue(kind)}: { color: '${lower(look.color)}', shape: '${look.shape}' },`)
    .join('\n');
  const types = Object.entries(palette.relationshipTypes)
    .map(([type, look]) => `  ${type}: '${lower(look.color)}',`)
    .join('\n');
  const statuses = Object.entries(palette.claimStatuses)
    .map(([status, look]) => `  ${status}: { lineStyle: '${look.line}', outline: ${look.outline ? `'${lower(look.outline)}'` : 'null'} },`)
    .join('\n');
  return `// ${header('the web app\'s palette')}
// How the vocabulary looks: a colour and a shape per actor kind, a colour per relationship
// type, a line style per claim status. Terms the vocabulary gains later get a colour derived
// from their name, so the legend and the graph always agree.

export type NodeShape = ${nodeShapes.map((s) => `'${s}'`).join(' | ')};

export interface KindLook {
  color: string;
  shape: NodeShape;
}

const kindLooks: Record<string, KindLook> = {
${kinds}
};

const typeColors: Record<string, string> = {
${types}
};

export type LineStyle = ${lineStyles.map((s) => `'${s}'`).join(' | ')};

export interface StatusLook {
  lineStyle: LineStyle;
  /** A second colour around the line, for claims someone contests. */
  outline: string | null;
}

const statusLooks: Record<string, StatusLook> = {
${statuses}
};

function hashHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function kindLook(kind: string): KindLook {
  return kindLooks[kind] ?? { color: \`hsl(\${hashHue(kind)}, 45%, 50%)\`, shape: 'octagon' };
}

export function typeColor(type: string): string {
  return typeColors[type] ?? \`hsl(\${hashHue(type)}, 60%, 40%)\`;
}

export function statusLook(status: string): StatusLook {
  return statusLooks[status] ?? { lineStyle: 'dashed', outline: '#888888' };
}

/** "PLEDGED_ALLEGIANCE_TO" -> "pledged allegiance to", for edge labels. */
export function typeLabel(type: string): string {
  return type.toLowerCase().replaceAll('_', ' ');
}
`;
}

const rule = (selector: string, properties: [string, string | undefined][]) =>
  `${selector} {\n${properties.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`;

const nodeRule = (label: string, look: { color: string; border?: string; diameter: number; text?: string }, caption: string) =>
  rule(`node.${label}`, [
    ['color', upper(look.color)],
    ['border-color', upper(look.border ?? darker(look.color))],
    ['diameter', `${look.diameter}px`],
    ['text-color-internal', look.text && upper(look.text)],
    ['caption', `"${caption}"`],
  ]);

/** A derived relationship's caption: its type and its best Admiralty grading ("B2", empty when ungraded; src/graph/derive.ts bestGrade). */
const derivedCaption = '<type> {bestGrade}';

const edgeRule = (type: string, look: TypeEntry, caption = '<type>') =>
  rule(`relationship.${type}`, [['color', upper(look.color)], ['shaft-width', `${look.width ?? 2}px`], ['caption', `"${caption}"`]]);

/** neo4j-browser/actorgraph.grass: the Browser's style, the same colours as the web app's. */
export function generateGrass(palette: Palette = readPalette()): string {
  // No header: Browser's grass parser knows no comments (it would read one into the first selector).
  return [
    rule('node', [
      ['diameter', '50px'], ['color', '#A5ABB6'], ['border-color', '#9AA1AC'], ['border-width', '2px'],
      ['text-color-internal', '#FFFFFF'], ['font-size', '10px'], ['caption', '"{name}"'],
    ]),
    rule('relationship', [
      ['color', '#A5ABB6'], ['shaft-width', '2px'], ['font-size', '8px'], ['padding', '3px'],
      ['text-color-external', '#000000'], ['text-color-internal', '#FFFFFF'], ['caption', '"<type>"'],
    ]),
    rule('node.Actor', [['caption', '"{name}"']]),
    ...Object.entries(palette.actorKinds).map(([kind, look]) => nodeRule(kind, look, '{name}')),
    ...Object.entries(palette.claimNodes).map(([label, look]) => nodeRule(label, look, look.caption)),
    ...Object.entries(palette.relationshipTypes).map(([type, look]) => edgeRule(type, look, derivedCaption)),
    ...Object.entries(palette.claimEdges).map(([type, look]) => edgeRule(type, look)),
  ].join('');
}

/** Writes the web palette and the Browser style; returns their paths. */
export function writePaletteFiles(): string[] {
  const palette = readPalette();
  fs.writeFileSync(webPalettePath, generateWebPalette(palette));
  fs.writeFileSync(grassPath, generateGrass(palette));
  return [webPalettePath, grassPath];
}
