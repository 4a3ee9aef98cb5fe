// The HTTP server: wires GET /health, /graphql (Apollo Server), the Neo4j Browser kit
// (/browser/) and the web app together, and holds the line for every request: a request id,
// security headers, a per-client rate limit, a bounded number of GraphQL requests at once, a
// body bounded in size, in time and in how many one client sends at once, and a wall-clock
// deadline. A write's answer carries its bookmark, and a request's bookmarks come first
// (src/http/bookmarks.ts); on SIGTERM the server drains (drain below).
// Nothing here knows about Cypher; the graph queries live in src/graph.
import http from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { apiLimits, type ApiSettings } from '../config.ts';
import type { Database } from '../neo4j/database.ts';
import { serveBrowserKit } from './browserKit.ts';
import { principalOf } from './authentication.ts';
import { createContext, type Context } from '../api/context.ts';
import { answerPreflight, corsHeaders } from './cors.ts';
import { formatError, internalErrorLogPlugin, unavailableStatusPlugin } from '../api/errors.ts';
import { bookmarkHeader, requestBookmarks } from './bookmarks.ts';
import { clientAddress } from './clientAddress.ts';
import { checkHealth } from './health.ts';
import { HttpError } from './httpError.ts';
import { jitGateway } from '../api/jit.ts';
import { queryCostPlugin } from '../api/queryCost.ts';
import { Admission, Slots } from './slots.ts';
import { RateLimiter } from './rateLimit.ts';
import { declaredTooLarge, PendingBodies } from './requestBody.ts';
import { requestBudgetPlugin } from '../api/requestBudget.ts';
import { logError, newRequestId } from '../api/requestLog.ts';
import { buildSchema } from '../api/schema.ts';
import { securityHeaders } from './securityHeaders.ts';
import { serveStatic } from './staticFiles.ts';
import { SupportedOperationsRule } from '../api/supportedOperationsRule.ts';
import { WriteLog, writeReceiptsPlugin } from '../api/writeReceipts.ts';

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Every error this server writes itself has the shape of a GraphQL error, so clients read one shape. */
function sendError(res: http.ServerResponse, error: HttpError): void {
  if (res.headersSent) return void res.end();
  // A body not read to its end (too large, too slow, refused) leaves the connection unusable: close it once answered.
  const headers = res.req.complete ? error.headers : { ...error.headers, connection: 'close' };
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, headers);
}

/** The request target as a URL: origin-form ("/graphql?x") or absolute-form; anything else is a 400. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target?.startsWith('/') ? `http://localhost${target}` : (target ?? ''));
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', `Malformed request target: ${JSON.stringify((target ?? '').slice(0, 200))}`);
  }
}

function toGraphQLRequest(req: http.IncomingMessage, url: URL, text: string): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = text;
  if (headers.get('content-type')?.toLowerCase().startsWith('application/json') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text; // Apollo answers a malformed body with a 400 that says so.
    }
  }
  return { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body };
}

/**
 * Settles with the response, or rejects with a 503 once the deadline passes, unless a write has
 * begun: its answer must say whether it committed. The request then ends with its transaction
 * (QUERY_TIMEOUT_MS at most); no field that starts after the deadline runs (requestBudget.ts).
 */
