// Figures written through the API: add (with new actors made in the same transaction), update
// (optimistic concurrency), retract. Each is one transaction that checks its input with the
// loader's own figure checks (src/domain/claimCheck.ts figureRecord), writes the figure with the
// loader's own statement and records the change (changeLog.ts). Every problem is reported at once.
import { figureRecord, retractionProps, type ReportAt } from '../domain/claimCheck.ts';
import { figureSchema, loneSurrogate, loneSurrogateMessage, type FigureEntry } from '../domain/fileSchema.ts';
import { gradeProps } from '../domain/grading.ts';
import { formatPath, type PathPart } from '../domain/problems.ts';
import type { FigureRecord } from '../domain/records.ts';
import { ConcurrentChangeError, InputError, NotFoundError } from '../errors.ts';
import { figureProjection } from '../graph/figures.ts';
import { toFigure, type Figure } from '../graph/model.ts';
import { withHash } from '../loader/recordHash.ts';
import { claimNodeCypher } from '../loader/write.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { difference, withoutUndefined } from './claims.ts';
import { claimLookup, lockedActors } from './lookup.ts';
import { mentionsOfClaim } from './mentions.ts';
import { actorOf, resolveNamedActors, type NamedField, type NewActorInput, type ResolvedActors } from './newActors.ts';
import { givenFields, lockOne, maxIdLength, numberedId, Problems, retryingIdClash, slugOf } from './records.ts';

/** A figure's fields as the API takes them (AddFigureInput; FigurePatch has them all optional but source). */
export interface FigureInput {
  about: string;
  measure: string;
  value?: number | null;
  qualifier?: string | null;
  unit: string;
  date?: string | null;
  place?: string | null;
  stance: string;
  claimedBy?: readonly string[] | null;
  disputedBy?: readonly string[] | null;
  note?: string | null;
  source: string;
  quotes: readonly string[];
}

export type FigurePatch = Partial<{ [K in Exclude<keyof FigureInput, 'source'>]: FigureInput[K] | null }>;

/** The fields a change log entry shows of a figure. */
type Snapshot = Omit<FigureInput, 'claimedBy' | 'disputedBy' | 'quotes'> & { claimedBy: string[]; disputedBy: string[]; quotes: string[] };

/** What a figure cannot be without: an update may not clear these. */
const required = ['about', 'measure', 'unit', 'stance', 'quotes'] as const;

function snapshot(figure: Figure): Snapshot {
  return {
    about: figure.aboutId,
    measure: figure.measure,
    value: figure.value,
    qualifier: figure.qualifier,
    unit: figure.unit,
    date: figure.date,
    place: figure.placeId,
    stance: figure.stance,
    claimedBy: figure.claimedBy,
    disputedBy: figure.disputedBy,
    note: figure.note,
    source: figure.sourceId,
    quotes: figure.evidence.map((e) => e.quote),
  };
}

const fieldsOf = (input: FigureInput): Snapshot => ({ ...input, claimedBy: [...(input.claimedBy ?? [])], disputedBy: [...(input.disputedBy ?? [])], quotes: [...input.quotes] });

/** The actor fields of a figure, each with its path: about, place, claimedBy[i], disputedBy[i]. */
function actorFields(fields: Snapshot): NamedField[] {
  return [
    [fields.about, ['about']],
    ...(fields.place ? [[fields.place, ['place']] as NamedField] : []),
    ...fields.claimedBy.map((id, i): NamedField => [id, ['claimedBy', i]]),
    ...fields.disputedBy.map((id, i): NamedField => [id, ['disputedBy', i]]),
  ];
}

/** A figure read in the transaction; NOT_FOUND when there is none. */
async function readFigure(tx: Transaction, id: string, argument: string): Promise<Figure> {
  const [row] = await tx.run<{ figure: Parameters<typeof toFigure>[0] }>(`MATCH (f:Figure {id: $id}) RETURN ${figureProjection('f')} AS figure`, { id });
  if (!row) throw new NotFoundError(argument, id, 'figure');
  return toFigure(row.figure);
}

/** Where a write's problems go: the argument they are under ("input", "patch") and the list. */
interface Checked {
  argument: string;
  problems: Problems;
}

/**
 * Checks the figure's fields as the loader checks a figure of a seed file and makes its record;
 * merged actor ids resolve to the actor kept, new actors' refs to their new ids. The shape's
 * problems and the record's (unknown actors, dates, quotes) are reported together, a field the
 * shape refused once only.
 */
async function checkedRecord(tx: Transaction, id: string, fields: Snapshot, actors: ResolvedActors, at: Checked): Promise<FigureRecord> {
  const { argument, problems } = at;
  const { actor, known } = actorOf(actors);
  const given = {
    contradicts: [],
    ...givenFields(fields),
    id,
    about: actor(fields.about),
    place: fields.place ? actor(fields.place) : undefined,
    claimedBy: fields.claimedBy.map(actor),
    disputedBy: fields.disputedBy.map(actor),
  };
  const shape = new Problems(argument);
  const entry = (shape.parse(figureSchema, given) ?? given) as FigureEntry;
  problems.list.push(...shape.list);
  const refused = new Set(shape.list.map((p) => p.argumentName));
  const within = (parts: PathPart[]) => [...refused].some((name) => name === formatPath([argument, ...parts]) || name.startsWith(`${formatPath([argument, ...parts])}[`));
  const lookup = await claimLookup(tx, known, typeof entry.source === 'string' ? entry.source : undefined);
  const report: ReportAt = (...args: Parameters<ReportAt>) => {
    if (!within(args[0])) problems.report(...args);
  };
  const record = figureRecord(entry, undefined, lookup, report);
  problems.throwIfAny();
  return withHash(record);
}

