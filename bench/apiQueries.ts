// The benchmark's questions as a user asks this project's API (schema/schema.graphql): one
// GraphQL query per operation, selecting what an analyst's screen shows, and the answer's ids
// read back from its data, in the order the API gives them.
import { neighborhoodQuestions, type OperationName, type Probes } from './operations.ts';

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface ApiQuery extends GraphQLRequest {
  ids: (data: Data) => string[];
}

type Item = { id: string };
type Data = Record<string, unknown>;
type Edges = { edges: { node: Item }[] };

const relationshipPage = 'pageInfo { hasNextPage endCursor } edges { node { id type status since until from { id name } to { id name } } }';
const claimPage =
  'pageInfo { hasNextPage endCursor } edges { node { id stance observedAt subject { id name } object { id name } evidence { quote source { title } } } }';
const subgraph = 'nodes { id name } relationships { id type status }';

const nodeIds = (field: string) => (data: Data) => (data[field] as Edges).edges.map((edge) => edge.node.id);
/** A subgraph's actors, sorted (it has no order), or a path's actors and relationships in order. */
const subgraphIds = (field: string) => (data: Data) => (data[field] as { nodes: Item[] }).nodes.map((n) => n.id).sort();
const pathIds = (data: Data) => {
  const path = data.shortestPath as { nodes: Item[]; relationships: Item[] } | null;
  return path ? [...path.nodes.map((n) => n.id), ...path.relationships.map((r) => r.id)] : [];
};

const actor = (p: Probes): ApiQuery => ({
  query: `query Actor($id: ID!) { actor(id: $id) { id name relationships(first: 50) {
    id type status since from { id name } to { id name } claims { stance evidence { quote source { title } } } } } }`,
  variables: { id: p.hub },
  ids: (data) => (data.actor as { relationships: Item[] }).relationships.map((r) => r.id),
});

const search = (p: Probes): ApiQuery => ({
  query: 'query Search($text: String!) { search(text: $text, limit: 10) { id name } }',
  variables: { text: p.searchText },
  ids: (data) => (data.search as Item[]).map((a) => a.id),
});

const neighborhood = (depth: number) => (id: string): ApiQuery => ({
  query: `query Neighborhood($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth) { ${subgraph} } }`,
  variables: { id, depth },
  ids: subgraphIds('neighborhood'),
});

const shortestPath = (p: Probes): ApiQuery => ({
  query: `query ShortestPath($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length ${subgraph} } }`,
  variables: { from: p.pathFrom, to: p.pathTo },
  ids: pathIds,
});

const relationships = (args: string, variables: Record<string, unknown>): ApiQuery => ({
  query: `query Relationships(${args}) { relationships(${Object.keys(variables).map((name) => `${name}: $${name}`).join(', ')}, first: 50) { ${relationshipPage} } }`,
  variables,
  ids: nodeIds('relationships'),
});

const claims = (args: string, variables: Record<string, unknown>): ApiQuery => ({
  query: `query Claims(${args}) { claims(${Object.keys(variables).map((name) => `${name}: $${name}`).join(', ')}, first: 50) { ${claimPage} } }`,
  variables,
  ids: nodeIds('claims'),
});

const contestedAbout = (p: Probes): ApiQuery => ({
  query: `query Contested($about: ID!) { contestedClaims(about: $about, first: 50) { pageInfo { hasNextPage endCursor }
    edges { node { id type status from { id name } to { id name } claimedBy { id name } disputedBy { id name } } } } }`,
  variables: { about: p.hub },
  ids: nodeIds('contestedClaims'),
});

const apiQueries: Record<OperationName, (p: Probes) => ApiQuery> = {
  actor,
  search,
  ...neighborhoodQuestions((depth, id) => neighborhood(depth)(id)),
  shortestPath,
  relationshipsAsOf: (p) => relationships('$asOf: String!, $types: [RelationshipType!]', { asOf: p.asOf, types: p.types }),
  relationshipsClaimedBy: (p) => relationships('$claimedBy: ID!', { claimedBy: p.claimant }),
  relationshipsSource: (p) => relationships('$source: ID!', { source: p.source }),
  claimsAsOf: (p) => claims('$asOf: String!', { asOf: p.asOf }),
  claimsClaimedBy: (p) => claims('$claimedBy: ID!', { claimedBy: p.claimant }),
  claimsSource: (p) => claims('$source: ID!', { source: p.source }),
  contestedAbout,
  quoteSearch: (p) => claims('$text: String!', { text: p.quoteText }),
};

export function apiQuery(op: OperationName, probes: Probes): ApiQuery {
  return apiQueries[op](probes);
}
