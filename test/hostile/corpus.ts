// The hostile corpus's machinery, shared by test/hostile/*.test.ts: its limits, what counts as an
// acceptable answer (a 4xx, a GraphQL error, or data: never a 5xx, a dropped connection or a
// hang), sending requests (fetch, or a raw socket so that nothing normalises them), the tally per
// class, the hostile values, and the app every read-only part attacks with the checks after it.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ensureWebBuild } from '../../src/http/webBuild.ts';
import { contentHash, seededApp } from '../support/testGraph.ts';

// ---------------------------------------------------------------------------------------------
// Limits of this corpus
// ---------------------------------------------------------------------------------------------

/** No single request may take longer than this to be answered. */
export const answerTimeoutMs = 20_000;
/** Requests in flight at once (well under apiLimits.maxConcurrentRequests). */
export const concurrency = 8;
/** The largest answer a bomb may get back. */
export const maxBombBytes = 5_000_000;
/** How fast an over-long list argument must be refused. */
export const maxListRefusalMs = 3_000;

/** Seed ids that exist, for the arguments that must be valid while another one is attacked. */
export const seed = {
  actor: 'islamic-state',
  otherActor: 'taliban',
  group: 'katibat-imam-bukhari',
  person: 'kadyr-malikov',
  source: 'rferl-2015-01-is-70-million',
} as const;

// ---------------------------------------------------------------------------------------------
// Answers, and what counts as acceptable
// ---------------------------------------------------------------------------------------------

/** What came back: a status and a body, or (status undefined) why nothing did. */
export interface Answer {
  status: number | undefined;
  body: string;
  bytes: number;
  ms: number;
  /** Set when there was no complete answer: a timeout, a reset, a close before any status line. */
  failure?: string;
  /** Raw socket only: whether the server sent 100 Continue first. */
  sawContinue?: boolean;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; argumentName?: string };
}

export interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

export const firstError = (body: GraphQLBody | undefined) => body?.errors?.[0];

export const snippet = (answer: Answer) => `${answer.status ?? answer.failure} ${answer.body.slice(0, 240)}`;

export function parseGraphQLBody(text: string): GraphQLBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as GraphQLBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rule for every GraphQL request: a 4xx with a GraphQL-shaped error, or a 200 with an
 * `errors` array or with data; and no error may be INTERNAL_SERVER_ERROR, whatever the status
 * (that is the server failing, not the request). Returns what is wrong, if anything.
 */
export function graphqlProblem(answer: Answer): string | undefined {
  if (answer.status === undefined) return answer.failure ?? 'no answer';
  const body = parseGraphQLBody(answer.body);
  if (body?.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) return `an internal error: ${snippet(answer)}`;
  if (answer.status >= 400 && answer.status < 500) return body?.errors?.length ? undefined : `a ${answer.status} without a GraphQL error: ${snippet(answer)}`;
  if (answer.status !== 200) return `answered ${snippet(answer)}`;
  if (!body) return `a 200 that is not a JSON object: ${snippet(answer)}`;
  if (body.errors !== undefined && (!Array.isArray(body.errors) || body.errors.length === 0)) return `a malformed errors array: ${snippet(answer)}`;
  return body.errors?.length || body.data !== undefined ? undefined : `a 200 with neither data nor errors: ${snippet(answer)}`;
}

/** The rule for any HTTP request: a status line, and not a 5xx. */
export function httpProblem(answer: Answer): string | undefined {
  if (answer.status === undefined) return answer.failure ?? 'no answer';
  return answer.status >= 500 ? `answered ${snippet(answer)}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Counting the corpus, per class
// ---------------------------------------------------------------------------------------------

export interface ClassTally {
  count: number;
  statuses: Map<string, number>;
  /** The first GraphQL error code of each answer that had one. */
  codes: Map<string, number>;
  maxBytes: number;
  maxMs: number;
}

export const tally = new Map<string, ClassTally>();

export function record(corpusClass: string, answer: Answer): void {
  const entry = tally.get(corpusClass) ?? { count: 0, statuses: new Map<string, number>(), codes: new Map<string, number>(), maxBytes: 0, maxMs: 0 };
  const status = answer.status === undefined ? 'none' : String(answer.status);
  const code = firstError(parseGraphQLBody(answer.body))?.extensions?.code;
  entry.count += 1;
  entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  if (code) entry.codes.set(code, (entry.codes.get(code) ?? 0) + 1);
  entry.maxBytes = Math.max(entry.maxBytes, answer.bytes);
  entry.maxMs = Math.max(entry.maxMs, answer.ms);
  tally.set(corpusClass, entry);
}

export const counted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}×${n}`).join(' ');

