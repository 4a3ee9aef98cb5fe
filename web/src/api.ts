// The GraphQL calls the app makes: POST /graphql on the same origin, JSON in and out. Signed
// in, every call carries the session's bearer token; a 401 for that token (revoked, unknown)
// is reported (the session signs out) and the call is made again without it. Writes are in
// writes.ts. No DOM here: the load benchmark (bench/load.ts) reads the field lists.
import type { Actor, Change, Path, ReadableSource, RelationshipWithEnds, SourceSummary, Subgraph, Viewer, Vocabulary } from './model.ts';

/** One thing the API found wrong, and the argument it names ("input.quotes[0]") when it names one. */
export interface Problem {
  argumentName?: string;
  message: string;
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
  extensions?: { code?: string; argumentName?: string; problems?: Problem[] };
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: ErrorBody[];
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

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
  const token = options.token === undefined ? credentials.token() : options.token;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  if (response.status === 401 && token && options.token === undefined && token === credentials.token()) {
    credentials.refused();
    return graphql<T>(query, variables, { ...options, token: null });
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<T>;
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, problemsOf(body.errors!));
  if (!response.ok || !body.data) throw new ApiError(`GraphQL request failed with HTTP ${response.status}`);
  return body.data;
}

export const actorFields = 'id name kind aliases description';
const sourceFields = 'id title publisher published';

/**
 * How many claims of each relationship the graph queries bring: the API refuses a query that
 * could return more than 50,000 objects, and a neighbourhood of up to 500 actors with this many
 * claims (each with its claimants, disputers, source, quotes and contradictions: ten objects)
 * stays under it. A relationship's claimCount says when there are more (none in the seed has).
 */
export const claimsPerRelationship = 8;

// What the panel shows of a claim; the source's text is not here (fetchReadableSource reads it).
const claimFields = `id stance observedAt since until dateText note
  claimedBy { id name } disputedBy { id name }
  source { ${sourceFields} }
  evidence { quote start end }
  contradicts { id type stance subject { id name } object { id name } source { ${sourceFields} } relationship { id } }`;

export const relationshipFields = `id type from { id } to { id } role since until status firstObserved lastObserved claimCount
  claims(first: ${claimsPerRelationship}) { ${claimFields} }`;

export interface RelationshipFilterArgs {
  types?: string[] | null;
  statuses?: string[] | null;
  asOf?: string | null;
}

export async function searchActors(text: string, limit: number, signal?: AbortSignal): Promise<Actor[]> {
  const data = await graphql<{ search: Actor[] }>(
    `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { ${actorFields} } }`,
    { text, limit },
    { signal },
  );
  return data.search;
}

export async function fetchNeighborhood(id: string, depth: number, limit: number, filter: RelationshipFilterArgs = {}): Promise<Subgraph> {
  const data = await graphql<{ neighborhood: Subgraph }>(
    `query Neighborhood($id: ID!, $depth: Int, $limit: Int, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String) {
      neighborhood(id: $id, depth: $depth, limit: $limit, types: $types, statuses: $statuses, asOf: $asOf) {
        nodes { ${actorFields} }
        relationships { ${relationshipFields} }
      }
    }`,
    { id, depth, limit, ...filter },
  );
  return data.neighborhood;
}

export async function fetchShortestPath(from: string, to: string, filter: RelationshipFilterArgs = {}): Promise<Path | null> {
  const data = await graphql<{ shortestPath: Path | null }>(
    `query ShortestPath($from: ID!, $to: ID!, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String) {
      shortestPath(from: $from, to: $to, types: $types, statuses: $statuses, asOf: $asOf) {
        length
        nodes { ${actorFields} }
        relationships { ${relationshipFields} }
      }
    }`,
    { from, to, ...filter },
  );
  return data.shortestPath;
}

export async function fetchActor(id: string): Promise<Actor | null> {
  const data = await graphql<{ actor: Actor | null }>(`query Actor($id: ID!) { actor(id: $id) { ${actorFields} } }`, { id });
  return data.actor;
}

/** How a claim's relationship is loaded into the graph on its own: with its ends, and whether it is retracted. */
export const relationshipWithEndsFields = `${relationshipFields} retracted from { ${actorFields} } to { ${actorFields} }`;

/** Every source, by publication date (the API's order), without texts: the Sources list. */
export async function fetchSources(): Promise<SourceSummary[]> {
  const data = await graphql<{ sources: SourceSummary[] }>(`{ sources(first: 500) { ${sourceFields} author origin } }`);
  return data.sources;
}

/**
 * A source to read: its text, the actors it mentions (with their names and aliases, to find
 * them in the text) and its live claims with their quotes' places (to underline them).
 */
export async function fetchReadableSource(id: string, signal?: AbortSignal): Promise<ReadableSource | null> {
  const data = await graphql<{ source: ReadableSource | null }>(
    `query ReadableSource($id: ID!) { source(id: $id) {
      ${sourceFields} author url origin text
      mentions(first: 500) { actor { id name aliases } }
      claims(first: 500) { id type stance subject { id name } object { id name } evidence { quote start end } }
    } }`,
    { id },
    { signal },
  );
  return data.source;
}

/** A claim's relationship with its two actors, to draw and select it. */
export async function fetchClaimRelationship(claimId: string): Promise<RelationshipWithEnds | null> {
  const data = await graphql<{ claim: { relationship: RelationshipWithEnds } | null }>(
    `query ClaimRelationship($id: ID!) { claim(id: $id) { relationship { ${relationshipWithEndsFields} } } }`,
    { id: claimId },
  );
  return data.claim?.relationship ?? null;
}

/** What was written through the API to an actor, claim or source, newest first. */
export async function fetchHistory(id: string): Promise<Change[]> {
  const data = await graphql<{ history: Change[] }>(`query History($id: ID!) { history(id: $id, first: 100) { at by action target before after } }`, { id });
  return data.history;
}

/** Who `token` belongs to, asked with that token (not the session's): signing in checks it so. */
export async function fetchViewer(token: string): Promise<Viewer | null> {
  const data = await graphql<{ viewer: Viewer | null }>(`{ viewer { name role } }`, {}, { token });
  return data.viewer;
}

export async function fetchVocabulary(): Promise<Vocabulary> {
  const data = await graphql<{ vocabulary: Vocabulary }>(
    `{ vocabulary {
      actorKinds { name definition }
      relationshipTypes { name definition }
      claimStatuses { name definition }
      stances { name definition }
    } }`,
  );
  return data.vocabulary;
}
