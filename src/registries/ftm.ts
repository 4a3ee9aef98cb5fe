// FollowTheMoney entities as JSON lines (OpenSanctions' and Aleph's exchange format, and what
// `npm run export -- --format ftm` writes): one entity a line, {id, schema, properties: {prop:
// [values]}, datasets, first_seen, ...}, each value read with its raw span in the file. Every
// problem of the file (no JSON, no id or schema, a schema FtM does not have, an id twice) is named
// by file, line and field; a file with any is refused whole (RegistryFileError).
import { registryLimits } from '../config.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { Problem } from '../domain/problems.ts';
import type { QuoteSpan } from '../domain/quotes.ts';
import { readJsonSpans, type JsonMember, type JsonNode } from './jsonSpans.ts';
import { RegistryFileError } from './registryError.ts';

/**
 * The schemata of FtM's model (followthemoney 4, its schema/ folder): a schema outside it is a
 * mistake of the file, not a kind of entity we may leave out.
 */
export const ftmModelSchemata = new Set([
  'Address', 'Airplane', 'Analyzable', 'Article', 'Asset', 'Associate', 'Audio', 'BankAccount', 'Call', 'CallForTenders', 'Company',
  'Contract', 'ContractAward', 'Control', 'CourtCase', 'CourtCaseParty', 'CryptoWallet', 'Debt', 'Directorship', 'Document',
  'Documentation', 'EconomicActivity', 'Email', 'Employment', 'Event', 'Family', 'Folder', 'HyperText', 'Identification', 'Image',
  'Interest', 'Interval', 'LegalEntity', 'License', 'Membership', 'Mention', 'Message', 'Note', 'Occupancy', 'Organization',
  'Ownership', 'Package', 'Page', 'Pages', 'Passport', 'Payment', 'Person', 'PlainText', 'Position', 'Project', 'ProjectParticipant',
  'PublicBody', 'RealEstate', 'Representation', 'Risk', 'Sanction', 'Security', 'Similar', 'Succession', 'Table', 'TaxRoll',
  'Territory', 'Thing', 'Trip', 'UnknownLink', 'UserAccount', 'Value', 'Vehicle', 'Vessel', 'Video', 'Workbook',
]);

/** A string of the file: its value and the raw characters between its quotes. */
export interface SpannedString extends QuoteSpan {
  value: string;
}

/** A property: its values, and the span of the whole member (`"alias":["a","b"]`). */
export interface FtmProperty {
  member: QuoteSpan;
  values: SpannedString[];
}

export interface FtmLine {
  id: SpannedString;
  schema: string;
  properties: Map<string, FtmProperty>;
  datasets: string[];
  /** Line (from 1) in the file. */
  line: number;
}

export interface FtmFile {
  file: string;
  entities: FtmLine[];
  /** The latest day the entities state (first_seen, last_seen, last_change, modifiedAt), or null. */
  latestDay: string | null;
}

/** Entity fields that date the data (OpenSanctions writes first_seen, last_seen and last_change; our export the first two). */
const dateFields = ['first_seen', 'last_seen', 'last_change'];

const spanned = (node: JsonNode & { type: 'string' }): SpannedString => ({ value: node.value, start: node.raw.start, end: node.raw.end });

/** A date's day (FtM datetimes start with it), '' for a date coarser than a day, null for no date at all. */
function dayOf(value: string): string | null {
  const day = value.slice(0, 10);
  if (parsePartialDate(day)?.precision === 'day' && (value.length === 10 || value[10] === 'T' || value[10] === ' ')) return day;
  return parsePartialDate(value) ? '' : null;
}

