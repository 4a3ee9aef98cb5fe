// A registry snapshot imported (src/registries/: a plan made from the file), in one transaction:
// the snapshot as a Source stored byte for byte with its hash; per record its own actor (origin
// 'registry', with the registry, regime and reference it came from), its identifier and its
// names with their quality (Identifier and RegistryName nodes, each OBSERVED_IN the snapshots that
// give it, at its span), and its claims, checked by the loader's own claim checks with every quote
// cut from the stored text at its offsets. Then each record is matched to our actors
// (src/domain/matching/) and decided as src/writes/judgements.ts decides: automatically only on an
// identifier or at the threshold of src/config.ts, else into the review queue.
// Everything is MERGEd on stable ids and written only where it differs, so that the same file
// imported again changes nothing; a newer snapshot adds its observations and what was amended.
import { observedAt, claimRecord, type ClaimLookup } from '../domain/claimCheck.ts';
import { relationshipId } from '../domain/claimRules.ts';
import type { Problem } from '../domain/problems.ts';
import { quoteIsAt, type QuoteSpan } from '../domain/quotes.ts';
import { sortedKeys, type ClaimRecord } from '../domain/records.ts';
import { actorKindLabels as kindLabels, checkedActorKind } from '../domain/vocabulary.ts';
import { InputError, UserError } from '../errors.ts';
import { loneSurrogate, loneSurrogateMessage } from '../domain/fileSchema.ts';
import { actorNamed, actorNodeNamed } from '../graph/actors.ts';
import { deriveRelationships, type RelationshipKey } from '../graph/derive.ts';
import { textHash, withHash } from '../loader/recordHash.ts';
import { claimNodeCypher } from '../loader/write.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import type { PlannedRecord, RegistryPlan } from '../registries/registryPlan.ts';
import { readFtmEntities } from '../registries/ftm.ts';
import { ftmPlan } from '../registries/ftmPlan.ts';
import { readUnScList } from '../registries/unSc.ts';
import { unScPlan } from '../registries/unScPlan.ts';
import { authorNow, recordChanges, type Author, type ChangeEntry } from './changeLog.ts';
import { matchRecords, type MatchOutcome } from './judgements.ts';
import type { MatchThresholds } from '../domain/matching/party.ts';
import type { BlockingLimits } from '../domain/matching/block.ts';

export interface RegistryImportOptions {
  thresholds: MatchThresholds;
  limits: BlockingLimits;
  /** The import's one transaction (src/config.ts limits.loaderTimeoutMs). */
  timeoutMs: number;
}

export interface RegistryImportReport {
  registry: string;
  source: string;
  /** False when the snapshot was stored before (the same SHA-256). */
  sourceAdded: boolean;
  records: number;
  regimes: string[] | null;
  actors: { created: number; amended: number; unchanged: number };
  /** kept: changed by an analyst since (origin api), left as they are; withinOneActor: ties between two records judged the same actor, left out. */
  claims: { created: number; updated: number; unchanged: number; kept: number; withinOneActor: number };
  identifiersObserved: number;
  namesObserved: number;
  /** Ties the narratives state with a reference number of a record this import does not hold: left out. */
  tiesLeftOut: number;
  /** What else the file holds that was left out, by reason, with how many (plan.leftOut). */
  leftOut: Record<string, number>;
  matching: MatchOutcome;
  /** Milliseconds each step took, in order (store, actors, claims, observations, matching). */
  timings: Record<string, number>;
}

