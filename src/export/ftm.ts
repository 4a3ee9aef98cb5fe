// The graph as FollowTheMoney (FtM) entities: our actor kinds and relationship types mapped onto
// FtM's schemata (one table each), and each actor, relationship and source made one entity.
// FtM's model is the Python package followthemoney (pinned in tools/python/requirements.txt);
// test/ftm.test.ts reads every entity written here with it.
import { createHash } from 'node:crypto';
import type { ExportEdge, ExportGraph, ExportNode } from '../domain/formats.ts';
import { ancestry, ftmActorSchemata, ftmTieSchemata, tieSchemata, typePhrase, type ActorSchema, type TieSchema } from '../domain/ftmSchemata.ts';
import { parsePartialDate, type PartialDate } from '../domain/partialDate.ts';
import type { ExportProvenance, ProvenanceClaim, ProvenanceSource } from './provenance.ts';

// The mapping lives in the domain, shared with the import; re-exported for the export's readers.
export { ftmActorSchemata, ftmTieSchemata, typePhrase, type TieSchema };

/** The dataset every entity and statement names. */
export const ftmDataset = 'actorgraph';

/** An FtM entity as FtM's JSON lines hold it: id, schema, properties (lists of strings), and context fields. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  /**
   * The earliest and latest publication dates of the sources it was seen in (FtM datetimes), each
   * only when the sources give it to the day (see `seenDates`).
   */
  first_seen?: string;
  last_seen?: string;
}

/** The provenance of one value: the claims it is drawn from. */
export interface FtmValueOrigin {
  claims: readonly ProvenanceClaim[];
}

/** An entity with, for each property value, the claims behind it (for statements). */
export interface FtmRecord {
  entity: FtmEntity;
  /** `${prop}\u0000${value}` -> its claims; values not listed have the entity's claims. */
  origins: Map<string, readonly ProvenanceClaim[]>;
  claims: readonly ProvenanceClaim[];
}

const entityIdPattern = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
/** FtM's limit on an entity id's length. */
const maxIdLength = 200;

/**
 * A stable FtM id from one of ours: `ag-<prefix><id>`, or its SHA-1 where that is no valid FtM id.
 * Each kind has its own prefix, none the start of another's, so that no two kinds share an id
 * (an actor "rel-a--leads--b" and a relationship "a--leads--b" are `ag-actor-rel-a--leads--b` and
 * `ag-rel-a--leads--b`).
 */
export function ftmId(prefix: string, id: string): string {
  const plain = `ag-${prefix}${id}`;
  if (plain.length <= maxIdLength && entityIdPattern.test(plain)) return plain;
  return `ag-${prefix}${createHash('sha1').update(id).digest('hex')}`;
}
export const actorEntityId = (id: string) => ftmId('actor-', id);
export const relationshipEntityId = (id: string) => ftmId('rel-', id);
export const sourceEntityId = (id: string) => ftmId('src-', id);

/** A day as an FtM datetime: followthemoney reads only YYYY-MM-DDTHH:MM:SS (rigour's iso_datetime), no bare date. */
const dayStart = (day: string) => `${day}T00:00:00`;

