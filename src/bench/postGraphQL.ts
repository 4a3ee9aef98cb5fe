// One GraphQL request over HTTP, as a client sends it: an answer with errors, or without data,
// is an error that names the endpoint and the first message.
import type { GraphQLRequest } from './apiQueries.ts';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export async function postGraphQL(endpoint: string, request: GraphQLRequest): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const text = await response.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`${endpoint} answered HTTP ${response.status} that is not JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${endpoint} answered HTTP ${response.status}: ${body.errors?.[0]?.message ?? 'no data'} (query: ${request.query.slice(0, 120)}...)`);
  }
  return body.data;
}
