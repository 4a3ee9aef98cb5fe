// Hostile HTTP against the real server, below GraphQL: malformed request lines, paths and
// headers over a raw socket (so nothing normalises them), other methods, bodies and content
// types, GET /graphql with a query string, and bodies sent slowly past the deadline. Never a 5xx,
// a dropped connection or a hang; afterwards the server must still answer and the database must
// hold exactly what it held.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiLimits } from '../../src/config.ts';
import { openTestDb, startTestApp, testApiSettings, type TestApp } from '../support/testGraph.ts';
import { snippet, httpProblem, record, serverFailures, watchServerLog, send, type RawOptions, sendRaw, type Check, type HttpCase, checks, postGraphQL, runHttpCases, noProblems, attackedApp, afterTheCorpus } from './corpus.ts';

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

const crlf = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join('') + '\r\n';

/** A raw request that asks the server to close once it has answered. */
const rawGet = (target: string, extraHeaders: string[] = [], method = 'GET') => crlf(`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...extraHeaders);

const validQuery = '{ stats { actors } }';
const validBody = JSON.stringify({ query: validQuery });
const overLimitBytes = apiLimits.maxBodyBytes + 100_000;

const raw = (name: string, parts: (string | Buffer)[], check?: Check, options?: RawOptions): HttpCase => ({
  name,
  send: (_, port) => sendRaw(port, parts, options),
  check,
});

/** A POST of a valid query with these Neo4j-Bookmark header lines. */
const withBookmarks = (...values: string[]) =>
  crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', ...values.map((value) => `Neo4j-Bookmark: ${value}`), `Content-Length: ${Buffer.byteLength(validBody)}`, 'Connection: close') + validBody;

function bookmarkCases(): HttpCase[] {
  // The raw answer's text: a raw socket's body may come chunked.
  const namesHeader: Check = (answer) => (answer.status === 400 && /"message":"The Neo4j-Bookmark header/.test(answer.body) ? undefined : `expected a 400 naming Neo4j-Bookmark, got ${snippet(answer)}`);
  const unknown: Check = (answer, body) => (body?.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' && (body.errors[0].extensions as { header?: string }).header === 'Neo4j-Bookmark' ? undefined : `expected BAD_USER_INPUT naming the header, got ${snippet(answer)}`);
  return [
    raw('Neo4j-Bookmark with spaces and !', [withBookmarks('not a bookmark!')], namesHeader),
    raw('Neo4j-Bookmark of 600 characters', [withBookmarks('FB:' + 'a'.repeat(600))], namesHeader),
    raw('Neo4j-Bookmark with 17 bookmarks', [withBookmarks(Array.from({ length: 17 }, () => 'FB:abc').join(','))], namesHeader),
    raw('Neo4j-Bookmark repeated 17 times', [withBookmarks(...Array.from({ length: 17 }, () => 'FB:abc'))], namesHeader),
    raw('Neo4j-Bookmark with a quote and a brace', [withBookmarks('FB:"}{')], namesHeader),
    raw('Neo4j-Bookmark empty', [withBookmarks('')], checks.status(200)),
    raw('Neo4j-Bookmark of commas only', [withBookmarks(',,,')], checks.status(200)),
    raw('Neo4j-Bookmark well-formed but unknown', [withBookmarks('FB:kcwQnotarealbookmark')], unknown),
    raw('Neo4j-Bookmark of another system', [withBookmarks('neo4j:bookmark:v1:tx42')], unknown),
  ];
}

const rawRequestCases: readonly HttpCase[] = [
  raw('GET //', [rawGet('//')], checks.status(404)),
  raw('GET /%', [rawGet('/%')], checks.status(400)),
  raw('GET /%E0%A4%A', [rawGet('/%E0%A4%A')], checks.status(400)),
  raw('GET /%00', [rawGet('/%00')], checks.status(400)),
  raw('GET /index.html%00.js', [rawGet('/index.html%00.js')], checks.status(400)),
  raw('GET /%FF (not UTF-8)', [rawGet('/%FF')], checks.status(400)),
  raw('GET /..%2f..%2fpackage.json', [rawGet('/..%2f..%2fpackage.json')], checks.status(404)),
  raw('GET /../package.json', [rawGet('/../package.json')], checks.status(404)),
  raw('GET /..%5c..%5cpackage.json', [rawGet('/..%5c..%5cpackage.json')], checks.status(404)),
  raw('GET /%2e%2e/%2e%2e/package.json', [rawGet('/%2e%2e/%2e%2e/package.json')], checks.status(404)),
  raw('GET /assets/../../package.json', [rawGet('/assets/../../package.json')], checks.status(404)),
  raw('GET /assets/..%2f..%2f..%2fetc%2fpasswd', [rawGet('/assets/..%2f..%2f..%2fetc%2fpasswd')], checks.status(404)),
  raw('GET /assets (a directory)', [rawGet('/assets')], checks.status(404)),
  raw('GET a 10 KB path', [rawGet('/' + 'a'.repeat(10_000))], checks.status(404)),
  raw('GET a 10 KB path of %2e%2e%2f', [rawGet('/' + '%2e%2e%2f'.repeat(1_100))], checks.status(404)),
  raw('GET http://[ (absolute-form, malformed)', [rawGet('http://[')], checks.status(400)),
  raw('GET * (asterisk-form)', [rawGet('*')], checks.status(400)),
  raw('OPTIONS *', [rawGet('*', [], 'OPTIONS')], checks.status(400, 404, 405)),
  raw('GET http://127.0.0.1/health (absolute-form)', [rawGet('http://127.0.0.1/health')], checks.status(200)),
  raw('GET file:///etc/passwd (absolute-form)', [rawGet('file:///etc/passwd')], checks.status(404)),
  raw('GET javascript:alert(1)', [rawGet('javascript:alert(1)')], checks.status(400, 404)),
  raw('GET with no HTTP version', ['GET /health\r\n\r\n'], checks.status(200, 400)),
  raw('GET HTTP/9.9', ['GET /health HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n'], checks.status(400, 505)),
  raw('HTTP/2 preface over HTTP/1', ['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'], checks.status(400)),
  raw('GET /health HTTP/1.0 without Host', ['GET /health HTTP/1.0\r\n\r\n'], checks.status(200)),
  raw('GET /health HTTP/1.1 without Host', [crlf('GET /health HTTP/1.1', 'Connection: close')], checks.status(400)),
  raw('two Host headers', [rawGet('/health', ['Host: evil.example'])], checks.status(200, 400)),
  raw('header value with a bare CR', [rawGet('/health', ['X-Injected: a\rSet-Cookie: x=1'])], checks.status(400)),
  raw('header value with a NUL', [rawGet('/health', ['X-Injected: a\u0000b'])], checks.status(400)),
  raw('header name with a space', [rawGet('/health', ['Bad Header: x'])], checks.status(400)),
  raw('header name with a colon only', [rawGet('/health', [': x'])], checks.status(400)),
  raw('obsolete line folding', [rawGet('/health', ['X-Folded: a', ' b'])], checks.status(200, 400)),
  raw('LF-only line endings', ['GET /health HTTP/1.1\nHost: x\nConnection: close\n\n'], checks.status(200, 400)),
  raw('request line with a tab', [crlf('GET\t/health HTTP/1.1', 'Host: x', 'Connection: close')], checks.status(400)),
  raw('request target with a space', [crlf('GET /he alth HTTP/1.1', 'Host: x', 'Connection: close')], checks.status(400)),
  raw('a 17 KB header', [rawGet('/health', [`X-Big: ${'a'.repeat(17_000)}`])], checks.status(431)),
  raw('a 100 KB header', [rawGet('/health', [`X-Big: ${'a'.repeat(100_000)}`])], checks.status(431)),
  raw('a 20 KB request target', [rawGet('/graphql?query=' + 'a'.repeat(20_000))], checks.status(414, 431)),
  raw('3,000 small headers', [rawGet('/health', Array.from({ length: 3_000 }, (_, i) => `X-H${i}: ${i}`))], checks.status(200, 431)),
  raw('lower-case method', [rawGet('/health', [], 'get')], checks.status(400)),
  raw('unknown method FOO', [rawGet('/graphql', [], 'FOO')], checks.status(400)),
  raw('WebDAV method PROPFIND', [rawGet('/graphql', [], 'PROPFIND')], checks.status(400, 404, 405)),
  raw('Content-Length and Transfer-Encoding together', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 5', 'Transfer-Encoding: chunked', 'Connection: close') + '0\r\n\r\n'], checks.status(400)),
  raw('two different Content-Lengths', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 30', 'Connection: close') + '{}'], checks.status(400)),
  raw('Content-Length: -1', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: -1', 'Connection: close')], checks.status(400)),
  raw('Content-Length: abc', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: abc', 'Connection: close')], checks.status(400)),
  raw('Content-Length: 1e3', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 1e3', 'Connection: close')], checks.status(400)),
  raw('a chunk size that is not hex', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close') + 'zz\r\n{}\r\n0\r\n\r\n'], checks.status(400)),
  raw('a chunk size that overflows', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close') + 'ffffffffffffffffff\r\n{}\r\n'], checks.status(400, 413)),
  raw('Transfer-Encoding: gzip without chunked', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: gzip', 'Connection: close') + '{}'], checks.status(400), { halfClose: true }),
  raw('a body cut short (client half-closes)', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 100') + '{"query":'], checks.status(400), { halfClose: true }),
  raw('two requests pipelined', [rawGet('/health').replace('Connection: close\r\n', '') + rawGet('/health')], checks.status(200)),
  raw('Upgrade: websocket on /graphql', [rawGet('/graphql', ['Upgrade: websocket', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13']).replace('Connection: close', 'Connection: Upgrade')], checks.status(400, 404, 426)),
  raw('Upgrade: h2c on /', [rawGet('/', ['Upgrade: h2c', 'HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA']).replace('Connection: close', 'Connection: Upgrade, HTTP2-Settings')], checks.status(200, 400, 426)),
  raw('CONNECT 127.0.0.1:80', [crlf('CONNECT 127.0.0.1:80 HTTP/1.1', 'Host: 127.0.0.1:80')], checks.status(400, 405)),
  raw(
    'POST a body over 1 MB with Content-Length',
    [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', `Content-Length: ${overLimitBytes}`), Buffer.alloc(overLimitBytes, 0x20)],
    checks.status(413),
  ),
  raw(
    'POST a body over 1 MB, chunked',
    [
      crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked'),
      ...Array.from({ length: Math.ceil(overLimitBytes / 100_000) }, () => `${(100_000).toString(16)}\r\n${' '.repeat(100_000)}\r\n`),
      '0\r\n\r\n',
    ],
    checks.status(413),
  ),
  raw(
    'Expect: 100-continue with a 5 GB Content-Length (413 before the body)',
    [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 5000000000', 'Expect: 100-continue')],
    (answer) => (answer.status === 413 && !answer.sawContinue ? undefined : `expected 413 without 100 Continue, got ${snippet(answer)} (100 Continue: ${answer.sawContinue})`),
  ),
  raw(
    'Expect: 100-continue with a small body',
    [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(validBody)}`, 'Expect: 100-continue', 'Connection: close')],
    (answer) => (answer.status === 200 && answer.sawContinue ? undefined : `expected 100 Continue then 200, got ${snippet(answer)}`),
    { afterContinue: validBody },
  ),
  // Neo4j-Bookmark (read your own writes across replicas): checked before anything runs.
  ...bookmarkCases(),
  // X-Forwarded-For is read only with TRUST_PROXY (off here): any value is just a header.
  raw('X-Forwarded-For forged, 2 KB', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', `X-Forwarded-For: ${'1.2.3.4, '.repeat(200)}`, `Content-Length: ${Buffer.byteLength(validBody)}`, 'Connection: close') + validBody], checks.status(200)),
  raw('Expect: something else', [crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 2', 'Expect: teapot', 'Connection: close')], checks.status(417)),
];

const methodCases: readonly HttpCase[] = ['/graphql', '/', '/health'].flatMap((path) =>
  ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'CONNECT'].map((method) =>
    raw(
      `${method} ${path}`,
      [crlf(`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(validBody)}`) + validBody],
      // HEAD / and HEAD /health are reads; the rest must be refused.
      method === 'HEAD' && path !== '/graphql' ? checks.status(200) : checks.status(400, 404, 405),
      { headOnly: method === 'HEAD' },
    ),
  ),
);

/** A POST to /graphql with these bytes and headers, through fetch. */
const post = (name: string, body: string | Uint8Array, headers: Record<string, string>, check?: Check): HttpCase => ({
  name,
  graphql: true,
  send: (baseUrl) => send(`${baseUrl}/graphql`, { method: 'POST', headers, body }),
  check,
});

const json = { 'content-type': 'application/json' };
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

const bodyCases: readonly HttpCase[] = [
  post('invalid JSON', '{"query":', json, checks.status(400)),
  post('JSON with a trailing comma', '{"query":"{ stats { actors } }",}', json, checks.status(400)),
  post('a JSON array (batching is off)', `[${validBody},${validBody}]`, json, checks.status(400)),
  post('an empty JSON array', '[]', json, checks.status(400)),
  post('{"query": 5}', '{"query": 5}', json, checks.status(400)),
  post('{"query": null}', '{"query": null}', json, checks.status(400)),
  post('{"query": ["{ stats { actors } }"]}', '{"query": ["{ stats { actors } }"]}', json, checks.status(400)),
  post('{"variables": "x"} without a query', '{"variables": "x"}', json, checks.status(400)),
  post('variables a string', JSON.stringify({ query: validQuery, variables: 'x' }), json, checks.status(400)),
  post('variables an array', JSON.stringify({ query: validQuery, variables: [1] }), json, checks.status(400)),
  post('extensions a string', JSON.stringify({ query: validQuery, extensions: 'x' }), json, checks.status(400)),
  post('operationName a number', JSON.stringify({ query: validQuery, operationName: 5 }), json, checks.status(400)),
  post('persisted query with a wrong hash', JSON.stringify({ query: validQuery, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }), json, checks.refused('PERSISTED_QUERY_NOT_SUPPORTED')),
  post('persisted query version 2', JSON.stringify({ query: validQuery, extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }), json, checks.refused('PERSISTED_QUERY_NOT_SUPPORTED')),
  post('persisted query a string', JSON.stringify({ query: validQuery, extensions: { persistedQuery: 'x' } }), json, checks.refused('PERSISTED_QUERY_NOT_SUPPORTED')),
  // JSON objects whose toString is not a function, wherever the server may turn a value into text.
  post('persisted query hash an object whose toString is 1', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: { toString: 1 } } } }), json),
  post('persisted query hash an object whose toString is 1, with a query', JSON.stringify({ query: validQuery, extensions: { persistedQuery: { version: 1, sha256Hash: { toString: 1 } } } }), json, checks.refused('PERSISTED_QUERY_NOT_SUPPORTED')),
  post('query an object whose toString is 1', JSON.stringify({ query: { toString: 1 } }), json, checks.status(400)),
  post('operationName an object whose toString is 1', JSON.stringify({ query: validQuery, operationName: { toString: 1 } }), json, checks.status(400)),
  post('extensions with toString and valueOf', JSON.stringify({ query: validQuery, extensions: { toString: 1, valueOf: 1 } }), json, checks.answered),
  post('variables with toString, valueOf and hasOwnProperty', JSON.stringify({ query: validQuery, variables: { toString: 1, valueOf: 1, hasOwnProperty: 1 } }), json, checks.answered),
  post('an ID variable whose toString is 1', JSON.stringify({ query: 'query ($id: ID!) { actor(id: $id) { id } }', variables: { id: { toString: 1 } } }), json, checks.status(400)),
  post('a list variable that is an object with a length', JSON.stringify({ query: 'query ($k: [ActorKind!]) { actors(kinds: $k) { totalCount } }', variables: { k: { toString: 1, length: 5 } } }), json, checks.status(400)),
  post('persisted query hash only', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), json),
  post('variables nested 100,000 deep', `{"query":"query ($v: [ActorKind!]) { actors(kinds: $v) { totalCount } }","variables":{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, json, checks.status(400)),
  post('extensions nested 100,000 deep', `{"query":"{ stats { actors } }","extensions":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, json),
  post('JSON null', 'null', json, checks.status(400)),
  post('a JSON string', '"{ stats { actors } }"', json, checks.status(400)),
  post('a JSON number', '5', json, checks.status(400)),
  post('an empty object', '{}', json, checks.status(400)),
  post('an empty body', '', json, checks.status(400)),
  post('a write with a forged bearer token', JSON.stringify({ query: 'mutation { addActor(input: {name: "X", kind: PERSON}) { id } }' }), { ...json, authorization: 'Bearer agt_forged' }, checks.status(401)),
  post('duplicate query keys', `{"query":"mutation { x }","query":"${validQuery}"}`, json, checks.answered),
  post('a UTF-8 BOM before the JSON', bytes([0xef, 0xbb, 0xbf], validBody), json, checks.status(200, 400)),
  post('invalid UTF-8 bytes in a string', bytes('{"query":"{ search(text: \\"', [0xff, 0xfe, 0xc3], '\\") { id } }"}'), json, checks.all(checks.status(400), checks.says(/UTF-8/))),
  post('an overlong UTF-8 encoding of a quote', bytes('{"query":"{ search(text: \\"', [0xc0, 0xa2], '\\") { id } }"}'), json, checks.all(checks.status(400), checks.says(/UTF-8/))),
  post('a UTF-8 encoded surrogate (CESU)', bytes('{"query":"{ search(text: \\"', [0xed, 0xa0, 0x80], '\\") { id } }"}'), json, checks.all(checks.status(400), checks.says(/UTF-8/))),
  post('a body in UTF-16', Buffer.from(validBody, 'utf16le'), json, checks.status(400)),
  post('a body just under 1 MB (padded with spaces)', validBody + ' '.repeat(apiLimits.maxBodyBytes - validBody.length - 10), json, checks.answered),
  post('a body over 1 MB with Content-Length (fetch)', validBody + ' '.repeat(overLimitBytes), json, checks.status(413)),
  {
    name: 'a body over 1 MB, chunked (fetch, no Content-Length)',
    graphql: true,
    send: (baseUrl) => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= overLimitBytes) return controller.close();
          sent += 64_000;
          controller.enqueue(new Uint8Array(64_000).fill(0x20));
        },
      });
      return send(`${baseUrl}/graphql`, { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    },
    check: checks.status(413),
  },
  post('content-type text/plain', validBody, { 'content-type': 'text/plain' }, checks.status(400)),
  post('content-type application/x-www-form-urlencoded', `query=${encodeURIComponent(validQuery)}`, { 'content-type': 'application/x-www-form-urlencoded' }, checks.status(400)),
  post('content-type multipart/form-data', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${validQuery}\r\n--x--\r\n`, { 'content-type': 'multipart/form-data; boundary=x' }, checks.status(400)),
  post('content-type application/graphql', validQuery, { 'content-type': 'application/graphql' }, checks.status(400, 415)),
  post('no content-type', new TextEncoder().encode(validBody), {}, checks.status(400)),
  post('content-type application/json; charset=latin1', validBody, { 'content-type': 'application/json; charset=latin1' }, checks.status(200, 400, 415)),
  post('content-type application/json; charset=utf-16', validBody, { 'content-type': 'application/json; charset=utf-16' }, checks.status(200, 400, 415)),
  post('content-type APPLICATION/JSON', validBody, { 'content-type': 'APPLICATION/JSON' }, checks.status(200, 400)),
  post('content-type application/jsonx', validBody, { 'content-type': 'application/jsonx' }, checks.status(200, 400, 415)),
  post('content-type with a 10 KB parameter', validBody, { 'content-type': `application/json; x=${'a'.repeat(10_000)}` }, checks.status(200, 400)),
  post('Content-Encoding: gzip with a body that is not gzip', validBody, { ...json, 'content-encoding': 'gzip' }, checks.status(200, 400, 415)),
  post('Content-Encoding: br with garbage', new Uint8Array([1, 2, 3, 4, 5]), { ...json, 'content-encoding': 'br' }, checks.status(400, 415)),
];

/** A GET to /graphql with these search parameters. */
const get = (name: string, params: Record<string, string>, headers: Record<string, string>, check?: Check): HttpCase => ({
  name,
  graphql: true,
  send: (baseUrl) => send(`${baseUrl}/graphql?${new URLSearchParams(params).toString()}`, { method: 'GET', headers }),
  check,
});

const preflight = { 'apollo-require-preflight': 'true' };

const getCases: readonly HttpCase[] = [
  get('GET with a query, no CSRF header', { query: validQuery }, {}, checks.status(400)),
  get('GET with a query and apollo-require-preflight', { query: validQuery }, preflight, checks.answered),
  get('GET with a query and content-type application/json', { query: validQuery }, json, checks.answered),
  get('GET with a mutation', { query: 'mutation { x }' }, preflight, checks.status(400, 405)),
  get('GET with a mutation, no CSRF header', { query: 'mutation { x }' }, {}, checks.status(400, 405)),
  get('GET with a subscription', { query: 'subscription { stats { actors } }' }, preflight, checks.status(400, 405)),
  get('GET with no query', {}, preflight, checks.status(400)),
  get('GET with malformed variables', { query: validQuery, variables: '{bad' }, preflight, checks.status(400)),
  get('GET with variables an array', { query: validQuery, variables: '[1]' }, preflight, checks.status(400)),
  get('GET with malformed extensions', { query: validQuery, extensions: '{bad' }, preflight, checks.status(400)),
  get('GET with a hostile variable', { query: 'query ($t: String!) { search(text: $t) { id } }', variables: JSON.stringify({ t: "') MATCH (n) DETACH DELETE n //" }) }, preflight, checks.answered),
  get('GET with a NUL in the query', { query: '{ stats\u0000 { actors } }' }, preflight, checks.status(400)),
  get('GET with an 8 KB query', { query: `{ stats { actors } ${'# '.repeat(4_000)}\n}` }, preflight, checks.answered),
  get('GET over the token limit', { query: `{ ${'a '.repeat(2_100)}}` }, preflight, checks.all(checks.status(400), checks.says(/token/i))),
  {
    name: 'GET with the query parameter twice',
    graphql: true,
    send: (baseUrl) => send(`${baseUrl}/graphql?query=${encodeURIComponent(validQuery)}&query=${encodeURIComponent('mutation { x }')}`, { headers: preflight }),
    check: checks.status(200, 400),
  },
  get('GET with a persisted query hash whose toString is 1', { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: { toString: 1 } } }) }, preflight),
  {
    name: 'GET with %FF (not UTF-8) in the query',
    graphql: true,
    send: (baseUrl) => send(`${baseUrl}/graphql?query=%7B%20search(text%3A%20%22%FF%22)%20%7B%20id%20%7D%20%7D`, { headers: preflight }),
    check: checks.status(200, 400),
  },
  {
    name: 'GET with a malformed percent escape in the query',
    graphql: true,
    send: (baseUrl) => send(`${baseUrl}/graphql?query=%E0%A4%A`, { headers: preflight }),
    check: checks.status(400),
  },
];


describe('hostile HTTP against the real server', () => {
  const attacked = attackedApp({ webBuild: true });
  const url = attacked.url;
  describe('HTTP', () => {
    it('malformed request lines, paths and headers over a raw socket', async () => noProblems(await runHttpCases(url(), 'HTTP: raw requests', rawRequestCases)));
    it('methods other than GET and POST on /graphql, / and /health', async () => noProblems(await runHttpCases(url(), 'HTTP: methods', methodCases)));
    it('bodies and content types', async () => noProblems(await runHttpCases(url(), 'HTTP: bodies', bodyCases)));
    it('GET /graphql with a query string', async () => noProblems(await runHttpCases(url(), 'HTTP: GET /graphql', getCases)));
  });

  afterTheCorpus(attacked, 100);
});

// ---------------------------------------------------------------------------------------------
// Slow bodies (issue 22): on an app of their own with a short deadline, so they pass it quickly
// ---------------------------------------------------------------------------------------------

describe('hostile slow bodies against the real server', () => {
  const db = openTestDb();
  let app: TestApp | undefined;
  let unwatchServerLog = () => {};
  before(async () => {
    app = await startTestApp(db, { ...testApiSettings, requestTimeoutMs: 2_000 });
    unwatchServerLog = watchServerLog();
  });
  after(async () => {
    unwatchServerLog();
    await app?.stop();
    await db.close();
  });
  const slowHead = crlf('POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 100');

  it(`one client's bodies held past the deadline: ${apiLimits.maxPendingBodiesPerClient} answered 408, the one beyond its share 429 at once`, async () => {
    const port = Number(new URL(app!.url).port);
    const answers = await Promise.all(Array.from({ length: apiLimits.maxPendingBodiesPerClient + 1 }, () => sendRaw(port, [slowHead, '{"query":"'])));
    const problems: string[] = [];
    for (const answer of answers) {
      record('HTTP: slow bodies', answer);
      const problem = httpProblem(answer) ?? checks.status(408, 429)(answer, undefined);
      if (problem) problems.push(problem);
    }
    noProblems(problems);
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...Array<number>(apiLimits.maxPendingBodiesPerClient).fill(408), 429]);
  });

  it('still answers { stats { actors } } and /health, with no admission left held', async () => {
    const answer = await postGraphQL(app!.url, { query: '{ stats { actors } }' });
    assert.equal(answer.status, 200, snippet(answer));
    const health = await send(`${app!.url}/health`, {});
    assert.equal(health.status, 200, snippet(health));
    assert.equal((JSON.parse(health.body) as { graphql: { admitted: number } }).graphql.admitted, 0, snippet(health));
    assert.deepEqual(serverFailures, []);
  });
});
