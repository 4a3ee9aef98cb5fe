// Claims as the unit of knowledge, against the real Neo4j and the seed: the GraphQL contract
// (claims, contestedClaims(about), Source.claims, Actor.claims(role), Relationship.claims,
// offsets of quotes), and the plans of every provenance query: each starts from an index or
// a node, never from a scan of all nodes, of every claim or of every relationship.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsOf, listClaims } from '../src/graph/claims.ts';
import { figuresOf, listFigures } from '../src/graph/figures.ts';
import { listRelationships, relationshipsCitingSources } from '../src/graph/relationships.ts';
import type { Database } from '../src/neo4j/database.ts';
import { seededApp } from './support/testGraph.ts';

const setup = seededApp();
const db = setup.db;

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await setup.app.graphql<T>(query, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data!;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

type ClaimNode = {
  id: string;
  type: string;
  stance: string;
  observedAt: string | null;
  subject: { id: string };
  object: { id: string };
  claimedBy: { id: string }[];
  disputedBy: { id: string }[];
  source: { id: string };
  evidence: { quote: string; start: number; end: number; source: { id: string } }[];
  relationship: { id: string; claimCount: number };
};
const claimFields = `id type stance observedAt subject { id } object { id } claimedBy { id } disputedBy { id } source { id }
  evidence { quote start end source { id } } relationship { id claimCount }`;

async function claims(args: string, variables?: Record<string, unknown>): Promise<{ total: number; nodes: ClaimNode[] }> {
  const { claims } = await data<{ claims: { totalCount: number; edges: { node: ClaimNode }[] } }>(
    `query${variables ? '($text: String)' : ''} { claims(${args}) { totalCount edges { node { ${claimFields} } } } }`,
    variables,
  );
  return { total: claims.totalCount, nodes: claims.edges.map((e) => e.node) };
}

describe('the claims connection', () => {
  it('finds the claims whose quotes say "Al-Furqan" or "Kabar", whatever the punctuation', async () => {
    for (const text of ['Al-Furqan', 'al furqan', 'Kabar']) {
      const found = await claims('text: $text, first: 100', { text });
      assert.ok(found.nodes.length > 0, text);
      const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
      for (const claim of found.nodes) {
        assert.ok(claim.evidence.some((e) => words.every((w) => e.quote.toLowerCase().includes(w))), `${claim.id} does not quote ${text}`);
      }
    }
    assert.equal((await claims('text: $text', { text: '"){}[]~*' })).total, 0);
  });

  /** The ids of the claims whose quotes hold the text (first 100). */
  const quoting = async (text: string) => (await claims('text: $text, first: 100', { text })).nodes.map((c) => c.id).sort();

  it('finds numbers printed with thousands separators, typed with or without them', async () => {
    for (const [printed, typed] of [['1,500 Uzbeks', '1500 Uzbeks'], ['12,800', '12800']] as const) {
      const found = await claims('text: $text, first: 100', { text: printed });
      assert.ok(found.nodes.length > 0, printed);
      assert.ok(found.nodes.every((c) => c.evidence.some((e) => e.quote.includes(printed))), printed);
      assert.deepEqual(await quoting(typed), found.nodes.map((c) => c.id).sort(), typed);
    }
  });

  it('matches straight, typographic and modifier apostrophes and quotation marks with each other', async () => {
    // The text prints Kazakhstan’s, Sa’ad and “having connection”.
    for (const group of [
      ["Kazakhstan's state press service", 'Kazakhstan’s state press service', 'Kazakhstanʼs state press service'],
      ["Abu Sa'ad al-Uzbeki", 'Abu Sa’ad al-Uzbeki', 'Abu Sa`ad al-Uzbeki'],
      ['for "having connection"', 'for “having connection”', "for 'having connection'"],
    ]) {
      const first = await quoting(group[0]!);
      assert.ok(first.length > 0, group[0]);
      for (const text of group.slice(1)) assert.deepEqual(await quoting(text), first, text);
    }
  });

  it('finds dotted initialisms typed with or without their stops', async () => {
    const dotted = await quoting('the U.S. Treasury');
    assert.ok(dotted.length > 0);
    assert.deepEqual(await quoting('the US Treasury'), dotted);
    assert.deepEqual(await quoting('the U.S Treasury'), dotted);
  });

  it('filters by actor, claimant, disputer, source, type and stance, each on the same claim', async () => {
    const aboutIs = await claims('about: "islamic-state", stances: [ATTRIBUTED], first: 500');
    assert.ok(aboutIs.total > 10);
    assert.ok(aboutIs.nodes.every((c) => c.stance === 'ATTRIBUTED' && [c.subject.id, c.object.id].includes('islamic-state') && c.claimedBy.length > 0));
    const khamdanov = await claims('claimedBy: "alisher-khamdanov", first: 500');
    assert.ok(khamdanov.total > 2 && khamdanov.nodes.every((c) => c.claimedBy.some((a) => a.id === 'alisher-khamdanov')));
    const lillis = await claims('disputedBy: "joanna-lillis", types: [THREATENS], first: 500');
    assert.ok(lillis.total > 0 && lillis.nodes.every((c) => c.type === 'THREATENS' && c.disputedBy.some((a) => a.id === 'joanna-lillis')));
    const source = await claims('source: "rferl-2015-02-is-planning-attacks", claimedBy: "alisher-khamdanov", first: 500');
    assert.ok(source.nodes.every((c) => c.source.id === 'rferl-2015-02-is-planning-attacks'));
    assert.equal(source.total, khamdanov.nodes.filter((c) => c.source.id === 'rferl-2015-02-is-planning-attacks').length);
  });

  it('gives every quote its offsets in its source, which cut exactly the quote stored, and every claim its relationship', async () => {
    const { sources } = await data<{ sources: { id: string; text: string }[] }>('{ sources { id text } }');
    const text = new Map(sources.map((s) => [s.id, s.text]));
    const all = await claims('first: 500');
    assert.equal(all.nodes.length, all.total);
    for (const claim of all.nodes) {
      assert.ok(claim.evidence.length > 0, claim.id);
      for (const e of claim.evidence) {
        assert.equal(e.source.id, claim.source.id);
        assert.equal(e.quote, text.get(e.source.id)!.slice(e.start, e.end), claim.id);
      }
      assert.ok(claim.relationship.claimCount >= 1);
      assert.ok(claim.relationship.id.startsWith(`${claim.subject.id}--`), claim.id);
    }
  });

  it('stores a quote as printed: the seed file\'s plain space before "12,800" is the text\'s no-break space', async () => {
    const found = await claims('text: $text, first: 100', { text: 'around 12,800 people' });
    const quotes = found.nodes.flatMap((c) => c.evidence.map((e) => e.quote)).filter((q) => squash(q).includes('around 12,800 people'));
    assert.ok(quotes.length > 0);
    for (const quote of quotes) assert.ok(quote.includes('around\u00a012,800'), JSON.stringify(quote));
  });

  for (const asOf of [null, '2015-06']) {
    it(`walks every claim exactly once with first/after${asOf ? `, asOf ${asOf} latest observed first` : ''}`, async () => {
      const seen: ClaimNode[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 100; page++) {
        const result: { claims: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ClaimNode }[] } } = await data(
          `query($after: String, $asOf: String) { claims(first: 37, after: $after, asOf: $asOf) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${claimFields} } } } }`,
          { after, asOf },
        );
        total = result.claims.totalCount;
        seen.push(...result.claims.edges.map((e) => e.node));
        if (!result.claims.pageInfo.hasNextPage) break;
        after = result.claims.pageInfo.endCursor;
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen.map((c) => c.id)).size, total);
      if (asOf) {
        const keys = seen.map((c) => (c.observedAt !== null && c.observedAt <= asOf ? c.observedAt : ''));
        assert.deepEqual(keys, [...keys].sort().reverse(), 'observed latest at or before the date first, the rest last');
        assert.ok(keys[0]!.startsWith('2015'));
      }
    });
  }
  it('refuses a cursor of a list ordered otherwise (with or without asOf), naming the argument', async () => {
    const page = await data<{ claims: { pageInfo: { endCursor: string } } }>('{ claims(first: 2, asOf: "2015") { pageInfo { endCursor } } }');
    const { body } = await setup.app.graphql('query($after: String) { claims(first: 2, after: $after) { totalCount } }', { after: page.claims.pageInfo.endCursor });
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((body.errors?.[0]?.extensions as { argumentName?: string }).argumentName, 'after');
  });
});

