// FollowTheMoney entities (ftm.ts) as an import plan (registryPlan.ts): one source, the file byte
// for byte; each party entity a record actor with its FtM id as identifier (scheme ftm) and its
// names with their quality; each tie entity a claim between the record actors of its ends, typed
// by the inverse of our export's mapping (src/domain/ftmSchemata.ts), quoting the line's raw JSON.
// Nothing the file does not say: no date is made up, a tie whose end is no party is left out and counted.
import path from 'node:path';
import type { ClaimEntry } from '../domain/fileSchema.ts';
import { ftmTieSchemata, tieSchemata, typePhrase, type TieSchema } from '../domain/ftmSchemata.ts';
import { entryLimits } from '../domain/limits.ts';
import type { PartyKind, PartyName } from '../domain/matching/party.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { Problem } from '../domain/problems.ts';
import type { QuoteSpan } from '../domain/quotes.ts';
import { actorKinds } from '../domain/vocabulary.ts';
import { InputError } from '../errors.ts';
import type { FtmFile, FtmLine } from './ftm.ts';
import { RegistryFileError } from './registryError.ts';
import { entityKind, idPart, type NameQuality, type PlannedName, type PlannedRecord, type RegistryPlan } from './registryPlan.ts';

/** The identifier scheme (and registry) of FtM entity ids. */
export const ftmScheme = 'ftm';

/** FtM's name properties and the quality each gives: FtM's weakAlias is a name too generic to match on, the UN's Low. */
const nameProps: [prop: string, quality: NameQuality][] = [
  ['name', 'NAME'],
  ['alias', 'GOOD'],
  ['previousName', 'FKA'],
  ['weakAlias', 'LOW'],
];

type Kind = PlannedRecord['kind'];

/**
 * The schemata that are parties, and the kind each becomes. A LegalEntity's `classification`
 * naming one of our kinds the schema admits decides (our export writes it). Else: a Person is a
 * Person, a Territory a Place (the export's Place); a Company is an Organization, and so is a
 * PublicBody (FtM: "a ministry, department or state company"); an Organization or a bare
 * LegalEntity is, in lists of militant actors as in OpenSanctions' terrorist listings, most often
 * an armed group: a Group, unless its name says it is a business or an agency (the rule the UN
 * list's entities are read by).
 */
const partySchemata: Readonly<Record<string, { admits: readonly Kind[]; kind: (name: string) => Kind }>> = {
  Person: { admits: ['Person'], kind: () => 'Person' },
  Territory: { admits: ['Place'], kind: () => 'Place' },
  Company: { admits: ['Organization'], kind: () => 'Organization' },
  PublicBody: { admits: ['Organization', 'State'], kind: () => 'Organization' },
  Organization: { admits: ['Group', 'Organization', 'State'], kind: entityKind },
  LegalEntity: { admits: ['Group', 'Organization', 'State'], kind: entityKind },
};

const partyKinds: Record<Kind, PartyKind> = { Person: 'person', Group: 'organization', Organization: 'organization', State: 'other', Place: 'other' };

/** FtM's Family (person, relative), read though never written: our vocabulary has no kinship, so a looser tie. */
const family = { subject: { prop: 'person' }, object: { prop: 'relative' }, role: 'relationship' } as const;

/**
 * The tie schemata read, with the type each says when its role names none of ours (our export
 * writes the type's words in the role, "pledged allegiance to", where the schema does not say it).
 */
const tieDefaults: Readonly<Record<TieSchema | 'Family', string>> = {
  Membership: 'MEMBER_OF',
  Directorship: 'LEADS',
  Associate: 'AFFILIATED_WITH',
  Family: 'AFFILIATED_WITH',
  UnknownLink: 'AFFILIATED_WITH',
  Payment: 'FUNDS',
  Sanction: 'DESIGNATES',
};
const tieEnds = (schema: keyof typeof tieDefaults) => (schema === 'Family' ? family : tieSchemata[schema]);
const isTieSchema = (schema: string): schema is keyof typeof tieDefaults => Object.hasOwn(tieDefaults, schema);

/** What a party entity becomes, before its claims. */
interface Party {
  entity: FtmLine;
  record: PlannedRecord;
}

/** Counts what is left out, by reason. */
type LeaveOut = (reason: string) => void;

/**
 * The plan of an import of `ftm` (read from `text`), its source published `published` (a day) or,
 * when not given, on the latest day the entities state; refused when neither says one.
 */
