// Thin resolvers: each calls a graph query function (src/graph) or a per-request loader.
// None of them contains Cypher.
import type DataLoader from 'dataloader';
import { apiLimits } from '../config.ts';
import { listActors } from '../graph/actors.ts';
import { listClaims } from '../graph/claims.ts';
import type { Page } from '../graph/cursor.ts';
import { listFigures } from '../graph/figures.ts';
import type { Actor, Claim, Relationship } from '../graph/model.ts';
import { listRelationships, timeline } from '../graph/relationships.ts';
import { searchActors, searchMatches } from '../graph/search.ts';
import { listSources } from '../graph/sources.ts';
import { getStats } from '../graph/stats.ts';
import { allegianceChain, neighborhood, shortestPath } from '../graph/traversal.ts';
import { gatheredActors, gatheredConflicts, gatheredDateText, gatheredEvidence, gatheredNote } from '../domain/gathered.ts';
import { actorKindsByEnumValue, vocabulary } from '../domain/vocabulary.ts';
import type { Context } from './context.ts';
import type { Resolvers, SourceReliability } from './generated/graphql.ts';
import type { Loaders } from './loaders.ts';
import { requireRole } from './authorization.ts';
import { selects } from './selection.ts';
import { actorInclude, claimInclude, relationshipInclude, selectionsAt, sourceInclude } from './include.ts';
import { getActorsByIds } from '../graph/actors.ts';
import { getSourcesByIds } from '../graph/sources.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { addActor, mergeActors, unmergeActors, updateActor, type ActorPatch } from '../writes/actors.ts';
import { history } from '../writes/changeLog.ts';
import { addClaim, contradict, retractClaim, updateClaim } from '../writes/claims.ts';
import { addFigure, retractFigure, updateFigure } from '../writes/figures.ts';
import { addSource } from '../writes/sources.ts';
import { deleteActor } from '../writes/actorDeletion.ts';
import { addMention, rejectMention } from '../writes/mentions.ts';
import { gradeClaim, gradeSource } from '../writes/grades.ts';
import { checkedIdempotencyKey, requestHash, writeOnce } from '../writes/idempotency.ts';
import type { Role } from '../auth/tokens.ts';
import type { Database } from '../neo4j/database.ts';
import { loadConfig, matchingSettings } from '../config.ts';
import { InputError } from '../errors.ts';
import { RegistryFileError } from '../registries/registryError.ts';
import { actorIdByIdentifier, judgedPairs, matchQueue } from '../graph/registry.ts';
import { listSize } from '../graph/filters.ts';
import { judgeMatch, undoJudgement } from '../writes/judgements.ts';
import { rejectSuggestion } from '../writes/suggestions.ts';
import { resolvedSuggestions } from './suggestions.ts';
import { importRegistryText, RegistryImportError, type RegistryFormat, type RegistryImportReport } from '../writes/registryImport.ts';

/** The matcher's thresholds and blocking limits and the loader's timeout (src/config.ts), read when an import asks. */
function importOptions() {
  const settings = matchingSettings();
  return { thresholds: settings, limits: settings, timeoutMs: loadConfig().limits.loaderTimeoutMs };
}
const registryFormatOf: Record<'UN_SC' | 'FTM', RegistryFormat> = { UN_SC: 'un-sc', FTM: 'ftm' };
const emptyReport: RegistryImportReport = {
  registry: '',
  source: '',
  sourceAdded: false,
  records: 0,
  regimes: null,
  actors: { created: 0, amended: 0, unchanged: 0 },
  claims: { created: 0, updated: 0, unchanged: 0, kept: 0, withinOneActor: 0 },
  identifiersObserved: 0,
  namesObserved: 0,
  tiesLeftOut: 0,
  leftOut: {},
  matching: { automatic: [], queued: 0, decidedBefore: 0, unmatched: 0 },
  timings: {},
};

/** A connection; its totalCount was counted when the query selects it (`selects`), and only then is it read. */
function connection<T>(page: Page<T>) {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    get totalCount(): number {
      if (page.totalCount === null) throw new Error('totalCount was read but not counted');
      return page.totalCount;
    },
  };
}

/**
 * The items a loadMany found, in order; ids that name nothing are left out. An error is an
 * answer: it fails the field (a database outage must never turn claimants into an empty list).
 */
