// The floor of each benchmark question: the best single Cypher statement we can write by hand
// for it, run with the bare neo4j-driver, answering the same content as the API's GraphQL query
// (apiQueries.ts) in the same order. Values reach it as parameters; relationship types come
// from the vocabulary's whitelist. It owes nothing to src/graph but the definitions the answer
// must share: the Lucene text a search and a quote search build from the user's words and how
// names fold for an exact match, the first and last day of a partial date, and when a tie holds.
import neo4j, { type Driver } from 'neo4j-driver';
import { heldAtCypher } from '../src/domain/succession.ts';
import { quotePhrases } from '../src/graph/claims.ts';
import { actorQuery, foldedInCypher } from '../src/graph/search.ts';
import { nameFolds } from '../src/domain/searchText.ts';
import { parsePartialDate } from '../src/domain/partialDate.ts';
import { checkedRelationshipType, relationshipTypes } from '../src/domain/vocabulary.ts';
import { neighborhoodQuestions, type OperationName, type Probes } from './operations.ts';

type Row = Record<string, unknown>;
type Item = { id: string };

export interface FloorQuery {
  cypher: string;
  params: Record<string, unknown>;
  /** The answer's ids, in its order, from the statement's rows. */
  ids: (rows: Row[]) => string[];
}

/** The page size the API's queries ask for; one more row tells whether there is a next page. */
const first = 50;
const neighborhoodLimit = 200;

const typesPattern = (types: readonly string[]) => ':' + types.map(checkedRelationshipType).join('|');
const anyType = typesPattern(relationshipTypes);

const live = (x: string) => `${x}.retracted IS NULL`;
const validAsOf = (x: string) => heldAtCypher(x, '$asOfStart', '$asOfEnd');

/** An actor's id and name, from an expression (a map projection needs a variable). */
const end = (node: string) => `{id: ${node}.id, name: ${node}.name}`;

const relationshipMap = (r: string) =>
  `{id: ${r}.id, type: type(${r}), status: ${r}.status, since: ${r}.since, until: ${r}.until, from: ${end(`startNode(${r})`)}, to: ${end(`endNode(${r})`)}}`;

const claimMap = (c: string) =>
  `{id: ${c}.id, stance: ${c}.stance, observedAt: ${c}.observedAt,
    subject: [(${c})-[:SUBJECT]->(x:Actor) | x {.id, .name}][0], object: [(${c})-[:OBJECT]->(x:Actor) | x {.id, .name}][0],
    evidence: [(${c})-[e:EVIDENCE]->(s:Source) | {quote: e.quote, source: s {.title}}]}`;

/** The relationship `r` that claim `c` supports, reached through its subject and object. */
const claimRelationship = (c: string, r: string, types = anyType) =>
  `MATCH (s:Actor)<-[:SUBJECT]-(${c})-[:OBJECT]->(o:Actor) MATCH (s)-[${r}${types}]->(o) WHERE ${r}.id = ${c}.relationship`;

/** A subgraph's answer: its actors' ids, sorted (a subgraph has no order; its relationships follow from its actors). */
const sortedNodeIds = (rows: Row[]) => itemIds('nodes')(rows).sort();

const itemIds = (column: string) => (rows: Row[]) => rows.flatMap((row) => (row[column] as Item[]).map((item) => item.id));

/** A page of rows collected as `items` (first + 1 of them: the extra says there is a next page). */
const page = (cypher: string, params: Record<string, unknown>): FloorQuery => ({ cypher, params, ids: (rows) => itemIds('items')(rows).slice(0, first) });

function asOfParams(asOf: string) {
  const date = parsePartialDate(asOf);
  if (!date) throw new Error(`probes.asOf "${asOf}" is not a partial date`);
  return { asOfStart: date.start, asOfEnd: date.end };
}

/** The actor, with its first 50 relationships by date, each with its claims' stances and quotes. */
const actor = (p: Probes): FloorQuery => ({
  cypher: `MATCH (a:Actor {id: $id})
    CALL (a) {
      MATCH (a)-[r${anyType}]-(:Actor) WHERE ${live('r')}
      WITH r ORDER BY r.sinceStart IS NULL, r.sinceStart, r.id LIMIT $first
      RETURN collect({id: r.id, type: type(r), status: r.status, since: r.since,
        from: ${end('startNode(r)')}, to: ${end('endNode(r)')},
        claims: COLLECT { MATCH (c:Claim {relationship: r.id}) WHERE ${live('c')}
                          WITH c ORDER BY c.observedStart IS NULL, c.observedStart DESC, c.id LIMIT $first
                          RETURN {stance: c.stance, evidence: [(c)-[e:EVIDENCE]->(s:Source) | {quote: e.quote, source: s {.title}}]} }}) AS relationships
    }
    RETURN a.id AS id, a.name AS name, relationships`,
  params: { id: p.hub, first: neo4j.int(first) },
  ids: itemIds('relationships'),
});

