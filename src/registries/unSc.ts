// The UN Security Council Consolidated List (its XML, the UN's sc-sanctions.xsd) read into its
// records, every value with the span of its raw characters in the snapshot's text, so that each
// fact taken from it can cite an exact substring of the stored snapshot (src/domain/quotes.ts).
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { registryLimits } from '../config.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { Problem } from '../domain/problems.ts';
import type { QuoteSpan } from '../domain/quotes.ts';
import { RegistryFileError } from './registryError.ts';

/**
 * A value and where it stands. text.slice(start, end) is exactly what the file holds for it (a
 * JavaScript UTF-16 index, as QuoteSpan), XML whitespace at both ends left out; `value` is that
 * raw text decoded as XML reads it: entities and character references replaced (`&amp;` -> `&`),
 * CDATA unwrapped, `\r\n` made `\n`. So where the file has an entity the slice and `value` differ:
 * the slice is what a quote cites, `value` what it means.
 */
export interface SpannedValue extends QuoteSpan {
  value: string;
}

/** An element holding several values (an address, a document): its own span, and its children that hold one, by element name. */
export interface UnScPart extends QuoteSpan {
  fields: Record<string, SpannedValue>;
}

/** INDIVIDUAL_ALIAS / ENTITY_ALIAS: QUALITY (Good, Low, a.k.a., f.k.a.) and ALIAS_NAME; other children in `fields`. */
export interface UnScAlias extends UnScPart {
  quality?: SpannedValue;
  name: SpannedValue;
}

/** A reference number the narrative names ("Associated with Al-Qaida (QDe.004)"), and the sentence it stands in. */
export interface UnScNarrativeReference {
  /** `value` is the number as the list spells its own (QDe.014), even where the narrative wrote Qde.014. */
  referenceNumber: SpannedValue;
  sentence: QuoteSpan;
}

export type UnScRecordKind = 'individual' | 'entity';

/** One INDIVIDUAL or ENTITY. A field absent or empty in the file is left out (or its list empty). */
export interface UnScRecord extends QuoteSpan {
  kind: UnScRecordKind;
  /** The line (from 1) of the record's start tag. */
  line: number;
  referenceNumber: SpannedValue;
  dataId?: SpannedValue;
  versionNum?: SpannedValue;
  unListType?: SpannedValue;
  listedOn?: SpannedValue;
  /** FIRST_NAME to FOURTH_NAME; an entity's name is its FIRST_NAME. */
  names: { first?: SpannedValue; second?: SpannedValue; third?: SpannedValue; fourth?: SpannedValue };
  nameOriginalScript?: SpannedValue;
  gender?: SpannedValue;
  /** COMMENTS1, the narrative. */
  comments?: SpannedValue;
  narrativeReferences: UnScNarrativeReference[];
  aliases: UnScAlias[];
  titles: SpannedValue[];
  designations: SpannedValue[];
  nationalities: SpannedValue[];
  listTypes: SpannedValue[];
  lastDayUpdated: SpannedValue[];
  addresses: UnScPart[];
  datesOfBirth: UnScPart[];
  placesOfBirth: UnScPart[];
  documents: UnScPart[];
}

export interface UnScSnapshot {
  file: string;
  /** The root's dateGenerated attribute, as given (2024-09-26T00:00:07.514Z); its span is the attribute's value. */
  dateGenerated: SpannedValue;
  /** Every INDIVIDUAL, then every ENTITY, in the file's order. */
  records: UnScRecord[];
}

export interface ReadOptions {
  /** Larger files (UTF-8 bytes) are refused before parsing; registryLimits.maxRegistryBytes by default. */
  maxBytes?: number;
}

/**
 * A UN reference number as the list writes its own: the regime's two letters, e (entity) or i
 * (individual), a dot and three digits (QDe.137, QDi.299, TAi.004, IQe.017, KPe.023). Every record
 * of both snapshots in shared/registries has one of this form, once XML whitespace is trimmed.
 */
const referenceForm = /^[A-Z]{2}[ei]\.\d{3}$/;

/** The same in a narrative, which now and then changes the case (Qde.014, KPE.018): read too and spelled canonically. */
const referencePattern = /(?<![A-Za-z0-9])([A-Z][A-Za-z])([EeIi])\.(\d{3})(?!\d)/g;

/**
 * An ISO 8601 datetime as xs:dateTime writes it, the form of the root's dateGenerated:
 * 2024-09-26T00:00:07.514Z, 2018-10-29T19:09:49.856-04:00 (the zone may be left out).
 */
const datetimeForm = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;