function found<T>(results: (T | null | Error)[]): T[] {
  const error = results.find((result) => result instanceof Error);
  if (error) throw error;
  return results.filter((result): result is T => result !== null);
}

const actorsByIds = async (loaders: Loaders, ids: readonly string[]): Promise<Actor[]> => found(await loaders.actor.loadMany(ids));

/**
 * Every claim of a relationship (up to the largest page), for the fields that gather over them:
 * its live claims, or all of them when every one is retracted (it is shown only when asked for).
 */
const allClaims = async (rel: Relationship, loaders: Loaders): Promise<Claim[]> =>
  rel.gathered ?? loaders.relationshipClaims.load({ id: rel.id, first: apiLimits.maxPageSize, args: { includeRetracted: rel.retracted, knownAsOf: rel.knownAsOf } });

/** The claimants (or disputers) of these claims, each once: as the read brought them, else by id. */
async function actorsOfClaims(claims: Claim[], role: 'claimedBy' | 'disputedBy', loaders: Loaders): Promise<Actor[]> {
  if (claims.every((claim) => claim.linked?.[role])) return gatheredActors(claims.map((claim) => claim.linked!), role, (actor) => actor.id);
  return actorsByIds(loaders, gatheredActors(claims, role, (id) => id));
}

/** What the read of `parent` brought for this field (by its response key), if it did. */
const brought = <T>(nested: Record<string, T> | undefined, info: GraphQLResolveInfo): T | undefined => nested?.[String(info.path.key)];

const distinct = <T>(items: T[]) => [...new Set(items)];

async function contradictingRelationships(rel: Relationship, { loaders }: Context): Promise<Relationship[]> {
  const others = found(await loaders.claim.loadMany(distinct((await allClaims(rel, loaders)).flatMap((c) => c.contradicts))));
  const ids = gatheredConflicts(rel.id, others.filter((c) => !c.retracted).map((c) => c.relationshipId));
  return found(await loaders.relationship.loadMany(ids));
}

/** A record just written, read again (never from the request's cache, which may hold it as it was). */
async function reloaded<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const item = await loader.clear(id).load(id);
  if (item === null) throw new Error(`${id} was written but cannot be read back`);
  return item;
}

/**
 * Runs a mutation's write as `role`: once per Idempotency-Key (writeOnce), or as sent when there
 * is none (a retry without a key writes again). Once it has committed, its receipt is noted, so
 * that the answer says so whatever befalls the rest, and the deadline no longer cuts its fields.
 * Answers the id written.
 */
async function written(
  context: Context,
  info: GraphQLResolveInfo,
  args: object,
  role: Role,
  write: (db: Database, by: string) => Promise<string | { id: string }>,
): Promise<string> {
  const by = requireRole(context.principal, role, info.fieldName).name;
  const field = String(info.path.key);
  const key = context.idempotencyKey === null ? null : { key: checkedIdempotencyKey(context.idempotencyKey), by, field, request: requestHash(info.fieldName, args) };
  context.writes.begun = true;
  const { outcome, replayed } = key ? await writeOnce(context.db, key, (db) => write(db, by)) : { outcome: await write(context.db, by), replayed: false };
  const id = typeof outcome === 'string' ? outcome : outcome.id;
  context.writes.committed.push({ field, mutation: info.fieldName, id, committed: true, replayed });
  context.budget.spareFromDeadline(field);
  return id;
}

/** The first `first` of these snapshots (a registry's facts list them oldest first). */
const sourcesOf = async (sources: readonly { id: string }[], first: number | null | undefined, loaders: Loaders) =>
  found(await loaders.source.loadMany(sources.slice(0, listSize(first)).map((s) => s.id)));

/** What a subgraph (neighborhood, path) brings with its actors and relationships. */
const subgraphInclude = (info: GraphQLResolveInfo) => ({
  nodes: actorInclude(info, selectionsAt(info, 'nodes')),
  relationships: relationshipInclude(info, selectionsAt(info, 'relationships')),
});

const terms = (entries: Record<string, string>) => Object.entries(entries).map(([name, definition]) => ({ name, definition }));

