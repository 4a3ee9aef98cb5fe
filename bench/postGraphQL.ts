// One GraphQL request over HTTP, as a client sends it: an answer with errors, or without data,
// is an error that names the endpoint and the first message. The client is node:http on one
// kept-alive connection per endpoint (as autocannon's): Node's fetch spends 0.2-0.5 ms of the
// benchmark's own CPU on each request, which would be counted as the API's time.
import http from 'node:http';
import type { GraphQLRequest } from './apiQueries.ts';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(endpoint: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const request = http.request(endpoint, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function postGraphQL(endpoint: string, request: GraphQLRequest): Promise<Record<string, unknown>> {
  const { status, text } = await post(endpoint, JSON.stringify(request));
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`${endpoint} answered HTTP ${status} that is not JSON: ${text.slice(0, 200)}`);
  }
  if (status < 200 || status >= 300 || body.errors?.length || !body.data) {
    throw new Error(`${endpoint} answered HTTP ${status}: ${body.errors?.[0]?.message ?? 'no data'} (query: ${request.query.slice(0, 120)}...)`);
  }
  return body.data;
}