/** True for a datetime of datetimeForm on a real day (not 2024-02-30). */
function isDatetime(value: string): boolean {
  const day = datetimeForm.exec(value)?.[1];
  return day !== undefined && parsePartialDate(day)?.precision === 'day';
}

/** A sentence's end: . ! or ? (closing quotes or brackets after it), then whitespace and what opens a sentence. */
const sentenceEnd = /[.!?]["'”’)\]]*(?=\s+["“‘(]?[A-Z])/g;

/** The root's children, the lists, each with the one element it holds (a Map: no element name reaches Object's prototype). */
const recordTags = new Map<string, { tag: string; kind: UnScRecordKind }>([
  ['INDIVIDUALS', { tag: 'INDIVIDUAL', kind: 'individual' }],
  ['ENTITIES', { tag: 'ENTITY', kind: 'entity' }],
]);
const isRecordTag = (name: string) => [...recordTags.values()].some((list) => list.tag === name);

/** An element of the text: where its tags and its content stand, the character data directly inside it. */
interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** From the `<` of the start tag to after the `>` of the end tag. */
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  text: string;
  children: XmlNode[];
}

/** Stops the reading at the first error of the XML itself. */
class XmlFault {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Reads the snapshot's text; throws RegistryFileError naming every problem (file, line, record) when it cannot. */
export function readUnScList(text: string, file: string, options: ReadOptions = {}): UnScSnapshot {
  const maxBytes = options.maxBytes ?? registryLimits.maxRegistryBytes;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new RegistryFileError(file, [{ file, path: 'file', message: `${bytes} bytes, more than the ${maxBytes} a registry file may have` }]);
  }
  const lineOf = lineIndex(text);
  const problems: Problem[] = [];
  const problem = (offset: number, path: string, message: string) => problems.push({ file, line: lineOf(offset), path, message });
  const records: UnScRecord[] = [];
  let closed = 0;
  const onRecord = (node: XmlNode, kind: UnScRecordKind) => {
    const label = recordLabel(node, ++closed);
    const record = toRecord(text, node, kind, lineOf(node.start), (message) => problem(node.start, label, message));
    if (record) records.push(record);
  };
  const onMisplaced = (node: XmlNode, parent: XmlNode) => {
    const list = recordTags.get(parent.name);
    if (list) problem(node.start, recordLabel(node, ++closed), `<${node.name}> in <${parent.name}>, where only <${list.tag}> is expected: it is not read`);
    else if (isRecordTag(node.name)) problem(node.start, recordLabel(node, ++closed), `<${node.name}> directly in <${parent.name}>, outside <INDIVIDUALS> and <ENTITIES>: it is not read`);
    else problem(node.start, `${parent.name}/${node.name}`, `<${node.name}> is not expected in <${parent.name}>, which holds <INDIVIDUALS> and <ENTITIES>: it is not read${heldElements(node, lineOf)}`);
  };
  const root = parse(text, { onRecord, onMisplaced }, (fault, open) => {
    const where = open.length > 2 ? recordLabel(open[2]!, closed + 1) : open.length ? open.map((node) => node.name).join('/') : 'file';
    problem(fault.offset, where, fault.message);
  });
  if (root && !root.children.some((list) => recordTags.has(list.name))) {
    problem(root.start, root.name, 'neither <INDIVIDUALS> nor <ENTITIES>: the list holds no records');
  }
  const dateGenerated = root && attributeValue(text, root, 'dateGenerated');
  if (root && !dateGenerated) problem(root.start, 'CONSOLIDATED_LIST', 'no dateGenerated attribute: the snapshot must say when it was generated');
  if (dateGenerated && !isDatetime(dateGenerated.value)) {
    problem(dateGenerated.start, 'CONSOLIDATED_LIST', `dateGenerated "${dateGenerated.value}" is not an ISO 8601 datetime (as 2024-09-26T00:00:07.514Z)`);
  }
  findDuplicates(records, (record, first) =>
    problem(record.start, `${record.kind.toUpperCase()} ${record.referenceNumber.value}`, `reference number ${record.referenceNumber.value} again (first at line ${first.line})`),
  );
  if (problems.length || !dateGenerated) throw new RegistryFileError(file, problems);
  return { file, dateGenerated, records };
}

/** What parse hands on as each element of the list's frame closes. */
interface ListHandlers {
  /** An INDIVIDUAL in INDIVIDUALS, an ENTITY in ENTITIES. */
  onRecord: (node: XmlNode, kind: UnScRecordKind) => void;
  /** Any other child of a list, or a child of the root that is no list. */
  onMisplaced: (node: XmlNode, parent: XmlNode) => void;
}