/** A failure of a check of the plan: the record (reference, line) and what is wrong; nothing is written. */
export class RegistryImportError extends UserError {
  override name = 'RegistryImportError';
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: nothing was imported: ${problems.length} problem(s):\n${problems.slice(0, 50).map((p) => `  ${p.file}:${p.line ?? '?'} ${p.path}: ${p.message}`).join('\n')}`);
  }
}

export async function importRegistry(db: Database, by: string, plan: RegistryPlan, options: RegistryImportOptions): Promise<RegistryImportReport> {
  const author = authorNow(by);
  return db.transaction((tx) => importInTransaction(tx, author, plan, options), options.timeoutMs);
}

async function importInTransaction(tx: Transaction, author: Author, plan: RegistryPlan, options: RegistryImportOptions): Promise<RegistryImportReport> {
  const timings: Record<string, number> = {};
  let last = Date.now();
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const result = await work();
    timings[step] = Date.now() - last;
    last = Date.now();
    return result;
  };
  const hash = textHash(plan.source.text);
  const source = await timed('source', () => storeSource(tx, plan, hash));
  const changes: ChangeEntry[] = [];
  const listingBodyAdded = await ensureListingBody(tx, plan);
  const actors = await timed('actors', () => writeRecordActors(tx, plan, source.published));
  const claims = await timed('claims', async () => writeClaims(tx, checkedClaims(plan, source.id, await knownActors(tx, plan))));
  const observed = await timed('observations', () => writeObservations(tx, plan, source.id));
  const matching = await timed('matching', () => matchRecords(tx, author, plan, options.thresholds, options.limits));
  const report: RegistryImportReport = {
    registry: plan.registry,
    source: source.id,
    sourceAdded: source.added,
    records: plan.records.length,
    regimes: plan.regimes,
    actors,
    claims,
    identifiersObserved: observed.identifiers,
    namesObserved: observed.names,
    tiesLeftOut: plan.records.reduce((n, record) => n + record.unresolvedReferences.length, 0),
    leftOut: plan.leftOut ?? {},
    matching,
    timings,
  };
  // Pairs new in the queue count too: the change log says which import proposed them.
  const written = actors.created + actors.amended + claims.created + claims.updated + observed.identifiers + observed.names + matching.queued + matching.automatic.length;
  const wrote = source.added || source.regimesAdded || listingBodyAdded || written > 0;
  if (wrote) {
    const { matching: _, timings: __, ...counts } = report;
    changes.push({ action: 'IMPORT_REGISTRY', target: source.id, before: null, after: { ...counts, file: plan.file, judgements: matching.automatic.length, queued: matching.queued } });
    await recordChanges(tx, author, changes);
  }
  return report;
}

/**
 * The snapshot's Source: the one with its SHA-256 when it is stored already (its id then names
 * the claims), else a new one under the plan's id (made unique with the hash when another text
 * holds it). The regimes imported from it are kept on it, so that a record of such a regime
 * absent from it is known to be off that list.
 */
async function storeSource(tx: Transaction, plan: RegistryPlan, hash: string): Promise<{ id: string; added: boolean; regimesAdded: boolean; published: string }> {
  const regimes = plan.regimes ?? Object.keys(plan.regimesInFile).map((regime) => regime.toLowerCase());
  const [existing] = await tx.run<{ id: string; regimes: string[] | null; published: string }>(
    'MATCH (s:Source {textHash: $hash}) RETURN s.id AS id, s.registryRegimes AS regimes, s.published AS published',
    { hash },
  );
  if (existing) {
    const union = [...new Set([...(existing.regimes ?? []), ...regimes])].sort();
    const regimesAdded = union.length !== (existing.regimes ?? []).length;
    if (regimesAdded) await tx.run('MATCH (s:Source {id: $id}) SET s.registryRegimes = $union, s.registry = $registry', { id: existing.id, union, registry: plan.registry });
    if (existing.id !== plan.source.id) rebase(plan, existing.id);
    return { id: existing.id, added: false, regimesAdded, published: existing.published };
  }
  const [taken] = await tx.run<{ id: string }>('MATCH (s:Source {id: $id}) RETURN s.id AS id', { id: plan.source.id });
  if (taken) rebase(plan, `${plan.source.id}-${hash.slice(0, 8)}`);
  const { text, ...fields } = plan.source;
  await tx.run('CREATE (s:Source) SET s = $props', {
    props: {
      ...fields,
      author: null,
      publishedPrecision: 'day',
      url: null,
      text,
      textHash: hash,
      origin: 'registry',
      registry: plan.registry,
      registryRegimes: [...regimes].sort(),
      version: 1,
    },
  });
  return { id: plan.source.id, added: true, regimesAdded: false, published: plan.source.published };
}

/** Gives the plan's source, and the ids of the claims taken from it, another id. */
function rebase(plan: RegistryPlan, id: string): void {
  const before = plan.source.id;
  plan.source.id = id;
  for (const record of plan.records) {
    for (const claim of record.claims) {
      claim.entry.source = id;
      claim.entry.id = id + claim.entry.id.slice(before.length);
    }
  }
}

/** The listing body's actor, created the first time (origin registry); true when it was. A plan without one (FtM) creates none. */
async function ensureListingBody(tx: Transaction, plan: RegistryPlan): Promise<boolean> {
  const body = plan.listingBody;
  if (!body) return false;
  const [found] = await tx.run<{ id: string }>(`WITH $id AS id ${actorNamed('id')} RETURN a.id AS id`, { id: body.id });
  if (found) return false;
  await tx.run(`CREATE (a:Actor:${checkedActorKind(body.kind)}) SET a = $props`, {
    props: { id: body.id, name: body.name, kind: body.kind, aliases: [], description: null, origin: 'registry', registry: plan.registry, version: 1 },
  });
  return true;
}

/** A record's actor's fields as the snapshot gives them. */
function actorFields(record: PlannedRecord, plan: RegistryPlan) {
  return {
    name: record.name,
    kind: record.kind,
    aliases: [...new Set(record.names.map((name) => name.value))].filter((value) => value !== record.name),
    description: record.description,
    registry: plan.registry,
    regime: record.regime,
    referenceNumber: record.identifier.value,
  };
}

/**
 * Each record's own actor: created when new; when the snapshot is as new as the one it was last
 * read from or newer, amended to what it says. Its aliases are those of every snapshot, a former
 * name among them, sorted (so that the order of imports leaves no trace). A record judged SAME is
 * a merged actor: its node keeps the record's fields all the same. An actor an analyst has edited
 * (origin api) keeps the analyst's name, kind and description: only the registry's fields and
 * the names it adds change.
 */
async function writeRecordActors(tx: Transaction, plan: RegistryPlan, published: string): Promise<RegistryImportReport['actors']> {
  // The newest snapshot that gave the record before this one: its identifier's observations.
  const rows = await tx.run<{ id: string; origin: string | null; newest: string | null; fields: Record<string, unknown> }>(
    `UNWIND $ids AS id ${actorNodeNamed('id')}
     RETURN a.id AS id, a.origin AS origin,
            COLLECT { MATCH (i:Identifier)-[:IDENTIFIES]->(a) MATCH (i)-[:OBSERVED_IN]->(s:Source) RETURN s.published AS day ORDER BY day DESC LIMIT 1 }[0] AS newest,
            {name: a.name, kind: a.kind, aliases: coalesce(a.aliases, []), description: a.description, registry: a.registry, regime: a.regime,
             referenceNumber: a.referenceNumber} AS fields`,
    { ids: plan.records.map((record) => record.actorId) },
  );
  const existing = new Map(rows.map((row) => [row.id, row]));
  const created: { id: string; kind: string; props: object }[] = [];
  const amended: { id: string; props: Record<string, unknown> }[] = [];
  let unchanged = 0;
  for (const record of plan.records) {
    const fields = actorFields(record, plan);
    const found = existing.get(record.actorId);
    if (!found) {
      created.push({ id: record.actorId, kind: record.kind, props: { id: record.actorId, ...fields, aliases: [...fields.aliases].sort(), origin: 'registry', version: 1 } });
      continue;
    }
    const before = found.fields;
    const older = (found.newest ?? '') > published;
    const registryFields = { regime: fields.regime, referenceNumber: fields.referenceNumber };
    const base = older ? before : found.origin === 'api' ? { ...before, ...registryFields } : fields;
    const names = [...(before.aliases as string[]), before.name as string, ...fields.aliases, fields.name];
    const aliases = [...new Set(names)].filter((alias) => alias !== base.name).sort();
    const after = { ...base, aliases };
    if (JSON.stringify(sortedKeys(after)) === JSON.stringify(sortedKeys(before))) unchanged += 1;
    else amended.push({ id: record.actorId, props: after });
  }
  for (const [kind, group] of groupByKind(created)) {
    await tx.run(`UNWIND $rows AS row CREATE (a:Actor:${checkedActorKind(kind)}) SET a = row.props`, { rows: group });
  }
  await tx.run(`UNWIND $rows AS row ${actorNodeNamed('row.id')} SET a += row.props, a.version = coalesce(a.version, 1) + 1`, { rows: amended });
  // A kind that changed between snapshots (an entity read as an Organization) moves the label too.
  for (const [kind, group] of groupByKind(amended.map((row) => ({ ...row, kind: row.props.kind as string })))) {
    await tx.run(`UNWIND $rows AS row MATCH (a:Actor {id: row.id}) REMOVE a:${kindLabels} SET a:${checkedActorKind(kind)}`, { rows: group });
  }
  return { created: created.length, amended: amended.length, unchanged };
}

function groupByKind<T extends { kind: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.kind, [...(groups.get(row.kind) ?? []), row]);
  return groups;
}

/** Every id the plan's claims name, with the actor it resolves to now (a record judged SAME resolves to its actor). */
async function knownActors(tx: Transaction, plan: RegistryPlan): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const record of plan.records) for (const claim of record.claims) ids.add(claim.entry.subject).add(claim.entry.object);
  const rows = await tx.run<{ id: string; actor: string }>(`UNWIND $ids AS id ${actorNamed('id')} RETURN id, a.id AS actor`, { ids: [...ids] });
  return new Map(rows.map((row) => [row.id, row.actor]));
}

/**
 * The plan's claims checked as the loader checks a seed file's (src/domain/claimCheck.ts): known
 * actors and type, real dates, the stance rules, every quote verbatim in the stored snapshot, here
 * at the offsets the record gives it. Each record's claims name the record's own actor; they are
 * written to the actor it resolves to (a record judged SAME: the actor it is the same as).
 */
function checkedClaims(plan: RegistryPlan, sourceId: string, resolved: Map<string, string>): ClaimRecord[] {
  const problems: Problem[] = [];
  const text = plan.source.text;
  let spans: QuoteSpan[] = [];
  const lookup: ClaimLookup = {
    hasActor: (id) => resolved.has(id),
    source: (id) =>
      id === sourceId
        ? {
            text,
            observed: observedAt(plan.source.published),
            // The quote at the span the record gives it; else nowhere, and the check reports it.
            findQuote: (quote) => spans.find((span) => text.slice(span.start, span.end) === quote) ?? null,
          }
        : undefined,
  };
  const records: ClaimRecord[] = [];
  for (const record of plan.records) {
    for (const claim of record.claims) {
      spans = claim.spans;
      const report = (parts: (string | number)[], message: string) =>
        problems.push({ file: plan.file, line: record.line, path: `${record.identifier.value} ${claim.entry.type}${parts.length ? `.${parts.join('.')}` : ''}`, message });
      const checked = claimRecord(claim.entry, sourceId, lookup, report);
      for (const evidence of checked.evidence) {
        if (!quoteIsAt(text, evidence)) report(['quotes'], `"${evidence.quote}" does not stand at ${evidence.start}-${evidence.end} of the snapshot`);
      }
      // The hash is of the claim as the snapshot gives it (the records' own actors), so that a
      // judgement made since (a merge) does not make the same snapshot's claim look changed.
      // Its own ends are kept too: a judgement undone later moves it back to them (src/writes/judgements.ts).
      const own = withHash({
        ...checked,
        props: {
          ...checked.props,
          origin: 'registry',
          registryReference: record.identifier.value,
          registryRegime: record.regime,
          registrySubject: checked.subject,
          registryObject: checked.object,
        },
      });
      const subject = resolved.get(checked.subject) ?? checked.subject;
      const object = resolved.get(checked.object) ?? checked.object;
      const relationship = relationshipId(subject, checked.type, object, checked.props.role as string | null);
      records.push({ ...own, subject, object, relationship, props: { ...own.props, relationship } });
    }
  }
  if (problems.length) throw new RegistryImportError(plan.file, problems);
  return records;
}

/**
 * Writes the claims new or changed (by hash), or linked to other actors than their own ends
 * resolve to now (a judgement made or undone since), and derives the relationships they touch.
 * A claim an analyst has since changed (origin api) is the analyst's: kept. A tie between two
 * records judged the same actor would be a claim of that actor about itself: left out.
 */
async function writeClaims(tx: Transaction, records: ClaimRecord[]): Promise<RegistryImportReport['claims']> {
  const rows = await tx.run<{ id: string; hash: string | null; origin: string | null; relationship: string; type: string; subject: string; object: string }>(
    `UNWIND $ids AS id MATCH (s:Actor)<-[:SUBJECT]-(c:Claim {id: id})-[:OBJECT]->(o:Actor)
     RETURN c.id AS id, c.hash AS hash, c.origin AS origin, c.relationship AS relationship, c.type AS type, s.id AS subject, o.id AS object`,
    { ids: records.map((record) => record.id) },
  );
  const existing = new Map(rows.map((row) => [row.id, row]));
  const counts = { created: 0, updated: 0, unchanged: 0, kept: 0, withinOneActor: 0 };
  const changed = records.filter((record) => {
    const before = existing.get(record.id);
    if (before?.origin === 'api') return counts.kept++, false;
    if (record.subject === record.object) return counts.withinOneActor++, false;
    if (before && before.hash === record.props.hash && before.subject === record.subject && before.object === record.object) return counts.unchanged++, false;
    counts[before ? 'updated' : 'created'] += 1;
    return true;
  });
  const keys = new Map<string, RelationshipKey>();
  for (const record of changed) {
    keys.set(record.relationship, { id: record.relationship, type: record.type });
    const before = existing.get(record.id);
    if (before) keys.set(before.relationship, { id: before.relationship, type: before.type });
  }
  for (let i = 0; i < changed.length; i += 500) await tx.run(claimNodeCypher('Claim'), { rows: changed.slice(i, i + 500) });
  await deriveRelationships(tx, [...keys.values()], { batchSize: 500 });
  return counts;
}

/** Each record's identifier and names, observed in this snapshot at their spans; answers how many observations are new. */
async function writeObservations(tx: Transaction, plan: RegistryPlan, sourceId: string): Promise<{ identifiers: number; names: number }> {
  const text = plan.source.text;
  const identifiers = plan.records.map(({ identifier, actorId }) => ({
    id: `${identifier.scheme}:${identifier.value}`,
    actor: actorId,
    fields: { scheme: identifier.scheme, value: identifier.value },
    seen: { start: identifier.start, end: identifier.end, quote: text.slice(identifier.start, identifier.end) },
  }));
  const names = plan.records.flatMap((record) =>
    record.names.map((name) => ({
      id: `${record.actorId}|${name.quality}|${name.value}`,
      actor: record.actorId,
      fields: { value: name.value, quality: name.quality },
      seen: { starts: name.spans.map((span) => span.start), ends: name.spans.map((span) => span.end) },
    })),
  );
  return {
    identifiers: await observe(tx, 'Identifier', 'IDENTIFIES', identifiers, sourceId),
    names: await observe(tx, 'RegistryName', 'NAME_OF', names, sourceId),
  };
}

/**
 * MERGEs each row's node, linked to its record's actor, and its OBSERVED_IN edge to the snapshot
 * (with where it stands there) where that observation is new; answers how many were.
 */
async function observe(
  tx: Transaction,
  label: 'Identifier' | 'RegistryName',
  link: 'IDENTIFIES' | 'NAME_OF',
  rows: { id: string; actor: string; fields: object; seen: object }[],
  sourceId: string,
): Promise<number> {
  const [row] = await tx.run<{ added: number }>(
    `UNWIND $rows AS row
     ${actorNodeNamed('row.actor')}
     MERGE (n:${label} {id: row.id}) ON CREATE SET n += row.fields
     MERGE (n)-[:${link}]->(a)
     WITH n, row MATCH (s:Source {id: $source})
     OPTIONAL MATCH (n)-[seen:OBSERVED_IN]->(s)
     WITH n, row, s, seen WHERE seen IS NULL
     CREATE (n)-[o:OBSERVED_IN]->(s) SET o = row.seen
     RETURN count(*) AS added`,
    { rows, source: sourceId },
  );
  return Number(row?.added ?? 0);
}

/** The registries an import reads (`npm run import -- FORMAT FILE`, the importRegistry mutation). */
export const registryFormats = ['un-sc', 'ftm'] as const;
export type RegistryFormat = (typeof registryFormats)[number];

/**
 * One path for the command line and the API: the file's text read as its registry's format
 * (every problem of the file refused with its record and line before anything is written), made
 * a plan (the UN list limited to `regimes`; FtM entities published on `published`, else on the
 * latest day they state), and imported.
 */
export async function importRegistryText(
  db: Database,
  by: string,
  input: { format: RegistryFormat; text: string; file: string; regimes: readonly string[] | null; published?: string | null },
  options: RegistryImportOptions,
): Promise<RegistryImportReport> {
  if (!registryFormats.includes(input.format)) throw new InputError('format', `unknown registry format "${input.format}": one of ${registryFormats.join(', ')}`);
  if (loneSurrogate.test(input.text)) throw new InputError('text', loneSurrogateMessage);
  input.regimes?.forEach((regime, i) => {
    if (loneSurrogate.test(regime)) throw new InputError(`regimes[${i}]`, loneSurrogateMessage);
  });
  return importRegistry(db, by, registryPlan(input), options);
}

function registryPlan(input: { format: RegistryFormat; text: string; file: string; regimes: readonly string[] | null; published?: string | null }): RegistryPlan {
  if (input.format === 'ftm') {
    if (input.regimes?.length) throw new InputError('regimes', '--regime is for the UN list: an FtM file has no regimes');
    return ftmPlan(readFtmEntities(input.text, input.file), input.text, input.published ?? null);
  }
  if (input.published) throw new InputError('published', '--published is for FtM files: the UN list states its own date (dateGenerated)');
  return unScPlan(readUnScList(input.text, input.file), input.text, input.regimes);
}
