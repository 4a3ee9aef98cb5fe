// One record of a registry snapshot's stored text (the UN Security Council Consolidated List's
// XML) read as it should read: its fields as decoded text, each cut into pieces that remember the
// raw characters they stand for, so that a quote (offsets into the raw XML) can be marked on what
// is shown. No XML library: the reading view needs it in the browser, and it reads one record
// (a few kB) of a text the import already validated, not a whole file.
import type { QuoteSpan } from './quotes.ts';

/**
 * A run of a field's shown text and the raw characters [start, end) it stands for. Where the raw
 * text is plain (or inside CDATA) the two are the same characters; an entity (&amp;) is one
 * piece of its own, `decoded`, that cannot be cut.
 */
export interface RecordPiece extends QuoteSpan {
  text: string;
  decoded: boolean;
}

/** An element's value: its pieces (XML whitespace at both ends left out), their span and their text. */
export interface RecordField extends QuoteSpan {
  value: string;
  pieces: RecordPiece[];
}

export interface RecordAlias {
  /** Good, Low, a.k.a., f.k.a. */
  quality?: RecordField;
  name: RecordField;
}

/** What a reader wants of an INDIVIDUAL or ENTITY; a field the record leaves empty is absent (a list empty). */
export interface RegistryRecord extends QuoteSpan {
  kind: 'individual' | 'entity';
  referenceNumber?: RecordField;
  /** FIRST_NAME to FOURTH_NAME, those given. */
  names: RecordField[];
  /** UN_LIST_TYPE: the sanctions regime. */
  regime?: RecordField;
  listedOn?: RecordField;
  originalScript?: RecordField;
  aliases: RecordAlias[];
  nationalities: RecordField[];
  /** COMMENTS1. */
  narrative?: RecordField;
}

/** A record as the picker lists it. */
export interface RecordEntry extends QuoteSpan {
  referenceNumber: string;
  name: string;
}

const recordTags = { INDIVIDUAL: 'individual', ENTITY: 'entity' } as const;
type RecordTag = keyof typeof recordTags;

/** The INDIVIDUAL or ENTITY element around `offset` (from its `<` to after its end tag's `>`), or null. */
export function recordSpanAt(text: string, offset: number): QuoteSpan | null {
  let found: { tag: RecordTag; start: number } | null = null;
  for (const tag of Object.keys(recordTags) as RecordTag[]) {
    // `<ENTITY>` or `<ENTITY ...>`, never `<ENTITY_ALIAS>`: the character after the name decides.
    for (let at = text.lastIndexOf(`<${tag}`, offset); at >= 0; at = text.lastIndexOf(`<${tag}`, at - 1)) {
      if (/[\s>]/.test(text.charAt(at + tag.length + 1))) {
        if (!found || at > found.start) found = { tag, start: at };
        break;
      }
      if (at === 0) break;
    }
  }
  if (!found) return null;
  const close = text.indexOf(`</${found.tag}>`, found.start);
  if (close < 0) return null;
  const end = close + found.tag.length + 3;
  return offset < end ? { start: found.start, end } : null;
}

/** The record whose element is text.slice(span.start, span.end) (as recordSpanAt gives it). */
export function readRegistryRecord(text: string, span: QuoteSpan): RegistryRecord {
  const root = parseElement(text, span);
  const kind = recordTags[root.name as RecordTag] ?? 'entity';
  const child = (name: string) => root.children.find((node) => node.name === name);
  const field = (name: string) => fieldOf(child(name));
  const own = kind === 'individual' ? 'INDIVIDUAL' : 'ENTITY';
  return {
    kind,
    start: span.start,
    end: span.end,
    referenceNumber: field('REFERENCE_NUMBER'),
    names: ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].flatMap((name) => field(name) ?? []),
    regime: field('UN_LIST_TYPE'),
    listedOn: field('LISTED_ON'),
    originalScript: field('NAME_ORIGINAL_SCRIPT'),
    aliases: root.children
      .filter((node) => node.name === `${own}_ALIAS`)
      .flatMap((alias) => {
        const name = fieldOf(alias.children.find((node) => node.name === 'ALIAS_NAME'));
        return name ? [{ quality: fieldOf(alias.children.find((node) => node.name === 'QUALITY')), name }] : [];
      }),
    nationalities: root.children
      .filter((node) => node.name === 'NATIONALITY')
      .flatMap((nationality) => nationality.children.filter((node) => node.name === 'VALUE').flatMap((node) => fieldOf(node) ?? [])),
    narrative: field('COMMENTS1'),
  };
}

/** Every record of the text with its reference number and name, in the file's order: what the picker filters. One pass forward. */
export function registryRecordIndex(text: string): RecordEntry[] {
  const entries: RecordEntry[] = [];
  const startTag = /<(INDIVIDUAL|ENTITY)[\s>]/g;
  for (let match = startTag.exec(text); match; match = startTag.exec(text)) {
    const close = text.indexOf(`</${match[1]!}>`, match.index);
    if (close < 0) break;
    const span = { start: match.index, end: close + match[1]!.length + 3 };
    startTag.lastIndex = span.end;
    const record = readRegistryRecord(text, span);
    if (record.referenceNumber) entries.push({ ...span, referenceNumber: record.referenceNumber.value, name: record.names.map((n) => n.value).join(' ') });
  }
  return entries;
}

