// A regression corpus of hostile requests against the real server (the real Neo4j, the real
// HTTP app). Every String, ID, Int and list argument is found by walking the schema, so a new
// field is attacked without editing this file; documents, nested-list bombs and malformed HTTP
// (sent over a raw socket, so nothing normalises it) follow. Each request must be answered with a
// 4xx, a GraphQL error, or, when merely odd, data: never a 5xx, a dropped connection or a hang.
// Afterwards the server must still answer and the database must hold exactly what it held.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { apiLimits, loadConfig, type Config } from '../src/config.ts';
import { verifyThroughRateLimit } from '../src/neo4j/authRateLimit.ts';
import { connect } from '../src/launcher/connect.ts';
import { createDriver } from '../src/neo4j/database.ts';
import { startLocalNeo4j, type RunningNeo4j } from '../src/launcher/localServer.ts';
import { validateSeed } from '../src/loader/load.ts';
import { SeedValidationError } from '../src/domain/problems.ts';
import { buildSchema } from '../src/api/schema.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { createToken } from '../src/auth/tokens.ts';
import { freePort, removeInstance, tempHome } from './localNeo4j.ts';
import { contentHash, openTestDb, reseedAfterwards, seededApp, startTestApp, testApiSettings, type TestApp } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// Limits of this corpus
// ---------------------------------------------------------------------------------------------

/** No single request may take longer than this to be answered. */
const answerTimeoutMs = 20_000;
/** Requests in flight at once (well under apiLimits.maxConcurrentRequests). */
const concurrency = 8;
/** The largest answer a bomb may get back. */
const maxBombBytes = 5_000_000;
/** How fast an over-long list argument must be refused. */
const maxListRefusalMs = 3_000;