/** Ten actors ranked as the API ranks them: exact name or alias first, then the full-text score, then the name. */
const search = (p: Probes): FloorQuery => ({
  cypher: `CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: 100}) YIELD node, score
    WITH node, score, ${foldedInCypher('node.name')} = $whole OR any(alias IN coalesce(node.aliases, []) WHERE ${foldedInCypher('alias')} = $whole) AS exact
    ORDER BY exact DESC, score DESC, node.name LIMIT 10
    RETURN node.id AS id, node.name AS name`,
  params: { ...actorQuery(p.searchText)!, folds: nameFolds.map((fold) => [...fold]) },
  ids: (rows) => rows.map((row) => row.id as string),
});

/**
 * The API's breadth-first neighbourhood (at most 200 actors, each hop's new actors taken in
 * the order of the first relationship id that reaches them) and the relationships between
 * those actors on the hops walked, in one statement.
 */
function neighborhood(depth: 1 | 2) {
  const secondHop = `CALL (a, hop1) {
      UNWIND hop1 AS f
      MATCH (f)-[r${anyType}]-(b:Actor) WHERE ${live('r')} AND b <> a AND NOT b IN hop1
      WITH b, min(r.id) AS reachedBy ORDER BY reachedBy
      WITH collect(b) AS reached
      RETURN reached[..($limit - 1 - size(hop1))] AS hop2
    }`;
  return (id: string): FloorQuery => ({
    cypher: `MATCH (a:Actor {id: $id})
    CALL (a) {
      MATCH (a)-[r${anyType}]-(b:Actor) WHERE ${live('r')} AND b <> a
      WITH b, min(r.id) AS reachedBy ORDER BY reachedBy LIMIT $limit - 1
      RETURN collect(b) AS hop1
    }
    ${depth === 2 ? secondHop : 'WITH a, hop1, [] AS hop2'}
    WITH a, hop1, [a] + hop1 + hop2 AS nodes
    CALL (a, hop1, nodes) {
      UNWIND ${depth === 2 ? '[a] + hop1' : '[a]'} AS f
      MATCH (f)-[r${anyType}]-(b:Actor) WHERE ${live('r')} AND b IN nodes
      RETURN collect(DISTINCT r) AS rels
    }
    RETURN [n IN nodes | n {.id, .name}] AS nodes, [r IN rels | {id: r.id, type: type(r), status: r.status}] AS relationships`,
    params: { id, limit: neo4j.int(neighborhoodLimit) },
    ids: sortedNodeIds,
  });
}

/** As the API picks one among equally short paths: fewest unconfirmed hops, then smallest ids. */
const shortestPath = (p: Probes): FloorQuery => ({
  cypher: `MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
    MATCH path = SHORTEST 32 (a)(()-[r${anyType} WHERE ${live('r')}]-(:Actor)){1,6}(b)
    WITH path ORDER BY length(path), size([x IN relationships(path) WHERE x.status <> 'REPORTED']), [x IN relationships(path) | x.id] LIMIT 1
    RETURN length(path) AS length, [n IN nodes(path) | n {.id, .name}] AS nodes,
           [r IN relationships(path) | {id: r.id, type: type(r), status: r.status}] AS relationships`,
  params: { from: p.pathFrom, to: p.pathTo },
  ids: (rows) => [...itemIds('nodes')(rows), ...itemIds('relationships')(rows)],
});

/**
 * Relationships of `types` valid at asOf, the one observed latest (at or before the date) first:
 * claims walked down the observedStart index, each relationship kept at the claim that observed
 * it latest; then, if the page is not full, those never observed by then, by id.
 */
const relationshipsAsOf = (p: Probes): FloorQuery => {
  const types = typesPattern(p.types);
  return page(
    `CALL () {
      MATCH (c:Claim) WHERE c.observedStart <= $asOfEnd AND c.type IN $types
      WITH c ORDER BY c.observedStart DESC
      ${claimRelationship('c', 'r', types)} AND ${live('r')} AND ${validAsOf('r')}
      WITH r, c.observedStart AS seen
      WHERE seen = COLLECT { MATCH (x:Claim {relationship: r.id}) WHERE x.observedStart <= $asOfEnd RETURN max(x.observedStart) }[0]
      WITH DISTINCT r, seen ORDER BY seen DESC, r.id LIMIT $limit
      RETURN collect(${relationshipMap('r')}) AS observed
    }
    RETURN CASE WHEN size(observed) = $limit THEN observed ELSE (observed + COLLECT {
      MATCH ()-[r${types}]->() WHERE ${live('r')} AND ${validAsOf('r')}
        AND NOT EXISTS { MATCH (x:Claim {relationship: r.id}) WHERE x.observedStart <= $asOfEnd }
      WITH r ORDER BY r.id LIMIT $limit
      RETURN ${relationshipMap('r')}
    })[..$limit] END AS items`,
    { ...asOfParams(p.asOf), types: p.types, limit: neo4j.int(first + 1) },
  );
};

