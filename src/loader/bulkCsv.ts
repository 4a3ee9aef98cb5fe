// The graph of graphRows.ts as CSV files for `neo4j-admin database import full`: one file per
// node set and per edge set, each with its header (typed columns; ids in one id space per
// label), and the import's arguments. Every string is quoted, so that "" stays an empty string
// while an empty field is no property. What CSV cannot say exactly (an empty list, a list
// holding an empty string) is left out of the file and returned as a patch to SET afterwards.
import fs from 'node:fs';
import path from 'node:path';
import type { EdgeSet, GraphRows, NodeSet, Row, Value } from './graphRows.ts';

/** Properties to set after the import, on nodes found by label and id. */
export interface Patch { label: string; key: string; rows: { id: string; value: Value }[] }

export interface CsvImport {
  /** Arguments of `neo4j-admin database import full` naming the files and how to read them. */
  args: string[];
  patches: Patch[];
}

type Column = 'string' | 'string[]' | 'boolean' | 'double' | 'long';

function columnOf(value: Exclude<Value, null>): Column {
  if (Array.isArray(value)) return 'string[]';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  return 'long';
}

/** Each property's column type, from its values (all rows of a set write a key with one type). */
function columns(rows: Iterable<Row>, where: string): Map<string, Column> {
  const found = new Map<string, Column>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (value === null) continue;
      const type = columnOf(value);
      const seen = found.get(key);
      if (seen !== undefined && seen !== type) throw new Error(`${where}.${key} holds both ${seen} and ${type} values`);
      found.set(key, type);
    }
  }
  return found;
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Whether CSV can carry the list: not empty, and no element empty (an empty field is no element). */
const csvList = (list: string[]) => list.length > 0 && !list.includes('');

/** A character that no list element holds, to separate them. */
function arrayDelimiter(graph: GraphRows): string {
  const used = new Set<string>();
  const candidates = ['\u001f', '\u001e', '\u001d', '\u001c'];
  const scan = (row: Row) => {
    for (const value of Object.values(row)) if (Array.isArray(value)) for (const item of value) for (const c of candidates) if (item.includes(c)) used.add(c);
  };
  graph.nodes.forEach((set) => set.rows.forEach(scan));
  graph.edges.forEach((set) => set.groups.forEach((group) => group.props.forEach(scan)));
  const free = candidates.find((c) => !used.has(c));
  if (free === undefined) throw new Error('every candidate array delimiter occurs in the data');
  return free;
}

/**
 * One node or edge set's lines, written through a buffer to files of at most partBytes each
 * (the importer reads a set's files as one). A part with a field that spans lines must fit in
 * the importer's read buffer: it misreads such a field that crosses from one buffer to the next.
 */
class CsvFile {
  static partBytes = 16 << 20;
  readonly parts: { file: string; bytes: number; multiline: boolean }[] = [];
  private fd = -1;
  private buffer: string[] = [];
  private buffered = 0;
  constructor(private base: string) {}
  line(fields: string[]) {
    const line = `${fields.join(',')}\n`;
    const bytes = Buffer.byteLength(line);
    let part = this.parts[this.parts.length - 1];
    if (!part || (part.bytes > 0 && part.bytes + bytes > CsvFile.partBytes)) {
      this.flush();
      if (this.fd >= 0) fs.closeSync(this.fd);
      part = { file: `${this.base}-${this.parts.length}.csv`, bytes: 0, multiline: false };
      this.parts.push(part);
      this.fd = fs.openSync(part.file, 'w');
    }
    part.bytes += bytes;
    if (!part.multiline && line.length > 1 && /[\r\n]/.test(line.slice(0, -1))) part.multiline = true;
    this.buffer.push(line);
    this.buffered += line.length;
    if (this.buffered > 1 << 20) this.flush();
  }
  flush() {
    if (this.buffer.length > 0) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }
  close() {
    this.flush();
    if (this.fd >= 0) fs.closeSync(this.fd);
  }
}