/** Seed ids that exist, for the arguments that must be valid while another one is attacked. */
const seed = {
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
interface Answer {
  status: number | undefined;
  body: string;
  bytes: number;
  ms: number;
  /** Set when there was no complete answer: a timeout, a reset, a close before any status line. */
  failure?: string;
  /** Raw socket only: whether the server sent 100 Continue first. */
  sawContinue?: boolean;
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; argumentName?: string };
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

const firstError = (body: GraphQLBody | undefined) => body?.errors?.[0];

const snippet = (answer: Answer) => `${answer.status ?? answer.failure} ${answer.body.slice(0, 240)}`;

function parseGraphQLBody(text: string): GraphQLBody | undefined {
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
function graphqlProblem(answer: Answer): string | undefined {
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
function httpProblem(answer: Answer): string | undefined {
  if (answer.status === undefined) return answer.failure ?? 'no answer';
  return answer.status >= 500 ? `answered ${snippet(answer)}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Counting the corpus, per class
// ---------------------------------------------------------------------------------------------

interface ClassTally {
  count: number;
  statuses: Map<string, number>;
  /** The first GraphQL error code of each answer that had one. */
  codes: Map<string, number>;
  maxBytes: number;
  maxMs: number;
}

const tally = new Map<string, ClassTally>();

function record(corpusClass: string, answer: Answer): void {
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

const counted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}×${n}`).join(' ');

function summaryTable(): string {
  const header = `${'class'.padEnd(24)} ${'count'.padStart(5)}  ${'statuses seen'.padEnd(40)} ${'max bytes'.padStart(9)} ${'max ms'.padStart(6)}  error codes seen`;
  const rows = [...tally].map(
    ([name, t]) =>
      `${name.padEnd(24)} ${String(t.count).padStart(5)}  ${counted(t.statuses).padEnd(40)} ${String(t.maxBytes).padStart(9)} ${String(Math.round(t.maxMs)).padStart(6)}  ${counted(t.codes)}`,
  );
  return [header, ...rows, `${'total'.padEnd(24)} ${String(corpusTotal()).padStart(5)}`].join('\n');
}

const corpusTotal = () => [...tally.values()].reduce((sum, t) => sum + t.count, 0);

/**
 * What the server logged while the corpus ran (it runs in this process): an internal error,
 * an uncaught exception or an unhandled rejection is a bug even when the client got a 4xx.
 */
const serverFailures: string[] = [];

function watchServerLog(): () => void {
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
async function send(url: string, init: RequestInit): Promise<Answer> {
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

interface ParsedResponse {
  status: number | undefined;
  sawContinue: boolean;
  complete: boolean;
  body: string;
}

/** Reads the final response out of the bytes received so far (skipping 1xx interim responses). */
function parseResponse(received: Buffer, headOnly: boolean): ParsedResponse {
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

interface RawOptions {
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
function sendRaw(port: number, parts: readonly (string | Buffer)[], options: RawOptions = {}): Promise<Answer> {
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
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
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
type Check = (answer: Answer, body: GraphQLBody | undefined) => string | undefined;

interface GraphQLCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Extra request headers (a bearer token). */
  headers?: Record<string, string>;
  check?: Check;
}

/** Any HTTP request to the app: a path and fetch options, or raw bytes. */
interface HttpCase {
  name: string;
  send: (baseUrl: string, port: number) => Promise<Answer>;
  /** GraphQL answers (JSON errors) rather than any HTTP answer. */
  graphql?: boolean;
  check?: Check;
}

const checks = {
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

function postGraphQL(
  baseUrl: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(`${baseUrl}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(request) });
}

/** Sends every case, records it under its class, and returns what went wrong. */
async function runGraphQLCases(baseUrl: string, corpusClass: string, cases: readonly GraphQLCase[]): Promise<string[]> {
  const problems: string[] = [];
  await forEachConcurrently(cases, concurrency, async (c) => {
    const answer = await postGraphQL(baseUrl, { query: c.query, variables: c.variables, operationName: c.operationName }, c.headers);
    record(corpusClass, answer);
    const problem = graphqlProblem(answer) ?? c.check?.(answer, parseGraphQLBody(answer.body));
    if (problem) problems.push(`${c.name}: ${problem}`);
  });
  return problems;
}

async function runHttpCases(baseUrl: string, corpusClass: string, cases: readonly HttpCase[]): Promise<string[]> {
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

const noProblems = (problems: string[]) => assert.equal(problems.length, 0, `\n${problems.sort().join('\n')}`);

// ---------------------------------------------------------------------------------------------
// Walking the schema
// ---------------------------------------------------------------------------------------------

const schema = buildSchema();
const queryType = schema.getQueryType()!;

type Field = GraphQLField<unknown, unknown>;

/** One field on the way from Query to where an argument is attacked, with its arguments filled in. */
interface Step {
  field: Field;
  args: string[];
}

interface ArgumentTarget {
  /** e.g. "Actor.relationships(asOf)" */
  label: string;
  route: Step[];
  parent: GraphQLObjectType;
  field: Field;
  arg: GraphQLArgument;
}

const objectTypeOf = (field: Field): GraphQLObjectType | undefined => {
  const named = getNamedType(field.type);
  return isObjectType(named) ? named : undefined;
};

const isListField = (field: Field) => isListType(getNullableType(field.type));

/** A valid literal for an argument that must be filled while another is attacked. */
function validLiteral(field: Field, arg: GraphQLArgument): string {
  const named = getNamedType(arg.type);
  if (field.name === 'source' && arg.name === 'id') return JSON.stringify(seed.source);
  if (field.name === 'allegianceChain' && arg.name === 'id') return JSON.stringify(seed.group); // Islamic State pledges to no one
  if (arg.name === 'from') return JSON.stringify(seed.person);
  if (arg.name === 'to') return JSON.stringify(seed.otherActor);
  if (arg.name === 'text') return JSON.stringify('Bukhari');
  if (named.name === 'ID') return JSON.stringify(seed.actor);
  if (named.name === 'Int') return '1';
  if (named.name === 'Boolean') return 'true';
  if (isEnumType(named)) return named.getValues()[0]!.name;
  return JSON.stringify('x');
}

/** The required arguments of a field (other than `except`), filled with valid values. */
function requiredArgs(field: Field, except?: string): string[] {
  return field.args.filter((arg) => arg.name !== except && isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => `${arg.name}: ${validLiteral(field, arg)}`);
}

/** The shortest way from Query to a type, preferring single objects (actor(id)) to lists. */
function routeTo(target: GraphQLObjectType): Step[] | undefined {
  const queue: { type: GraphQLObjectType; route: Step[] }[] = [{ type: queryType, route: [] }];
  const seen = new Set([queryType.name]);
  while (queue.length > 0) {
    const { type, route } = queue.shift()!;
    if (type === target) return route;
    const fields = Object.values(type.getFields()).sort((a, b) => Number(isListField(a)) - Number(isListField(b)));
    for (const field of fields) {
      const child = objectTypeOf(field);
      if (!child || seen.has(child.name)) continue;
      seen.add(child.name);
      queue.push({ type: child, route: [...route, { field, args: requiredArgs(field) }] });
    }
  }
  return undefined;
}

/** The object types reachable from Query (Query included). */
function reachableTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && routeTo(type) !== undefined);
}

/** Every argument of every reachable field that `wanted` picks, with a route to its field. */
function argumentTargets(wanted: (arg: GraphQLArgument) => boolean): ArgumentTarget[] {
  return reachableTypes().flatMap((parent) =>
    Object.values(parent.getFields()).flatMap((field) =>
      field.args.filter(wanted).map((arg) => ({ label: `${parent.name}.${field.name}(${arg.name})`, route: routeTo(parent)!, parent, field, arg })),
    ),
  );
}

/** A small selection for a field's type: its id, else __typename; nothing for a leaf. */
function selectionFor(field: Field): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  return isObjectType(named) && named.getFields().id ? '{ id }' : '{ __typename }';
}

const stepText = (step: Step) => `${step.field.name}${step.args.length ? `(${step.args.join(', ')})` : ''}`;

/** Nests `inner` inside the route's fields. */
const wrapInRoute = (route: Step[], inner: string) => route.reduceRight((body, step) => `${stepText(step)} { ${body} }`, inner);

/** A document that passes `value` (a literal, or `$value`) to the target argument. */
function documentFor(target: ArgumentTarget, value: string, variableType?: GraphQLInputType): string {
  const args = [...requiredArgs(target.field, target.arg.name), `${target.arg.name}: ${value}`].join(', ');
  const inner = `${target.field.name}(${args}) ${selectionFor(target.field)}`;
  const header = variableType ? `query Hostile($value: ${String(variableType)})` : 'query Hostile';
  return `${header} { ${wrapInRoute(target.route, inner)} }`;
}

/** A GraphQL string literal: JSON's escapes are all GraphQL escapes. */
const graphqlString = (value: string) => JSON.stringify(value);

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const hostileStrings: readonly [string, string][] = [
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

const hostileInts: readonly [string, unknown, string][] = [
  // label, value in variables, literal in the document
  ['-1', -1, '-1'],
  ['0', 0, '0'],
  ['2147483647', 2_147_483_647, '2147483647'],
  ['2147483648 (over Int)', 2_147_483_648, '2147483648'],
  ['1.5', 1.5, '1.5'],
  ['a string', 'ten', '"ten"'],
  ['null', null, 'null'],
];

const asOfValues: readonly { value: string; valid: boolean }[] = [
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
// Generated cases
// ---------------------------------------------------------------------------------------------

const isStringOrId = (arg: GraphQLArgument) => ['String', 'ID'].includes(getNamedType(arg.type).name) && !isListType(getNullableType(arg.type));
const isInt = (arg: GraphQLArgument) => getNamedType(arg.type).name === 'Int';
const isList = (arg: GraphQLArgument) => isListType(getNullableType(arg.type));

/**
 * Cursors are opaque base64url, and the server refuses one that does not round-trip; these do,
 * so the hostile text reaches the query behind the cursor.
 */
const forgedCursors: readonly [string, string][] = [
  ...hostileStrings.filter(([, value]) => value !== '').map(([label, value]): [string, string] => [`a cursor of ${label}`, Buffer.from(value, 'utf8').toString('base64url')]),
  ['a cursor without a separator', Buffer.from('x', 'utf8').toString('base64url')],
  ['a cursor of separators only', Buffer.from('\u0000\u0000\u0000', 'utf8').toString('base64url')],
  ['a cursor with many separators', Buffer.from('a\u0000b\u0000c\u0000d', 'utf8').toString('base64url')],
];

function stringCases(target: ArgumentTarget): GraphQLCase[] {
  const values = target.arg.name === 'after' ? [...hostileStrings, ...forgedCursors] : hostileStrings;
  return values.flatMap(([label, value]) => [
    { name: `${target.label} = ${label} (variable)`, query: documentFor(target, '$value', target.arg.type), variables: { value } },
    { name: `${target.label} = ${label} (inline)`, query: documentFor(target, graphqlString(value)) },
  ]);
}

function intCases(target: ArgumentTarget): GraphQLCase[] {
  return hostileInts.flatMap(([label, value, literal]) => {
    const overRange = label.startsWith('2147483648');
    return [
      {
        name: `${target.label} = ${label} (variable)`,
        query: documentFor(target, '$value', target.arg.type),
        variables: { value },
        check: overRange ? checks.all(checks.status(400), checks.refused('BAD_USER_INPUT')) : undefined,
      },
      {
        name: `${target.label} = ${label} (inline)`,
        query: documentFor(target, literal),
        check: overRange ? checks.all(checks.status(400), checks.refused('GRAPHQL_VALIDATION_FAILED')) : undefined,
      },
    ];
  });
}

/** The values a list argument may hold, and how many it may hold at most (src/api/queryCost.ts). */
function listBound(arg: GraphQLArgument): { item: string; literal: string; max: number } {
  const named = getNamedType(arg.type);
  if (isEnumType(named)) {
    const first = named.getValues()[0]!.name;
    return { item: first, literal: first, max: named.getValues().length };
  }
  return { item: 'x', literal: '"x"', max: apiLimits.maxListArgumentLength };
}

function listCases(target: ArgumentTarget): GraphQLCase[] {
  const { item, literal, max } = listBound(target.arg);
  const variable = (name: string, value: unknown, check?: Check): GraphQLCase => ({
    name: `${target.label} = ${name} (variable)`,
    query: documentFor(target, '$value', target.arg.type),
    variables: { value },
    check,
  });
  const inline = (name: string, value: string, check?: Check): GraphQLCase => ({ name: `${target.label} = ${name} (inline)`, query: documentFor(target, value), check });
  const tooLong = checks.all(checks.status(400), checks.refused('BAD_USER_INPUT', target.arg.name), checks.within(maxListRefusalMs));
  const enumList = isEnumType(getNamedType(target.arg.type));
  return [
    variable('30,000 repeated entries', new Array<string>(30_000).fill(item), tooLong),
    variable(`${max + 1} entries (one over the bound)`, new Array<string>(max + 1).fill(item), tooLong),
    variable(`${max} duplicates (within the bound)`, new Array<string>(max).fill(item), checks.answered),
    inline(`${max} duplicates (within the bound)`, `[${new Array<string>(max).fill(literal).join(', ')}]`, checks.answered),
    variable('empty list', [], checks.answered),
    variable('a single value, not a list', item, checks.answered),
    variable('an unknown value', enumList ? ['NOT_IN_THE_VOCABULARY'] : [{}], checks.status(400)),
    inline('an unknown value', enumList ? '[NOT_IN_THE_VOCABULARY]' : '[{}]', checks.status(400)),
    variable('lower-case value', [item.toLowerCase()], enumList ? checks.status(400) : undefined),
    variable('a null inside', [item, null], checks.status(400)),
    inline('a null inside', `[${literal}, null]`, checks.status(400)),
    inline('a string where an enum value goes', `["${item}"]`, enumList ? checks.status(400) : undefined),
    inline('30,000 entries (over the token limit)', `[${new Array<string>(30_000).fill(literal).join(' ')}]`, checks.status(400)),
  ];
}

function asOfCases(target: ArgumentTarget): GraphQLCase[] {
  return asOfValues.flatMap(({ value, valid }) => {
    const check: Check = valid ? checks.answered : checks.refused('BAD_USER_INPUT', 'asOf');
    return [
      { name: `${target.label} = "${value}" (variable)`, query: documentFor(target, '$value', target.arg.type), variables: { value }, check },
      { name: `${target.label} = "${value}" (inline)`, query: documentFor(target, graphqlString(value)), check },
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Writes: every argument of every mutation and every field of their inputs, made hostile one at a time
// ---------------------------------------------------------------------------------------------

const mutationType = schema.getMutationType()!;
const seedClaims = ['nursultan-nazarbayev--leads--kazakhstan--rferl-2015-01', 'kadyr-malikov--leads--religion-law-and-politics-analytical-center--rferl-2015-01'];

/**
 * A call of each mutation (its variables) into which one argument or input field at a time is
 * made hostile. mergeActors names an actor that does not exist, so it never merges real ones.
 */
const writeCalls: Record<string, Record<string, unknown>> = {
  addSource: { input: { title: 'A hostile test', published: '2016', text: 'Islamic State is named in this text.' } },
  addActor: { input: { name: 'A hostile test actor', kind: 'GROUP' } },
  updateActor: { id: seed.actor, expectedVersion: 1, patch: { description: 'x' } },
  mergeActors: { keep: seed.actor, merge: 'no-such-actor' },
  unmergeActors: { merged: seed.actor },
  addClaim: { input: { subject: seed.person, type: 'OPERATES_IN', object: seed.otherActor, stance: 'ASSERTED', source: seed.source, quotes: ['Kazakh President Nursultan Nazarbaev'] } },
  updateClaim: { id: seedClaims[0], expectedVersion: 1, patch: { note: 'x' } },
  retractClaim: { id: seedClaims[0], reason: 'a hostile test' },
  contradict: { claim: seedClaims[0], other: seedClaims[1] },
};

interface WriteTarget {
  /** e.g. "addClaim(input.quotes)" */
  label: string;
  field: Field;
  /** The argument, then the input field when the argument is an input object. */
  path: [string] | [string, string];
  type: GraphQLInputType;
}

/** Every String, ID, Int and list argument of every mutation, and every such field of their input objects. */
function writeTargets(): WriteTarget[] {
  const attacked = (type: GraphQLInputType) => isListType(getNullableType(type)) || ['String', 'ID', 'Int'].includes(getNamedType(type).name);
  return Object.values(mutationType.getFields()).flatMap((field) =>
    field.args.flatMap((arg): WriteTarget[] => {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        return Object.values(named.getFields())
          .filter((inner) => attacked(inner.type))
          .map((inner) => ({ label: `${field.name}(${arg.name}.${inner.name})`, field, path: [arg.name, inner.name], type: inner.type }));
      }
      return attacked(arg.type) ? [{ label: `${field.name}(${arg.name})`, field, path: [arg.name], type: arg.type }] : [];
    }),
  );
}

/** The mutation with `value` at the target's place and the rest of its call as writeCalls gives it, as an admin. */
function writeCase(target: WriteTarget, name: string, value: unknown, headers: Record<string, string>, check?: Check): GraphQLCase {
  const variables = structuredClone(writeCalls[target.field.name]!);
  const [arg, inner] = target.path;
  if (inner === undefined) variables[arg] = value;
  else variables[arg] = { ...(variables[arg] as object), [inner]: value };
  const declared = target.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = target.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    name: `${target.label} = ${name}`,
    query: `mutation Hostile(${declared}) { ${target.field.name}(${passed}) ${selectionFor(target.field)} }`,
    variables,
    headers,
    check,
  };
}

function writeCases(target: WriteTarget, headers: Record<string, string>): GraphQLCase[] {
  const path = target.path.join('.');
  if (isListType(getNullableType(target.type))) {
    const max = apiLimits.maxListArgumentLength;
    const tooLong = checks.all(checks.status(400), checks.refused('BAD_USER_INPUT', path), checks.within(maxListRefusalMs));
    return [
      writeCase(target, '30,000 entries', new Array<string>(30_000).fill('x'), headers, tooLong),
      writeCase(target, `${max + 1} entries (one over the bound)`, new Array<string>(max + 1).fill('x'), headers, tooLong),
      writeCase(target, 'a null inside', ['x', null], headers, checks.status(400)),
      ...hostileStrings.map(([label, value]) => writeCase(target, `[${label}]`, [value], headers)),
    ];
  }
  if (getNamedType(target.type).name === 'Int') return hostileInts.map(([label, value]) => writeCase(target, label, value, headers));
  return hostileStrings.map(([label, value]) => writeCase(target, label, value, headers));
}

// ---------------------------------------------------------------------------------------------
// Nested-list bombs, generated from the list fields of the schema
// ---------------------------------------------------------------------------------------------

interface Edge {
  field: Field;
  from: GraphQLObjectType;
  to: GraphQLObjectType;
}

function edgesOf(type: GraphQLObjectType): Edge[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const to = objectTypeOf(field);
    return to ? [{ field, from: type, to }] : [];
  });
}

/** The shortest chain of object fields from one type to another (at least one field). */
function chainBetween(from: GraphQLObjectType, to: GraphQLObjectType): Edge[] | undefined {
  const queue: { type: GraphQLObjectType; chain: Edge[] }[] = edgesOf(from).map((edge) => ({ type: edge.to, chain: [edge] }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { type, chain } = queue.shift()!;
    if (type === to) return chain;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const edge of edgesOf(type)) queue.push({ type: edge.to, chain: [...chain, edge] });
  }
  return undefined;
}

/** The largest value each size argument allows (apiLimits), so a bomb asks for the most. */
function largestSize(field: Field, arg: GraphQLArgument): number | undefined {
  if (arg.name === 'first') return apiLimits.maxPageSize;
  if (arg.name === 'limit') return field.name === 'search' ? apiLimits.maxSearchLimit : apiLimits.maxNeighborhoodLimit;
  if (arg.name === 'maxDepth') return apiLimits.maxPathDepth;
  if (arg.name === 'depth') return field.name === 'allegianceChain' ? apiLimits.maxAllegianceDepth : apiLimits.maxNeighborhoodDepth;
  return undefined;
}

function edgeText(edge: Edge, largest: boolean): string {
  const sizes = largest ? edge.field.args.flatMap((arg) => (largestSize(edge.field, arg) === undefined ? [] : [`${arg.name}: ${largestSize(edge.field, arg)}`])) : [];
  const args = [...requiredArgs(edge.field), ...sizes];
  return `${edge.field.name}${args.length ? `(${args.join(', ')})` : ''}`;
}

/**
 * For a list field, a document that nests it as deep as the depth limit allows: the list and the
 * way back to the list's parent, again and again; or, when there is no way back (a list on
 * Query), the list once and then round its item type again and again.
 */
function bombThrough(listEdge: Edge, largest: boolean): GraphQLCase | undefined {
  const route = routeTo(listEdge.from);
  if (!route) return undefined;
  const back = chainBetween(listEdge.to, listEdge.from);
  const head = back ? [] : [listEdge];
  const loop = back ? [listEdge, ...back] : chainBetween(listEdge.to, listEdge.to);
  if (!loop) return undefined; // a list that cannot nest
  const levels = apiLimits.maxQueryDepth - route.length - 1; // the leaf is a level too
  const chain = [...head, ...Array.from({ length: levels - head.length }, (_, i) => loop[i % loop.length]!)];
  const cycle = [...head, ...loop];
  const leaf = selectionFor(chain.at(-1)!.field).replace(/[{}]/g, '').trim();
  const body = chain.reduceRight((inner, edge) => `${edgeText(edge, largest)} { ${inner} }`, leaf);
  const path = chain.slice(0, cycle.length + 1).map((edge) => edge.field.name).join('.');
  return {
    name: `${listEdge.from.name}.${listEdge.field.name}: ${path}… ${levels} levels, ${largest ? 'largest sizes' : 'default sizes'}`,
    query: `{ ${wrapInRoute(route, body)} }`,
    check: checks.bounded(maxBombBytes),
  };
}

function generatedBombs(): GraphQLCase[] {
  const listEdges = reachableTypes().flatMap((type) => edgesOf(type).filter((edge) => isListField(edge.field)));
  return listEdges.flatMap((edge) => [bombThrough(edge, false), bombThrough(edge, true)].filter((c): c is GraphQLCase => c !== undefined));
}

/** The bombs named in the brief, written out, plus wide ones (many aliases of a large list). */
const namedBombs: readonly [string, string][] = [
  ['actor.relationships.from…', `{ actor(id: "${seed.actor}") { relationships(first: 500) { from { relationships(first: 500) { from { relationships(first: 500) { from { relationships(first: 500) { from { id } } } } } } } } } }`],
  ['actor.mentions.source.mentions.actor…', `{ actor(id: "${seed.actor}") { mentions(first: 500) { source { mentions(first: 500) { actor { mentions(first: 500) { source { mentions(first: 500) { actor { id } } } } } } } } } }`],
  ['actor.figures.about.figures…', `{ actor(id: "${seed.actor}") { figures(first: 500) { about { figures(first: 500) { about { figures(first: 500) { about { figures(first: 500) { id } } } } } } } } }`],
  ['source.relationships.evidence.source.relationships…', `{ source(id: "${seed.source}") { relationships(first: 500) { evidence { source { relationships(first: 500) { evidence { source { relationships(first: 500) { evidence { quote } } } } } } } } } }`],
  ['sources(500).relationships(500).from.relationships(500)', '{ sources(first: 500) { relationships(first: 500) { from { relationships(first: 500) { id } } } } }'],
  ['neighborhood(1000).relationships.from.relationships(500)', `{ neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { relationships { from { relationships(first: 500) { from { id } } } } } }`],
  ['neighborhood(1000) nodes and relationships, evidence', `{ neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { nodes { id aliases } relationships { id evidence { quote source { id } } } } }`],
  ['timeline(500).from.relationships(500)', `{ timeline(id: "${seed.actor}", first: 500) { from { relationships(first: 500) { to { id } } } } }`],
  ['allegianceChain(depth 4, 500).to.relationships(500)', `{ allegianceChain(id: "${seed.group}", depth: 4, first: 500) { to { relationships(first: 500) { id } } } }`],
  ['contestedClaims(500).claimedBy.relationships(500)', '{ contestedClaims(first: 500) { edges { node { claimedBy { relationships(first: 500) { id } } } } } }'],
  ['relationships(500).conflictsWith ×8', `{ relationships(first: 500) { edges { node { ${'conflictsWith { '.repeat(8)}id${' }'.repeat(8)} } } } }`],
  ['relationships(500).claimedBy.figures(500).evidence', '{ relationships(first: 500) { edges { node { claimedBy { figures(first: 500) { evidence { quote } } } } } } }'],
  ['shortestPath(8).nodes.relationships(500).evidence', `{ shortestPath(from: "${seed.person}", to: "${seed.otherActor}", maxDepth: 8) { nodes { relationships(first: 500) { evidence { quote } } } } }`],
  ['sources(500) with every text', '{ sources(first: 500) { id text } }'],
  ['30 aliases × sources(500) text', `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: sources(first: 500) { text }`).join(' ')} }`],
  ['30 aliases × relationships(500) evidence', `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: relationships(first: 500) { edges { node { evidence { quote } } } }`).join(' ')} }`],
  ['30 aliases × neighborhood(1000)', `{ ${Array.from({ length: 30 }, (_, i) => `n${i}: neighborhood(id: "${seed.actor}", depth: 4, limit: 1000) { nodes { id } }`).join(' ')} }`],
  // Leaf fields cost nothing, so long texts multiply freely within the cost limit.
  ['relationships(500).evidence.source.text', '{ relationships(first: 500) { edges { node { evidence { source { text } } } } } }'],
  ['9 aliases × relationships(500).evidence.source.text', `{ ${Array.from({ length: 9 }, (_, i) => `r${i}: relationships(first: 500) { edges { node { evidence { source { text } } } } }`).join(' ')} }`],
  ['30 aliases × search(100)', `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(text: "islamic state", limit: 100) { id aliases description }`).join(' ')} }`],
];

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/** Fragments F1..Flevels on `type`, each spreading the previous one `width` times. */
function spreadBomb(type: string, selection: string, levels: number, width: number): string {
  const fragments = [`fragment F0 on ${type} { ${selection} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on ${type} { ${new Array<string>(width).fill(`...F${i - 1}`).join(' ')} }`);
  return fragments.join(' ');
}

const deepIntrospection = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }`;

const documentCases: readonly GraphQLCase[] = [
  { name: 'over the token limit (2,500 fields)', query: `{ ${'__typename '.repeat(2_500)} }`, check: checks.all(checks.status(400), checks.says(/token/i)) },
  { name: 'over the token limit (punctuation only)', query: `{ stats { actors } } ${'{ '.repeat(3_000)}`, check: checks.status(400) },
  {
    name: 'just under the token limit (200 fragments)',
    query: `{ stats { ${Array.from({ length: 200 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 200 }, (_, i) => `fragment F${i} on Stats { actors }`).join(' ')}`,
    check: checks.answered,
  },
  {
    name: '1,900 × __typename (under the token limit; graphql-js caps the field-merging work)',
    query: `{ ${'__typename '.repeat(1_900)}}`,
    check: (answer, body) => (/token/i.test(firstError(body)?.message ?? '') ? `refused for tokens under the limit: ${snippet(answer)}` : undefined),
  },
  { name: 'a 900 KB comment (comments are not tokens)', query: `# ${'x'.repeat(900_000)}\n{ stats { actors } }`, check: checks.answered },
  {
    name: 'deeper than the depth limit',
    query: `{ actor(id: "${seed.actor}") { ${'relationships(first: 1) { from { '.repeat(6)}id${' } }'.repeat(6)} } }`,
    check: checks.all(checks.status(400), checks.says(/depth/i)),
  },
  { name: 'at the depth limit', query: `{ actor(id: "${seed.actor}") { ${'relationships(first: 1) { from { '.repeat(5)}id${' } }'.repeat(5)} } }`, check: checks.answered },
  { name: 'deeply nested selection of __typename (parser recursion)', query: `{ ${'actor(id: "x") { '.repeat(600)}__typename${' }'.repeat(600)} }`, check: checks.status(400) },
  { name: 'deeply nested list literal', query: `{ search(text: "x", kinds: ${'['.repeat(900)}GROUP${']'.repeat(900)}) { id } }`, check: checks.status(400) },
  { name: 'deeply nested object literal', query: `{ search(text: "x", kinds: ${'{a: '.repeat(600)}1${'}'.repeat(600)}) { id } }`, check: checks.status(400) },
  { name: '31 aliases (one over the limit)', query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.all(checks.status(400), checks.says(/alias/i)) },
  { name: '30 aliases (at the limit)', query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.answered },
  { name: '100 aliases', query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`, check: checks.all(checks.status(400), checks.says(/alias/i)) },
  { name: '500 aliases of __typename (graphql-armor allows these)', query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`, check: checks.status(200, 400) },
  { name: '100 @skip on one field', query: `{ stats ${'@skip(if: false) '.repeat(100)}{ actors } }`, check: checks.status(400) },
  { name: '100 @include spread over fields', query: `{ ${Array.from({ length: 100 }, () => 'stats @include(if: true) { actors }').join(' ')} }`, check: checks.status(400) },
  { name: '50 directives (at the limit)', query: `{ ${Array.from({ length: 50 }, () => 'stats @include(if: true) { actors }').join(' ')} }`, check: checks.answered },
  { name: '@defer (not supported by graphql 16)', query: '{ stats @defer { actors } }', check: checks.status(400) },
  { name: 'an unknown directive ×100', query: `{ stats ${'@nope '.repeat(100)}{ actors } }`, check: checks.status(400) },
  { name: 'fragment spreading itself', query: `fragment A on Actor { id ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle A→B→A', query: `fragment A on Actor { ...B } fragment B on Actor { ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle A→B→C→A', query: `fragment A on Actor { ...B } fragment B on Actor { ...C } fragment C on Actor { id ...A } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  { name: 'fragment cycle through a nested field', query: `fragment A on Actor { relationships { from { ...A } } } { actor(id: "${seed.actor}") { ...A } }`, check: checks.status(400) },
  ...(
    [
      [3, 10],
      [3, 20],
      [4, 5],
      [4, 40],
      [5, 5],
      [8, 3],
      [40, 3],
    ] as const
  ).map(([levels, width]): GraphQLCase => ({
    name: `fragment spread bomb on Actor: ${levels} levels × ${width}`,
    query: `{ actor(id: "${seed.actor}") { ...F${levels} } } ${spreadBomb('Actor', 'id name relationships { id }', levels, width)}`,
    check: checks.within(5_000),
  })),
  ...(
    [
      [3, 10],
      [4, 30],
      [6, 6],
    ] as const
  ).map(([levels, width]): GraphQLCase => ({
    name: `fragment spread bomb on Query: ${levels} levels × ${width}`,
    query: `{ ...F${levels} } ${spreadBomb('Query', 'sources(first: 500) { text } stats { actors }', levels, width)}`,
    check: checks.all(checks.within(5_000), checks.bounded(maxBombBytes)),
  })),
  { name: 'inline fragments nested 600 deep', query: `{ ${'... on Query { '.repeat(600)}__typename${' }'.repeat(600)} }`, check: checks.status(400) },
  { name: 'an anonymous and a named operation', query: '{ stats { actors } } query Named { stats { sources } }', check: checks.status(400) },
  { name: 'two anonymous operations', query: '{ stats { actors } } { stats { sources } }', check: checks.status(400) },
  { name: 'two named operations, no operationName', query: 'query A { stats { actors } } query B { stats { sources } }', check: checks.status(400) },
  { name: 'two named operations, operationName picks one', query: 'query A { stats { actors } } query B { stats { sources } }', operationName: 'B', check: checks.answered },
  { name: 'an operationName that does not exist', query: 'query A { stats { actors } }', operationName: 'Nope', check: checks.status(400) },
  { name: 'an operationName for an anonymous operation', query: '{ stats { actors } }', operationName: 'A', check: checks.status(400) },
  { name: 'a 100 KB operationName', query: 'query A { stats { actors } }', operationName: 'A'.repeat(100_000), check: checks.status(400) },
  { name: 'a mutation the schema does not have', query: 'mutation { deleteEverything }', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'mutation with a selection of Query fields', query: 'mutation M { stats { actors } }', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'a write without a token', query: 'mutation { retractClaim(id: "islam-karimov--leads--uzbekistan--rferl-2015-04", reason: "x") { id } }', check: checks.all(checks.status(200), checks.says(/needs a bearer token/)) },
  { name: 'subscription', query: 'subscription { stats { actors } }', check: checks.all(checks.status(400), checks.says(/subscription/)) },
  { name: 'a query and a mutation, operationName the query', query: 'query Q { stats { actors } } mutation M { stats { actors } }', operationName: 'Q', check: checks.all(checks.status(400), checks.says(/Mutation/)) },
  { name: 'a fragment on Mutation', query: 'fragment F on Mutation { x } { stats { actors } }', check: checks.status(400) },
  { name: 'nested introspection __schema.types.fields.type…', query: deepIntrospection, check: checks.bounded(maxBombBytes) },
  { name: '__type ofType chain', query: `{ __type(name: "Actor") { fields { type { ${'ofType { '.repeat(8)}name${' }'.repeat(8)} } } } }`, check: checks.bounded(maxBombBytes) },
  {
    name: '30 aliases of the full introspection of types',
    query: `{ ${Array.from({ length: 30 }, (_, i) => `i${i}: __schema { types { name fields { name args { name type { name } } type { name ofType { name } } } } }`).join(' ')} }`,
    check: checks.bounded(maxBombBytes),
  },
  { name: '__type with a hostile name', query: `{ __type(name: "') MATCH (n) DETACH DELETE n //") { name } }`, check: checks.answered },
  { name: 'empty document', query: '', check: checks.status(400) },
  { name: 'whitespace document', query: ' \n\t ', check: checks.status(400) },
  { name: 'only a fragment', query: 'fragment F on Actor { id }', check: checks.status(400) },
  { name: 'empty selection', query: '{}', check: checks.status(400) },
  { name: 'unclosed selection', query: '{ stats { actors }', check: checks.status(400) },
  { name: 'a raw NUL in the document', query: '{ stats\u0000 { actors } }', check: checks.status(400) },
  { name: 'a lone surrogate escape in a string', query: '{ search(text: "\\ud800") { id } }', check: checks.status(400) },
  { name: 'a raw lone surrogate in a string', query: '{ search(text: "\ud800") { id } }' },
  { name: 'a block string with Cypher', query: '{ search(text: """\') MATCH (n) DETACH DELETE n //""") { id } }', check: checks.answered },
  { name: 'an unknown field', query: '{ dropDatabase }', check: checks.status(400) },
  { name: 'a 100 KB field name', query: `{ ${'f'.repeat(100_000)} }`, check: checks.status(400) },
  { name: 'a field on a leaf', query: '{ stats { actors { x } } }', check: checks.status(400) },
  { name: 'an unknown argument', query: '{ stats(drop: true) { actors } }', check: checks.status(400) },
  { name: 'a variable of an unknown type', query: 'query ($v: Nope) { stats { actors } }', check: checks.status(400) },
  { name: 'an undefined variable', query: '{ actor(id: $nope) { id } }', check: checks.status(400) },
  { name: 'a variable default of the wrong type', query: 'query ($v: Int = "x") { actors(first: $v) { totalCount } }', check: checks.status(400) },
  { name: 'a variable used as the wrong type', query: 'query ($v: String) { actors(first: $v) { totalCount } }', variables: { v: 'x' }, check: checks.status(400) },
  { name: '1,000 unused variables', query: `query (${Array.from({ length: 1_000 }, (_, i) => `$v${i}: Int`).join(' ')}) { stats { actors } }`, check: checks.status(400) },
  { name: 'a __proto__ variable', query: 'query ($id: ID!) { actor(id: $id) { id } }', variables: JSON.parse(`{"__proto__": {"polluted": true}, "id": "${seed.actor}"}`) as Record<string, unknown>, check: checks.answered },
  {
    name: 'variables with 50,000 undeclared keys',
    query: 'query ($id: ID!) { actor(id: $id) { id } }',
    variables: Object.fromEntries([['id', seed.actor], ...Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i])]) as Record<string, unknown>,
    check: checks.answered,
  },
  { name: '__typename only (odd but legal)', query: '{ __typename }', check: checks.answered },
];

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

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

describe('hostile requests against the real server', () => {
  const setup = seededApp();
  let hashBefore = '';
  let unwatchServerLog = () => {};
  before(async () => {
    await ensureWebBuild(); // the web app's paths are attacked too, as `npm start` serves them
    hashBefore = await contentHash(setup.db);
    unwatchServerLog = watchServerLog();
  });
  after(() => unwatchServerLog());
  const url = () => setup.app.url;

  describe('String and ID arguments (from the schema)', () => {
    const targets = argumentTargets(isStringOrId);
    it('finds the String and ID arguments of Query and of nested fields', () => {
      const labels = targets.map((t) => t.label);
      for (const expected of ['Query.actor(id)', 'Query.search(text)', 'Query.relationships(after)', 'Actor.relationships(asOf)']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    });
    for (const target of targets) {
      it(`${target.label}: injection, Lucene, unicode, huge, empty and blank values`, async () => noProblems(await runGraphQLCases(url(), 'String/ID arguments', stringCases(target))));
    }
  });

  describe('Int arguments (from the schema)', () => {
    const targets = argumentTargets(isInt);
    it('finds the Int arguments of Query and of nested fields', () => {
      const labels = targets.map((t) => t.label);
      for (const expected of ['Query.neighborhood(depth)', 'Query.shortestPath(maxDepth)', 'Actor.mentions(first)', 'Source.relationships(first)']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    });
    for (const target of targets) {
      it(`${target.label}: -1, 0, 2^31-1, 2^31, 1.5, a string, null`, async () => noProblems(await runGraphQLCases(url(), 'Int arguments', intCases(target))));
    }
  });

  describe('list arguments (from the schema)', () => {
    for (const target of argumentTargets(isList)) {
      it(`${target.label}: 30,000 entries refused fast; duplicates within the bound accepted; unknown values and nulls refused`, async () =>
        noProblems(await runGraphQLCases(url(), 'list arguments', listCases(target))));
    }
  });

  describe('asOf dates (from the schema)', () => {
    for (const target of argumentTargets((arg) => arg.name === 'asOf')) {
      it(`${target.label}: odd years answered, impossible dates refused naming asOf`, async () => noProblems(await runGraphQLCases(url(), 'asOf dates', asOfCases(target))));
    }
  });

  describe('documents', () => {
    it('token, depth, alias and directive limits, fragment cycles and bombs, operations, introspection, malformed documents', async () =>
      noProblems(await runGraphQLCases(url(), 'documents', documentCases)));
  });

  describe('nested-list bombs', () => {
    const bombs = generatedBombs();
    it('generates a bomb through every list field that can nest', () => {
      const names = bombs.map((b) => b.name).join('\n');
      for (const list of ['Actor.relationships', 'Actor.mentions', 'Actor.figures', 'Source.relationships', 'Relationship.conflictsWith', 'Query.sources', 'Query.timeline', 'Subgraph.relationships']) {
        assert.ok(names.includes(`${list}:`), `a bomb through ${list} in\n${names}`);
      }
    });
    it('every list nested to the depth limit, with default and with the largest sizes: refused, or answered small', async () =>
      noProblems(await runGraphQLCases(url(), 'nested-list bombs', bombs)));
    it('the bombs written out, and wide ones (30 aliases of a large list)', async () =>
      noProblems(await runGraphQLCases(url(), 'nested-list bombs', namedBombs.map(([name, query]) => ({ name, query, check: checks.bounded(maxBombBytes) })))));
  });

  describe('HTTP', () => {
    it('malformed request lines, paths and headers over a raw socket', async () => noProblems(await runHttpCases(url(), 'HTTP: raw requests', rawRequestCases)));
    it('methods other than GET and POST on /graphql, / and /health', async () => noProblems(await runHttpCases(url(), 'HTTP: methods', methodCases)));
    it('bodies and content types', async () => noProblems(await runHttpCases(url(), 'HTTP: bodies', bodyCases)));
    it('GET /graphql with a query string', async () => noProblems(await runHttpCases(url(), 'HTTP: GET /graphql', getCases)));
  });

  describe('after the corpus', () => {
    it('still answers /health', async () => {
      const answer = await send(`${url()}/health`, {});
      assert.equal(answer.status, 200, snippet(answer));
    });
    it('still answers { stats { actors } }', async () => {
      const answer = await postGraphQL(url(), { query: '{ stats { actors } }' });
      assert.equal(answer.status, 200, snippet(answer));
      const body = parseGraphQLBody(answer.body) as { data?: { stats?: { actors?: number } } } | undefined;
      assert.ok((body?.data?.stats?.actors ?? 0) > 0, snippet(answer));
    });
    it('left the database exactly as it was', async () => assert.equal(await contentHash(setup.db), hashBefore));
    it('logged no internal error, uncaught exception or unhandled rejection', () => assert.deepEqual(serverFailures, []));
    it('sent at least 300 hostile requests (summary per class)', () => {
      console.log(`\nHostile corpus:\n${summaryTable()}\n`);
      assert.ok(corpusTotal() >= 300, `only ${corpusTotal()} requests`);
    });
  });

  // Writes change the database, so they come after the check that nothing else did, and the seed is loaded afresh after them.
  describe('writes (every mutation argument and input field, with an admin token)', () => {
    reseedAfterwards();
    const headers: Record<string, string> = {};
    before(async () => {
      headers.authorization = `Bearer ${await createToken(setup.db, `hostile-admin-${process.pid}-${Date.now()}`, 'admin')}`;
    });
    const targets = writeTargets();
    it('finds every mutation, and the fields of its inputs', () => {
      assert.deepEqual(Object.keys(writeCalls).sort(), Object.keys(mutationType.getFields()).sort(), 'writeCalls has a call of every mutation');
      const labels = targets.map((t) => t.label);
      for (const expected of ['addSource(input.text)', 'addClaim(input.quotes)', 'updateClaim(expectedVersion)', 'updateActor(patch.aliases)', 'retractClaim(reason)']) {
        assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
      }
    });
    for (const target of targets) {
      it(`${target.label}: injection, unicode, huge, empty, out-of-range and over-long values`, async () =>
        noProblems(await runGraphQLCases(url(), 'mutation arguments', writeCases(target, headers))));
    }
    it('still answers, and logged no internal error, uncaught exception or unhandled rejection', async () => {
      const answer = await postGraphQL(url(), { query: '{ stats { actors } }' });
      assert.equal(answer.status, 200, snippet(answer));
      assert.deepEqual(serverFailures, []);
    });
  });
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

// ---------------------------------------------------------------------------------------------
// The rest of the probe (issue 22): text that UTF-8 cannot store, claims and names that cannot
// be, counts that must agree with the lists, a flood of wrong Neo4j passwords, web pages on Bolt
// ---------------------------------------------------------------------------------------------

/** A lone surrogate added to the value the call would otherwise send (or to "x"): a list gets one such entry. */
function withLoneSurrogate(target: WriteTarget): unknown {
  const [arg, inner] = target.path;
  const call = writeCalls[target.field.name]!;
  const given = inner === undefined ? call[arg] : (call[arg] as Record<string, unknown> | undefined)?.[inner];
  const first = Array.isArray(given) ? given[0] : given;
  const value = `${typeof first === 'string' ? first : 'x'}\ud800`;
  return isListType(getNullableType(target.type)) ? [value] : value;
}

/** Refused, naming the field: BAD_USER_INPUT at it (or inside it), or NOT_FOUND for an id that names nothing. */
const refusedAt =
  (path: string): Check =>
  (answer, body) => {
    const error = firstError(body);
    const name = error?.extensions?.argumentName ?? '';
    const at = name === path || name.startsWith(`${path}[`);
    if (at && (error?.extensions?.code === 'BAD_USER_INPUT' || error?.extensions?.code === 'NOT_FOUND')) return undefined;
    return `expected BAD_USER_INPUT or NOT_FOUND naming ${path}, got ${snippet(answer)}`;
  };

describe('lone surrogates, impossible claims, dates and names, refused on the one path (API and seed files)', () => {
  const setup = seededApp();
  const headers: Record<string, string> = {};
  let hashBefore = '';
  before(async () => {
    headers.authorization = `Bearer ${await createToken(setup.db, `hostile-probe-${process.pid}-${Date.now()}`, 'admin')}`;
    hashBefore = await contentHash(setup.db);
  });
  const url = () => setup.app.url;
  const gql = (query: string, variables: Record<string, unknown>) => postGraphQL(url(), { query, variables }, headers);
  const textTargets = writeTargets().filter((target) => ['String', 'ID'].includes(getNamedType(target.type).name));

  it('a lone surrogate in every String and ID argument and input field of every mutation is refused, naming it', async () => {
    assert.ok(textTargets.length >= 30, `only ${textTargets.length} targets`);
    const cases = textTargets.map((target) => writeCase(target, 'a lone surrogate', withLoneSurrogate(target), headers, refusedAt(target.path.join('.'))));
    noProblems(await runGraphQLCases(url(), 'lone surrogates', cases));
  });

  const refusal = async (query: string, variables: Record<string, unknown>, argumentName: string, says: RegExp) => {
    const answer = await gql(query, variables);
    record('impossible entries', answer);
    const error = firstError(parseGraphQLBody(answer.body));
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', snippet(answer));
    assert.equal(error?.extensions?.argumentName, argumentName, snippet(answer));
    assert.match(error?.message ?? '', says);
  };
  const addClaim = 'mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }';
  const addActor = 'mutation ($input: AddActorInput!) { addActor(input: $input) { id } }';
  const updateActor = 'mutation ($id: ID!, $v: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $v, patch: $patch) { id } }';
  const claimInput = writeCalls.addClaim!.input as Record<string, unknown>;

  it('a claim whose subject is its object', () =>
    refusal(addClaim, { input: { ...claimInput, object: claimInput.subject } }, 'input.object', /is the subject too/));

  it('year 0000, in a claim and in a source', async () => {
    await refusal(addClaim, { input: { ...claimInput, since: '0000' } }, 'input.since', /year 0000/);
    await refusal(addClaim, { input: { ...claimInput, until: '0000-12-31' } }, 'input.until', /year 0000/);
    const source = writeCalls.addSource!.input as Record<string, unknown>;
    await refusal('mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }', { input: { ...source, published: '0000-01' } }, 'input.published', /year 0000/);
  });

  it('NUL and zero-width characters in names and aliases', async () => {
    for (const [name, char] of [['Islamic\u0000State', 'U\\+0000'], ['Islamic\u200BState', 'U\\+200B'], ['Da\u200Dish', 'U\\+200D'], ['\u2060Daesh', 'U\\+2060']] as const) {
      await refusal(addActor, { input: { name, kind: 'GROUP' } }, 'input.name', new RegExp(`${char}, a control or invisible character`));
    }
    const [actor] = await setup.db.read<{ version: number }>('MATCH (a:Actor {id: $id}) RETURN coalesce(a.version, 1) AS version', { id: seed.person });
    await refusal(updateActor, { id: seed.person, v: actor!.version, patch: { aliases: ['Malikov', 'Kadyr\u200CMalikov'] } }, 'patch.aliases[1]', /U\+200C/);
    // Between two letters of the Arabic script the non-joiner is spelling (Persian), not a trick.
    await refusal(updateActor, { id: seed.person, v: actor!.version, patch: { aliases: ['\u200C\u062F\u0648\u0644\u062A'] } }, 'patch.aliases[0]', /U\+200C/);
    // Accepted: so the write goes on to its version check (a stale version, so nothing is written).
    const persian = '\u062F\u0648\u0644\u062A\u200C\u0627\u0633\u0644\u0627\u0645\u06CC';
    const answer = await gql(updateActor, { id: seed.person, v: actor!.version + 100, patch: { aliases: [persian] } });
    assert.equal(firstError(parseGraphQLBody(answer.body))?.extensions?.code, 'CONFLICT', snippet(answer));
  });

  it("renaming an actor onto another actor's exact name, pointing to mergeActors", async () => {
    const [row] = await setup.db.read<{ version: number; other: string }>(
      'MATCH (a:Actor {id: $id}), (o:Actor {id: $other}) RETURN coalesce(a.version, 1) AS version, o.name AS other',
      { id: seed.person, other: seed.otherActor },
    );
    await refusal(updateActor, { id: seed.person, v: row!.version, patch: { name: row!.other } }, 'patch.name', new RegExp(`is the name of actor ${seed.otherActor}.*mergeActors`));
  });

  it('wrote nothing', async () => assert.equal(await contentHash(setup.db), hashBefore));

  it('the seed loader refuses the same, naming file, line and field', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-seed-'));
    try {
      const [dataDir, sourcesDir] = [path.join(root, 'data'), path.join(root, 'sources')];
      fs.mkdirSync(dataDir);
      fs.mkdirSync(sourcesDir);
      fs.writeFileSync(path.join(sourcesDir, 'one.txt'), 'The Example Group works with the Example Group.\n');
      fs.writeFileSync(
        path.join(dataDir, 'a.yaml'),
        [
          'source:',
          '  id: probe-a',
          '  file: one.txt',
          '  title: "A title \\uD800"',
          '  published: "0000-03"',
          'actors:',
          '  - id: nul-actor',
          '    kind: Group',
          '    name: "Nul\\0Actor"',
          '  - id: zero-width-actor',
          '    kind: Group',
          '    name: "Zero\\u200BWidth"',
          '    description: "\\uDC00 alone"',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(dataDir, 'b.yaml'),
        [
          'source:',
          '  id: probe-b',
          '  file: one.txt',
          '  title: Probe',
          'actors:',
          '  - id: example-group',
          '    kind: Group',
          '    name: Example Group',
          'claims:',
          '  - id: example-group--cooperates-with--example-group--probe-b',
          '    type: COOPERATES_WITH',
          '    subject: example-group',
          '    object: example-group',
          '    stance: ASSERTED',
          '    quotes: ["The Example Group works with the Example Group"]',
          '',
        ].join('\n'),
      );
      let problems: string[] = [];
      try {
        validateSeed({ dataDir, sourcesDir });
      } catch (error) {
        assert.ok(error instanceof SeedValidationError, String(error));
        problems = error.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.path}: ${p.message}`);
      }
      const expected = [
        /^a\.yaml:4 source\.title: holds an unpaired UTF-16 surrogate/,
        /^a\.yaml:5 source\.published: has year 0000/,
        /^a\.yaml:9 actors\[0\]\.name: holds U\+0000/,
        /^a\.yaml:12 actors\[1\]\.name: holds U\+200B/,
        /^a\.yaml:13 actors\[1\]\.description: holds an unpaired UTF-16 surrogate/,
        /^b\.yaml:13 claims\[0\]\.object: is the subject too \("example-group"\)/,
      ];
      for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `${String(pattern)} in\n${problems.join('\n')}`);
      assert.equal(problems.length, expected.length, problems.join('\n'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('stats count what the lists show, retracted relationships apart', () => {
  const setup = seededApp();
  reseedAfterwards();
  let token = '';
  before(async () => {
    token = await createToken(setup.db, `hostile-stats-${process.pid}-${Date.now()}`, 'admin');
  });
  interface Counts {
    stats: { relationships: number; retractedRelationships: number; claims: number; retractedClaims: number };
    live: { totalCount: number };
    all: { totalCount: number };
    liveClaims: { totalCount: number };
    allClaims: { totalCount: number };
  }
  const counts = async () => {
    const { body } = await setup.app.graphql<Counts>(
      `{ stats { relationships retractedRelationships claims retractedClaims }
         live: relationships { totalCount } all: relationships(includeRetracted: true) { totalCount }
         liveClaims: claims { totalCount } allClaims: claims(includeRetracted: true) { totalCount } }`,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data!;
  };
  const agree = (c: Counts) => {
    assert.equal(c.stats.relationships, c.live.totalCount, 'stats.relationships as the list');
    assert.equal(c.stats.retractedRelationships, c.all.totalCount - c.live.totalCount, 'the retracted ones apart');
    assert.equal(c.stats.claims, c.liveClaims.totalCount, 'stats.claims as the list');
    assert.equal(c.stats.retractedClaims, c.allClaims.totalCount - c.liveClaims.totalCount);
  };

  it('agree before and after the only claim of a relationship is retracted', async () => {
    const before = await counts();
    agree(before);
    const [lone] = await setup.db.read<{ id: string }>(
      `MATCH (c:Claim) WHERE c.retracted IS NULL WITH c.relationship AS relationship, collect(c.id) AS ids WHERE size(ids) = 1
       RETURN ids[0] AS id ORDER BY id LIMIT 1`,
    );
    const retracted = await setup.app.graphql('mutation ($id: ID!) { retractClaim(id: $id, reason: "stats probe") { id } }', { id: lone!.id }, token);
    assert.equal(retracted.body.errors, undefined, JSON.stringify(retracted.body.errors));
    const afterwards = await counts();
    agree(afterwards);
    assert.equal(afterwards.stats.relationships, before.stats.relationships - 1);
    assert.equal(afterwards.stats.retractedRelationships, before.stats.retractedRelationships + 1);
    assert.equal(afterwards.stats.claims, before.stats.claims - 1);
  });
});

/** An HTTP request on the Bolt port as a web page's WebSocket would open it: its status (101 when upgraded). */
function boltUpgrade(port: number, origin: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', Origin: origin },
    });
    request.setTimeout(10_000, () => request.destroy(new Error('no answer to the upgrade in 10 s')));
    request.once('upgrade', (response, socket) => (socket.destroy(), resolve(response.statusCode)));
    request.once('response', (response) => (response.resume(), resolve(response.statusCode)));
    request.once('error', reject);
    request.end();
  });
}

describe('a flood of wrong Neo4j passwords, and web pages on Bolt (a Neo4j of its own)', () => {
  /** Wrong-password logins in the flood, and how many at once. */
  const floodLogins = 600;
  const floodConcurrency = 20;
  const home = tempHome('neo4j-flood-');
  let config: Config;
  let running: RunningNeo4j | undefined;
  before(async () => {
    config = loadConfig({
      NEO4J_LOCAL_HOME: home,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: String(await freePort()),
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '64m',
    });
    running = await startLocalNeo4j(config);
  });
  after(async () => {
    await running?.stop();
    removeInstance(home);
  });

  /** Whether a driver with this password logs in (and runs a query); the refusal's code when not. */
  const login = async (password: string): Promise<string> => {
    const driver = createDriver({ ...config.neo4j, password });
    try {
      await driver.executeQuery('RETURN 1', {}, { database: config.neo4j.database });
      return 'ok';
    } catch (error) {
      return String((error as { code?: string }).code);
    } finally {
      await driver.close();
    }
  };

  it('the password flood leaves the API connected', async () => {
    const codes = new Map<string, number>();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: floodConcurrency }, async () => {
        for (let i = next++; i < floodLogins; i = next++) {
          const code = await login(`wrong-${i}`);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${floodLogins} wrong-password logins in ${seconds.toFixed(1)} s (${Math.round(floodLogins / seconds)}/s): ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    assert.deepEqual([...codes], [['Neo.ClientError.Security.Unauthorized', floodLogins]], 'each refused as a wrong password, none locked out');

    const right = await Promise.all(Array.from({ length: 40 }, () => login(config.neo4j.password)));
    assert.deepEqual(right.filter((code) => code !== 'ok'), [], '40 of 40 logins with the right password succeed');
    // A restarted API: connect() reuses the running server and verifies its login.
    const connection = await connect(config);
    try {
      assert.deepEqual(await connection.db.read('RETURN 1 AS one'), [{ one: 1 }]);
    } finally {
      await connection.close();
    }
  });

  it('a wrong password is refused at once at start-up, not retried as a rate limit would be', async () => {
    const driver = createDriver({ ...config.neo4j, password: 'wrong' });
    const started = Date.now();
    try {
      await assert.rejects(verifyThroughRateLimit(driver, config.neo4j.database, config.limits), /Unauthorized|authentication failure/i);
    } finally {
      await driver.close();
    }
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });

  it("refuses a WebSocket upgrade on Bolt from a foreign web origin, and accepts Neo4j Browser's own", async () => {
    const { boltPort, httpPort } = config.local;
    for (const origin of ['http://evil.example', 'null', `http://localhost:${httpPort + 1}`, `https://localhost:${httpPort}`]) {
      assert.equal(await boltUpgrade(boltPort, origin), 403, `Origin: ${origin}`);
    }
    for (const origin of [`http://localhost:${httpPort}`, `http://127.0.0.1:${httpPort}`]) {
      assert.equal(await boltUpgrade(boltPort, origin), 101, `Origin: ${origin}`);
    }
    assert.equal(await login(config.neo4j.password), 'ok', 'drivers (no web origin) still connect');
  });
});