/**
 * Parses the text with saxes, building each record's element tree and handing it to `onRecord`
 * as it closes (records and misplaced elements are not kept in the tree); returns the root, or
 * undefined after an error of the XML itself, reported with the elements then open (the record
 * among them).
 */
function parse(text: string, { onRecord, onMisplaced }: ListHandlers, onFault: (fault: XmlFault, open: readonly XmlNode[]) => void): XmlNode | undefined {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  const fail = (message: string, offset = parser.position) => {
    throw new XmlFault(offset, message);
  };
  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')));
  parser.on('doctype', () => fail('a DOCTYPE is not expected in the list'));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const end = parser.position;
    const start = text.lastIndexOf('<', end - 1);
    const node: XmlNode = { name: tag.name, attributes: tag.attributes, start, end, contentStart: end, contentEnd: end, text: '', children: [] };
    if (!root) {
      if (tag.name !== 'CONSOLIDATED_LIST') fail(`the root element is <${tag.name}>, not <CONSOLIDATED_LIST>: not a UN Security Council Consolidated List`, start);
      root = node;
    }
    stack.push(node);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const node = stack.pop()!;
    node.end = parser.position;
    node.contentEnd = tag.isSelfClosing ? node.contentStart : text.lastIndexOf('</', node.end - 1);
    const parent = stack[stack.length - 1];
    const list = stack.length === 2 ? recordTags.get(parent!.name) : undefined;
    if (list && node.name === list.tag) onRecord(node, list.kind);
    else if (list || (stack.length === 1 && !recordTags.has(node.name))) onMisplaced(node, parent!);
    else parent?.children.push(node);
  });
  const addText = (data: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += data;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof XmlFault)) throw error;
    onFault(error, stack);
    return undefined;
  }
  return root;
}

/** The record's typed fields; undefined (after a problem) when it has no reference number. */
function toRecord(text: string, node: XmlNode, kind: UnScRecordKind, line: number, problem: (message: string) => void): UnScRecord | undefined {
  const single = (name: string) => {
    const found = node.children.filter((child) => child.name === name);
    if (found.length > 1) problem(`${found.length} <${name}> elements, where one is expected`);
    return found[0] && spanned(text, found[0]);
  };
  const referenceNumber = single('REFERENCE_NUMBER');
  if (!referenceNumber) {
    problem('no REFERENCE_NUMBER: every record must have one');
    return undefined;
  }
  if (!referenceForm.test(referenceNumber.value)) {
    problem(`reference number "${referenceNumber.value}" is not of the UN's form: two capitals, e or i, a dot and three digits (QDe.010)`);
  }
  const comments = single('COMMENTS1');
  const ownPrefix = kind === 'individual' ? 'INDIVIDUAL' : 'ENTITY';
  return {
    kind,
    start: node.start,
    end: node.end,
    line,
    referenceNumber,
    dataId: single('DATAID'),
    versionNum: single('VERSIONNUM'),
    unListType: single('UN_LIST_TYPE'),
    listedOn: single('LISTED_ON'),
    names: {
      first: single('FIRST_NAME'),
      second: single('SECOND_NAME'),
      third: single('THIRD_NAME'),
      fourth: single('FOURTH_NAME'),
    },
    nameOriginalScript: single('NAME_ORIGINAL_SCRIPT'),
    gender: single('GENDER'),
    comments,
    narrativeReferences: comments ? narrativeReferences(text, comments) : [],
    aliases: parts(text, node, `${ownPrefix}_ALIAS`).flatMap(toAlias),
    titles: values(text, node, 'TITLE'),
    designations: values(text, node, 'DESIGNATION'),
    nationalities: values(text, node, 'NATIONALITY'),
    listTypes: values(text, node, 'LIST_TYPE'),
    lastDayUpdated: values(text, node, 'LAST_DAY_UPDATED'),
    addresses: parts(text, node, `${ownPrefix}_ADDRESS`),
    datesOfBirth: parts(text, node, 'INDIVIDUAL_DATE_OF_BIRTH'),
    placesOfBirth: parts(text, node, 'INDIVIDUAL_PLACE_OF_BIRTH'),
    documents: parts(text, node, 'INDIVIDUAL_DOCUMENT'),
  };
}

/** An alias with a name (the list writes empty ones: <QUALITY/><ALIAS_NAME/>). */
function toAlias({ fields, start, end }: UnScPart): UnScAlias[] {
  const { QUALITY: quality, ALIAS_NAME: name, ...rest } = fields;
  return name ? [{ start, end, quality, name, fields: rest }] : [];
}