export function summaryTable(): string {
  const header = `${'class'.padEnd(24)} ${'count'.padStart(5)}  ${'statuses seen'.padEnd(40)} ${'max bytes'.padStart(9)} ${'max ms'.padStart(6)}  error codes seen`;
  const rows = [...tally].map(
    ([name, t]) =>
      `${name.padEnd(24)} ${String(t.count).padStart(5)}  ${counted(t.statuses).padEnd(40)} ${String(t.maxBytes).padStart(9)} ${String(Math.round(t.maxMs)).padStart(6)}  ${counted(t.codes)}`,
  );
  return [header, ...rows, `${'total'.padEnd(24)} ${String(corpusTotal()).padStart(5)}`].join('\n');
}

export const corpusTotal = () => [...tally.values()].reduce((sum, t) => sum + t.count, 0);

/**
 * What the server logged while the corpus ran (it runs in this process): an internal error,
 * an uncaught exception or an unhandled rejection is a bug even when the client got a 4xx.
 */
export const serverFailures: string[] = [];

export function watchServerLog(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const line = args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ');
    if (/Internal error|Uncaught exception|Unhandled rejection/.test(line)) serverFailures.push(line.slice(0, 400));
    original(...args);
  };
  return () => {
    console.error = original;
  };
}

// ---------------------------------------------------------------------------------------------
// Sending requests
// ---------------------------------------------------------------------------------------------