/** Writes a figure's record with the loader's statement (a new one, or over itself); refuses one left without its actor or source. */
async function writeFigure(tx: Transaction, mode: 'create' | 'update', record: FigureRecord, extra: Record<string, unknown>): Promise<void> {
  await tx.run(claimNodeCypher('Figure', mode), { rows: [{ ...record, props: { ...record.props, ...extra } }] });
  const [linked] = await tx.run<{ whole: boolean }>(
    `MATCH (f:Figure {id: $id})
     RETURN COUNT { (f)-[:ABOUT]->(:Actor) } = 1 AND COUNT { (f)-[:IN_SOURCE]->(:Source) } = 1 AND ($place IS NULL OR COUNT { (f)-[:IN_PLACE]->(:Actor) } = 1) AS whole`,
    { id: record.id, place: record.place },
  );
  if (!linked?.whole) throw new ConcurrentChangeError("The figure's actors or source were merged or removed while it was written");
}

/** A new figure's id: short, its source's id (cut) and its number there, `<source>-f2`. */
const newFigureId = (tx: Transaction, source: string) => numberedId(tx, ['Claim', 'Figure'], `${slugOf(source, maxIdLength - 6) || 'figure'}-f`);

export async function addFigure(db: Database, by: string, input: FigureInput & { newActors?: readonly NewActorInput[] | null }): Promise<string> {
  const author = authorNow(by);
  const { newActors, ...figure } = input;
  const declared = newActors ?? [];
  return retryingIdClash(() =>
    db.transaction(async (tx) => {
      const problems = new Problems('input');
      const fields = fieldsOf(figure);
      const actors = await resolveNamedActors(tx, author, actorFields(fields), declared, problems, 'figure');
      const id = await newFigureId(tx, fields.source);
      const record = await checkedRecord(tx, id, fields, actors, { argument: 'input', problems });
      await writeFigure(tx, 'create', record, { origin: 'api', version: 1 });
      await mentionsOfClaim(tx, record.source, [record.about, ...(record.place ? [record.place] : []), ...record.claimedBy, ...record.disputedBy]);
      await recordChanges(tx, author, [{ action: 'ADD_FIGURE', target: id, before: null, after: snapshot(await readFigure(tx, id, 'id')) }]);
      return id;
    }),
  );
}

export async function updateFigure(db: Database, by: string, id: string, expectedVersion: number, patch: FigurePatch): Promise<string> {
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Figure', 'id', id, expectedVersion);
    const current = await readFigure(tx, id, 'id');
    const before = snapshot(current);
    const problems = new Problems('patch');
    for (const key of required) if (patch[key] === null) problems.report([key], 'cannot be cleared: a figure needs it');
    const given = Object.fromEntries(Object.entries(withoutUndefined(patch)).filter(([key, value]) => value !== null || !(required as readonly string[]).includes(key)));
    const fields: Snapshot = {
      ...before,
      ...given,
      claimedBy: [...(patch.claimedBy === undefined ? before.claimedBy : (patch.claimedBy ?? []))],
      disputedBy: [...(patch.disputedBy === undefined ? before.disputedBy : (patch.disputedBy ?? []))],
    } as Snapshot;
    const resolved = await lockedActors(tx, actorFields(fields).map(([value]) => value));
    const record = await checkedRecord(tx, id, fields, { resolved, unmade: new Set() }, { argument: 'patch', problems });
    const change = difference(before, { ...fields, about: record.about, place: record.place, claimedBy: record.claimedBy, disputedBy: record.disputedBy });
    if (Object.keys(change.after).length === 0) return id;
    // The figure's grade and retraction are set apart (retractFigure): an update keeps them.
    await writeFigure(tx, 'update', record, { origin: 'api', version: version + 1, ...retractionProps(current.retracted), ...gradeProps('credibility', current.credibility) });
    await recordChanges(tx, author, [{ action: 'UPDATE_FIGURE', target: id, ...change }]);
    return id;
  });
}

export async function retractFigure(db: Database, by: string, id: string, reason: string): Promise<string> {
  const author = authorNow(by);
  const why = reason.trim();
  if (why === '') throw new InputError('reason', 'must not be empty: say why the figure is retracted');
  if (loneSurrogate.test(why)) throw new InputError('reason', loneSurrogateMessage);
  return db.transaction(async (tx) => {
    const version = await lockOne(tx, 'Figure', 'id', id);
    const figure = await readFigure(tx, id, 'id');
    if (figure.retracted) throw new InputError('id', `this figure was retracted already, by ${figure.retracted.by} at ${figure.retracted.at}`);
    await tx.run(
      `MATCH (f:Figure {id: $id}) SET f.retracted = true, f.retractedAt = $at, f.retractedBy = $by, f.retractedReason = $reason, f.origin = 'api', f.version = $version`,
      { id, ...author, reason: why, version: version + 1 },
    );
    await recordChanges(tx, author, [{ action: 'RETRACT_FIGURE', target: id, before: { retracted: null }, after: { retracted: { at: author.at, by, reason: why } } }]);
    return id;
  });
}
