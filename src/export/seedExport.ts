// What the API wrote, as seed files (`npm run export -- --format seed --out DIR`), so that an
// analyst's work can be reviewed in a pull request and loaded into another instance. The rules
// are in seed/README.md ("What the API wrote, as seed files"): what the API added becomes data
// files and texts that load beside seed/; what it changed of the seed files' own records cannot
// be added (their ids are taken), and is listed in DIR/revisions.yaml to apply by hand.
import fs from 'node:fs';
import path from 'node:path';
import type { ActorEntry, ClaimEntry, FigureEntry, SourceEntry } from '../domain/fileSchema.ts';
import { defaultDataDir, defaultSourcesDir, type SeedLocation } from '../loader/load.ts';
import { UserError } from '../errors.ts';
import { figureProjection } from '../graph/figures.ts';
import { claimProjection, toActor, toClaim, toFigure, toSource, type Actor, type Claim, type ClaimRow, type Figure, type Source } from '../graph/model.ts';
import type { Database } from '../neo4j/database.ts';
import { actorContent, claimContent, figureContent, pairKey, readSeedFiles, sorted, sourceContent, type Content, type FileRecords, type SeedFiles } from './seedContent.ts';
import { compact, toSeedYaml } from './seedYaml.ts';

export interface SeedExportReport {
  /** The files written, relative to the export folder. */
  files: string[];
  added: { sources: number; actors: number; claims: number; figures: number };
  /** Records written through the API that the seed files hold already, as the API has them. */
  inFiles: number;
  /** Changes to the seed files' own records (revisions.yaml), to apply by hand. */
  revisions: number;
  /** Actors added through the API and merged since into others: the seed format has no merges. */
  mergedAway: string[];
}

interface Merge { merged: string; into: string }
interface Contradiction { from: string; to: string }

interface ApiRecords {
  sources: Source[];
  actors: Actor[];
  claims: Claim[];
  figures: Figure[];
  merges: Merge[];
  /** Contradictions the API recorded, or that touch a claim it wrote, in their stored direction. */
  contradictions: Contradiction[];
}

interface Revision { id: string; file: string; changed: Record<string, { files: unknown; api: unknown }> }