/** fetch with a deadline; a timeout or a dropped connection becomes an answer without a status. */
export async function send(url: string, init: RequestInit): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(answerTimeoutMs) });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, body: bytes.toString('utf8'), bytes: bytes.length, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${answerTimeoutMs} ms` : `connection failed: ${(error as Error).message} ${cause?.code ?? cause?.message ?? ''}`;
    return { status: undefined, body: '', bytes: 0, ms: performance.now() - started, failure: why };
  }
}

export interface ParsedResponse {
  status: number | undefined;
  sawContinue: boolean;
  complete: boolean;
  body: string;
}

/** Reads the final response out of the bytes received so far (skipping 1xx interim responses). */
export function parseResponse(received: Buffer, headOnly: boolean): ParsedResponse {
  let offset = 0;
  let sawContinue = false;
  for (;;) {
    const headEnd = received.indexOf('\r\n\r\n', offset);
    const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(received.subarray(offset, headEnd === -1 ? undefined : headEnd).toString('latin1'));
    if (!statusLine) return { status: undefined, sawContinue, complete: false, body: '' };
    const status = Number(statusLine[1]);
    if (headEnd === -1) return { status, sawContinue, complete: false, body: '' };
    const head = received.subarray(offset, headEnd).toString('latin1').toLowerCase();
    const bodyStart = headEnd + 4;
    if (status >= 100 && status < 200) {
      sawContinue ||= status === 100;
      offset = bodyStart;
      continue;
    }
    const body = received.subarray(bodyStart);
    const length = /\r\ncontent-length: *(\d+)/.exec(head);
    const complete =
      headOnly || status === 204 || status === 304
        ? true
        : length
          ? body.length >= Number(length[1])
          : /\r\ntransfer-encoding: *chunked/.test(head)
            ? body.indexOf('0\r\n\r\n') === 0 || body.indexOf('\r\n0\r\n\r\n') !== -1
            : false;
    return { status, sawContinue, complete, body: body.toString('utf8') };
  }
}

export interface RawOptions {
  /** The answer has no body (HEAD). */
  headOnly?: boolean;
  /** Close our sending side once everything is written (a body cut short). */
  halfClose?: boolean;
  /** Sent only once the server says 100 Continue. */
  afterContinue?: string | Buffer;
}

/**
 * Sends bytes as they are over a fresh TCP connection and reads until the answer is complete,
 * the server closes, or the deadline. A reset or close before any status line is a failure.
 */
export function sendRaw(port: number, parts: readonly (string | Buffer)[], options: RawOptions = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let continued = false;
    let settled = false;
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseResponse(received, options.headOnly ?? false);
      const ms = performance.now() - started;
      const missing = parsed.status === undefined ? (failure ?? 'closed without a status line') : failure && !parsed.complete ? failure : undefined;
      resolve({ status: missing ? undefined : parsed.status, body: parsed.body, bytes: received.length, ms, failure: missing, sawContinue: parsed.sawContinue });
    };
    const timer = setTimeout(() => finish(`no complete answer within ${answerTimeoutMs} ms`), answerTimeoutMs);
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
      if (options.halfClose) socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseResponse(received, options.headOnly ?? false);
      if (parsed.sawContinue && options.afterContinue !== undefined && !continued) {
        continued = true;
        socket.write(options.afterContinue);
      }
      if (parsed.complete) finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(`connection error before an answer: ${error.code ?? error.message}`));
    socket.on('close', () => finish());
  });
}

/** Runs `work` over `items`, at most `limit` at once. */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/** A further check of an answer the general rule accepts; returns what is wrong, if anything. */
export type Check = (answer: Answer, body: GraphQLBody | undefined) => string | undefined;

export interface GraphQLCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Extra request headers (a bearer token). */
  headers?: Record<string, string>;
  check?: Check;
}

/** Any HTTP request to the app: a path and fetch options, or raw bytes. */
export interface HttpCase {
  name: string;
  send: (baseUrl: string, port: number) => Promise<Answer>;
  /** GraphQL answers (JSON errors) rather than any HTTP answer. */
  graphql?: boolean;
  check?: Check;
}

export const checks = {
  /** A 200 with data and no errors: the request was legal. */
  answered: (answer: Answer, body: GraphQLBody | undefined) =>
    answer.status === 200 && body?.data !== undefined && !body.errors ? undefined : `expected data, got ${snippet(answer)}`,
  /** Any of these statuses. */
  status:
    (...statuses: number[]): Check =>
    (answer) =>
      answer.status !== undefined && statuses.includes(answer.status) ? undefined : `expected ${statuses.join(' or ')}, got ${snippet(answer)}`,
  /** An error with this code (and, when given, naming this argument). */
  refused:
    (code: string | RegExp, argumentName?: string): Check =>
    (answer, body) => {
      const error = firstError(body);
      const codeOk = typeof code === 'string' ? error?.extensions?.code === code : code.test(error?.extensions?.code ?? '');
      if (!codeOk) return `expected ${String(code)}, got ${snippet(answer)}`;
      if (argumentName !== undefined && error?.extensions?.argumentName !== argumentName) return `expected argumentName ${argumentName}, got ${snippet(answer)}`;
      return undefined;
    },
  /** An error whose message matches. */
  says:
    (pattern: RegExp): Check =>
    (answer, body) =>
      pattern.test(firstError(body)?.message ?? '') ? undefined : `expected an error saying ${String(pattern)}, got ${snippet(answer)}`,
  /** Answered within `ms`. */
  within:
    (ms: number): Check =>
    (answer) =>
      answer.ms <= ms ? undefined : `took ${Math.round(answer.ms)} ms (limit ${ms} ms)`,
  /** A refusal (4xx) or an answer no larger than `bytes`. */
  bounded:
    (bytes: number): Check =>
    (answer) =>
      answer.bytes <= bytes ? undefined : `answered ${answer.bytes} bytes (limit ${bytes})`,
  all:
    (...all: Check[]): Check =>
    (answer, body) => {
      for (const check of all) {
        const problem = check(answer, body);
        if (problem) return problem;
      }
      return undefined;
    },
};

export function postGraphQL(
  baseUrl: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(`${baseUrl}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(request) });
}

/** Sends every case, records it under its class, and returns what went wrong. */
export async function runGraphQLCases(baseUrl: string, corpusClass: string, cases: readonly GraphQLCase[]): Promise<string[]> {
  const problems: string[] = [];
  await forEachConcurrently(cases, concurrency, async (c) => {
    const answer = await postGraphQL(baseUrl, { query: c.query, variables: c.variables, operationName: c.operationName }, c.headers);
    record(corpusClass, answer);
    const problem = graphqlProblem(answer) ?? c.check?.(answer, parseGraphQLBody(answer.body));
    if (problem) problems.push(`${c.name}: ${problem}`);
  });
  return problems;
}

export async function runHttpCases(baseUrl: string, corpusClass: string, cases: readonly HttpCase[]): Promise<string[]> {
  const port = Number(new URL(baseUrl).port);
  const problems: string[] = [];
  await forEachConcurrently(cases, concurrency, async (c) => {
    const answer = await c.send(baseUrl, port);
    record(corpusClass, answer);
    const problem = (c.graphql ? graphqlProblem(answer) : httpProblem(answer)) ?? c.check?.(answer, parseGraphQLBody(answer.body));
    if (problem) problems.push(`${c.name}: ${problem}`);
  });
  return problems;
}

export const noProblems = (problems: string[]) => assert.equal(problems.length, 0, `\n${problems.sort().join('\n')}`);

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

