// The benchmark's peer: the API @neo4j/graphql generates (bench/peerServer.ts), started as a
// child process of its own (src/cli/benchPeer.ts) so that its memory can be measured, and the closest request it can
// make for each benchmark operation, with what differs from this project's API said in `note`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { apiLimits, projectRoot } from '../src/config.ts';
import { parsePartialDate } from '../src/domain/partialDate.ts';
import { actorQuery } from '../src/graph/search.ts';
import { relationshipTypes } from '../src/domain/vocabulary.ts';
import { isNeighborhood, neighborhoods, type OperationName, type Probes } from './operations.ts';
import { relationshipFields } from './peerTypeDefs.ts';

export interface Peer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const serverScript = path.join(projectRoot, 'src', 'cli', 'benchPeer.ts');

/** The last `max` characters of what a stream wrote, for error messages. */
function tail(stream: NodeJS.ReadableStream, max = 8_000): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-max);
  });
  return () => text.trim();
}

/**
 * Starts the peer on `port` (0: any free one) and resolves once it prints that it is listening;
 * rejects with what it printed when it exits first or is not ready within `timeoutMs`.
 */
export function startPeer(options: { port: number; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Peer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: projectRoot,
    env: { ...options.env, PEER_PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = tail(child.stderr);
  const stdout = tail(child.stdout);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise<Peer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (why: string) => settle(() => void stop().then(() => reject(new Error(`The @neo4j/graphql peer (${serverScript}) ${why}:\n${stderr() || stdout() || '(no output)'}`))));
    const timer = setTimeout(() => fail(`was not ready within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
    child.once('error', (error) => settle(() => reject(new Error(`The @neo4j/graphql peer (${serverScript}) could not start: ${error.message}`))));
    child.stdout.on('data', () => {
      const url = /peer listening on (\S+)/.exec(stdout())?.[1];
      if (url && child.pid !== undefined) settle(() => resolve({ url, pid: child.pid!, stop }));
    });
  });
}

export type PeerRequest = { query: string; variables: Record<string, unknown>; note?: string } | { unsupported: string };

const first = apiLimits.defaultListSize;
const contested = ['ALLEGED', 'DISPUTED'];

/** Every relationship field of an actor: the type, its direction and the field's name. */
const everyField = relationshipTypes.flatMap((type) => {
  const names = relationshipFields(type);
  return [
    { type, direction: 'OUT' as const, field: names.out },
    { type, direction: 'IN' as const, field: names.in },
  ];
});
type RelationshipField = (typeof everyField)[number];

// What each answer selects: what this project's API is asked for in the benchmark (bench/apiQueries.ts).
const claimFields = 'id stance observedAt subject { id name } object { id name } evidenceConnection { edges { properties { quote } node { title } } }';
const liveClaims = 'retracted: {eq: null}';
const liveEdges = `where: {edge: {${liveClaims}}}`;
/**
 * asOf (its parameters $asOfStart, $asOfEnd; src/domain/succession.ts): held by the date's end, not ended before its start. A
 * relationship keeps when it holds (heldFromStart, heldUntilEnd); a claim holds from its since, else from its source's publication.
 */
const relationshipAsOf = 'AND: [{OR: [{heldFromStart: {eq: null}}, {heldFromStart: {lte: $asOfEnd}}]}, {OR: [{heldUntilEnd: {eq: null}}, {heldUntilEnd: {gte: $asOfStart}}]}]';
const claimAsOf =
  'AND: [{OR: [{sinceStart: {lte: $asOfEnd}}, {AND: [{sinceStart: {eq: null}}, {OR: [{observedStart: {eq: null}}, {observedStart: {lte: $asOfEnd}}]}]}]}, {OR: [{untilEnd: {eq: null}}, {untilEnd: {gte: $asOfStart}}]}]';

/** One list of relationships per field, aliased by the field's name: `edges { properties { <props> } node { <node> } }`. */
const connections = (fields: RelationshipField[], args: string, props: string, node: (f: RelationshipField) => string) =>
  fields.map((f) => `${f.field}: ${f.field}Connection(${args}) { edges { properties { ${props} } node { ${node(f)} } } }`).join('\n');

/**
 * The claims of the relationship an edge of actor $id stands for, read from its other end: the
 * claims with the same type, subject and object (a relationship's claims are not reachable
 * from the edge, which can have no fields of its own).
 */
const claimsOfEdge = (f: RelationshipField, args = '') =>
  f.direction === 'OUT'
    ? `objectOf(where: {type: {eq: ${f.type}}, subject: {id: {eq: $id}}, ${liveClaims}}${args})`
    : `subjectOf(where: {type: {eq: ${f.type}}, object: {id: {eq: $id}}, ${liveClaims}}${args})`;

const byDate = 'sort: [{edge: {sinceStart: ASC}}, {edge: {id: ASC}}]';
const byId = 'sort: [{edge: {id: ASC}}]';

function actorRequest(probes: Probes): PeerRequest {
  const claims = (f: RelationshipField) =>
    `${claimsOfEdge(f, `, limit: ${first}, sort: [{observedStart: DESC}, {id: ASC}]`)} { stance evidenceConnection { edges { properties { quote } node { title } } } }`;
  const lists = connections(everyField, `${liveEdges}, first: ${first}, ${byDate}`, 'id status since sinceStart', (f) => `id name ${claims(f)}`);
  return {
    query: `query($id: ID!) { actors(where: {id: {eq: $id}}, limit: 1) { id name ${lists} } }`,
    variables: { id: probes.hub },
    note:
      `No list of an actor's relationships of every type: one list per type and direction (${everyField.length}), each its first ${first} by date; ` +
      `the first ${first} of them all are chosen by the client (peerAnswerIds). A relationship's claims are those of the same subject, type and ` +
      'object (relationships that differ only by role share them), and undated claims would come first rather than last (Neo4j puts nulls first when descending).',
  };
}

function searchRequest(probes: Probes): PeerRequest {
  return {
    query: 'query($phrase: String!) { actorsByName(phrase: $phrase, first: 10, sort: [{score: DESC}, {node: {name: ASC}}]) { edges { node { id name } } } }',
    variables: { phrase: actorQuery(probes.searchText)!.query },
    note:
      'The full-text query is Lucene syntax written by the client (the same exact, prefix and fuzzy ~ terms the API builds from the text); ' +
      'the peer passes it as is, so a phrase with a syntax error is an error. Ranked by score alone: the API ranks an exact name or alias first.',
  };
}

const hop = connections(everyField, liveEdges, 'id status', () => 'id name');

/**
 * Depth 1: the actor's relationship lists. Depth 2 is not a second level of nesting: that makes
 * 36 x 36 = 1,296 lists in one statement, which Neo4j 5.26 did not finish planning in ten minutes even on
 * the seed; it asks instead for the actors with a relationship to this one, each with its lists.
 */
function neighborhoodRequest(id: string, depth: 1 | 2): PeerRequest {
  const adjacent = everyField.map((f) => `{${f.field}Connection: {some: {node: {id: {eq: $id}}, edge: {${liveClaims}}}}}`).join(', ');
  const second = depth === 2 ? `neighbors: actors(where: {OR: [${adjacent}]}) { id name ${hop} }` : '';
  return {
    query: `query($id: ID!) { actors(where: {id: {eq: $id}}, limit: 1) { id name ${hop} } ${second} }`,
    variables: { id },
    note:
      `One relationship list per type and direction (${everyField.length}), each complete: no bound on the actors in all (the API stops at ` +
      '`limit`, 200 by default).' +
      (depth === 2
        ? ` The second hop is the actors with a relationship to this one (a filter of ${everyField.length} conditions), each with its lists: ` +
          `nesting it instead gives ${everyField.length ** 2} lists in one statement that Neo4j did not plan within ten minutes.`
        : '') +
      ' Answer ids: the actors reached, sorted (a subgraph has no order).',
  };
}

function relationshipsAsOfRequest(probes: Probes): PeerRequest {
  const fields = everyField.filter((f) => f.direction === 'OUT' && (probes.types.length === 0 || probes.types.includes(f.type)));
  const edge = `{${liveClaims}, ${relationshipAsOf}}`;
  const some = fields.map((f) => `{${f.field}Connection: {some: {edge: ${edge}}}}`).join(', ');
  const lists = connections(fields, `where: {edge: ${edge}}, ${byId}`, 'id status since until', () => 'id name');
  return {
    query: `query($asOfStart: String!, $asOfEnd: String!) { actors(where: {OR: [${some}]}) { id name ${lists} } }`,
    variables: asOfVariables(probes.asOf),
    note:
      'No query of relationships: the actors that have one are found, with each its relationships that hold then, and the page is cut by the ' +
      `client (peerAnswerIds: the first ${first} by id, after every match is fetched). The API puts the relationship observed latest by the date first; ` +
      'that order needs the claims and cannot be asked for, so beyond one page the ids differ.',
  };
}

function asOfVariables(asOf: string) {
  const date = parsePartialDate(asOf);
  if (!date) throw new Error(`probes.asOf "${asOf}" is not a partial date`);
  return { asOfStart: date.start, asOfEnd: date.end };
}

/** Relationships through the claims of a claimant or a source: only their ids (an edge is not reachable from a claim). */
function relationshipsThroughClaims(root: 'actors' | 'sources', id: string): PeerRequest {
  return {
    query: `query($id: ID!) { ${root}(where: {id: {eq: $id}}, limit: 1) { id claims(where: {${liveClaims}}, sort: [{relationship: ASC}, {id: ASC}]) { relationship type subject { id name } object { id name } } } }`,
    variables: { id },
    note:
      'No query of relationships, and a claim cannot lead to its relationship (an edge): the claims are fetched, every one, and the ' +
      `client takes the first ${first} distinct relationship ids; the relationships' own fields (status, dates) need another request.`,
  };
}

function claimsAsOfRequest(probes: Probes): PeerRequest {
  const where = (observed: string) => `where: {${liveClaims}, ${claimAsOf}, ${observed}}`;
  return {
    query: `query($asOfStart: String!, $asOfEnd: String!) {
      seen: claims(${where('observedStart: {lte: $asOfEnd}')}, limit: ${first}, sort: [{observedStart: DESC}, {id: ASC}]) { ${claimFields} }
      unseen: claims(${where('OR: [{observedStart: {eq: null}}, {observedStart: {gt: $asOfEnd}}]')}, limit: ${first}, sort: [{id: ASC}]) { ${claimFields} }
    }`,
    variables: asOfVariables(probes.asOf),
    note:
      'Two lists (claims observed by the date, latest first; then the others by id), since a sort key cannot be computed; ' +
      `the client joins them and keeps the first ${first}. No cursor to page on with.`,
  };
}

/** A claimant's or a source's claims: the first page by id. */
function claimsOfRoot(root: 'actors' | 'sources', id: string): PeerRequest {
  return {
    query: `query($id: ID!) { ${root}(where: {id: {eq: $id}}, limit: 1) { id claims(where: {${liveClaims}}, limit: ${first}, sort: [{id: ASC}]) { ${claimFields} } } }`,
    variables: { id },
  };
}

function contestedRequest(probes: Probes): PeerRequest {
  const where = `where: {edge: {${liveClaims}, status: {in: [${contested.join(', ')}]}}}, first: ${first}, ${byId}`;
  const lists = connections(everyField, where, 'id status', (f) => `id name ${claimsOfEdge(f)} { claimedBy { id name } disputedBy { id name } }`);
  return {
    query: `query($id: ID!) { actors(where: {id: {eq: $id}}, limit: 1) { id name ${lists} } }`,
    variables: { id: probes.hub },
    note:
      `One list per type and direction (${everyField.length}), each its first ${first} by id; the client keeps the first ${first} of them all. ` +
      'Claimants and disputers come from the claims of the same subject, type and object (relationships differing only by role share them).',
  };
}

function quoteSearchRequest(probes: Probes): PeerRequest {
  return {
    query: `query($text: String!) { claims(where: {${liveClaims}, evidenceConnection: {some: {edge: {quote: {caseInsensitive: {contains: $text}}}}}}, limit: ${first}, sort: [{id: ASC}]) { ${claimFields} } }`,
    variables: { text: probes.quoteText },
    note:
      'The full-text index evidence_quotes is on EVIDENCE relationships, and @fulltext serves node types only: the quotes are searched ' +
      'by a case-insensitive substring, every quote of every claim read (no index), where the API matches whole words, whatever the punctuation.',
  };
}

const shortestPathUnsupported =
  'The library generates no path queries: a shortest path needs a variable-length pattern (SHORTEST, shortestPath()), which only a ' +
  '@cypher field written by hand could run. Nested selections would fetch every path up to the depth and leave the search to the client.';

/** The request the peer answers for an operation, closest to the question this project's API answers. */
export function peerRequest(op: OperationName, probes: Probes): PeerRequest {
  if (isNeighborhood(op)) return neighborhoodRequest(probes[neighborhoods[op].around], neighborhoods[op].depth);
  switch (op) {
    case 'actor':
      return actorRequest(probes);
    case 'search':
      return searchRequest(probes);
    case 'shortestPath':
      return { unsupported: shortestPathUnsupported };
    case 'relationshipsAsOf':
      return relationshipsAsOfRequest(probes);
    case 'relationshipsClaimedBy':
      return relationshipsThroughClaims('actors', probes.claimant);
    case 'relationshipsSource':
      return relationshipsThroughClaims('sources', probes.source);
    case 'claimsAsOf':
      return claimsAsOfRequest(probes);
    case 'claimsClaimedBy':
      return claimsOfRoot('actors', probes.claimant);
    case 'claimsSource':
      return claimsOfRoot('sources', probes.source);
    case 'contestedAbout':
      return contestedRequest(probes);
    case 'quoteSearch':
      return quoteSearchRequest(probes);
  }
}

interface PeerActor {
  id: string;
  [field: string]: unknown;
}
interface RelationshipEdge {
  properties: { id: string; sinceStart: string | null };
  node: PeerActor;
}
interface PeerData {
  actors?: PeerActor[];
  neighbors?: PeerActor[];
  sources?: PeerActor[];
  actorsByName?: { edges: { node: { id: string } }[] };
  claims?: { id: string }[];
  seen?: { id: string }[];
  unseen?: { id: string }[];
}

/** Every relationship edge an actor's answer holds, of any field, each once. */
function edgesOf(actor: PeerActor | undefined): RelationshipEdge[] {
  const edges = everyField.flatMap((f) => (actor?.[f.field] as { edges: RelationshipEdge[] } | undefined)?.edges ?? []);
  return [...new Map(edges.map((edge) => [edge.properties.id, edge])).values()];
}

const compareIds = (a: RelationshipEdge, b: RelationshipEdge) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0);

/** Undated last, then by date, then by id: the order of the API's Actor.relationships. */
function compareByDate(a: RelationshipEdge, b: RelationshipEdge): number {
  const [x, y] = [a.properties.sinceStart, b.properties.sinceStart];
  if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  return compareIds(a, b);
}

/** The actors an answer reaches, through every nested relationship list. */
function reached(actor: PeerActor, into: Set<string>): Set<string> {
  into.add(actor.id);
  for (const edge of edgesOf(actor)) reached(edge.node, into);
  return into;
}

/** The relationship ids of claims (already in relationship order), each once, the first page of them. */
const relationshipIds = (claims: unknown) => [...new Set((claims as { relationship: string }[] | undefined ?? []).map((c) => c.relationship))].slice(0, first);

/**
 * The ids the peer answers, comparable with the API's answer to the same question: actors,
 * relationships or claims, in the API's order (for a neighbourhood, its actors sorted).
 */
export function peerAnswerIds(op: OperationName, data: unknown): string[] {
  const d = (data ?? {}) as PeerData;
  const root = d.actors?.[0] ?? d.sources?.[0];
  const ids = (items: { id: string }[] | undefined) => (items ?? []).map((item) => item.id);
  switch (op) {
    case 'actor':
      return edgesOf(root).sort(compareByDate).slice(0, first).map((e) => e.properties.id);
    case 'search':
      return (d.actorsByName?.edges ?? []).map((e) => e.node.id);
    case 'neighborhood1Hub':
    case 'neighborhood2Hub':
    case 'neighborhood1Leaf':
    case 'neighborhood2Leaf':
      return [...[...(d.actors ?? []), ...(d.neighbors ?? [])].reduce((into, actor) => reached(actor, into), new Set<string>())].sort();
    case 'shortestPath':
      return [];
    case 'relationshipsAsOf':
      return [...new Map((d.actors ?? []).flatMap(edgesOf).map((e) => [e.properties.id, e])).values()]
        .sort(compareIds)
        .slice(0, first)
        .map((e) => e.properties.id);
    case 'relationshipsClaimedBy':
    case 'relationshipsSource':
      return relationshipIds(root?.claims);
    case 'claimsAsOf':
      return [...ids(d.seen), ...ids(d.unseen)].slice(0, first);
    case 'claimsClaimedBy':
    case 'claimsSource':
      return ids(root?.claims as { id: string }[] | undefined);
    case 'contestedAbout':
      return edgesOf(root).sort(compareIds).slice(0, first).map((e) => e.properties.id);
    case 'quoteSearch':
      return ids(d.claims);
  }
}