function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal, writes: WriteLog): Promise<T> {
  return new Promise((resolve, reject) => {
    const timedOut = () => {
      if (!writes.begun) reject(new HttpError(503, 'REQUEST_TIMEOUT', 'The request took longer than the server allows (REQUEST_TIMEOUT_MS); narrow it with filters, depth or limit.'));
    };
    deadline.addEventListener('abort', timedOut, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', timedOut));
  });
}

async function writeGraphQLResponse(res: http.ServerResponse, result: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') return void res.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

export interface App {
  server: http.Server;
  /**
   * Drains: /health answers 503 "draining" from now; after settings.drainDelayMs no new
   * connection is accepted and every answer closes its connection; resolves once what was in
   * flight has been answered (true), or after settings.drainTimeoutMs (false: stop then cuts the
   * rest off).
   */
  drain(): Promise<boolean>;
  /** GraphQL requests admitted now (answering, or still working). */
  inFlight(): number;
  stop(): Promise<void>;
}

function createApollo(settings: ApiSettings): ApolloServer<Context> {
  // Document limits: nesting depth, aliases, directives (graphql-armor's validation rules, which
  // answer 400); tokens through graphql-js's own parser; cost and budget through our plugins.
  const armor = new ApolloArmor({
    maxDepth: { n: apiLimits.maxQueryDepth },
    maxAliases: { n: apiLimits.maxAliases },
    maxDirectives: { n: apiLimits.maxDirectives },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !settings.suggestions },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    gateway: jitGateway(buildSchema()),
    introspection: settings.introspection,
    includeStacktraceInErrorResponses: false,
    // Said, not defaulted: a request without a JSON content type or a preflight header is refused,
    // so a page elsewhere cannot make a browser send a write with the user's credentials.
    csrfPrevention: true,
    formatError,
    parseOptions: { maxTokens: apiLimits.maxTokens },
    validationRules: [SupportedOperationsRule, ...protection.validationRules],
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let any client fill the server's cache; the web app sends whole queries.
    persistedQueries: false,
    stopOnTerminationSignals: false,
    // Apollo indents every answer by default (2 spaces a level): a third more bytes to write and send.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // graphql-armor's types come from Apollo's CommonJS build; the objects are the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      queryCostPlugin<Context>(),
      requestBudgetPlugin<Context>(),
      unavailableStatusPlugin<Context>(),
      // After the two above: a committed write's answer keeps its receipts and is never a 4xx or 5xx.
      writeReceiptsPlugin<Context>(),
      internalErrorLogPlugin<Context>(),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints and no traces are served: without them, Apollo does not wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}

export async function createApp(db: Database, settings: ApiSettings): Promise<App> {
  const apollo = createApollo(settings);
  await apollo.start();
  const limiter = new RateLimiter(settings.rateLimit.perSecond, settings.rateLimit.burst, apiLimits.maxRateLimitedClients);
  const admission = new Admission(apiLimits.maxConcurrentRequests);
  const bodies = new PendingBodies(apiLimits.maxPendingBodiesPerClient);
  const slots = new Slots(apiLimits.maxExecutingRequests);
  const clientOf = (req: http.IncomingMessage) => clientAddress(req, settings.trustProxy);
  // Draining (health says so), then closing (no new connection; every answer closes its own).
  let draining = false;
  let closing = false;

  async function serveGraphQL(req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string): Promise<void> {
    // Admitted until its answer is over and its work has settled; a client that leaves stops its
    // work from waiting for a slot, but a request already executing runs on (a write that has
    // begun must finish and say whether it committed), still holding its admission.
    // Before admission: a request refused here holds no place.
    const bookmarks = requestBookmarks(req);
    const place = admission.admit(req, res);
    if (!place) {
      throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'The server is answering as many requests as it allows; retry shortly.', { 'retry-after': '1' });
    }
    const deadline = AbortSignal.timeout(settings.requestTimeoutMs);
    const body = req.method === 'POST' ? bodies.read(req, clientOf(req), apiLimits.maxBodyBytes, deadline) : Promise.resolve('');
    const writes = new WriteLog();
    const work = (async () => {
      const text = await body;
      const principal = await principalOf(req, db, settings.readRequiresToken);
      await slots.take(AbortSignal.any([deadline, place.closed]));
      try {
        return await db.withBookmarks(bookmarks, async (scope) => {
          const result = await apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: toGraphQLRequest(req, url, text),
            context: async () => createContext(db, deadline, requestId, principal, { idempotencyKey: req.headers['idempotency-key'], writes }),
          });
          // What a read elsewhere must start after to see this request's writes.
          if (writes.committed.length > 0 && scope.current.length > 0) result.headers.set(bookmarkHeader.toLowerCase(), scope.current.join(', '));
          return result;
        });
      } finally {
        slots.give();
      }
    })();
    work.then(place.settled, place.settled);
    await body; // A body refused or late is answered as such (413, 408), not at the deadline.
    await writeGraphQLResponse(res, await beforeDeadline(work, deadline, writes));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, requestId: string): Promise<void> {
    const url = requestUrl(req.url);
    const wait = limiter.take(clientOf(req));
    if (wait > 0) throw new HttpError(429, 'RATE_LIMITED', `Too many requests; retry in ${wait} s.`, { 'retry-after': String(wait) });
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (url.pathname === '/health' && readOnly) {
      const health = await checkHealth(db, admission, draining);
      return sendJson(res, health.status === 'ok' ? 200 : 503, health);
    }
    if (url.pathname === '/graphql') {
      for (const [name, value] of Object.entries(corsHeaders(req, settings.corsOrigins))) res.setHeader(name, value);
      if (answerPreflight(req, res, settings.corsOrigins)) return;
      return serveGraphQL(req, res, url, requestId);
    }
    if (serveBrowserKit(req, res, url.pathname, settings.browserOrigin)) return;
    if (readOnly && serveStatic(url.pathname, res, requestId)) return;
    throw new HttpError(404, 'NOT_FOUND', `Not found: ${url.pathname.slice(0, 200)}. The app is at /, the API at /graphql, health at /health.`);
  }

  const server = http.createServer((req, res) => {
    const id = newRequestId();
    res.setHeader('x-request-id', id);
    // Draining: answered, and the connection closed after, so the client's next request goes elsewhere.
    if (closing) res.setHeader('connection', 'close');
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    req.on('error', (error) => logError('Request stream', error, id));
    res.on('error', (error) => logError('Response stream', error, id));
    handle(req, res, id).catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(res, error);
      logError(`${req.method} ${req.url?.slice(0, 200)}`, error, id);
      sendError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', `Internal server error (request ${id}).`));
    });
  });
  // A body too large is refused before the client sends it, when it asks first (Expect: 100-continue).
  server.on('checkContinue', (req, res) => {
    if (!declaredTooLarge(req, apiLimits.maxBodyBytes)) res.writeContinue();
    server.emit('request', req, res);
  });
  // Node drops a CONNECT (proxy tunnel) request silently unless someone answers it; this is no proxy.
  server.on('connect', (_req, socket) => {
    socket.on('error', (error) => logError('CONNECT socket', error));
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.headersTimeout = apiLimits.headersTimeoutMs;
  server.requestTimeout = apiLimits.receiveTimeoutMs;
  server.keepAliveTimeout = apiLimits.keepAliveTimeoutMs;

  return {
    server,
    inFlight: () => admission.admitted,
    drain: async () => {
      draining = true;
      await new Promise((resolve) => setTimeout(resolve, settings.drainDelayMs));
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A keep-alive connection that goes idle after its answer is closed at once.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), settings.drainTimeoutMs).unref());
      // Once no connection is left, whatever still works (a write whose client left) must settle too.
      const answered = await Promise.race([closed.then(() => admission.whenEmpty()).then(() => true), timeout]);
      clearInterval(idle);
      return answered;
    },
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
