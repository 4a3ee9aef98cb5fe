// The GraphQL API against the real Neo4j and the seed graph: the contract, search, asOf,
// traversals, limits and errors, and the number of Cypher queries a request costs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { buildSchema as buildSdl, isEnumType, isObjectType, printType, type GraphQLArgument, type GraphQLEnumType, type GraphQLField, type GraphQLNamedType } from 'graphql';
import { generateResolverTypes, generateWebOperationTypes, generatedPath, webOperationsPath } from '../tools/codegen.ts';
import { generateVocabulary, generatedVocabularyPath } from '../tools/vocabulary.ts';
import { buildSchema } from '../src/api/schema.ts';
import { vocabulary } from '../src/domain/vocabulary.ts';
import { openDatabase } from '../src/neo4j/database.ts';
import { formatError } from '../src/api/errors.ts';
import { config, seededApp, startTestApp } from './support/testGraph.ts';

/** The minimum contract of issue 4, verbatim: these names and arguments must exist exactly so. */
const contract = `
enum ActorKind { GROUP PERSON STATE ORGANIZATION PLACE }
enum ClaimStatus { REPORTED ALLEGED DISPUTED }
enum Direction { OUT IN BOTH }
enum RelationshipType { PLEDGED_ALLEGIANCE_TO COOPERATES_WITH MEMBER_OF LEADS PART_OF SPLIT_FROM OPERATES_IN OPPOSES AFFILIATED_WITH CITIZEN_OF ACCUSES SEEKS_ASSISTANCE_FROM }
type Actor {
  id: ID!
  name: String!
  kind: ActorKind!
  aliases: [String!]!
  description: String
  relationships(types: [RelationshipType!], direction: Direction = BOTH, statuses: [ClaimStatus!], asOf: String): [Relationship!]!
  mentions: [Mention!]!
}
type Relationship { id: ID! type: RelationshipType! from: Actor! to: Actor! role: String since: String until: String status: ClaimStatus! claimedBy: [Actor!]! disputedBy: [Actor!]! evidence: [Evidence!]! }
type Evidence { source: Source! quote: String! }
type Source { id: ID! title: String! publisher: String author: String published: String text: String! }
type Mention { source: Source! count: Int! sentences: [String!]! }
type Subgraph { nodes: [Actor!]! relationships: [Relationship!]! }
type Path { length: Int! nodes: [Actor!]! relationships: [Relationship!]! }
type Stats { actors: Int! relationships: Int! sources: Int! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type ActorEdge { cursor: String! node: Actor! }
type ActorConnection { edges: [ActorEdge!]! pageInfo: PageInfo! totalCount: Int! }
type RelationshipEdge { cursor: String! node: Relationship! }
type RelationshipConnection { edges: [RelationshipEdge!]! pageInfo: PageInfo! totalCount: Int! }
type Query {
  actor(id: ID!): Actor
  actors(kinds: [ActorKind!], first: Int = 50, after: String): ActorConnection!
  search(text: String!, kinds: [ActorKind!], limit: Int = 10): [Actor!]!
  neighborhood(id: ID!, depth: Int = 1, types: [RelationshipType!], statuses: [ClaimStatus!], asOf: String, limit: Int = 200): Subgraph!
  shortestPath(from: ID!, to: ID!, types: [RelationshipType!], statuses: [ClaimStatus!], asOf: String, maxDepth: Int = 6): Path
  relationships(types: [RelationshipType!], statuses: [ClaimStatus!], claimedBy: ID, source: ID, asOf: String, first: Int = 50, after: String): RelationshipConnection!
  sources: [Source!]!
  source(id: ID!): Source
  stats: Stats!
}`;

