// Reads seed/data/*.yaml (and *.json) quickly, and again with line positions when a problem must name its line.
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { dataFileSchema, type DataFile } from '../domain/fileSchema.ts';
import { formatPath, type PathPart, type Problem } from '../domain/problems.ts';

export interface ParsedFile {
  /** Path shown in messages, relative to the project (e.g. seed/data/actors.yaml). */
  name: string;
  data: DataFile;
  lineOf(path: (string | number)[]): number | undefined;
}

type Locator = (parts: PathPart[]) => number | undefined;

function locator(doc: Document, counter: LineCounter): Locator {
  return (parts) => {
    for (let n = parts.length; n >= 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

function parseWithPositions(text: string) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  return { doc, lineOf: locator(doc, counter) };
}

/** The file's content by a fast parser (JSON.parse, js-yaml), or undefined when it fails: then `yaml` says where and why. */
function parseFast(file: string, text: string): { value: unknown } | undefined {
  try {
    const value: unknown = file.endsWith('.json') ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA, filename: file });
    return { value: value ?? {} };
  } catch {
    return undefined;
  }
}

/**
 * Parses one YAML or JSON file; problems go to `problems`, and an unusable file returns
 * undefined. The fast parsers read it (the `yaml` package, which keeps positions, is several
 * times slower); it is read again with positions only when a problem needs a line number.
 */
export function readDataFile(file: string, displayName: string, problems: Problem[]): ParsedFile | undefined {
  const text = fs.readFileSync(file, 'utf8');
  let lineOf: Locator | undefined;
  const locate: Locator = (parts) => (lineOf ??= parseWithPositions(text).lineOf)(parts);
  let raw = parseFast(file, text)?.value;
  if (raw === undefined) {
    const parsed = parseWithPositions(text);
    if (parsed.doc.errors.length > 0) {
      for (const error of parsed.doc.errors) {
        const message = error.message.split('\n')[0] ?? 'invalid YAML';
        problems.push({ file: displayName, line: error.linePos?.[0].line, path: '(syntax)', message });
      }
      return undefined;
    }
    raw = parsed.doc.toJS() ?? {};
    lineOf = parsed.lineOf;
  }
  const data = dataFileSchema.safeParse(raw);
  if (!data.success) {
    for (const issue of data.error.issues) {
      const parts = issue.path.filter((part): part is PathPart => typeof part !== 'symbol');
      problems.push({ file: displayName, line: locate(parts), path: formatPath(parts) || '(file)', message: issue.message });
    }
    return undefined;
  }
  return { name: displayName, data: data.data, lineOf: locate };
}

export function listDataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(dataDir, name));
}
