// The HTTP server: wires GET /health and /graphql (Apollo Server) together. Nothing here
// knows about Cypher; the graph queries live in src/graph.
import http from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { apiLimits } from '../config.ts';
import type { Database } from '../neo4j/database.ts';
import { createContext, type Context } from './context.ts';
import { formatError } from './errors.ts';
import { checkHealth } from './health.ts';
import { serveStatic } from './staticFiles.ts';
import { buildSchema } from './schema.ts';

const maxBodyBytes = 1_000_000;

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function toGraphQLRequest(req: http.IncomingMessage, url: URL): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const text = req.method === 'POST' ? await readBody(req) : '';
  let body: unknown = text;
  if (headers.get('content-type')?.startsWith('application/json') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text; // Apollo answers a malformed body with a 400 that says so.
    }
  }
  return { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body };
}

export interface App {
  server: http.Server;
  stop(): Promise<void>;
}

export async function createApp(db: Database): Promise<App> {
  // Document limits: nesting depth, cost, aliases, tokens. Argument limits live in src/graph.
  const armor = new ApolloArmor({
    maxDepth: { n: apiLimits.maxQueryDepth },
    costLimit: { maxCost: apiLimits.maxQueryCost },
    maxAliases: { n: apiLimits.maxAliases },
    maxTokens: { n: apiLimits.maxTokens },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    // graphql-armor's types come from Apollo's CommonJS build; the objects are the same.
    plugins: [...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        const health = await checkHealth(db);
        return sendJson(res, health.neo4j.reachable ? 200 : 503, health);
      }
      if (url.pathname === '/graphql') {
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: await toGraphQLRequest(req, url),
          context: async () => createContext(db),
        });
        for (const [key, value] of result.headers) res.setHeader(key, value);
        res.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') return res.end(result.body.string);
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        return res.end();
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(url.pathname, res)) return;
      sendJson(res, 404, { error: `Not found: ${url.pathname}. The app is at /, the API at /graphql, health at /health.` });
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: `Request body exceeds ${maxBodyBytes} bytes` });
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
      else res.end();
    }
  });

  return {
    server,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