/** Claims `c` of one claimant or source (the parameter $anchor). */
const ofClaimant = '(:Actor {id: $anchor})<-[:CLAIMED_BY]-(c:Claim)';
const ofSource = '(:Source {id: $anchor})<-[:IN_SOURCE]-(c:Claim)';

/** Relationships with a live claim from one claimant or source, by id. */
const relationshipsFrom = (match: string, anchor: string) =>
  page(
    `MATCH ${match} WHERE ${live('c')}
    WITH c.relationship AS id, collect(c)[0] AS c ORDER BY id LIMIT $limit
    ${claimRelationship('c', 'r')}
    WITH r ORDER BY r.id
    RETURN collect(${relationshipMap('r')}) AS items`,
    { anchor, limit: neo4j.int(first + 1) },
  );

/** Claims valid at asOf, latest observed (at or before the date) first; then those not observed by then, by id. */
const claimsAsOf = (p: Probes): FloorQuery =>
  page(
    `CALL () {
      MATCH (c:Claim) WHERE c.observedStart <= $asOfEnd AND ${live('c')} AND ${validAsOf('c')}
      WITH c ORDER BY c.observedStart DESC, c.id LIMIT $limit
      RETURN collect(${claimMap('c')}) AS observed
    }
    RETURN CASE WHEN size(observed) = $limit THEN observed ELSE (observed + COLLECT {
      MATCH (c:Claim) WHERE c.id > '' AND ${live('c')} AND ${validAsOf('c')} AND NOT coalesce(c.observedStart <= $asOfEnd, false)
      WITH c ORDER BY c.id LIMIT $limit
      RETURN ${claimMap('c')}
    })[..$limit] END AS items`,
    { ...asOfParams(p.asOf), limit: neo4j.int(first + 1) },
  );

/** Live claims from one claimant or source, by id. */
const claimsFrom = (match: string, anchor: string) =>
  page(
    `MATCH ${match} WHERE ${live('c')}
    WITH c ORDER BY c.id LIMIT $limit
    RETURN collect(${claimMap('c')}) AS items`,
    { anchor, limit: neo4j.int(first + 1) },
  );

/** Alleged and disputed relationships of an actor, by id, with who claims and who disputes them. */
const contestedAbout = (p: Probes): FloorQuery => {
  const people = (edge: string) =>
    `COLLECT { MATCH (c:Claim {relationship: r.id})-[:${edge}]->(x:Actor) WHERE ${live('c')} RETURN DISTINCT x {.id, .name} AS x ORDER BY x.id }`;
  return page(
    `MATCH (:Actor {id: $about})-[r${anyType}]-(:Actor) WHERE r.status IN ['ALLEGED', 'DISPUTED'] AND ${live('r')}
    WITH DISTINCT r ORDER BY r.id LIMIT $limit
    RETURN collect({id: r.id, type: type(r), status: r.status, from: ${end('startNode(r)')}, to: ${end('endNode(r)')},
                    claimedBy: ${people('CLAIMED_BY')}, disputedBy: ${people('DISPUTED_BY')}}) AS items`,
    { about: p.hub, limit: neo4j.int(first + 1) },
  );
};

/** Live claims with a quote that holds the words (a phrase of the full-text index of quotes), by id. */
const quoteSearch = (p: Probes): FloorQuery =>
  page(
    `CALL db.index.fulltext.queryRelationships('evidence_quotes', $phrase) YIELD relationship
    WITH DISTINCT startNode(relationship) AS c WHERE c:Claim AND ${live('c')}
    WITH c ORDER BY c.id LIMIT $limit
    RETURN collect(${claimMap('c')}) AS items`,
    { phrase: quotePhrases(p.quoteText), limit: neo4j.int(first + 1) },
  );

const floorQueries: Record<OperationName, (p: Probes) => FloorQuery> = {
  actor,
  search,
  ...neighborhoodQuestions((depth, id) => neighborhood(depth)(id)),
  shortestPath,
  relationshipsAsOf,
  relationshipsClaimedBy: (p) => relationshipsFrom(ofClaimant, p.claimant),
  relationshipsSource: (p) => relationshipsFrom(ofSource, p.source),
  claimsAsOf,
  claimsClaimedBy: (p) => claimsFrom(ofClaimant, p.claimant),
  claimsSource: (p) => claimsFrom(ofSource, p.source),
  contestedAbout,
  quoteSearch,
};

export function floorQuery(op: OperationName, probes: Probes): FloorQuery {
  return floorQueries[op](probes);
}

/**
 * Asks the floor's statement over the bare driver (a read, in an auto-routed managed transaction);
 * resolves to the answer's ids. Without bookmarks: nothing writes the graph while it is asked, and
 * after a bulk import replaced the database, the driver's bookmarks would name transactions the
 * new one never had (every read would wait for them, then fail).
 */
export async function askFloor(driver: Driver, database: string, query: FloorQuery): Promise<string[]> {
  const { records } = await driver.executeQuery(query.cypher, query.params, { database, routing: neo4j.routing.READ, bookmarkManager: null });
  return query.ids(records.map((record) => record.toObject()));
}
