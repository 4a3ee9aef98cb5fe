// The GraphQL calls the app makes: POST /graphql on the same origin, JSON in and out.
import type { Actor, Path, Subgraph, Vocabulary } from './model.ts';

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
const relationshipFields = `id type from { id } to { id } role since until dateText status
  claimedBy { id name } disputedBy { id name } note conflictsWith { id }
  evidence { quote source { id title publisher published } }`;

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

export async function fetchVocabulary(): Promise<Vocabulary> {
  const data = await graphql<{ vocabulary: Vocabulary }>(
    `{ vocabulary {
      actorKinds { name definition }
      relationshipTypes { name definition }
      claimStatuses { name definition }
    } }`,
  );
  return data.vocabulary;
}