interface Revisions {
  sources: Revision[];
  actors: Revision[];
  claims: Revision[];
  figures: Revision[];
  merges: Merge[];
  contradictions: { claim: string; contradicts: string }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function readApiRecords(db: Database): Promise<ApiRecords> {
  const [row] = await db.read<{ sources: Content[]; actors: Content[]; claims: ClaimRow[]; figures: Parameters<typeof toFigure>[0][]; merges: Merge[]; contradictions: Contradiction[] }>(
    `CALL () { MATCH (s:Source {origin: 'api'}) RETURN collect(properties(s)) AS sources }
     CALL () { MATCH (a:Actor {origin: 'api'}) RETURN collect(properties(a)) AS actors }
     CALL () { MATCH (c:Claim {origin: 'api'}) RETURN collect(${claimProjection('c')}) AS claims }
     CALL () { MATCH (f:Figure {origin: 'api'}) RETURN collect(${figureProjection('f')}) AS figures }
     CALL () { MATCH (m:MergedActor)-[:MERGED_INTO]->(k) RETURN collect({merged: m.id, into: k.id}) AS merges }
     CALL () {
       MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim) WHERE r.origin = 'api' OR a.origin = 'api' OR b.origin = 'api'
       RETURN collect({from: a.id, to: b.id}) AS contradictions
     }
     RETURN sources, actors, claims, figures, merges, contradictions`,
  );
  return {
    sources: row!.sources.map(toSource).sort(byId),
    actors: row!.actors.map(toActor).sort(byId),
    claims: row!.claims.map(toClaim).sort(byId),
    figures: row!.figures.map(toFigure).sort(byId),
    merges: row!.merges.sort((a, b) => a.merged.localeCompare(b.merged)),
    contradictions: row!.contradictions.sort((a, b) => pairKey(a.from, a.to).localeCompare(pairKey(b.from, b.to))),
  };
}

const sourceEntry = (s: Source, file: string): SourceEntry => ({
  id: s.id,
  file,
  title: s.title,
  publisher: s.publisher ?? undefined,
  author: s.author ?? undefined,
  published: s.published ?? undefined,
  url: s.url ?? undefined,
  via: s.via ?? undefined,
  language: s.language ?? undefined,
  accessed: s.accessed ?? undefined,
  reliability: s.reliability ? { grade: s.reliability.grade, reason: s.reliability.reason } : undefined,
});

const actorEntry = (a: Actor): ActorEntry => ({ id: a.id, kind: a.kind, name: a.name, aliases: a.aliases, description: a.description ?? undefined });

/** A claim in the seed format, its fields in seed/README.md's order. */
const claimEntry = (c: Claim): ClaimEntry => ({
  id: c.id,
  type: c.type,
  subject: c.subjectId,
  object: c.objectId,
  role: c.role ?? undefined,
  since: c.since ?? undefined,
  until: c.until ?? undefined,
  dateText: c.dateText ?? undefined,
  stance: c.stance,
  claimedBy: c.claimedBy,
  disputedBy: c.disputedBy,
  contradicts: [],
  source: c.sourceId,
  note: c.note ?? undefined,
  credibility: c.credibility ? { grade: c.credibility.grade, reason: c.credibility.reason } : undefined,
  quotes: c.evidence.map((e) => e.quote),
  retracted: c.retracted ?? undefined,
});

/** A figure in the seed format, its fields in seed/README.md's order. */
const figureEntry = (f: Figure): FigureEntry => ({
  id: f.id,
  about: f.aboutId,
  place: f.placeId ?? undefined,
  measure: f.measure,
  value: f.value ?? undefined,
  qualifier: f.qualifier ?? undefined,
  unit: f.unit,
  date: f.date ?? undefined,
  stance: f.stance,
  claimedBy: f.claimedBy,
  disputedBy: f.disputedBy,
  contradicts: [],
  source: f.sourceId,
  note: f.note ?? undefined,
  credibility: f.credibility ? { grade: f.credibility.grade, reason: f.credibility.reason } : undefined,
  quotes: f.evidence.map((e) => e.quote),
  retracted: f.retracted ?? undefined,
});

/** The fields whose values differ, with both. */
function differences(files: Content, api: Content): Revision['changed'] {
  const keys = Object.keys(api).filter((key) => JSON.stringify(files[key]) !== JSON.stringify(api[key]));
  return Object.fromEntries(keys.map((key) => [key, { files: files[key], api: api[key] }]));
}

/**
 * The records the seed files lack (answered: the API's additions); those they hold as the API
 * has them are counted, those they hold otherwise become revisions.
 */
function additions<T extends { id: string }>(records: T[], content: (record: T) => Content, files: FileRecords, revisions: Revision[], tally: { inFiles: number }): T[] {
  return records.filter((record) => {
    const seeded = files.get(record.id);
    if (!seeded) return true;
    const changed = differences(seeded.content, content(record));
    if (Object.keys(changed).length === 0) tally.inFiles += 1;
    else revisions.push({ id: record.id, file: seeded.file, changed });
    return false;
  });
}

/**
 * Each contradiction that touches an added claim is listed on an added end (the claim that
 * contradicts when it is one); one between claims of the files is a revision, unless the files
 * say it already.
 */
function placeContradictions(contradictions: Contradiction[], claims: Map<string, ClaimEntry>, seed: SeedFiles, revisions: Revisions): void {
  const done = new Set<string>();
  for (const { from, to } of contradictions) {
    const key = pairKey(from, to);
    if (done.has(key)) continue;
    done.add(key);
    const [on, other] = claims.has(from) ? [from, to] : [to, from];
    const claim = claims.get(on);
    if (claim) claim.contradicts = sorted([...claim.contradicts, other]);
    else if (!seed.contradictions.has(key)) revisions.contradictions.push({ claim: from, contradicts: to });
  }
}

/** `base` + `ext`, or `base-2` + `ext`, ...: the first name not taken, which it then takes. */
function freeName(taken: Set<string>, base: string, ext: string): string {
  let name = `${base}${ext}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}${ext}`;
  taken.add(name);
  return name;
}

const namesIn = (dir: string) => new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);

interface DataFile { name: string; source?: SourceEntry; actors: ActorEntry[]; claims: ClaimEntry[]; figures: FigureEntry[] }

/**
 * One file per added source (its source block, claims and figures), one per other source the
 * added claims and figures cite (`api-claims-<source>`, each naming its source), each with the
 * added actors its claims and figures are the first (in file name order) to need; the other added
 * actors in `api-actors`.
 */