function partialDate(text: string): PartialDate {
  const date = parsePartialDate(text);
  if (!date) throw new Error(`FtM export: publication date "${text}" is no partial date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return date;
}

/**
 * The earliest and latest of some publication dates (partial dates) as FtM's first_seen and
 * last_seen, each written only when the dates give it to the day. A year or a month ("2015",
 * "2015-01") holds no day, and writing its first instant would invent one (and put last_seen
 * before the end of the period it stands for), so such a field is left out. The earliest is known
 * to the day when a date given to the day starts no later than any other date does; the latest
 * when one ends no earlier than any other does ("2002-09-16" and "2015-01": first_seen
 * 2002-09-16, no last_seen).
 */
export function seenDates(dates: readonly (string | null)[]): Pick<FtmEntity, 'first_seen' | 'last_seen'> {
  const known = dates.filter((date): date is string => date !== null).map(partialDate);
  if (known.length === 0) return {};
  const earliest = known.reduce((min, date) => (date.start < min ? date.start : min), known[0]!.start);
  const latest = known.reduce((max, date) => (date.end > max ? date.end : max), known[0]!.end);
  const toTheDay = known.filter((date) => date.precision === 'day');
  const seen: Pick<FtmEntity, 'first_seen' | 'last_seen'> = {};
  if (toTheDay.some((date) => date.start === earliest)) seen.first_seen = dayStart(earliest);
  if (toTheDay.some((date) => date.end === latest)) seen.last_seen = dayStart(latest);
  return seen;
}

/** Acronyms and very short names (IS, IMU, SNB) are weak aliases: too generic to match a name on. */
const isWeakAlias = (alias: string) => alias.length < 4 || /^[\p{Lu}\d.-]+$/u.test(alias);


/** The tie schemata that say their type by themselves: each the first choice of one type alone. */
const selfSaying = new Set(
  (Object.keys(tieSchemata) as TieSchema[]).filter((schema) => Object.values(ftmTieSchemata).filter((choices) => choices[0] === schema).length === 1),
);

const fits = (range: string | null, schema: ActorSchema) => range === null || (ancestry[schema] as readonly string[]).includes(range);

/** The FtM schema of a relationship of this type between actors of these schemata. */
export function tieSchemaFor(type: string, subject: ActorSchema, object: ActorSchema): TieSchema {
  const choices = ftmTieSchemata[type];
  if (!choices) throw new Error(`relationship type "${type}" has no FtM schema in src/export/ftm.ts`);
  const schema = choices.find((choice) => fits(tieSchemata[choice].subject.range, subject) && fits(tieSchemata[choice].object.range, object));
  if (!schema) throw new Error(`no FtM schema of ${type} (${choices.join(', ')}) admits a ${subject} and a ${object}`);
  return schema;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function actorSchema(node: ExportNode): ActorSchema {
  const schema = ftmActorSchemata[node.kind];
  if (!schema) throw new Error(`actor kind "${node.kind}" (actor ${node.id}) has no FtM schema in src/export/ftm.ts`);
  return schema;
}

/** Adds values to a property, leaving out empty ones and repeats. */
function put(properties: Record<string, string[]>, prop: string, ...values: (string | null | undefined)[]) {
  for (const value of values) {
    if (value === null || value === undefined || value.trim() === '') continue;
    const held = (properties[prop] ??= []);
    if (!held.includes(value)) held.push(value);
  }
}

/** The earliest and latest observation of some claims, as FtM datetimes where known to the day. */
const seen = (claims: readonly ProvenanceClaim[]) => seenDates(claims.map((claim) => claim.observedAt));

const originKey = (prop: string, value: string) => `${prop}\u0000${value}`;

function actorRecord(node: ExportNode, claims: readonly ProvenanceClaim[]): FtmRecord {
  const properties: Record<string, string[]> = {};
  put(properties, 'name', text(node.properties.name) ?? node.id);
  const aliases = list(node.properties.aliases);
  put(properties, 'alias', ...aliases.filter((alias) => !isWeakAlias(alias)));
  put(properties, 'weakAlias', ...aliases.filter(isWeakAlias));
  put(properties, 'description', text(node.properties.description));
  // FtM's schema cannot tell a Group from an Organization, nor a State from a ministry: LegalEntity's
  // `classification` ("as provided by the data source") says our kind, and the import reads it back.
  const schema = actorSchema(node);
  if ((ancestry[schema] as readonly string[]).includes('LegalEntity')) put(properties, 'classification', node.kind);
  const entity: FtmEntity = { id: actorEntityId(node.id), schema, properties, datasets: [ftmDataset], ...seen(claims) };
  return { entity, origins: new Map(), claims };
}

/** An actor alone as its FtM entity (name, alias, weakAlias, description), with no claims: for matching it elsewhere (bench/matching/). */
export const ftmActorEntity = (node: ExportNode): FtmEntity => actorRecord(node, []).entity;

function sourceRecord(source: ProvenanceSource, claims: readonly ProvenanceClaim[]): FtmRecord {
  const properties: Record<string, string[]> = {};
  put(properties, 'title', source.title);
  put(properties, 'author', source.author);
  put(properties, 'publisher', source.publisher);
  put(properties, 'publishedAt', source.published);
  put(properties, 'sourceUrl', source.url);
  if (source.reliability !== null) put(properties, 'description', `Source reliability (Admiralty): ${source.reliability}. ${source.reliabilityReason ?? ''}`.trim());
  const entity: FtmEntity = { id: sourceEntityId(source.id), schema: 'Article', properties, datasets: [ftmDataset], ...seenDates([source.published]) };
  return { entity, origins: new Map(), claims };
}

/** A relationship's claim status: derived from its claims, so every relationship has one. */
function statusOf(edge: ExportEdge): string {
  const status = text(edge.properties.status);
  if (status === null) throw new Error(`FtM export: relationship ${edge.id} has no status (every derived relationship has one)`);
  return status;
}

/** How sure the graph is of a tie, in words for `description`. */
function statusText(edge: ExportEdge, names: (ids: string[]) => string): string {
  const status = statusOf(edge);
  const claimedBy = list(edge.properties.claimedBy);
  const disputedBy = list(edge.properties.disputedBy);
  const parts = [`Status: ${status}`];
  if (claimedBy.length > 0) parts.push(`claimed by ${names(claimedBy)}`);
  if (disputedBy.length > 0) parts.push(`disputed by ${names(disputedBy)}`);
  const best = text(edge.properties.bestGrade);
  if (best !== null) parts.push(`best grading of its claims (Admiralty, source reliability and credibility) ${best}`);
  return `${parts.join('; ')}.`;
}

/** Records a value of a tie drawn from some of its claims (all of them when none says it alone). */
type Drawn = (prop: string, value: string | null, from: readonly ProvenanceClaim[]) => void;

/** A tie's claims as FtM cites them: each claim's id, and each source's Article, URL and publisher, drawn from its claims. */
function cite(drawn: Drawn, claims: readonly ProvenanceClaim[], sources: Map<string, ProvenanceSource>) {
  for (const claim of claims) drawn('recordId', claim.id, [claim]);
  const sourceOf = (claim: ProvenanceClaim) => sources.get(claim.source);
  for (const sourceId of [...new Set(claims.map((claim) => claim.source))].sort()) {
    drawn('proof', sourceEntityId(sourceId), claims.filter((claim) => claim.source === sourceId));
    const source = sources.get(sourceId);
    drawn('sourceUrl', source?.url ?? null, claims.filter((claim) => sourceOf(claim)?.url === source?.url));
    drawn('publisher', source?.publisher ?? null, claims.filter((claim) => sourceOf(claim)?.publisher === source?.publisher));
  }
}

function tieRecord(edge: ExportEdge, ends: Map<string, ExportNode>, claims: readonly ProvenanceClaim[], sources: Map<string, ProvenanceSource>): FtmRecord {
  const from = ends.get(edge.source)!;
  const to = ends.get(edge.target)!;
  const schema = tieSchemaFor(edge.type, actorSchema(from), actorSchema(to));
  const spec = tieSchemata[schema];
  const name = (node: ExportNode) => text(node.properties.name) ?? node.id;
  const names = (ids: string[]) => ids.map((id) => (ends.has(id) ? name(ends.get(id)!) : id)).join(', ');
  const properties: Record<string, string[]> = {};
  const origins = new Map<string, readonly ProvenanceClaim[]>();
  const drawn: Drawn = (prop, value, from) => {
    if (value === null) return;
    put(properties, prop, value);
    origins.set(originKey(prop, value), from.length > 0 ? from : claims);
  };
  put(properties, spec.subject.prop, spec.subject.range === null ? name(from) : actorEntityId(from.id));
  put(properties, spec.object.prop, actorEntityId(to.id));
  if (!selfSaying.has(schema)) put(properties, spec.role, typePhrase(edge.type));
  const [role, since, until] = [text(edge.properties.role), text(edge.properties.since), text(edge.properties.until)];
  drawn(spec.role, role, claims.filter((claim) => claim.role === role));
  drawn('startDate', since, claims.filter((claim) => claim.since === since));
  drawn('endDate', until, claims.filter((claim) => claim.until === until));
  if (spec.status) put(properties, 'status', statusOf(edge));
  put(properties, 'summary', `${name(from)} ${typePhrase(edge.type)} ${name(to)}`);
  put(properties, 'description', statusText(edge, names));
  cite(drawn, claims, sources);
  const entity: FtmEntity = { id: relationshipEntityId(edge.id), schema, properties, datasets: [ftmDataset], ...seen(claims) };
  return { entity, origins, claims };
}

/** Every actor, source and relationship of an exported graph as FtM entities, actors first. */
export function ftmRecords(graph: ExportGraph, provenance: ExportProvenance): FtmRecord[] {
  const ends = new Map(graph.nodes.map((node) => [node.id, node]));
  const claimsOf = (edge: ExportEdge) => list(edge.properties.claims).map((id) => provenance.claims.get(id)).filter((c): c is ProvenanceClaim => c !== undefined);
  const byActor = new Map<string, ProvenanceClaim[]>();
  const bySource = new Map<string, ProvenanceClaim[]>();
  for (const edge of graph.edges) {
    for (const claim of claimsOf(edge)) {
      for (const actor of [edge.source, edge.target]) (byActor.get(actor) ?? byActor.set(actor, []).get(actor)!).push(claim);
      (bySource.get(claim.source) ?? bySource.set(claim.source, []).get(claim.source)!).push(claim);
    }
  }
  return [
    ...graph.nodes.map((node) => actorRecord(node, byActor.get(node.id) ?? [])),
    ...[...provenance.sources.values()].filter((source) => bySource.has(source.id)).map((source) => sourceRecord(source, bySource.get(source.id)!)),
    ...graph.edges.map((edge) => tieRecord(edge, ends, claimsOf(edge), provenance.sources)),
  ];
}

/** FtM's entity JSON lines (`ftm` tools read them with `read_entity`), one entity a line. */
export function toFtmJsonLines(records: readonly FtmRecord[]): string {
  return records.map((record) => JSON.stringify(record.entity) + '\n').join('');
}

/** The FtM type of each property written here (the same in every schema that has it), for statements' prop_type. */
const propTypes: Readonly<Record<string, string>> = {
  name: 'name', alias: 'name', weakAlias: 'name', description: 'text', classification: 'string', summary: 'text',
  title: 'string', author: 'string', publisher: 'string', publishedAt: 'date', sourceUrl: 'url',
  member: 'entity', organization: 'entity', director: 'entity', person: 'entity', associate: 'entity', payer: 'entity',
  beneficiary: 'entity', entity: 'entity', subject: 'entity', object: 'entity', proof: 'entity', authority: 'string',
  role: 'string', relationship: 'string', purpose: 'text', program: 'string', status: 'string', recordId: 'string',
  startDate: 'date', endDate: 'date',
};

function propType(prop: string): string {
  const type = propTypes[prop];
  if (!type) throw new Error(`FtM property "${prop}" has no type in src/export/ftm.ts`);
  return type;
}

/** The columns of followthemoney's statement CSV (`followthemoney.statement.serialize.CSV_COLUMNS`). */
export const statementColumns = ['canonical_id', 'entity_id', 'prop', 'prop_type', 'schema', 'value', 'dataset', 'origin', 'lang', 'original_value', 'external', 'first_seen', 'last_seen', 'id'] as const;

/** A statement's key as followthemoney makes it (`Statement.make_key`): SHA-1 of dataset.entity.prop.value. */
const statementKey = (entityId: string, prop: string, value: string) => createHash('sha1').update(`${ftmDataset}.${entityId}.${prop}.${value}`).digest('hex');

/** Each cell quoted, as Python's csv.unix_dialect writes it (which followthemoney's reader uses). */
const csvRow = (cells: readonly string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',') + '\n';

/**
 * Every value of every entity as one FtM statement: the id statement, then each property value,
 * with the earliest and latest publication dates of the sources of the claims it is drawn from
 * (first_seen, last_seen, where known to the day) and those sources' ids (origin). followthemoney
 * reads a statement without last_seen as last seen at its first_seen, so a statement whose latest
 * date is not known to the day leaves out first_seen too.
 */
export function toFtmStatementsCsv(records: readonly FtmRecord[]): string {
  const rows = [csvRow(statementColumns)];
  for (const { entity, origins, claims } of records) {
    const statement = (prop: string, type: string, value: string, from: readonly ProvenanceClaim[]) => {
      const { first_seen, last_seen } = from.length > 0 ? seen(from) : entity;
      const dated = last_seen !== undefined;
      const origin = [...new Set(from.map((claim) => claim.source))].sort().join(' ');
      const cells = { canonical_id: entity.id, entity_id: entity.id, prop, prop_type: type, schema: entity.schema, value, dataset: ftmDataset, origin, lang: '', original_value: '', external: 'f', first_seen: dated ? (first_seen ?? '') : '', last_seen: last_seen ?? '', id: statementKey(entity.id, prop, value) };
      rows.push(csvRow(statementColumns.map((column) => cells[column])));
    };
    statement('id', 'id', entity.id, claims);
    for (const [prop, values] of Object.entries(entity.properties)) {
      for (const value of values) statement(prop, propType(prop), value, origins.get(originKey(prop, value)) ?? claims);
    }
  }
  return rows.join('');
}
