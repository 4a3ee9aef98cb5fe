// Reads seed/data/*.yaml with line positions, so that every problem can name its line.
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { dataFileSchema, type DataFile } from './fileSchema.ts';
import type { Problem } from './problems.ts';

export interface ParsedFile {
  /** Path shown in messages, relative to the project (e.g. seed/data/actors.yaml). */
  name: string;
  data: DataFile;
  lineOf(path: (string | number)[]): number | undefined;
}

export type PathPart = string | number;

export function formatPath(parts: readonly PathPart[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function locator(doc: Document, counter: LineCounter) {
  return (parts: PathPart[]): number | undefined => {
    for (let n = parts.length; n >= 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Parses one file; problems go to `problems`, and an unusable file returns undefined. */
export function readDataFile(file: string, displayName: string, problems: Problem[]): ParsedFile | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({ file: displayName, line: error.linePos?.[0].line, path: '(yaml)', message: error.message.split('\n')[0] ?? 'invalid YAML' });
    }
    return undefined;
  }
  const lineOf = locator(doc, counter);
  const parsed = dataFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parts = issue.path.filter((part): part is PathPart => typeof part !== 'symbol');
      problems.push({ file: displayName, line: lineOf(parts), path: formatPath(parts) || '(file)', message: issue.message });
    }
    return undefined;
  }
  return { name: displayName, data: parsed.data, lineOf };
}

export function listDataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dataDir, name));
}
