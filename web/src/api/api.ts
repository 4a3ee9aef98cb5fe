// The GraphQL calls the app makes: POST /graphql on the same origin, JSON in and out. Signed
// in, every call carries the session's bearer token; a 401 for that token (revoked, unknown)
// is reported (the session signs out) and the call is made again without it. Writes are in
// writes.ts; the documents are in queries.ts, their result types generated from them. No DOM here.
import type {
  ActorQuery,
  ActorRoleClaimsQuery,
  ActorRoleClaimsQueryVariables,
  EditableActorQuery,
  EditableActorQueryVariables,
  ActorRegistryQuery,
  ActorRegistryQueryVariables,
  ActorQueryVariables,
  ClaimRelationshipQuery,
  ClaimRelationshipQueryVariables,
  HistoryQuery,
  HistoryQueryVariables,
  NeighborhoodQuery,
  ReadableSourceQuery,
  ReadableSourceQueryVariables,
  ReviewPairQuery,
  ReviewPairQueryVariables,
  ReviewQueueQuery,
  ReviewQueueQueryVariables,
  SearchMatchesQuery,
  SearchMatchesQueryVariables,
  ShortestPathQuery,
  SourcesQuery,
  ViewerQuery,
  VocabularyQuery,
} from './generated/operations.ts';
import type { Actor, ActorMatch, ActorRegistry, EditableActor, RoleClaim, Change, MatchPair, Path, ReadableSource, RelationshipWithEnds, SourceSummary, Subgraph, Viewer, Vocabulary } from './model.ts';
import {
  actorQuery,
  actorRegistryQuery,
  actorRoleClaimsQuery,
  editableActorQuery,
  searchMatchesQuery,
  claimRelationshipQuery,
  historyQuery,
  neighborhoodQuery,
  readableSourceQuery,
  reviewPairQuery,
  reviewQueueQuery,
  shortestPathQuery,
  sourcesQuery,
  viewerQuery,
  vocabularyQuery,
} from './queries.ts';

/** Where a quote departs from its source: the longest stretch found, then the first differing character (the domain's rule). */
export type { QuoteMismatch } from '../../../src/domain/quotes.ts';
import type { QuoteMismatch } from '../../../src/domain/quotes.ts';

/**
 * One thing the API found wrong: the input field it names, as the client wrote it (`path`:
 * "quotes[1]", "newActors[0].name"; older answers: `argumentName`, "input.quotes[0]"), and for a
 * quote not verbatim in the source, where it departs.
 */
export interface Problem {
  path?: string;
  argumentName?: string;
  message: string;
  quote?: QuoteMismatch;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** Every problem the answer lists: each error's extensions.problems, else the error itself. */
    readonly problems: Problem[] = [{ message }],
  ) {
    super(message);
  }
}

interface ErrorBody {
  message: string;
  extensions?: { code?: string; argumentName?: string; problems?: Problem[]; header?: string };
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: ErrorBody[];
  /** The writes the request committed (never sent again: a retry would write twice). */
  extensions?: { writes?: unknown[] };
}

const endpoint = '/graphql';

/** Where the bearer token comes from, and who hears that the API refused it (main.ts wires the session in). */
export interface Credentials {
  token(): string | null;
  refused(): void;
}

let credentials: Credentials = { token: () => null, refused: () => {} };

export function useCredentials(given: Credentials): void {
  credentials = given;
}

export const refusedTokenMessage = 'The API refused your token (unknown or revoked), so you are signed out. Sign in again with a valid token.';

function problemsOf(errors: ErrorBody[]): Problem[] {
  return errors.flatMap((error) => {
    const listed = error.extensions?.problems;
    if (Array.isArray(listed) && listed.length > 0) return listed;
    return [{ argumentName: error.extensions?.argumentName, message: error.message }];
  });
}

export interface CallOptions {
  signal?: AbortSignal;
  /** The token to send instead of the session's (signing in checks a token before keeping it). */
  token?: string | null;
}

type WriteListener = (operation: string) => void;
const writeListeners = new Set<WriteListener>();

/**
 * The one "graph changed" signal: `listener` hears the operation name of every mutation the API
 * accepted, whichever part of the app sent it (a claim, an actor's aliases, a mention judged).
 * Answers the function that stops listening.
 */
export function onWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

function announceWrite(query: string): void {
  const operation = /^\s*mutation\s+(\w+)?/.exec(query);
  if (operation) for (const listener of writeListeners) listener(operation[1] ?? 'mutation');
}

/**
 * Read your own writes behind several API replicas: the bookmark the latest write answered with
 * (header Neo4j-Bookmark) goes with every request, so a read that a balancer sends to another
 * replica starts after that write. Kept for the tab's session, so a reload keeps it too.
 */
const bookmarkHeader = 'neo4j-bookmark';
const bookmarkKey = 'actorgraph.bookmark';
const bookmark = {
  get: (): string | null => globalThis.sessionStorage?.getItem(bookmarkKey) ?? null,
  set: (value: string | null) => (value ? globalThis.sessionStorage?.setItem(bookmarkKey, value) : globalThis.sessionStorage?.removeItem(bookmarkKey)),
};

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
  const token = options.token === undefined ? credentials.token() : options.token;
  const sentBookmark = bookmark.get();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(sentBookmark ? { [bookmarkHeader]: sentBookmark } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  if (response.status === 401 && token && options.token === undefined && token === credentials.token()) {
    credentials.refused();
    return graphql<T>(query, variables, { ...options, token: null });
  }
  const written = response.headers.get(bookmarkHeader);
  if (written) bookmark.set(written);
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<T>;
  // A bookmark the database does not know, or whose write the server has not reached in time (the
  // database was replaced): forgotten, and the request sent once more without it, unless it wrote.
  if (sentBookmark && !body.extensions?.writes?.length && body.errors?.some((e) => e.extensions?.header === 'Neo4j-Bookmark')) {
    bookmark.set(null);
    return graphql<T>(query, variables, options);
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, problemsOf(body.errors!));
  if (!response.ok || !body.data) throw new ApiError(`GraphQL request failed with HTTP ${response.status}`);
  announceWrite(query);
  return body.data;
}