/** Reads the file's entities; throws RegistryFileError naming every problem (file, line, field) when it cannot. */
export function readFtmEntities(text: string, file: string, maxBytes: number = registryLimits.maxRegistryBytes): FtmFile {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new RegistryFileError(file, [{ file, path: 'file', message: `${bytes} bytes, more than the ${maxBytes} a registry file may have` }]);
  const problems: Problem[] = [];
  const entities: FtmLine[] = [];
  const firstLine = new Map<string, number>();
  let latestDay: string | null = null;
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let line = 1; start < text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const problem = (path: string, message: string) => problems.push({ file, line, path, message });
    const entity = readLine(text, start, end, line, problem);
    start = end + 1;
    if (!entity) continue;
    const first = firstLine.get(entity.line.id.value);
    if (first !== undefined) problem(`entity ${entity.line.id.value}`, `id ${entity.line.id.value} again (first at line ${first})`);
    else firstLine.set(entity.line.id.value, line);
    entities.push(entity.line);
    for (const [field, value] of entity.dates) {
      const day = dayOf(value);
      if (day === null) problem(`entity ${entity.line.id.value} ${field}`, `"${value}" is not a date`);
      else if (day && (latestDay === null || day > latestDay)) latestDay = day;
    }
  }
  if (problems.length) throw new RegistryFileError(file, problems);
  return { file, entities, latestDay };
}

/** One line as an entity with the dates it states; null (and its problems reported) when it is none. */
function readLine(text: string, start: number, end: number, line: number, problem: (path: string, message: string) => void): { line: FtmLine; dates: [string, string][] } | null {
  const raw = text.slice(start, end);
  if (raw.trim() === '') return null;
  try {
    JSON.parse(raw);
  } catch (error) {
    problem('line', `not JSON: ${(error as Error).message}`);
    return null;
  }
  // The whole text, not the line cut out, so that every span counts from the start of the file.
  const node = readJsonSpans(text, start);
  if (node.type !== 'object') {
    problem('line', 'not an FtM entity: a JSON object {id, schema, properties} is expected');
    return null;
  }
  const id = node.members.get('id')?.value;
  if (id?.type !== 'string' || id.value.trim() === '') {
    problem('id', 'no id: every entity needs a non-empty string id');
    return null;
  }
  const where = `entity ${id.value}`;
  const schema = node.members.get('schema')?.value;
  if (schema?.type !== 'string' || schema.value === '') {
    problem(`${where} schema`, 'no schema');
    return null;
  }
  if (!ftmModelSchemata.has(schema.value)) {
    problem(`${where} schema`, `unknown schema "${schema.value}": not one of FtM's model`);
    return null;
  }
  const properties = readProperties(node.members.get('properties'), (path, message) => problem(`${where} ${path}`, message));
  const datasets = node.members.get('datasets')?.value;
  const dates: [string, string][] = [];
  for (const field of dateFields) {
    const value = node.members.get(field)?.value;
    if (value?.type === 'string') dates.push([field, value.value]);
  }
  for (const value of properties?.get('modifiedAt')?.values ?? []) dates.push(['properties.modifiedAt', value.value]);
  if (!properties) return null;
  const datasetNames = datasets?.type === 'array' ? datasets.items.flatMap((item) => (item.type === 'string' ? [item.value] : [])) : [];
  return { line: { id: spanned(id), schema: schema.value, properties, datasets: datasetNames, line }, dates };
}

/** `properties`: an object of lists of strings (absent: none); null when it is not. */
function readProperties(member: JsonMember | undefined, problem: (path: string, message: string) => void): Map<string, FtmProperty> | null {
  const properties = new Map<string, FtmProperty>();
  if (!member) return properties;
  if (member.value.type !== 'object') {
    problem('properties', 'not an object of property lists');
    return null;
  }
  let ok = true;
  for (const [prop, { start, end, value }] of member.value.members) {
    const values = value.type === 'array' ? value.items : [];
    if (value.type !== 'array' || values.some((item) => item.type !== 'string')) {
      problem(`properties.${prop}`, 'not a list of strings');
      ok = false;
      continue;
    }
    properties.set(prop, { member: { start, end }, values: values.map((item) => spanned(item as JsonNode & { type: 'string' })) });
  }
  return ok ? properties : null;
}
