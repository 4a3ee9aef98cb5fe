// The GraphQL calls the app makes: POST /graphql on the same origin, JSON in and out.
import type { Actor, Path, Source, Subgraph, Vocabulary } from './model.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const endpoint = '/graphql';

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<T>;
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!response.ok || !body.data) throw new ApiError(`GraphQL request failed with HTTP ${response.status}`);
  return body.data;
}

const actorFields = 'id name kind aliases description';
const sourceFields = 'id title publisher published';

/**
 * How many claims of each relationship the graph queries bring: the API refuses a query that
 * could return more than 50,000 objects, and a neighbourhood of up to 500 actors with this many
 * claims (each with its claimants, disputers, source, quotes and contradictions: ten objects)
 * stays under it. A relationship's claimCount says when there are more (none in the seed has).
 */
export const claimsPerRelationship = 8;

// What the panel shows of a claim; the source's text is not here (fetchSource reads it).
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
    signal,
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

/** A source with its full text, for the reading view. */
export async function fetchSource(id: string, signal?: AbortSignal): Promise<Source | null> {
  const data = await graphql<{ source: Source | null }>(
    `query Source($id: ID!) { source(id: $id) { ${sourceFields} author text } }`,
    { id },
    signal,
  );
  return data.source;
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