export const resolvers: Resolvers = {
  ActorKind: actorKindsByEnumValue as Resolvers['ActorKind'],

  Query: {
    actor: async (_, { id }, { db, loaders }, info) => {
      const include = actorInclude(info, selectionsAt(info));
      return include.relationships.length > 0 ? (await getActorsByIds(db, [id], include))[0]! : loaders.actor.load(id);
    },
    actors: async (_, args, { db }, info) =>
      connection(await listActors(db, { ...args, countTotal: selects(info, 'totalCount'), include: actorInclude(info, selectionsAt(info, 'edges', 'node')) })),
    search: (_, args, { db }, info) => searchActors(db, args, actorInclude(info, selectionsAt(info))),
    searchMatches: (_, args, { db }, info) => searchMatches(db, args, actorInclude(info, selectionsAt(info, 'actor'))),
    neighborhood: (_, args, { db }, info) => neighborhood(db, args, subgraphInclude(info)),
    shortestPath: (_, args, { db }, info) => shortestPath(db, args, subgraphInclude(info)),
    relationships: async (_, args, { db }, info) =>
      connection(await listRelationships(db, { ...args, countTotal: selects(info, 'totalCount'), include: relationshipInclude(info, selectionsAt(info, 'edges', 'node')) })),
    sources: (_, { first }, { db }, info) => listSources(db, first, sourceInclude(info, selectionsAt(info))),
    source: async (_, { id }, { db }, info) => (await getSourcesByIds(db, [id], sourceInclude(info, selectionsAt(info))))[0]!,
    stats: (_, __, { db }) => getStats(db),
    allegianceChain: (_, args, { db }, info) => allegianceChain(db, args, relationshipInclude(info, selectionsAt(info))),
    timeline: (_, { id, ...filter }, { db }, info) => timeline(db, id, filter, relationshipInclude(info, selectionsAt(info))),
    contestedClaims: async (_, args, { db }, info) =>
      connection(
        await listRelationships(db, { ...args, contested: true, countTotal: selects(info, 'totalCount'), include: relationshipInclude(info, selectionsAt(info, 'edges', 'node')) }),
      ),
    claims: async (_, args, { db }, info) =>
      connection(await listClaims(db, { ...args, countTotal: selects(info, 'totalCount'), include: claimInclude(info, selectionsAt(info, 'edges', 'node')) })),
    claim: (_, { id }, { loaders }) => loaders.claim.load(id),
    actorByIdentifier: async (_, { identifier }, { db, loaders }) => {
      const id = await actorIdByIdentifier(db, identifier.scheme, identifier.value);
      return id === null ? null : loaders.actor.load(id);
    },
    figures: (_, args, { db }) => listFigures(db, args),
    vocabulary: () => ({
      actorKinds: terms(vocabulary.actorKinds),
      relationshipTypes: terms(vocabulary.relationshipTypes),
      claimStatuses: terms(vocabulary.claimStatuses),
      stances: terms(vocabulary.stances),
      reliabilityGrades: terms(vocabulary.sourceReliability),
      credibilityGrades: terms(vocabulary.informationCredibility),
    }),
    history: (_, { id, first }, { db }) => history(db, id, first),
    viewer: (_, __, { principal }) => principal,
    matchQueue: (_, args, { db }) => matchQueue(db, args),
    judgements: (_, args, { db }) => judgedPairs(db, args),
    matchPair: (_, { id }, { loaders }) => loaders.matchPair.load(id),
  },

  Mutation: {
    addSource: async (_, args, context, info) =>
      reloaded(context.loaders.source, await written(context, info, args, 'editor', (db, by) => addSource(db, by, args.input))),
    addActor: async (_, args, context, info) =>
      reloaded(context.loaders.actor, await written(context, info, args, 'editor', (db, by) => addActor(db, by, { ...args.input, kind: args.input.kind as string }))),
    updateActor: async (_, args, context, info) =>
      reloaded(context.loaders.actor, await written(context, info, args, 'editor', (db, by) => updateActor(db, by, args.id, args.expectedVersion, args.patch as ActorPatch))),
    deleteActor: (_, args, context, info) => written(context, info, args, 'editor', (db, by) => deleteActor(db, by, args.id, args.expectedVersion)),
    mergeActors: async (_, args, context, info) =>
      reloaded(context.loaders.actor, await written(context, info, args, 'admin', (db, by) => mergeActors(db, by, args.keep, args.merge))),
    unmergeActors: async (_, args, context, info) =>
      reloaded(context.loaders.actor, await written(context, info, args, 'admin', (db, by) => unmergeActors(db, by, args.merged))),
    addClaim: async (_, args, context, info) =>
      reloaded(context.loaders.claim, await written(context, info, args, 'editor', (db, by) => addClaim(db, by, { ...args.input, newActors: args.input.newActors?.map((a) => ({ ...a, kind: a.kind as string })) }))),
    updateClaim: async (_, args, context, info) =>
      reloaded(context.loaders.claim, await written(context, info, args, 'editor', (db, by) => updateClaim(db, by, args.id, args.expectedVersion, args.patch))),
    retractClaim: async (_, args, context, info) =>
      reloaded(context.loaders.claim, await written(context, info, args, 'editor', (db, by) => retractClaim(db, by, args.id, args.reason))),
    contradict: async (_, args, context, info) =>
      reloaded(context.loaders.claim, await written(context, info, args, 'editor', (db, by) => contradict(db, by, args.claim, args.other))),
    addFigure: async (_, args, context, info) =>
      reloaded(context.loaders.figure, await written(context, info, args, 'editor', (db, by) => addFigure(db, by, { ...args.input, newActors: args.input.newActors?.map((a) => ({ ...a, kind: a.kind as string })) }))),
    updateFigure: async (_, args, context, info) =>
      reloaded(context.loaders.figure, await written(context, info, args, 'editor', (db, by) => updateFigure(db, by, args.id, args.expectedVersion, args.patch))),
    retractFigure: async (_, args, context, info) =>
      reloaded(context.loaders.figure, await written(context, info, args, 'editor', (db, by) => retractFigure(db, by, args.id, args.reason))),
    gradeSource: async (_, args, context, info) =>
      reloaded(context.loaders.source, await written(context, info, args, 'editor', (db, by) => gradeSource(db, by, args.id, args.grade ?? null, args.reason))),
    rejectMention: async (_, args, context, info) =>
      reloaded(context.loaders.source, await written(context, info, args, 'editor', (db, by) => rejectMention(db, by, args.source, args.actor, args.reason))),
    addMention: async (_, args, context, info) =>
      reloaded(context.loaders.source, await written(context, info, args, 'editor', (db, by) => addMention(db, by, args.source, args.actor, args.text))),
    gradeClaim: async (_, args, context, info) =>
      reloaded(context.loaders.claim, await written(context, info, args, 'editor', (db, by) => gradeClaim(db, by, args.id, args.grade ?? null, args.reason, args.expectedVersion))),
    importRegistry: async (_, args, context, info) => {
      let report: RegistryImportReport | undefined;
      await written(context, info, args, 'admin', async (db, by) => {
        // A file refused (its records and lines named) is bad input, answered as such.
        report = await importRegistryText(db, by, { format: registryFormatOf[args.format], text: args.text, file: 'text', regimes: args.regimes ?? null, published: args.published ?? null }, importOptions()).catch((error: unknown) => {
          throw error instanceof RegistryFileError || error instanceof RegistryImportError ? new InputError('text', error.message) : error;
        });
        return report.source;
      });
      // A write replayed under the same Idempotency-Key did nothing: it answers the source the first imported, and no counts.
      return report ?? { ...emptyReport, source: context.writes.committed.at(-1)!.id };
    },
    judgeMatch: async (_, args, context, info) =>
      reloaded(context.loaders.matchPair, await written(context, info, args, 'editor', (db, by) => judgeMatch(db, by, args.pair, args.decision, args.expected))),
    undoJudgement: async (_, args, context, info) =>
      reloaded(context.loaders.matchPair, await written(context, info, args, 'editor', (db, by) => undoJudgement(db, by, args.pair))),
    rejectSuggestion: async (_, args, context, info) =>
      reloaded(context.loaders.source, await written(context, info, args, 'editor', (db, by) => rejectSuggestion(db, by, args.source, args.key))),
  },

  RegistryImport: {
    source: async (report, _, { loaders }) => (await loaders.source.load(report.source))!,
    actorsCreated: (report) => report.actors.created,
    actorsAmended: (report) => report.actors.amended,
    claimsCreated: (report) => report.claims.created,
    claimsUpdated: (report) => report.claims.updated,
    automatic: async (report, { first }, { loaders }) => found(await loaders.matchPair.loadMany(report.matching.automatic.slice(0, listSize(first)).map((a) => a.pair))),
    queued: (report) => report.matching.queued,
    unmatched: (report) => report.matching.unmatched,
  },

  MatchPair: {
    record: async (pair, _, { loaders }) => {
      const entry = await loaders.registryEntry.load(pair.recordId);
      if (!entry) throw new Error(`match pair ${pair.id} names record ${pair.recordId}, which is no registry record`);
      return entry;
    },
    candidate: async (pair, _, { loaders }) => (await loaders.actor.load(pair.candidateId))!,
  },

  Identifier: {
    sources: (identifier, { first }, { loaders }) => sourcesOf(identifier.sources, first, loaders),
  },
  RegistryName: {
    sources: (name, { first }, { loaders }) => sourcesOf(name.sources, first, loaders),
  },
  RegistryEntry: {
    kind: (entry) => entry.kind as never,
    sources: (entry, { first }, { loaders }) => sourcesOf(entry.sources, first, loaders),
  },
  Designation: {
    by: async (designation, _, { loaders }) => (await loaders.actor.load(designation.byId))!,
    listedIn: (designation, { first }, { loaders }) => sourcesOf(designation.listedIn, first, loaders),
    notListedIn: (designation, { first }, { loaders }) => sourcesOf(designation.notListedIn, first, loaders),
    claims: async (designation, { first }, { loaders }) => found(await loaders.claim.loadMany(designation.claimIds.slice(0, listSize(first)))),
  },

  Actor: {
    identifiers: async (actor, _, { loaders }) => (await loaders.actorRegistry.load(actor.id)).identifiers,
    registryNames: async (actor, _, { loaders }) => (await loaders.actorRegistry.load(actor.id)).names,
    designations: async (actor, _, { loaders }) => (await loaders.actorRegistry.load(actor.id)).designations,
    registryEntry: (actor, _, { loaders }) => (actor.origin === 'REGISTRY' ? loaders.registryEntry.load(actor.id) : null),
    relationships: (actor, { types, direction, statuses, asOf, knownAsOf, first, includeRetracted, minReliability, minCredibility }, { loaders }, info) =>
      brought(actor.nested, info) ??
      loaders.actorRelationships.load({ id: actor.id, first, args: { direction: direction ?? 'BOTH', filter: { types, statuses, asOf, knownAsOf, includeRetracted, minReliability, minCredibility } } }),
    mentions: (actor, { first }, { loaders }) => loaders.mentionsOfActor.load({ id: actor.id, first, args: null }),
    figures: (actor, { first }, { loaders }) => loaders.figuresAbout.load({ id: actor.id, first, args: null }),
    claims: (actor, { role, first, includeRetracted, knownAsOf }, { loaders }) =>
      loaders.actorClaims.load({ id: actor.id, first, args: { role: role ?? null, includeRetracted: includeRetracted ?? false, knownAsOf: knownAsOf ?? null } }),
  },

  Relationship: {
    claims: (rel, { first, includeRetracted }, { loaders }, info) =>
      brought(rel.nested, info) ?? loaders.relationshipClaims.load({ id: rel.id, first, args: { includeRetracted: includeRetracted ?? false, knownAsOf: rel.knownAsOf } }),
    claimedBy: async (rel, _, { loaders }) => actorsOfClaims(await allClaims(rel, loaders), 'claimedBy', loaders),
    disputedBy: async (rel, _, { loaders }) => actorsOfClaims(await allClaims(rel, loaders), 'disputedBy', loaders),
    evidence: async (rel, _, { loaders }) => gatheredEvidence(await allClaims(rel, loaders)),
    conflictsWith: (rel, _, context) => contradictingRelationships(rel, context),
    dateText: async (rel, _, { loaders }) => gatheredDateText(await allClaims(rel, loaders)),
    note: async (rel, _, { loaders }) => gatheredNote(await allClaims(rel, loaders)),
  },

  Succession: {
    successor: async (ended, _, { loaders }) => {
      const actor = await loaders.actor.load(ended.successorId);
      if (!actor) throw new Error(`succession names actor ${ended.successorId}, which is not there`);
      return actor;
    },
    successorRelationship: async (ended, _, { loaders }) => {
      const relationship = await loaders.relationship.load(ended.successorRelationshipId);
      if (!relationship) throw new Error(`succession names relationship ${ended.successorRelationshipId}, which is not derived`);
      return relationship;
    },
  },

  Claim: {
    subject: async (claim, _, { loaders }) => claim.linked?.subject ?? (await loaders.actor.load(claim.subjectId))!,
    object: async (claim, _, { loaders }) => claim.linked?.object ?? (await loaders.actor.load(claim.objectId))!,
    claimedBy: (claim, _, { loaders }) => claim.linked?.claimedBy ?? actorsByIds(loaders, claim.claimedBy),
    disputedBy: (claim, _, { loaders }) => claim.linked?.disputedBy ?? actorsByIds(loaders, claim.disputedBy),
    source: async (claim, _, { loaders }) => claim.sourceRecord ?? (await loaders.source.load(claim.sourceId))!,
    quotes: (claim) => claim.evidence.map((e) => e.quote),
    // Retracted claims are hidden here as in every list; claim(id) still answers them.
    contradicts: async (claim, _, { loaders }) => found(await loaders.claim.loadMany(claim.contradicts)).filter((c) => !c.retracted),
    relationship: async (claim, _, { loaders }) => {
      const relationship = await loaders.relationship.load(claim.relationshipId);
      if (!relationship) throw new Error(`claim ${claim.id} supports relationship ${claim.relationshipId}, which is not derived`);
      return relationship;
    },
  },

  Evidence: {
    source: async (evidence, _, { loaders }) => {
      const source = evidence.source ?? (await loaders.source.load(evidence.sourceId));
      if (!source) throw new Error(`evidence cites unknown source ${evidence.sourceId}`);
      return source;
    },
  },

  Source: {
    reliability: (source) => source.reliability as SourceReliability | null,
    // The read brought the text when the query selected it; a source reached otherwise reads it now.
    text: (source, _, { loaders }) =>
      source.text ??
      loaders.sourceText.load(source.id).then((text) => {
        if (text === null) throw new Error(`source ${source.id} has no text`);
        return text;
      }),
    mentions: (source, { first }, { loaders }) => loaders.mentionsInSource.load({ id: source.id, first, args: null }),
    relationships: (source, { first, includeRetracted, knownAsOf }, { loaders }) =>
      loaders.relationshipsCitingSource.load({ id: source.id, first, args: { includeRetracted: includeRetracted ?? false, knownAsOf: knownAsOf ?? null } }),
    claims: (source, { first, includeRetracted, knownAsOf }, { loaders }) =>
      loaders.sourceClaims.load({ id: source.id, first, args: { includeRetracted: includeRetracted ?? false, knownAsOf: knownAsOf ?? null } }),
    figures: (source, { first }, { loaders }) => loaders.figuresCitingSource.load({ id: source.id, first, args: null }),
    suggestions: (source, _, { db, loaders }) => resolvedSuggestions(db, source.id, loaders.actor),
  },

  Mention: {
    source: async (mention, _, { loaders }) => (await loaders.source.load(mention.sourceId))!,
  },

  SourceMention: {
    actor: async (mention, _, { loaders }) => (await loaders.actor.load(mention.actorId))!,
  },

  Figure: {
    about: async (figure, _, { loaders }) => (await loaders.actor.load(figure.aboutId))!,
    place: (figure, _, { loaders }) => (figure.placeId ? loaders.actor.load(figure.placeId) : null),
    claimedBy: (figure, _, { loaders }) => actorsByIds(loaders, figure.claimedBy),
    disputedBy: (figure, _, { loaders }) => actorsByIds(loaders, figure.disputedBy),
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
    // Retracted figures are hidden here as in every list; figures(includeRetracted: true) still answers them.
    contradicts: async (figure, _, { loaders }) => found(await loaders.figure.loadMany(figure.contradicts)).filter((f) => !f.retracted),
    quotes: (figure) => figure.evidence.map((e) => e.quote),
  },
};