/** The filters as the view holds them: names from the vocabulary (the API checks them). */
export interface RelationshipFilterArgs {
  types?: string[] | null;
  statuses?: string[] | null;
  asOf?: string | null;
  /** The graph as its sources stood on this date (the API derives it; no client-side filter). */
  knownAsOf?: string | null;
}

/** The actors the search finds, each with how it matched (the pickers say so, and offer a new actor when none is EXACT). */
export async function searchActorMatches(text: string, limit: number, signal?: AbortSignal): Promise<ActorMatch[]> {
  const data = await graphql<SearchMatchesQuery>(searchMatchesQuery, { text, limit } satisfies SearchMatchesQueryVariables, { signal });
  return data.searchMatches;
}

/** An actor with its version, for the edit form. */
export async function fetchEditableActor(id: string): Promise<EditableActor | null> {
  const data = await graphql<EditableActorQuery>(editableActorQuery, { id } satisfies EditableActorQueryVariables);
  return data.actor;
}

/** The claims an actor makes and those it disputes. */
export async function fetchRoleClaims(id: string): Promise<{ claimant: RoleClaim[]; disputer: RoleClaim[] } | null> {
  const data = await graphql<ActorRoleClaimsQuery>(actorRoleClaimsQuery, { id } satisfies ActorRoleClaimsQueryVariables);
  return data.actor;
}

export async function fetchNeighborhood(id: string, depth: number, limit: number, filter: RelationshipFilterArgs = {}): Promise<Subgraph> {
  const data = await graphql<NeighborhoodQuery>(neighborhoodQuery, { id, depth, limit, ...filter });
  return data.neighborhood;
}

export async function fetchShortestPath(from: string, to: string, filter: RelationshipFilterArgs = {}): Promise<Path | null> {
  const data = await graphql<ShortestPathQuery>(shortestPathQuery, { from, to, ...filter });
  return data.shortestPath;
}

export async function fetchActor(id: string): Promise<Actor | null> {
  const data = await graphql<ActorQuery>(actorQuery, { id } satisfies ActorQueryVariables);
  return data.actor;
}

/** An actor's identifiers, designations and registry record (the panel asks when it shows the actor). */
export async function fetchActorRegistry(id: string): Promise<ActorRegistry | null> {
  const data = await graphql<ActorRegistryQuery>(actorRegistryQuery, { id } satisfies ActorRegistryQueryVariables);
  return data.actor;
}

/** The review queue's next pending pair after `after` (best score first); null when none is left. */
export async function fetchNextPair(after: string | null): Promise<MatchPair | null> {
  const data = await graphql<ReviewQueueQuery>(reviewQueueQuery, { after } satisfies ReviewQueueQueryVariables);
  return data.matchQueue[0] ?? null;
}

/** One pair by id, whatever its decision; null when the graph no longer holds it. */
export async function fetchPair(id: string): Promise<MatchPair | null> {
  const data = await graphql<ReviewPairQuery>(reviewPairQuery, { id } satisfies ReviewPairQueryVariables);
  return data.matchPair;
}

/** Every source, by publication date (the API's order), without texts: the Sources list. */
export async function fetchSources(): Promise<SourceSummary[]> {
  const data = await graphql<SourcesQuery>(sourcesQuery);
  return data.sources;
}

/**
 * A source to read: its text, the actors it mentions (with their names and aliases, to find
 * them in the text) and its live claims with their quotes' places (to underline them).
 */
export async function fetchReadableSource(id: string, signal?: AbortSignal): Promise<ReadableSource | null> {
  const data = await graphql<ReadableSourceQuery>(readableSourceQuery, { id } satisfies ReadableSourceQueryVariables, { signal });
  return data.source;
}

/** A claim's relationship with its two actors, to draw and select it. */
export async function fetchClaimRelationship(claimId: string): Promise<RelationshipWithEnds | null> {
  const data = await graphql<ClaimRelationshipQuery>(claimRelationshipQuery, { id: claimId } satisfies ClaimRelationshipQueryVariables);
  return data.claim?.relationship ?? null;
}

/** What was written through the API to an actor, claim or source, newest first. */
export async function fetchHistory(id: string): Promise<Change[]> {
  const data = await graphql<HistoryQuery>(historyQuery, { id } satisfies HistoryQueryVariables);
  return data.history;
}

/** Who `token` belongs to, asked with that token (not the session's): signing in checks it so. */
export async function fetchViewer(token: string): Promise<Viewer | null> {
  const data = await graphql<ViewerQuery>(viewerQuery, {}, { token });
  return data.viewer;
}

export async function fetchVocabulary(): Promise<Vocabulary> {
  const data = await graphql<VocabularyQuery>(vocabularyQuery);
  return data.vocabulary;
}
