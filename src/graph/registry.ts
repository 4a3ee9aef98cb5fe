// Reads of what registries gave (src/writes/registryImport.ts): an actor's identifiers, its names
// with their quality and sources, its designations (who lists it, since when, which snapshots
// list it and which later ones no longer do), the registry record an actor was imported from,
// and the match pairs (the review queue and the judgements). An actor shows what the records
// judged the same as it gave too (merged into it).
import { InputError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { actorNodeNamed, maxMergeChain } from './actors.ts';
import { listSize } from './filters.ts';

export interface SourceRef {
  id: string;
  published: string | null;
}

export interface IdentifierView {
  scheme: string;
  value: string;
  /** The snapshots that give it, oldest first. */
  sources: SourceRef[];
}

export interface NameView {
  value: string;
  /** NAME, ORIGINAL_SCRIPT, GOOD, LOW, AKA, FKA, UNSTATED (src/registries/registryPlan.ts). */
  quality: string;
  registry: string;
  sources: SourceRef[];
}

export interface DesignationView {
  byId: string;
  registry: string | null;
  referenceNumber: string | null;
  regime: string | null;
  since: string | null;
  /** The snapshots that list it, oldest first. */
  listedIn: SourceRef[];
  /** Later snapshots of the same registry whose import covered its regime and that do not list it. */
  notListedIn: SourceRef[];
  claimIds: string[];
}

export interface RegistryEntryView {
  /** The record's own actor (un-sc-qde-010), merged into another when judged SAME. */
  id: string;
  registry: string;
  regime: string | null;
  referenceNumber: string;
  name: string;
  kind: string;
  narrative: string | null;
  mergedInto: string | null;
  names: NameView[];
  /** The snapshots that list it, oldest first. */
  sources: SourceRef[];
}

export interface ActorRegistryView {
  identifiers: IdentifierView[];
  names: NameView[];
  designations: DesignationView[];
}

const bySource = 'ORDER BY s.published, s.id';

/** The names a node gives (RegistryName) with their sources, as a Cypher subquery expression over `r`. */
const namesOf = (node: string) => `COLLECT {
    MATCH (n:RegistryName)-[:NAME_OF]->(${node})
    RETURN {value: n.value, quality: n.quality, registry: ${node}.registry,
            sources: COLLECT { MATCH (n)-[:OBSERVED_IN]->(s:Source) WITH s ${bySource} RETURN {id: s.id, published: s.published} }}
  }`;

/** Each actor's identifiers, registry names and designations, its own and those of the records merged into it. */
export async function registryOfActors(db: Database, ids: readonly string[]): Promise<Map<string, ActorRegistryView>> {
  const rows = await db.read<{ id: string; identifiers: IdentifierView[]; names: NameView[][]; designations: (Omit<DesignationView, 'notListedIn'> & { later: (SourceRef & { regimes: string[] | null })[] })[] }>(
    `UNWIND $ids AS id
     MATCH (a:Actor {id: id})
     WITH a, [a] + COLLECT { MATCH (m:MergedActor)-[:MERGED_INTO*1..${maxMergeChain}]->(a) RETURN m } AS records
     RETURN a.id AS id,
       COLLECT {
         UNWIND records AS r MATCH (i:Identifier)-[:IDENTIFIES]->(r)
         WITH DISTINCT i ORDER BY CASE i.scheme WHEN 'un-sc' THEN 0 ELSE 1 END, i.scheme, i.value
         RETURN {scheme: i.scheme, value: i.value,
                 sources: COLLECT { MATCH (i)-[:OBSERVED_IN]->(s:Source) WITH s ${bySource} RETURN {id: s.id, published: s.published} }}
       } AS identifiers,
       [r IN records | ${namesOf('r')}] AS names,
       COLLECT {
         MATCH (by:Actor)<-[:SUBJECT]-(c:Claim {type: 'DESIGNATES'})-[:OBJECT]->(a) WHERE c.retracted IS NULL
         MATCH (c)-[:IN_SOURCE]->(s:Source)
         WITH by, c.registryReference AS reference, c, s ${bySource}
         WITH by, reference, collect(c) AS claims, collect(s) AS sources
         WITH by, reference, claims, sources, last(sources) AS newest
         RETURN {byId: by.id, registry: newest.registry, referenceNumber: reference, regime: last(claims).registryRegime,
                 since: reduce(d = null, x IN claims | CASE WHEN x.since IS NOT NULL AND (d IS NULL OR x.since < d) THEN x.since ELSE d END),
                 listedIn: [s IN sources | {id: s.id, published: s.published}], claimIds: [x IN claims | x.id],
                 later: COLLECT { MATCH (t:Source) WHERE newest.registry IS NOT NULL AND t.registry = newest.registry AND t.published > newest.published
                                  WITH t ORDER BY t.published RETURN {id: t.id, published: t.published, regimes: t.registryRegimes} }}
       } AS designations`,
    { ids: [...new Set(ids)] },
  );
  const views = new Map<string, ActorRegistryView>();
  for (const row of rows) {
    views.set(row.id, {
      identifiers: row.identifiers,
      names: row.names.flat(),
      designations: row.designations.map(({ later, ...designation }) => ({
        ...designation,
        // Only a snapshot whose import covered the record's regime says it is off the list (a registry without regimes says nothing).
        notListedIn: later
          .filter((source) => designation.regime !== null && (source.regimes ?? []).includes(designation.regime.toLowerCase()))
          .map(({ id, published }) => ({ id, published })),
      })),
    });
  }
  return views;
}

/** The registry record each of these record actors (Actor or MergedActor) was imported from; absent for an actor that is none. */
export async function registryEntries(db: Database, ids: readonly string[]): Promise<Map<string, RegistryEntryView>> {
  const rows = await db.read<{ entry: Omit<RegistryEntryView, 'names'> & { names: NameView[] } }>(
    `UNWIND $ids AS id
     ${actorNodeNamed('id', 'r')} WITH r WHERE r.referenceNumber IS NOT NULL
     RETURN {id: r.id, registry: r.registry, regime: r.regime, referenceNumber: r.referenceNumber, name: r.name, kind: r.kind,
             narrative: r.description, mergedInto: r.mergedInto, names: ${namesOf('r')},
             sources: COLLECT { MATCH (i:Identifier)-[:IDENTIFIES]->(r) MATCH (i)-[:OBSERVED_IN]->(s:Source) WITH DISTINCT s ${bySource}
                                RETURN {id: s.id, published: s.published} }} AS entry`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((row) => [row.entry.id, row.entry]));
}

/** The actor an identifier names (the record's actor, or the actor it was judged the same as); null when none. */
export async function actorIdByIdentifier(db: Database, scheme: string, value: string): Promise<string | null> {
  const [row] = await db.read<{ id: string }>(
    `MATCH (:Identifier {id: $id})-[:IDENTIFIES]->(r)
     OPTIONAL MATCH (r)-[:MERGED_INTO*1..${maxMergeChain}]->(k:Actor)
     WITH coalesce(k, r) AS a WHERE a:Actor RETURN a.id AS id LIMIT 1`,
    { id: `${scheme}:${value}` },
  );
  return row?.id ?? null;
}

export interface MatchReasonView {
  reason: string;
  detail: string;
  weight: number;
}

export interface MatchPairView {
  id: string;
  recordId: string;
  candidateId: string;
  score: number;
  certain: boolean;
  reasons: MatchReasonView[];
  decision: string;
  automatic: boolean;
  by: string | null;
  at: string | null;
}

const pairProjection = `{id: p.id, recordId: p.record, candidateId: p.candidate, score: p.score, certain: p.certain, reasons: p.reasons,
                         decision: p.decision, automatic: p.automatic, by: p.by, at: p.at}`;

const toPair = (row: Omit<MatchPairView, 'reasons'> & { reasons: string }): MatchPairView => ({ ...row, reasons: JSON.parse(row.reasons) as MatchReasonView[] });

export async function getMatchPairs(db: Database, ids: readonly string[]): Promise<(MatchPairView | null)[]> {
  const rows = await db.read<{ pair: Omit<MatchPairView, 'reasons'> & { reasons: string } }>(
    `UNWIND $ids AS id MATCH (p:MatchPair {id: id}) RETURN ${pairProjection} AS pair`,
    { ids: [...new Set(ids)] },
  );
  const byId = new Map(rows.map((row) => [row.pair.id, toPair(row.pair)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface PairListArgs {
  first?: number | null;
  /** Only pairs after this one in the list's order (a pair id): how a reviewer resumes. */
  after?: string | null;
  automatic?: boolean | null;
}

/**
 * The review queue: pending pairs whose candidate is still an actor and whose record is not judged
 * the same as another, best score first (then by id). Resumable: `after` is the last pair seen.
 */
export async function matchQueue(db: Database, args: PairListArgs): Promise<MatchPairView[]> {
  const rows = await db.read<{ pair: Omit<MatchPairView, 'reasons'> & { reasons: string } }>(
    `MATCH (p:MatchPair {decision: 'PENDING'})
     WHERE EXISTS { MATCH (:Actor {id: p.candidate}) } AND EXISTS { MATCH (:Actor {id: p.record}) }
     OPTIONAL MATCH (last:MatchPair {id: $after})
     WITH p, last WHERE last IS NULL OR p.score < last.score OR (p.score = last.score AND p.id > last.id)
     WITH p ORDER BY p.score DESC, p.id LIMIT $first
     RETURN ${pairProjection} AS pair`,
    { first: int(listSize(args.first)), after: args.after ?? null },
  );
  if (args.after && rows.length === 0) {
    const [known] = await db.read<{ n: number }>('MATCH (p:MatchPair {id: $after}) RETURN count(p) AS n', { after: args.after });
    if (!known?.n) throw new InputError('after', `no match pair "${args.after}"`);
  }
  return rows.map((row) => toPair(row.pair));
}

/** Judged pairs, latest first (then by id); `automatic` keeps the automatic (true) or the analysts' (false) ones; `after` the last pair seen. */
export async function judgedPairs(db: Database, args: PairListArgs): Promise<MatchPairView[]> {
  const rows = await db.read<{ pair: Omit<MatchPairView, 'reasons'> & { reasons: string } }>(
    `OPTIONAL MATCH (last:MatchPair {id: $after})
     MATCH (p:MatchPair) WHERE p.decision IN ['SAME', 'NOT_SAME', 'UNSURE'] AND ($automatic IS NULL OR p.automatic = $automatic)
       AND EXISTS { MATCH (:Actor {id: p.candidate}) }
       AND (last IS NULL OR p.at < last.at OR (p.at = last.at AND p.id > last.id))
     WITH p ORDER BY p.at DESC, p.id LIMIT $first
     RETURN ${pairProjection} AS pair`,
    { first: int(listSize(args.first)), automatic: args.automatic ?? null, after: args.after ?? null },
  );
  if (args.after && rows.length === 0) {
    const [known] = await db.read<{ n: number }>('MATCH (p:MatchPair {id: $after}) RETURN count(p) AS n', { after: args.after });
    if (!known?.n) throw new InputError('after', `no match pair "${args.after}"`);
  }
  return rows.map((row) => toPair(row.pair));
}