/** The VALUEs of each <name> child (<NATIONALITY><VALUE>Afghanistan</VALUE></NATIONALITY>), empty ones left out. */
function values(text: string, node: XmlNode, name: string): SpannedValue[] {
  return node.children
    .filter((child) => child.name === name)
    .flatMap((child) => child.children.filter((value) => value.name === 'VALUE'))
    .flatMap((value) => spanned(text, value) ?? []);
}

/** Each <name> child with its children that hold a value; those holding none are left out. */
function parts(text: string, node: XmlNode, name: string): UnScPart[] {
  return node.children
    .filter((child) => child.name === name)
    .flatMap((child) => {
      const fields: Record<string, SpannedValue> = {};
      for (const field of child.children) {
        const value = spanned(text, field);
        if (value && !(field.name in fields)) fields[field.name] = value;
      }
      return Object.keys(fields).length ? [{ start: child.start, end: child.end, fields }] : [];
    });
}

const isXmlSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const trimXmlSpace = (value: string) => value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/** The element's content, XML whitespace at both ends left out; undefined when nothing is left. */
function spanned(text: string, node: XmlNode): SpannedValue | undefined {
  const value = trimXmlSpace(node.text);
  if (value === '') return undefined;
  let start = node.contentStart;
  let end = node.contentEnd;
  while (start < end && isXmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end--;
  return { value, start, end };
}

/** An attribute's value, its span inside the quotes of the start tag. */
function attributeValue(text: string, node: XmlNode, name: string): SpannedValue | undefined {
  const value = node.attributes[name];
  if (value === undefined) return undefined;
  const tag = text.slice(node.start, node.contentStart);
  const match = new RegExp(`\\s${name}\\s*=\\s*(['"])`).exec(tag);
  if (!match) return undefined;
  const start = node.start + match.index + match[0].length;
  return { value, start, end: text.indexOf(match[1]!, start) };
}

/** The reference numbers the narrative names, each with its sentence (a heuristic: . ! ? then a capital). */
function narrativeReferences(text: string, comments: SpannedValue): UnScNarrativeReference[] {
  const raw = text.slice(comments.start, comments.end);
  const sentences = sentenceSpans(raw);
  return [...raw.matchAll(referencePattern)].map((match) => {
    const at = match.index;
    const sentence = sentences.find((span) => span.start <= at && at < span.end)!;
    return {
      referenceNumber: {
        value: `${match[1]!.toUpperCase()}${match[2]!.toLowerCase()}.${match[3]!}`,
        start: comments.start + at,
        end: comments.start + at + match[0].length,
      },
      sentence: { start: comments.start + sentence.start, end: comments.start + sentence.end },
    };
  });
}

/** The sentences of a narrative, each trimmed of the whitespace around it; together they cover every non-space character. */
function sentenceSpans(raw: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const from = start + (raw.slice(start, end).length - raw.slice(start, end).trimStart().length);
    if (from < end) spans.push({ start: from, end });
  };
  for (const match of raw.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(raw.length);
  return spans;
}

/** Calls `duplicate` for each record whose reference number an earlier one has. */
function findDuplicates(records: UnScRecord[], duplicate: (record: UnScRecord, first: UnScRecord) => void): void {
  const seen = new Map<string, UnScRecord>();
  for (const record of records) {
    const first = seen.get(record.referenceNumber.value);
    if (first) duplicate(record, first);
    else seen.set(record.referenceNumber.value, record);
  }
}

/**
 * How a problem names a record: INDIVIDUAL QDi.299, else (no reference number, or one not of the
 * UN's form) by its DATAID, else by its place (from 1) among the elements of the lists.
 */
function recordLabel(node: XmlNode, place: number): string {
  const child = (name: string) => trimXmlSpace(node.children.find((c) => c.name === name)?.text ?? '');
  const reference = child('REFERENCE_NUMBER');
  const dataId = child('DATAID');
  if (referenceForm.test(reference)) return `${node.name} ${reference}`;
  return dataId ? `${node.name} (DATAID ${dataId})` : `${node.name} (record ${place})`;
}

/** What a misplaced element held, for the problem that says it is not read: " (2 elements in it, the first INDIVIDUAL QDi.001 at line 4)". */
function heldElements(node: XmlNode, lineOf: (offset: number) => number): string {
  const [first] = node.children;
  if (!first) return '';
  const named = isRecordTag(first.name) ? recordLabel(first, 1) : `<${first.name}>`;
  return ` (${node.children.length} element(s) in it, the first ${named} at line ${lineOf(first.start)})`;
}

/** The line (from 1) of an offset in the text. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