describe('contests and provenance through the API', () => {
  type Rel = { id: string; status: string; from: { id: string }; to: { id: string }; claims: { stance: string; contradicts: { id: string }[] }[] };
  const relFields = 'id status from { id } to { id } claims(first: 20) { stance contradicts { id } }';

  it("finds the corpus's main contest: the Diplomat's pledge of all Imam Bukhari to al-Baghdadi against RFE/RL's Taliban pledge", async () => {
    const { contestedClaims } = await data<{ contestedClaims: { edges: { node: Rel }[] } }>(
      `{ contestedClaims(types: [PLEDGED_ALLEGIANCE_TO], first: 100) { edges { node { ${relFields} } } } }`,
    );
    const ids = contestedClaims.edges.map((e) => e.node.id);
    assert.ok(ids.includes('katibat-imam-bukhari--pledged-allegiance-to--taliban'), ids.join());
    assert.ok(ids.includes('katibat-imam-bukhari--pledged-allegiance-to--abu-bakr-al-baghdadi'), ids.join());
    const taliban = contestedClaims.edges.find((e) => e.node.id === 'katibat-imam-bukhari--pledged-allegiance-to--taliban')!.node;
    assert.equal(taliban.status, 'DISPUTED');
    assert.ok(taliban.claims.some((c) => c.contradicts.length > 0));
  });

  it('answers "who alleges what about Islamic State, and who disputes it" in one query', async () => {
    const { contestedClaims } = await data<{ contestedClaims: { totalCount: number; edges: { node: Rel }[] } }>(
      `{ contestedClaims(about: "islamic-state", first: 500) { totalCount edges { node { ${relFields} } } } }`,
    );
    assert.ok(contestedClaims.totalCount > 5);
    assert.ok(contestedClaims.edges.every((e) => e.node.status !== 'REPORTED' && [e.node.from.id, e.node.to.id].includes('islamic-state')));
    assert.ok(contestedClaims.edges.some((e) => e.node.status === 'DISPUTED'));
  });

  it('lists a source\'s claims, an actor\'s claims by role, and a relationship\'s claims with its observation span', async () => {
    type Q = {
      source: { claims: { source: { id: string } }[] };
      actor: Record<'asClaimant' | 'asDisputer' | 'asSubject' | 'asObject', ClaimNode[]>;
      relationships: { edges: { node: { claimCount: number; firstObserved: string | null; lastObserved: string | null; claims: { observedAt: string }[] } }[] };
    };
    const q = await data<Q>(`{
      source(id: "rferl-2015-02-is-planning-attacks") { claims(first: 500) { source { id } } }
      actor(id: "joanna-lillis") {
        # each list holds at most 50 claims here
        asClaimant: claims(role: CLAIMANT) { ${claimFields} } asDisputer: claims(role: DISPUTER) { ${claimFields} }
        asSubject: claims(role: SUBJECT) { ${claimFields} } asObject: claims(role: OBJECT) { ${claimFields} } }
      relationships(first: 500) { edges { node { claimCount firstObserved lastObserved claims(first: 40) { observedAt } } } }
    }`);
    assert.ok(q.source.claims.length > 10 && q.source.claims.every((c) => c.source.id === 'rferl-2015-02-is-planning-attacks'));
    assert.ok(q.actor.asClaimant.length > 0 && q.actor.asClaimant.every((c) => c.claimedBy.some((a) => a.id === 'joanna-lillis')));
    assert.ok(q.actor.asDisputer.length > 0 && q.actor.asDisputer.every((c) => c.disputedBy.some((a) => a.id === 'joanna-lillis')));
    assert.ok(q.actor.asSubject.every((c) => c.subject.id === 'joanna-lillis'));
    assert.ok(q.actor.asObject.every((c) => c.object.id === 'joanna-lillis'));
    for (const { node } of q.relationships.edges) {
      const observed = node.claims.map((c) => c.observedAt).sort();
      assert.equal(node.claimCount, node.claims.length);
      assert.equal(node.firstObserved, observed[0]);
      assert.equal(node.lastObserved, observed.at(-1));
    }
  });

  it('gives figures the same claim structure, and their status the same rule', async () => {
    const { figures } = await data<{ figures: { stance: string; status: string; claimedBy: { id: string }[]; disputedBy: { id: string }[]; contradicts: { id: string }[]; source: { id: string } }[] }>(
      '{ figures(first: 500) { stance status claimedBy { id } disputedBy { id } contradicts { id } source { id } } }',
    );
    assert.ok(figures.length > 20);
    for (const f of figures) {
      const expected = f.stance === 'DENIED' || f.disputedBy.length > 0 || f.contradicts.length > 0 ? 'DISPUTED' : f.stance === 'ASSERTED' ? 'REPORTED' : 'ALLEGED';
      assert.equal(f.status, expected);
      assert.ok(f.source.id);
    }
  });
});