class CsvWriter {
  readonly files: CsvFile[] = [];
  readonly args: string[] = [];
  readonly patches: Patch[] = [];
  constructor(
    private dir: string,
    private delimiter: string,
  ) {}

  /** The field of a value, or undefined when CSV cannot carry it (then it is patched). */
  private field(value: Value, type: Column): string | undefined {
    if (value === null) return '';
    if (Array.isArray(value)) return csvList(value) ? quoted(value.join(this.delimiter)) : undefined;
    return type === 'string' ? quoted(value as string) : String(value);
  }

  private write(name: string, header: string[], rows: Iterable<{ key: string[]; values: Row }>, keys: [string, Column][], patch?: (row: Row, key: string) => void): string {
    const file = new CsvFile(path.join(this.dir, `${String(this.files.length).padStart(3, '0')}-${name}`));
    this.files.push(file);
    file.line([...header, ...keys.map(([key, type]) => `${key}:${type}`)]);
    for (const { key, values } of rows) {
      file.line([
        ...key,
        ...keys.map(([k, type]) => {
          const field = this.field(values[k] ?? null, type);
          if (field !== undefined) return field;
          if (!patch) throw new Error(`${name}.${k}: an edge property CSV cannot carry (${JSON.stringify(values[k])})`);
          patch(values, k);
          return '';
        }),
      ]);
    }
    file.close();
    return file.parts.map((part) => part.file).join(',');
  }

  nodes({ labels, rows }: NodeSet) {
    const space = labels[0]!;
    const keyed = rows.every((row) => typeof row.id === 'string');
    const keys = [...columns(rows, labels.join(':'))].filter(([key]) => !(keyed && key === 'id'));
    const patches = new Map<string, Patch>();
    const patch = (row: Row, key: string) => {
      if (!keyed) throw new Error(`${space}.${key}: a value CSV cannot carry on a node without id`);
      if (!patches.has(key)) patches.set(key, { label: space, key, rows: [] });
      patches.get(key)!.rows.push({ id: row.id as string, value: row[key]! });
    };
    const lines = rows.map((values, i) => ({ key: [keyed ? quoted(values.id as string) : String(i)], values }));
    const file = this.write(labels.join('-'), [keyed ? `id:ID(${space})` : `:ID(${space})`], lines, keys, patch);
    this.args.push(`--nodes=${labels.join(':')}=${file}`);
    this.patches.push(...patches.values());
  }

  edges({ type, from, to, grouped, groups }: EdgeSet) {
    const keys = [...columns((function* () { for (const group of groups.values()) yield* group.props; })(), type)];
    function* lines() {
      for (const [id, group] of groups) {
        for (let i = 0; i < group.ids.length; i++) {
          const ends = grouped === 'from' ? [id, group.ids[i]!] : [group.ids[i]!, id];
          yield { key: ends.map(quoted), values: group.props[i]! };
        }
      }
    }
    const file = this.write(`${type}-${from}-${to}`, [`:START_ID(${from})`, `:END_ID(${to})`], lines(), keys);
    this.args.push(`--relationships=${type}=${file}`);
  }
}

/** Writes the graph's CSV files into `dir` (which must exist and be empty) and returns how to import them. */
export function writeCsvImport(graph: GraphRows, dir: string): CsvImport {
  const delimiter = arrayDelimiter(graph);
  const writer = new CsvWriter(dir, delimiter);
  graph.nodes.filter((set) => set.rows.length > 0).forEach((set) => writer.nodes(set));
  graph.edges.forEach((set) => writer.edges(set));
  const multiline = writer.files.flatMap((file) => file.parts).filter((part) => part.multiline);
  // The read buffer holds any part with fields spanning lines (and so any line), whole.
  const buffer = Math.max(4 << 20, ...writer.files.flatMap((file) => file.parts).map((part) => part.bytes + (1 << 20)));
  const args = [
    ...writer.args,
    `--array-delimiter=U+${delimiter.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
    `--read-buffer-size=${buffer}`,
    ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.map((part) => part.file).join(',')}`] : []),
  ];
  return { args, patches: writer.patches };
}