describe('the schema', () => {
  const schema = buildSchema();

  it('contains the minimum contract exactly: every type, field, argument, type and default', () => {
    const required = buildSdl(contract);
    for (const type of Object.values(required.getTypeMap()).filter((t) => !t.name.startsWith('__') && !['String', 'ID', 'Int', 'Boolean', 'Float'].includes(t.name))) {
      const ours = schema.getType(type.name) as GraphQLNamedType | undefined;
      assert.ok(ours, `type ${type.name} exists`);
      if (isObjectType(type) && isObjectType(ours)) {
        for (const field of Object.values(type.getFields())) {
          const mine: GraphQLField<unknown, unknown> | undefined = ours.getFields()[field.name];
          assert.ok(mine, `${type.name}.${field.name} exists`);
          assert.equal(String(mine.type), String(field.type), `${type.name}.${field.name} type`);
          for (const arg of field.args) {
            const myArg: GraphQLArgument | undefined = mine.args.find((a) => a.name === arg.name);
            assert.ok(myArg, `${type.name}.${field.name}(${arg.name}) exists`);
            assert.equal(String(myArg.type), String(arg.type), `${type.name}.${field.name}(${arg.name}) type`);
            assert.deepEqual(myArg.defaultValue, arg.defaultValue, `${type.name}.${field.name}(${arg.name}) default`);
          }
        }
      }
      if (isEnumType(type) && isEnumType(ours)) {
        for (const value of type.getValues()) assert.ok(ours.getValue(value.name), `${type.name}.${value.name} exists`);
      }
    }
  });

  it('lists exactly the vocabulary of schema/vocabulary.yaml in its enums', () => {
    const names = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name).sort();
    assert.deepEqual(names('RelationshipType'), Object.keys(vocabulary.relationshipTypes).sort());
    assert.deepEqual(names('ClaimStatus'), Object.keys(vocabulary.claimStatuses).sort());
    assert.deepEqual(names('ActorKind'), Object.keys(vocabulary.actorKinds).map((k) => k.toUpperCase()).sort());
  });

  it('has resolver types generated from the current SDL, vocabulary and the web app\'s queries (run `npm run codegen` after changing them)', async () => {
    assert.equal(fs.readFileSync(generatedVocabularyPath, 'utf8'), generateVocabulary());
    assert.equal(fs.readFileSync(generatedPath, 'utf8'), await generateResolverTypes());
    assert.equal(fs.readFileSync(webOperationsPath, 'utf8'), await generateWebOperationTypes());
  });

  it('prints as valid SDL', () => assert.ok(printType(schema.getType('Query')!).includes('shortestPath')));
});

describe('query timeout', () => {
  it('stops a query at the transaction timeout and tells the client QUERY_TIMEOUT', async () => {
    const db = openDatabase(config.neo4j, { ...config.limits, queryTimeoutMs: 100 });
    try {
      const error = await db.read('UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n').then(
        () => assert.fail('the query should have timed out'),
        (e: unknown) => e,
      );
      const formatted = formatError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      assert.equal(formatted.extensions?.code, 'QUERY_TIMEOUT', String(error));
      assert.match(formatted.message, /QUERY_TIMEOUT_MS/);
    } finally {
      await db.close();
    }
  });
});