function layOut(sources: SourceEntry[], claims: ClaimEntry[], figures: FigureEntry[], actors: ActorEntry[], taken: Set<string>): DataFile[] {
  const files = new Map<string, DataFile>();
  for (const source of sources) files.set(source.id, { name: freeName(taken, source.id, '.yaml'), source, actors: [], claims: [], figures: [] });
  const fileOf = (sourceId: string) => {
    if (!files.has(sourceId)) files.set(sourceId, { name: freeName(taken, `api-claims-${sourceId}`, '.yaml'), actors: [], claims: [], figures: [] });
    return files.get(sourceId)!;
  };
  for (const claim of claims) {
    const file = fileOf(claim.source!);
    file.claims.push(file.source ? { ...claim, source: undefined } : claim);
  }
  for (const figure of figures) {
    const file = fileOf(figure.source!);
    file.figures.push(file.source ? { ...figure, source: undefined } : figure);
  }
  const list = [...files.values()].sort((a, b) => a.name.localeCompare(b.name));
  const unplaced = new Map(actors.map((actor) => [actor.id, actor]));
  for (const file of list) {
    const needed = [
      ...file.claims.flatMap((c) => [c.subject, c.object, ...c.claimedBy, ...c.disputedBy]),
      ...file.figures.flatMap((f) => [f.about, ...(f.place ? [f.place] : []), ...f.claimedBy, ...f.disputedBy]),
    ];
    for (const id of sorted(needed)) {
      const actor = unplaced.get(id);
      if (actor) file.actors.push(actor);
      unplaced.delete(id);
    }
  }
  if (unplaced.size > 0) list.push({ name: freeName(taken, 'api-actors', '.yaml'), actors: [...unplaced.values()], claims: [], figures: [] });
  return list;
}

const dataHeader = ' Written through the API; exported by `npm run export -- --format seed`. Review, then copy into seed/data/ (texts into seed/sources/).';
const revisionsHeader = [
  ' Records of the seed files changed through the API. The loader cannot add them (their ids are taken):',
  ' apply each change by hand to the file named, then reload. `files`: what the seed files say; `api`: what the API wrote.',
].join('\n');

/** Writes `text` as UTF-8 to `name` (e.g. data/x.yaml) under `dir`, and lists it. */
function writeFile(dir: string, name: string, text: string, written: string[]): void {
  fs.writeFileSync(path.join(dir, name), text, 'utf8');
  written.push(name);
}

/**
 * Writes what the API wrote into `outDir` (data/, sources/, revisions.yaml), in the seed format,
 * to load beside the seed files of `seed` (by default seed/data and seed/sources).
 */
export async function exportSeed(db: Database, outDir: string, seed: SeedLocation = {}): Promise<SeedExportReport> {
  const { dataDir = defaultDataDir, sourcesDir = defaultSourcesDir } = seed;
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new UserError(`${outDir} is not empty: export into a new or empty folder`);
  const files = readSeedFiles(dataDir, sourcesDir);
  const api = await readApiRecords(db);
  const revisions: Revisions = { sources: [], actors: [], claims: [], figures: [], merges: [], contradictions: [] };
  const tally = { inFiles: 0 };

  const sources = additions(api.sources, (s) => sourceContent(s, s.textHash), files.sources, revisions.sources, tally);
  const actors = additions(api.actors.map(actorEntry), actorContent, files.actors, revisions.actors, tally);
  const claims = additions(api.claims.map(claimEntry), claimContent, files.claims, revisions.claims, tally);
  const figures = additions(api.figures.map(figureEntry), figureContent, files.figures, revisions.figures, tally);
  placeContradictions(api.contradictions, new Map(claims.map((c) => [c.id, c])), files, revisions);
  revisions.merges = api.merges.filter((m) => files.actors.has(m.merged));
  const mergedAway = api.merges.filter((m) => !files.actors.has(m.merged)).map((m) => m.merged);

  const takenTexts = namesIn(sourcesDir);
  const texts = sources.map((s) => ({ source: s, file: freeName(takenTexts, s.id, '.txt') }));

  const written: string[] = [];
  for (const folder of ['data', 'sources']) fs.mkdirSync(path.join(outDir, folder), { recursive: true });
  for (const { source, file } of texts) {
    if (source.text === null) throw new Error(`source ${source.id} was read without its text`);
    writeFile(outDir, `sources/${file}`, source.text, written);
  }
  for (const file of layOut(texts.map(({ source, file }) => sourceEntry(source, file)), claims, figures, actors, namesIn(dataDir))) {
    const content = { source: file.source, actors: file.actors, claims: file.claims, ...(file.figures.length > 0 ? { figures: file.figures } : {}) };
    writeFile(outDir, `data/${file.name}`, toSeedYaml(compact(content), dataHeader), written);
  }
  const revisionCount = Object.values(revisions).reduce((n, list: unknown[]) => n + list.length, 0);
  const listed = Object.fromEntries(Object.entries(revisions).filter(([, list]) => list.length > 0));
  if (revisionCount > 0) writeFile(outDir, 'revisions.yaml', toSeedYaml(listed, revisionsHeader), written);
  return {
    files: written,
    added: { sources: sources.length, actors: actors.length, claims: claims.length, figures: figures.length },
    inFiles: tally.inFiles,
    revisions: revisionCount,
    mergedAway,
  };
}