/** The names of every operator in a plan tree, without their "@neo4j" suffix, with their details. */
function operators(plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): { name: string; details: string }[] {
  const own = { name: plan.operatorType.replace(/@.*$/, ''), details: String(plan.arguments.Details ?? plan.arguments.details ?? '') };
  return [own, ...plan.children.flatMap((child) => operators(child as typeof plan))];
}

describe('the plans of the provenance queries', () => {
  /** Runs `ask` with a database that records its statements, then EXPLAINs each of them. */
  async function plans(ask: (recording: Database) => Promise<unknown>) {
    const statements: { cypher: string; params: Record<string, unknown> }[] = [];
    const recording = Object.create(db) as Database;
    recording.read = async (cypher, params = {}, timeoutMs) => {
      statements.push({ cypher, params });
      return db.read(cypher, params, timeoutMs);
    };
    await ask(recording);
    assert.ok(statements.length > 0);
    const explained = [];
    for (const { cypher, params } of statements) {
      const { summary } = await db.driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: db.name });
      explained.push(operators(summary.plan as never));
    }
    return explained;
  }

  const questions: [string, (d: Database) => Promise<unknown>][] = [
    ['claims by source', (d) => listClaims(d, { source: 'rferl-2015-02-is-planning-attacks' })],
    ['claims by claimant', (d) => listClaims(d, { claimedBy: 'alisher-khamdanov', stances: ['ATTRIBUTED'] })],
    ['claims by disputer', (d) => listClaims(d, { disputedBy: 'joanna-lillis', asOf: '2015' })],
    ['claims about an actor', (d) => listClaims(d, { about: 'islamic-state', types: ['THREATENS'] })],
    ['claims by quote (full text)', (d) => listClaims(d, { text: 'Al-Furqan' })],
    ['every claim, a page', (d) => listClaims(d, {})],
    ["a source's claims", (d) => claimsOf(d, 'source', ['rferl-2015-02-is-planning-attacks'])],
    ["an actor's claims as claimant", (d) => claimsOf(d, 'actor', ['alisher-khamdanov'], 50, { role: 'CLAIMANT' })],
    ["an actor's claims in any role", (d) => claimsOf(d, 'actor', ['islamic-state'])],
    ["a relationship's claims", (d) => claimsOf(d, 'relationship', ['islamic-state--threatens--uzbekistan'])],
    ['relationships by source', (d) => listRelationships(d, { source: 'rferl-2015-01-is-70-million' })],
    ['relationships by claimant', (d) => listRelationships(d, { claimedBy: 'kadyr-malikov', asOf: '2015' })],
    ['contested relationships', (d) => listRelationships(d, { contested: true })],
    ['contested relationships of some types', (d) => listRelationships(d, { contested: true, types: ['PLEDGED_ALLEGIANCE_TO'] })],
    ['contested relationships by disputer', (d) => listRelationships(d, { contested: true, disputedBy: 'joanna-lillis' })],
    ['contested relationships about an actor', (d) => listRelationships(d, { contested: true, about: 'islamic-state' })],
    ["a source's relationships", (d) => relationshipsCitingSources(d, ['rferl-2015-01-is-70-million'])],
    ['figures by claimant', (d) => listFigures(d, { claimedBy: 'kadyr-malikov' })],
    ["a source's figures", (d) => figuresOf(d, 'source', ['diplomat-2016-07-ready-to-face-isis'])],
  ];

  for (const [question, ask] of questions) {
    it(`${question}: starts from an index or a node`, async () => {
      for (const plan of await plans(ask)) {
        const names = plan.map((o) => o.name);
        assert.ok(!names.includes('AllNodesScan'), `${question}: ${names.join(' < ')}`);
        assert.ok(!plan.some((o) => /AllRelationshipsScan|RelationshipTypeScan|UnionRelationshipTypesScan/.test(o.name)), `${question}: ${names.join(' < ')}`);
        assert.ok(!plan.some((o) => o.name === 'NodeByLabelScan' && /:(Claim|Figure)\b/.test(o.details)), `${question}: ${JSON.stringify(plan)}`);
      }
    });
  }
});