export const hostileStrings: readonly [string, string][] = [
  ['Cypher: close and DETACH DELETE', "') MATCH (n) DETACH DELETE n //"],
  ['Cypher: OR 1=1', '" OR 1=1 //'],
  ['Cypher: $param', '$param'],
  ['Cypher: map literal', '{id:1}'],
  ['Cypher: backtick and CALL', '`) CALL db.clearQueryCaches() //'],
  ['Lucene: *:*', '*:*'],
  ['Lucene: field and fuzzy', 'name:IS~'],
  ['Lucene: unclosed group', 'a AND ('],
  ['Lucene: lone backslash', '\\'],
  ['unicode: emoji and ZWJ sequence', '🏴‍☠️💣👨‍👩‍👧'],
  ['unicode: RTL override and Arabic', '\u202Eالدولة الإسلامية\u202C'],
  ['unicode: combining marks', 'Z̴̡̪͎͉̫̼̦͂̏̀͊a̶̛l̷̨g̸̢o̵̧'],
  ['unicode: NUL', `${seed.actor}\u0000`],
  ['unicode: lone surrogate', '\ud800'],
  ['unicode: zero-width joiners', 'islamic\u200D-\u200Bstate\uFEFF'],
  ['huge: 200 KB', 'A'.repeat(200_000)],
  ['empty', ''],
  ['whitespace only', ' \t\n\u00A0\u3000 '],
];

export const hostileInts: readonly [string, unknown, string][] = [
  // label, value in variables, literal in the document
  ['-1', -1, '-1'],
  ['0', 0, '0'],
  ['2147483647', 2_147_483_647, '2147483647'],
  ['2147483648 (over Int)', 2_147_483_648, '2147483648'],
  ['1.5', 1.5, '1.5'],
  ['a string', 'ten', '"ten"'],
  ['null', null, 'null'],
];

export const asOfValues: readonly { value: string; valid: boolean }[] = [
  { value: '0999', valid: true },
  { value: '0000', valid: true },
  { value: '9999-12-31', valid: true },
  { value: '2014-02-30', valid: false },
  { value: '2014-13', valid: false },
  { value: '-2014', valid: false },
  { value: '2014-1-1', valid: false },
  { value: '20140101', valid: false },
];


// ---------------------------------------------------------------------------------------------
// The app attacked, and the checks after the corpus
// ---------------------------------------------------------------------------------------------

export interface AttackedApp {
  db: ReturnType<typeof seededApp>['db'];
  url: () => string;
  /** The database's content hash before the corpus ran. */
  hashBefore: () => string;
}

/** A seeded app (the web app's build too when its paths are attacked), its database's hash taken and its log watched before the corpus. */
export function attackedApp(options: { webBuild?: boolean } = {}): AttackedApp {
  const setup = seededApp();
  let hashBefore = '';
  let unwatchServerLog = () => {};
  before(async () => {
    if (options.webBuild) await ensureWebBuild(); // the web app's paths are attacked too, as `npm start` serves them
    hashBefore = await contentHash(setup.db);
    unwatchServerLog = watchServerLog();
  });
  after(() => unwatchServerLog());
  return { db: setup.db, url: () => setup.app.url, hashBefore: () => hashBefore };
}

/** After a read-only corpus: the server still answers, the database is as it was, nothing failed inside, and the corpus was not empty. */
export function afterTheCorpus(target: AttackedApp, minimumRequests: number): void {
  describe('after the corpus', () => {
    it('still answers /health', async () => {
      const answer = await send(`${target.url()}/health`, {});
      assert.equal(answer.status, 200, snippet(answer));
    });
    it('still answers { stats { actors } }', async () => {
      const answer = await postGraphQL(target.url(), { query: '{ stats { actors } }' });
      assert.equal(answer.status, 200, snippet(answer));
      const body = parseGraphQLBody(answer.body) as { data?: { stats?: { actors?: number } } } | undefined;
      assert.ok((body?.data?.stats?.actors ?? 0) > 0, snippet(answer));
    });
    it('left the database exactly as it was', async () => assert.equal(await contentHash(target.db), target.hashBefore()));
    it('logged no internal error, uncaught exception or unhandled rejection', () => assert.deepEqual(serverFailures, []));
    it(`sent at least ${minimumRequests} hostile requests (summary per class)`, () => {
      console.log(`\nHostile corpus:\n${summaryTable()}\n`);
      assert.ok(corpusTotal() >= minimumRequests, `only ${corpusTotal()} requests`);
    });
  });
}