export function ftmPlan(ftm: FtmFile, text: string, published: string | null): RegistryPlan {
  const day = publishedDay(ftm, published);
  const publisher = ftm.entities.find((entity) => entity.datasets.length)?.datasets[0] ?? path.basename(ftm.file);
  const sourceId = `${ftmScheme}-${idPart(publisher)}-${day}`;
  const problems: Problem[] = [];
  const leftOut: Record<string, number> = {};
  const leaveOut: LeaveOut = (reason) => (leftOut[reason] = (leftOut[reason] ?? 0) + 1);
  const parties = new Map<string, Party>();
  const actorIds = new Map<string, FtmLine>();
  const byId = new Map(ftm.entities.map((entity) => [entity.id.value, entity]));
  for (const entity of ftm.entities) {
    const problem = (field: string, message: string) => problems.push({ file: ftm.file, line: entity.line, path: `entity ${entity.id.value} ${field}`, message });
    if (partySchemata[entity.schema]) {
      const record = plannedRecord(entity, problem);
      const same = actorIds.get(record.actorId);
      if (same) problem('id', `gives the actor id ${record.actorId}, as ${same.id.value} (line ${same.line}) does: ids that differ only in case or punctuation cannot both be read`);
      actorIds.set(record.actorId, entity);
      parties.set(entity.id.value, { entity, record });
    } else if (!isTieSchema(entity.schema)) leaveOut(`${entity.schema} entities: neither a party nor a tie`);
  }
  const claimIds = new Map<string, FtmLine>();
  for (const entity of ftm.entities) {
    if (!isTieSchema(entity.schema)) continue;
    const problem = (field: string, message: string) => problems.push({ file: ftm.file, line: entity.line, path: `entity ${entity.id.value} ${field}`, message });
    plannedTie(entity, entity.schema, { text, sourceId, parties, byId, problem, leaveOut, claimIds });
  }
  if (problems.length) throw new RegistryFileError(ftm.file, problems);
  return {
    registry: ftmScheme,
    file: ftm.file,
    source: { id: sourceId, title: `${publisher}: FollowTheMoney entities (${path.basename(ftm.file)})`, publisher, published: day, text },
    records: [...parties.values()].map((party) => party.record),
    regimes: null,
    regimesInFile: {},
    leftOut,
  };
}

/** The day given, else the latest the entities state; never one made up. */
function publishedDay(ftm: FtmFile, published: string | null): string {
  if (published !== null) {
    if (parsePartialDate(published)?.precision !== 'day') throw new InputError('published', `--published "${published}" is not a day (YYYY-MM-DD). Nothing was imported.`);
    return published;
  }
  if (ftm.latestDay) return ftm.latestDay;
  throw new InputError(
    'published',
    `${ftm.file}: no entity states a date (first_seen, last_seen, last_change, modifiedAt), so the file's publication day is unknown: give it with --published YYYY-MM-DD. Nothing was imported.`,
  );
}

function plannedRecord(entity: FtmLine, problem: (field: string, message: string) => void): PlannedRecord {
  const names: PlannedName[] = [];
  for (const [prop, quality] of nameProps) {
    for (const value of entity.properties.get(prop)?.values ?? []) {
      const trimmed = value.value.replace(/\s+/g, ' ').trim();
      if (trimmed && !names.some((n) => n.value === trimmed && n.quality === quality)) names.push({ value: trimmed, quality, spans: [{ start: value.start, end: value.end }] });
    }
  }
  const name = names.find((n) => n.quality === 'NAME')?.value;
  if (!name) problem('properties.name', `no name: a ${entity.schema} needs one`);
  const schema = partySchemata[entity.schema]!;
  const stated = entity.properties.get('classification')?.values.find((value) => (schema.admits as readonly string[]).includes(value.value) && actorKinds.includes(value.value));
  const kind = (stated?.value as Kind | undefined) ?? schema.kind(name ?? '');
  const partyNames: PartyName[] = names.map((n) => ({ value: n.value, ...(n.quality === 'LOW' ? { weak: true } : {}) }));
  return {
    actorId: `${ftmScheme}-${idPart(entity.id.value)}`,
    kind,
    name: name ?? entity.id.value,
    description: entity.properties.get('description')?.values[0]?.value ?? null,
    regime: null,
    identifier: { scheme: ftmScheme, value: entity.id.value, start: entity.id.start, end: entity.id.end },
    names,
    claims: [],
    party: { id: entity.id.value, kind: partyKinds[kind], names: partyNames, identifiers: [{ scheme: ftmScheme, value: entity.id.value }] },
    line: entity.line,
    unresolvedReferences: [],
  };
}