/** The root's dateGenerated attribute (2024-09-26T00:00:07.514Z), read from the text's first lines. */
export function registryGenerated(text: string): string | null {
  return /\sdateGenerated\s*=\s*(['"])([^'"]*)\1/.exec(text.slice(0, 4000))?.[2] ?? null;
}

/** The pieces cut again at each of `edges` (raw offsets) that falls inside a plain one, so that a mark can start or end there. */
export function cutPieces(pieces: RecordPiece[], edges: readonly number[]): RecordPiece[] {
  return pieces.flatMap((piece) => {
    if (piece.decoded) return [piece];
    const cuts = [...new Set(edges.filter((edge) => piece.start < edge && edge < piece.end))].sort((a, b) => a - b);
    const bounds = [piece.start, ...cuts, piece.end];
    return bounds.slice(1).map((end, i) => {
      const start = bounds[i]!;
      return { start, end, text: piece.text.slice(start - piece.start, end - piece.start), decoded: false };
    });
  });
}

/** An element of the record: its children, and the pieces of the character data directly in it. */
interface XmlElement {
  name: string;
  children: XmlElement[];
  pieces: RecordPiece[];
}

/** Builds the element tree of [span.start, span.end): tags, character data (entities decoded) and CDATA; comments and instructions skipped. */
function parseElement(text: string, span: QuoteSpan): XmlElement {
  const root: XmlElement = { name: '', children: [], pieces: [] };
  const stack = [root];
  let at = span.start;
  while (at < span.end) {
    const lt = text.indexOf('<', at);
    const next = lt < 0 || lt > span.end ? span.end : lt;
    if (next > at) stack[stack.length - 1]!.pieces.push(...characterData(text, at, next));
    if (next >= span.end) break;
    if (text.startsWith('<![CDATA[', next)) {
      const close = text.indexOf(']]>', next);
      const end = close < 0 ? span.end : close;
      if (end > next + 9) stack[stack.length - 1]!.pieces.push({ start: next + 9, end, text: text.slice(next + 9, end), decoded: false });
      at = end + 3;
      continue;
    }
    const gt = text.indexOf('>', next);
    if (gt < 0) break;
    at = gt + 1;
    const tag = text.slice(next + 1, gt);
    if (tag.startsWith('!') || tag.startsWith('?')) continue; // a comment or an instruction (a comment holding '>' is not expected in the list)
    if (tag.startsWith('/')) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const element: XmlElement = { name: /^[^\s/>]+/.exec(tag)?.[0] ?? '', children: [], pieces: [] };
    stack[stack.length - 1]!.children.push(element);
    if (!tag.endsWith('/')) stack.push(element);
  }
  return root.children[0] ?? root;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The raw character data [start, end) as pieces: plain runs, and each entity or character reference decoded on its own. */
function characterData(text: string, start: number, end: number): RecordPiece[] {
  const pieces: RecordPiece[] = [];
  const plain = (from: number, to: number) => {
    if (to > from) pieces.push({ start: from, end: to, text: text.slice(from, to), decoded: false });
  };
  let from = start;
  // Matched in the run alone: a regex's lastIndex on the whole text would search on past `end`.
  for (const match of text.slice(start, end).matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g)) {
    const name = match[1]!;
    const decoded = name.startsWith('#') ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : entities[name];
    if (decoded === undefined) continue;
    const at = start + match.index;
    plain(from, at);
    pieces.push({ start: at, end: at + match[0].length, text: decoded, decoded: true });
    from = at + match[0].length;
  }
  plain(from, end);
  return pieces;
}

/** An element's value with XML whitespace at both ends left out of its pieces; undefined when nothing is left. */
function fieldOf(element: XmlElement | undefined): RecordField | undefined {
  if (!element) return undefined;
  const pieces = element.pieces.map((piece) => ({ ...piece }));
  while (pieces.length && !pieces[0]!.decoded) {
    const first = pieces[0]!;
    const trimmed = first.text.replace(/^[ \t\r\n]+/, '');
    first.start += first.text.length - trimmed.length;
    first.text = trimmed;
    if (trimmed) break;
    pieces.shift();
  }
  while (pieces.length && !pieces[pieces.length - 1]!.decoded) {
    const last = pieces[pieces.length - 1]!;
    const trimmed = last.text.replace(/[ \t\r\n]+$/, '');
    last.end -= last.text.length - trimmed.length;
    last.text = trimmed;
    if (trimmed) break;
    pieces.pop();
  }
  if (pieces.length === 0) return undefined;
  return { start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end, value: pieces.map((piece) => piece.text).join(''), pieces };
}