describe('GraphQL API on the seed graph', () => {
  const setup = seededApp();
  const db = setup.db;

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { status, body } = await setup.app.graphql<T>(query, variables);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(status, 200);
    return body.data!;
  }

  async function error(query: string, variables?: Record<string, unknown>) {
    const { body } = await setup.app.graphql(query, variables);
    assert.ok(body.errors?.length, `expected an error for ${query}`);
    return body.errors![0]! as { message: string; extensions?: { code?: string; argumentName?: string } };
  }

  const searchIds = async (text: string) =>
    (await data<{ search: { id: string }[] }>('query($t: String!) { search(text: $t) { id } }', { t: text })).search.map((a) => a.id);

  describe('search', () => {
    for (const [text, id] of [
      ['Bukhori', 'katibat-imam-bukhari'],
      ['Imam Bukhari', 'katibat-imam-bukhari'],
      ['Nazarbaev', 'nursultan-nazarbayev'],
      ['Nazarbayev', 'nursultan-nazarbayev'],
      ['Ferghana', 'fergana-valley'],
      ['Namangany', 'juma-namangani'],
      ['IS', 'islamic-state'],
      ['ISIS', 'islamic-state'],
      ['Islamic State', 'islamic-state'],
      ['islamic movement of uzbekistan', 'islamic-movement-of-uzbekistan'],
      ['Khamdanoff', 'alisher-khamdanov'],
      // Dotted initialisms match their undotted form, in names and in what is typed.
      ['U.S.', 'united-states'],
      ['US', 'united-states'],
      ['U.S.A.', 'united-states'],
      ['U.S. Treasury', 'us-treasury-department'],
      ['US Treasury Department', 'us-treasury-department'],
      // Straight, typographic and modifier apostrophes match each other.
      ["Abu Sa'ad", 'abu-saad-al-uzbeki'],
      ['Abu Sa’ad', 'abu-saad-al-uzbeki'],
      ['Abu Saʼad', 'abu-saad-al-uzbeki'],
      ['abu sa`ad al-uzbeki', 'abu-saad-al-uzbeki'],
      // Descriptive aliases the texts use, whole or in part.
      ['so-called caliph of the Islamic State', 'abu-bakr-al-baghdadi'],
      ['the so-called caliph of the Islamic State', 'abu-bakr-al-baghdadi'],
      ['caliph of the Islamic State', 'abu-bakr-al-baghdadi'],
      ['director of a Bishkek-based think tank', 'kadyr-malikov'],
      ['officer with Uzbekistan’s domestic intelligence agency', 'alisher-khamdanov'],
    ]) {
      it(`ranks ${id} first for "${text}"`, async () => assert.equal((await searchIds(text!))[0], id));
    }

    it('filters by kind', async () => {
      const { search } = await data<{ search: { kind: string }[] }>('{ search(text: "Uzbekistan", kinds: [STATE]) { kind } }');
      assert.ok(search.length > 0 && search.every((a) => a.kind === 'STATE'));
    });

    it('treats quotes, brackets, Lucene operators and Cypher as plain text, and changes nothing', async () => {
      const before = await data<{ stats: object }>('{ stats { actors relationships sources } }');
      for (const text of ['"', 'Bukhari" OR "x', '[', 'Bukhari~~^2 AND (', '*', 'name:IS', '\\', "') MATCH (n) DETACH DELETE n //", '}{', '&& || !', '']) {
        const { body } = await setup.app.graphql('query($t: String!) { search(text: $t) { id } }', { t: text });
        assert.equal(body.errors, undefined, `search(${JSON.stringify(text)}): ${JSON.stringify(body.errors)}`);
      }
      assert.ok((await searchIds('Bukhari" OR "x')).includes('katibat-imam-bukhari'));
      assert.deepEqual(await data('{ stats { actors relationships sources } }'), before);
    });
  });

  describe('asOf', () => {
    const pledges = async (id: string, asOf: string) =>
      (
        await data<{ actor: { relationships: { to: { id: string } }[] } }>(
          'query($id: ID!, $asOf: String) { actor(id: $id) { relationships(types: [PLEDGED_ALLEGIANCE_TO], direction: OUT, asOf: $asOf) { to { id } } } }',
          { id, asOf },
        )
      ).actor.relationships.map((r) => r.to.id);
    const faction = 'katibat-imam-bukhari-pro-is-faction';

    it("drops the pro-IS faction's pledge and the group's Taliban pledge before October 2014", async () => {
      assert.ok(!(await pledges(faction, '2014-09-30')).includes('islamic-state'));
      assert.ok(!(await pledges('katibat-imam-bukhari', '2014-09-30')).includes('taliban'));
    });
    it("has the faction's pledge to IS but not yet the group's to the Taliban in October 2014", async () => {
      assert.ok((await pledges(faction, '2014-10')).includes('islamic-state'));
      assert.ok(!(await pledges('katibat-imam-bukhari', '2014-10')).includes('taliban'));
    });
    it('has both by 2014-11-03 (a partial date compares sensibly)', async () => {
      assert.ok((await pledges(faction, '2014-11-03')).includes('islamic-state'));
      assert.ok((await pledges('katibat-imam-bukhari', '2014-11-03')).includes('taliban'));
    });
    it('puts the holder observed latest at or before the date first, with its observation dates', async () => {
      type Leader = { from: { id: string }; since: string | null; firstObserved: string | null; lastObserved: string | null };
      const leaders = async (asOf: string) =>
        (
          await data<{ actor: { relationships: Leader[] } }>(
            'query($asOf: String) { actor(id: "kazakhstan-national-security-committee") { relationships(types: [LEADS], direction: IN, asOf: $asOf) { from { id } since firstObserved lastObserved } } }',
            { asOf },
          )
        ).actor.relationships;
      // One chairman at a time (test/succession.test.ts): Zhumakanov's first report ends Abykaev's tenure.
      const in2016 = await leaders('2016-07');
      assert.deepEqual(in2016.map((r) => [r.from.id, r.since, r.lastObserved]), [['vladimir-zhumakanov', null, '2016-07']]);
      const in2015 = await leaders('2015-06');
      assert.deepEqual(in2015.map((r) => r.from.id), ['nurtai-abykaev'], 'Zhumakanov is only observed in 2016');
      const both = await leaders('2016');
      assert.deepEqual(both.map((r) => r.from.id), ['vladimir-zhumakanov', 'nurtai-abykaev'], 'in 2016 as a whole each held it for a time: the one observed latest first');
    });
    it('holds an undated relationship from its first report, not before', async () => {
      type Tie = { since: string | null; firstObserved: string | null };
      const ties = async (asOf: string) =>
        (await data<{ actor: { relationships: Tie[] } }>('query($asOf: String) { actor(id: "csto") { relationships(asOf: $asOf) { since firstObserved } } }', { asOf })).actor.relationships;
      const undated = (list: Tie[]) => list.filter((r) => r.since === null);
      const then = await ties('2015-04');
      assert.ok(undated(then).length >= 6 && undated(then).every((r) => r.firstObserved !== null && r.firstObserved <= '2015-04'));
      assert.deepEqual(undated(await ties('1990')), [], 'no source had reported them in 1990');
    });
    it('rejects a malformed date naming the argument', async () => {
      const e = await error('{ relationships(asOf: "2014-13") { totalCount } }');
      assert.equal(e.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(e.extensions?.argumentName, 'asOf');
    });
  });

  describe('traversals', () => {
    type Sub = { nodes: { id: string }[]; relationships: { type: string; status: string; since: string | null; from: { id: string }; to: { id: string } }[] };
    const hood = async (args: string) =>
      (await data<{ neighborhood: Sub }>(`{ neighborhood(${args}) { nodes { id } relationships { type status since from { id } to { id } } } }`)).neighborhood;

    it('neighborhood respects types, statuses and asOf on every hop', async () => {
      const byType = await hood('id: "katibat-imam-bukhari", depth: 3, types: [PLEDGED_ALLEGIANCE_TO, LEADS]');
      assert.ok(byType.relationships.length > 2);
      assert.ok(byType.relationships.every((r) => ['PLEDGED_ALLEGIANCE_TO', 'LEADS'].includes(r.type)));
      const reported = await hood('id: "islamic-state", depth: 2, statuses: [REPORTED]');
      assert.ok(reported.relationships.every((r) => r.status === 'REPORTED'));
      const early = await hood('id: "katibat-imam-bukhari", depth: 2, asOf: "2014-09"');
      assert.ok(early.relationships.every((r) => r.since === null || r.since < '2014-10'));
      const ids = new Set(byType.nodes.map((n) => n.id));
      assert.ok(byType.relationships.every((r) => ids.has(r.from.id) && ids.has(r.to.id)), 'every relationship joins two returned nodes');
    });

    it('neighborhood grows with depth and stops at the node limit', async () => {
      const one = await hood('id: "islamic-state", depth: 1');
      const two = await hood('id: "islamic-state", depth: 2');
      assert.ok(two.nodes.length > one.nodes.length);
      const capped = await hood('id: "islamic-state", depth: 2, limit: 5');
      assert.equal(capped.nodes.length, 5);
    });

    it('shortestPath finds a path, honours its filters, and is null when none exists', async () => {
      type P = { shortestPath: { length: number; nodes: { id: string }[]; relationships: { type: string }[] } | null };
      const path = (await data<P>('{ shortestPath(from: "kadyr-malikov", to: "taliban") { length nodes { id } relationships { type } } }')).shortestPath;
      assert.ok(path && path.length === path.relationships.length && path.nodes.length === path.length + 1);
      assert.equal(path.nodes[0]!.id, 'kadyr-malikov');
      assert.equal(path.nodes.at(-1)!.id, 'taliban');
      const none = await data<P>('{ shortestPath(from: "kadyr-malikov", to: "taliban", types: [CITIZEN_OF]) { length } }');
      assert.equal(none.shortestPath, null);
      const tooShort = await data<P>('{ shortestPath(from: "kadyr-malikov", to: "taliban", maxDepth: 1) { length } }');
      assert.equal(tooShort.shortestPath, null);
      const pledges = (await data<P>('{ shortestPath(from: "katibat-imam-bukhari-pro-is-faction", to: "islamic-state", types: [PLEDGED_ALLEGIANCE_TO], asOf: "2014-10") { length relationships { type } } }')).shortestPath;
      assert.equal(pledges?.length, 1);
      const before = await data<P>('{ shortestPath(from: "katibat-imam-bukhari-pro-is-faction", to: "islamic-state", types: [PLEDGED_ALLEGIANCE_TO], asOf: "2014-09") { length } }');
      assert.equal(before.shortestPath, null);
    });

    it('allegianceChain follows pledges in date order', async () => {
      const { allegianceChain } = await data<{ allegianceChain: { since: string | null; to: { id: string } }[] }>(
        '{ allegianceChain(id: "katibat-imam-bukhari") { since to { id } } }',
      );
      const targets = allegianceChain.map((r) => r.to.id);
      assert.ok(targets.includes('abu-bakr-al-baghdadi') && targets.includes('taliban'), targets.join());
      const dated = allegianceChain.map((r) => r.since).filter((s) => s !== null);
      assert.deepEqual(dated, [...dated].sort());
    });

    it('timeline orders an actor\'s relationships by date, undated last', async () => {
      const { timeline } = await data<{ timeline: { since: string | null }[] }>('{ timeline(id: "islam-karimov") { since } }');
      const firstUndated = timeline.findIndex((r) => r.since === null);
      const dated = timeline.slice(0, firstUndated === -1 ? undefined : firstUndated).map((r) => r.since);
      assert.ok(dated.length > 0);
      assert.deepEqual(dated, [...dated].sort());
      assert.ok(timeline.slice(dated.length).every((r) => r.since === null));
    });

    it('contestedClaims lists only alleged and disputed relationships, with who claims and who contests them', async () => {
      type Node = { status: string; claimedBy: { id: string }[]; disputedBy: { id: string }[]; conflictsWith: { id: string }[]; claims: { stance: string }[] };
      const { contestedClaims } = await data<{ contestedClaims: { totalCount: number; edges: { node: Node }[] } }>(
        '{ contestedClaims(first: 500) { totalCount edges { node { status claimedBy { id } disputedBy { id } conflictsWith { id } claims { stance } } } } }',
      );
      assert.ok(contestedClaims.totalCount > 10);
      assert.equal(contestedClaims.edges.length, contestedClaims.totalCount);
      for (const { node } of contestedClaims.edges) {
        if (node.status === 'ALLEGED') assert.ok(node.claimedBy.length > 0 && node.claims.every((c) => c.stance === 'ATTRIBUTED'));
        else {
          assert.equal(node.status, 'DISPUTED');
          const contested = node.disputedBy.length > 0 || node.conflictsWith.length > 0 || node.claims.some((c) => c.stance === 'DENIED');
          assert.ok(contested, JSON.stringify(node));
        }
      }
    });

    it('a source says what it supports', async () => {
      const { source } = await data<{ source: { relationships: { id: string }[]; mentions: { actor: { id: string } }[]; figures: { id: string }[] } }>(
        '{ source(id: "rferl-2015-01-is-70-million") { relationships { id } mentions { actor { id } } figures { id } } }',
      );
      assert.ok(source.relationships.some((r) => r.id === 'katibat-imam-bukhari-pro-is-faction--pledged-allegiance-to--islamic-state'));
      assert.ok(source.mentions.some((m) => m.actor.id === 'kadyr-malikov'));
      assert.ok(source.figures.length > 0);
    });
  });

  describe('pages', () => {
    it('walks every actor exactly once with first/after', async () => {
      type Conn = { actors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 100; page++) {
        const { actors }: Conn = await data<Conn>('query($after: String) { actors(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after });
        total = actors.totalCount;
        seen.push(...actors.edges.map((e) => e.node.id));
        if (!actors.pageInfo.hasNextPage) break;
        after = actors.pageInfo.endCursor;
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
    });

    it('keeps totalCount on an empty page past the end', async () => {
      type Conn = { relationships: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] } };
      const all = await data<Conn>('{ relationships(statuses: [DISPUTED], first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }');
      assert.equal(all.relationships.pageInfo.hasNextPage, false);
      const past = await data<Conn>('query($after: String) { relationships(statuses: [DISPUTED], after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }', {
        after: all.relationships.pageInfo.endCursor,
      });
      assert.equal(past.relationships.edges.length, 0);
      assert.equal(past.relationships.totalCount, all.relationships.totalCount);
      assert.ok(all.relationships.totalCount > 0);
    });
  });

  describe('bad input and limits', () => {
    const cases: [string, string, string][] = [
      ['{ neighborhood(id: "islamic-state", depth: 5) { nodes { id } } }', 'depth', 'from 1 to 4'],
      ['{ neighborhood(id: "islamic-state", limit: 0) { nodes { id } } }', 'limit', 'from 1 to 1000'],
      ['{ shortestPath(from: "islamic-state", to: "taliban", maxDepth: 9) { length } }', 'maxDepth', 'from 1 to 8'],
      ['{ actors(first: 501) { totalCount } }', 'first', 'from 1 to 500'],
      ['{ relationships(first: 0) { totalCount } }', 'first', 'from 1 to 500'],
      ['{ actors(after: "not-a-cursor!") { totalCount } }', 'after', 'cursor'],
      ['{ search(text: "x", limit: 101) { id } }', 'limit', 'from 1 to 100'],
      ['{ allegianceChain(id: "katibat-imam-bukhari", depth: 5) { id } }', 'depth', 'from 1 to 4'],
    ];
    for (const [query, argument, why] of cases) {
      it(`answers BAD_USER_INPUT naming ${argument} for ${query}`, async () => {
        const e = await error(query);
        assert.equal(e.extensions?.code, 'BAD_USER_INPUT', e.message);
        assert.equal(e.extensions?.argumentName, argument);
        assert.match(e.message, new RegExp(why));
      });
    }

    it('answers null for an unknown actor or source, and NOT_FOUND for traversals from one', async () => {
      assert.deepEqual(await data('{ actor(id: "nobody") { id } source(id: "nothing") { id } }'), { actor: null, source: null });
      for (const query of ['{ neighborhood(id: "nobody") { nodes { id } } }', '{ shortestPath(from: "nobody", to: "taliban") { length } }', '{ timeline(id: "nobody") { id } }']) {
        const e = await error(query);
        assert.equal(e.extensions?.code, 'NOT_FOUND', e.message);
        assert.match(e.message, /nobody/);
      }
    });

    it('rejects an unknown enum value before touching the database', async () => {
      const e = await error('{ relationships(types: [EMPLOYS]) { totalCount } }');
      assert.equal(e.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('rejects a query nested deeper than the limit with a clear error', async () => {
      const deep = '{ actor(id: "islamic-state") { ' + 'relationships { from { '.repeat(7) + 'id' + ' } }'.repeat(7) + ' } }';
      const e = await error(deep);
      assert.match(e.message, /depth/i);
    });

    it('rejects too many aliases', async () => {
      const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: stats { actors }`).join(' ');
      const e = await error(`{ ${aliases} }`);
      assert.match(e.message, /alias/i);
    });
  });

  describe('round trips', () => {
    const nested = (first: number) => `{
      actors(first: ${first}) { edges { node { id
        relationships(first: 10) { type status since firstObserved lastObserved
          from { id } to { id } claimedBy { name } disputedBy { name } conflictsWith { id }
          evidence { quote start end source { title } }
          claims(first: 3) { id stance observedAt claimedBy { name } disputedBy { name } source { title }
            evidence { quote start source { id } } contradicts { id source { id } } relationship { id } } }
        claims(role: CLAIMANT, first: 5) { id subject { id } object { id } }
        figures(first: 5) { id stance source { id } contradicts { id } }
        mentions(first: 5) { count source { id claims(first: 5) { id } } } } } } }`;

    /** An app on the real database that records every Cypher statement it reads with. */
    const recordingApp = async () => {
      const statements: string[] = [];
      const recording = Object.create(db) as typeof db;
      recording.read = async (cypher, params = {}, timeoutMs) => {
        statements.push(cypher);
        return db.read(cypher, params, timeoutMs);
      };
      return { statements, app: await startTestApp(recording) };
    };

    it('counts a connection\'s total only when the query selects totalCount (directly or through a fragment)', async () => {
      const { statements, app } = await recordingApp();
      try {
        for (const field of ['relationships(first: 5)', 'claims(first: 5)', 'contestedClaims(first: 5)', 'actors(first: 5)']) {
          const type = field.startsWith('actors') ? 'ActorConnection' : field.startsWith('claims') ? 'ClaimConnection' : 'RelationshipConnection';
          const ask = async (selection: '' | 'totalCount' | '...Total') => {
            statements.length = 0;
            const fragment = selection === '...Total' ? ` fragment Total on ${type} { totalCount }` : '';
            const { body } = await app.graphql<{ list: { edges: { node: { id: string } }[]; totalCount?: number } }>(
              `{ list: ${field} { edges { node { id } } ${selection} } }${fragment}`,
            );
            assert.equal(body.errors, undefined, JSON.stringify(body.errors));
            return { list: body.data!.list, counted: statements.some((cypher) => /count\(\w+\) AS total/.test(cypher)) };
          };
          const without = await ask('');
          const direct = await ask('totalCount');
          const viaFragment = await ask('...Total');
          assert.equal(without.counted, false, `${field} without totalCount counted`);
          assert.equal(direct.counted, true, field);
          assert.equal(viaFragment.counted, true, field);
          assert.deepEqual(without.list.edges, direct.list.edges);
          assert.ok((direct.list.totalCount ?? 0) >= direct.list.edges.length);
          assert.equal(viaFragment.list.totalCount, direct.list.totalCount);
        }
      } finally {
        await app.stop();
      }
    });

    it('answers each top-level field in one statement, built from what the query selects', async () => {
      const { statements, app } = await recordingApp();
      const relationship = `id type status from { id name } to { id name }
        claims(first: 3) { id stance claimedBy { name } disputedBy { name } source { title } evidence { quote start source { title } } }
        claimedBy { id } evidence { quote source { id } } dateText note`;
      const ask = async (query: string) => {
        statements.length = 0;
        const { body } = await app.graphql<Record<string, unknown>>(query);
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        return { data: body.data!, statements: [...statements] };
      };
      try {
        const cases: [string, string][] = [
          ['actor with relationships, claims, evidence and source titles', `{ actor(id: "islamic-state") { id name relationships(first: 50) { ${relationship} } } }`],
          ['an aliased second list with other arguments', `{ actor(id: "islamic-state") { a: relationships(first: 2, types: [THREATENS]) { id } b: relationships(asOf: "2015") { ${relationship} } } }`],
          ['neighborhood depth 2', `{ neighborhood(id: "islamic-state", depth: 2, limit: 20) { nodes { id name relationships(first: 2) { id } } relationships { ${relationship} } } }`],
          ['shortest path', `{ shortestPath(from: "kadyr-malikov", to: "taliban") { nodes { id } relationships { ${relationship} } } }`],
          ['search', `{ search(text: "Bukhori") { id relationships(first: 5) { ${relationship} } } }`],
          ['relationships page', `{ relationships(first: 20, types: [THREATENS, PLEDGED_ALLEGIANCE_TO]) { edges { node { ${relationship} } } } }`],
          ['contested claims about an actor', `{ contestedClaims(about: "islamic-state") { edges { node { ${relationship} } } } }`],
          ['claims page', '{ claims(first: 20, claimedBy: "alisher-khamdanov") { edges { node { id subject { name } object { name } claimedBy { name } source { title } evidence { quote source { title } } } } } }'],
          ['timeline', `{ timeline(id: "islamic-state", first: 5) { ${relationship} } }`],
          ['allegiance chain', `{ allegianceChain(id: "katibat-imam-bukhari") { ${relationship} } }`],
          ['a source title', '{ source(id: "rferl-2015-02-is-planning-attacks") { id title } }'],
        ];
        for (const [name, query] of cases) {
          const { statements: sent } = await ask(query);
          assert.equal(sent.length, 1, `${name}: ${sent.length} statements\n${sent.join('\n---\n')}`);
        }
        // The same answer as field by field through the loaders: an actor reached as a claim's
        // subject has no nested lists read with it, so its relationships come from the loaders.
        const whole = await ask(`{ actor(id: "islamic-state") { relationships(first: 50) { ${relationship} } } }`);
        const rels = (whole.data.actor as { relationships: { claims: unknown[] }[] }).relationships;
        assert.ok(rels.length > 5 && rels.some((rel) => rel.claims.length > 0));
        const { data: some } = await ask('{ actor(id: "islamic-state") { claims(role: SUBJECT, first: 1) { id } } }');
        const claimId = (some.actor as { claims: { id: string }[] }).claims[0]!.id;
        const viaLoaders = await ask(`{ claim(id: "${claimId}") { subject { relationships(first: 50) { ${relationship} } } } }`);
        assert.ok(viaLoaders.statements.length > 1);
        assert.deepEqual((viaLoaders.data.claim as { subject: unknown }).subject, whole.data.actor);
        // Every field of each kind, read with only what is selected, as the loaders read it whole.
        const actorFields = 'id name kind aliases description version origin';
        const everyField = `id type role since until status firstObserved lastObserved claimCount retracted dateText note
          from { ${actorFields} } to { ${actorFields} } claimedBy { ${actorFields} } disputedBy { id } evidence { quote start end source { id title url } }
          claims(first: 5, includeRetracted: true) { id type role since until dateText stance observedAt note version origin retracted { by reason }
            subject { ${actorFields} } object { id } claimedBy { name } disputedBy { id } source { ${'id title publisher author published publishedPrecision dateNote url textHash origin'} }
            evidence { quote start end source { title } } contradicts { id } relationship { id } }`;
        const everyWhole = await ask(`{ actor(id: "islamic-state") { ${actorFields} relationships(first: 50) { ${everyField} } } }`);
        const everyViaLoaders = await ask(`{ claim(id: "${claimId}") { subject { ${actorFields} relationships(first: 50) { ${everyField} } } } }`);
        assert.deepEqual((everyViaLoaders.data.claim as { subject: unknown }).subject, everyWhole.data.actor);
        // What is not selected is not read: ids alone bring no other property, no end, no quote.
        const idsOnly = await ask('{ relationships(first: 5) { edges { node { id } } } claims(first: 5) { edges { node { id } } } search(text: "Bukhori") { id } }');
        for (const cypher of idsOnly.statements) {
          assert.doesNotMatch(cypher, /properties\(|\.description|\.observedAt|EVIDENCE|CLAIMED_BY|startNode/, cypher);
        }
        const names = await ask('{ relationships(first: 5) { edges { node { from { name } } } } }');
        assert.match(names.statements[0]!, /startNode\(r\)\.name/);
        assert.doesNotMatch(names.statements[0]!, /endNode|\.aliases/);
        // Article text only when it is selected.
        const title = await ask('{ source(id: "rferl-2015-02-is-planning-attacks") { title } claims(first: 5) { edges { node { source { title } evidence { source { title } } } } } }');
        assert.ok(title.statements.every((cypher) => !/\.text\b/.test(cypher)), title.statements.join('\n'));
        const text = await ask('{ source(id: "rferl-2015-02-is-planning-attacks") { title text } }');
        assert.equal(text.statements.length, 1);
        assert.match((text.data.source as { text: string }).text, /Uzbek/);
        const nestedText = await ask('{ claims(first: 2) { edges { node { source { text } } } } }');
        assert.ok(nestedText.statements.length <= 2);
        assert.ok((nestedText.data.claims as { edges: { node: { source: { text: string } } }[] }).edges.every((e) => e.node.source.text.length > 100));
      } finally {
        await app.stop();
      }
    });

    it('costs a bounded number of Cypher queries, for 30 actors as for 100', async () => {
      const count = async (first: number) => {
        const before = db.queryCount;
        await data(nested(first));
        return db.queryCount - before;
      };
      // The fields a read does not bring come from DataLoaders, a query per kind and level; how
      // those levels fall into batches depends on when each answer arrives, so the count may
      // differ by a few, but it does not grow with the result (a query per actor would be hundreds).
      const small = await count(30);
      const large = await count(100);
      for (const [actors, queries] of [[30, small], [100, large]] as const) {
        assert.ok(queries <= 16, `${actors} actors with relationships, claims, evidence and sources took ${queries} queries`);
      }
    });
  });
});