interface TieContext {
  text: string;
  sourceId: string;
  parties: Map<string, Party>;
  byId: Map<string, FtmLine>;
  problem: (field: string, message: string) => void;
  leaveOut: LeaveOut;
  /** Claim ids made so far, with the tie each was made from. */
  claimIds: Map<string, FtmLine>;
}

/** The record actors of one end of a tie; an end that is no entity of the file is a problem, one that is no party is left out. */
function endsOf(entity: FtmLine, prop: string, context: TieContext): Party[] | null {
  const values = entity.properties.get(prop)?.values ?? [];
  if (values.length === 0) {
    context.problem(`properties.${prop}`, `no ${prop}: a ${entity.schema} ties two entities`);
    return null;
  }
  const parties: Party[] = [];
  for (const value of values) {
    const party = context.parties.get(value.value);
    if (party) parties.push(party);
    else if (!context.byId.has(value.value)) context.problem(`properties.${prop}`, `"${value.value}" is no entity of this file`);
    else context.leaveOut(`ties to an entity that is no party (${context.byId.get(value.value)!.schema})`);
  }
  return parties.length === values.length ? parties : null;
}

/** A Sanction's authority is a name (FtM has no entity there): the one party of the file with that name, or left out. */
function authorityOf(entity: FtmLine, context: TieContext): Party[] | null {
  const names = (entity.properties.get('authority')?.values ?? []).map((value) => value.value);
  const found = [...context.parties.values()].filter((party) => party.record.names.some((name) => names.includes(name.value)));
  if (found.length === 1) return found;
  context.leaveOut(found.length ? 'Sanctions whose authority names several entities of the file' : 'Sanctions whose authority is no entity of the file');
  return null;
}

/** The type a tie says: the one of ours whose words stand in its role, else its schema's; and the role left when those words are taken out. */
function typeAndRole(schema: keyof typeof tieDefaults, roles: string[]): { type: string; role: string | undefined } {
  const type = Object.keys(ftmTieSchemata).find((t) => ftmTieSchemata[t]!.includes(schema as TieSchema) && roles.includes(typePhrase(t)));
  const rest = type ? roles.filter((role) => role !== typePhrase(type)) : roles;
  return { type: type ?? tieDefaults[schema], role: rest[0] };
}

/** A day, month or year of an FtM date (datetimes cut to their day), or nothing. */
function partialDateOf(value: string | undefined): string | undefined {
  const date = value?.slice(0, 10);
  return date && parsePartialDate(date) ? date : undefined;
}

function plannedTie(entity: FtmLine, schema: keyof typeof tieDefaults, context: TieContext): void {
  const ends = tieEnds(schema);
  const subjects = schema === 'Sanction' ? authorityOf(entity, context) : endsOf(entity, ends.subject.prop, context);
  const objects = endsOf(entity, ends.object.prop, context);
  if (!subjects || !objects) return;
  const roleProp = entity.properties.get(ends.role);
  const { type, role } = typeAndRole(schema, (roleProp?.values ?? []).map((value) => value.value));
  // The quote: the property that names the tie as it stands in the line; else the entity's id.
  const span: QuoteSpan = roleProp && roleProp.member.end - roleProp.member.start <= entryLimits.maxQuoteLength ? roleProp.member : entity.id;
  const since = partialDateOf(entity.properties.get('startDate')?.values[0]?.value);
  const until = partialDateOf(entity.properties.get('endDate')?.values[0]?.value);
  const pairs = subjects.flatMap((subject) => objects.map((object) => [subject, object] as const));
  pairs.forEach(([subject, object], i) => {
    const entry: ClaimEntry = {
      id: `${context.sourceId}--${idPart(entity.id.value)}${pairs.length > 1 ? `--${i + 1}` : ''}`,
      type,
      subject: subject.record.actorId,
      object: object.record.actorId,
      ...(role ? { role } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      stance: 'ASSERTED',
      claimedBy: [],
      disputedBy: [],
      contradicts: [],
      source: context.sourceId,
      note: `The file's ${schema} ${entity.id.value} (line ${entity.line}); ${type} is the importer's reading of it.`,
      quotes: [context.text.slice(span.start, span.end)],
    };
    const same = context.claimIds.get(entry.id);
    if (same && same !== entity) context.problem('id', `gives the claim id ${entry.id}, as ${same.id.value} (line ${same.line}) does: ids that differ only in case or punctuation cannot both be read`);
    context.claimIds.set(entry.id, entity);
    subject.record.claims.push({ entry, spans: [{ start: span.start, end: span.end }] });
  });
}
