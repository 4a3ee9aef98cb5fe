// Knowledge time (`knownAsOf`) against the real Neo4j and the seed graph: the graph as its
// sources stood on a date. A later source's contest is not there yet, a relationship first
// stated later does not exist, a retraction recorded later is not applied, asOf combines with
// it, a bad date is refused naming the argument, and a registry's designation appears only
// once its snapshot was published.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { exportGraph } from '../src/export/exportGraph.ts';
import { createToken, revokeToken } from '../src/auth/tokens.ts';
import { listClaims } from '../src/graph/claims.ts';
import { listRelationships } from '../src/graph/relationships.ts';
import { launchChromium } from './support/chromium.ts';
import { importUnSc } from './support/registries.ts';
import { reseedAfterwards, seededApp } from './support/testGraph.ts';

const setup = seededApp();
reseedAfterwards();
const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => setup.app.graphql<T>(query, variables, token);

interface Rel {
  id: string;
  status: string;
  claimCount: number;
  firstObserved: string | null;
  lastObserved: string | null;
  retracted: boolean;
  claims: { id: string; observedAt: string | null }[];
}

const relFields = 'id status claimCount firstObserved lastObserved retracted claims(first: 20) { id observedAt }';

/** Katibat Imam Bukhari's pledges: to the Taliban (RFE/RL 2015, contested by the Diplomat in 2016) and to al-Baghdadi (the Diplomat alone). */
const talibanPledge = 'katibat-imam-bukhari--pledged-allegiance-to--taliban';
const baghdadiPledge = 'katibat-imam-bukhari--pledged-allegiance-to--abu-bakr-al-baghdadi';

async function pledges(knownAsOf: string | null, asOf: string | null = null): Promise<Map<string, Rel>> {
  const answer = await gql<{ actor: { relationships: Rel[] } }>(
    `query ($knownAsOf: String, $asOf: String) { actor(id: "katibat-imam-bukhari") {
       relationships(types: [PLEDGED_ALLEGIANCE_TO], direction: OUT, knownAsOf: $knownAsOf, asOf: $asOf, first: 50) { ${relFields} } } }`,
    { knownAsOf, asOf },
  );
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return new Map(answer.body.data!.actor.relationships.map((r) => [r.id, r]));
}

describe('knownAsOf on the seed graph', () => {
  it('as known now: the pledge to the Taliban is DISPUTED by the Diplomat of 2016, which alone states the pledge to al-Baghdadi', async () => {
    const now = await pledges(null);
    const taliban = now.get(talibanPledge);
    assert.equal(taliban?.status, 'DISPUTED');
    assert.equal(taliban.lastObserved, '2015-02');
    assert.ok(now.has(baghdadiPledge));
    assert.equal(now.get(baghdadiPledge)!.firstObserved, '2016-07');
  });

  it('at 2015-12 the pledge to the Taliban is there, REPORTED, from the earlier claims alone, and the 2016 pledge does not exist', async () => {
    const known = await pledges('2015-12');
    const taliban = known.get(talibanPledge);
    assert.ok(taliban, `${talibanPledge} is known at 2015-12`);
    assert.equal(taliban.status, 'REPORTED', 'the contest the 2016 article opened is not there yet');
    assert.ok(taliban.claims.length > 0);
    assert.ok(taliban.claims.every((c) => c.observedAt !== null && c.observedAt <= '2015-12'), JSON.stringify(taliban.claims));
    assert.equal(taliban.claimCount, taliban.claims.length);
    assert.equal(known.has(baghdadiPledge), false, 'first stated by the Diplomat in July 2016');
    for (const rel of known.values()) assert.ok(rel.lastObserved !== null && rel.lastObserved <= '2015-12', `${rel.id} last observed ${rel.lastObserved}`);
  });

  it('at 2015-01 a relationship counts only the claims of January 2015, not those of February', async () => {
    const taliban = (await pledges('2015-01')).get(talibanPledge);
    assert.ok(taliban);
    assert.deepEqual([taliban.firstObserved, taliban.lastObserved], ['2015-01', '2015-01']);
    assert.ok(taliban.claims.every((c) => c.observedAt === '2015-01'));
    const now = (await pledges(null)).get(talibanPledge)!;
    assert.ok(taliban.claimCount < now.claimCount, `${taliban.claimCount} claims known in January 2015, ${now.claimCount} now`);
  });

  it('at 2016-07 (the Diplomat published) the graph is the graph of now', async () => {
    const [known, now] = [await pledges('2016-07'), await pledges(null)];
    assert.deepEqual([...known.entries()].sort(), [...now.entries()].sort());
  });

  it('before any source (2001) the graph holds no relationship and no claim', async () => {
    const answer = await gql<{ relationships: { totalCount: number }; claims: { totalCount: number }; neighborhood: { relationships: unknown[] } }>(
      `{ relationships(knownAsOf: "2001") { totalCount } claims(knownAsOf: "2001") { totalCount }
         neighborhood(id: "islamic-movement-of-uzbekistan", knownAsOf: "2001") { relationships { id } } }`,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.deepEqual(answer.body.data, { relationships: { totalCount: 0 }, claims: { totalCount: 0 }, neighborhood: { relationships: [] } });
  });

  it('lists, traversals and claims agree: every relationship known at 2015-12 is derived from claims published by then', async () => {
    const rels = (await listRelationships(setup.db, { knownAsOf: '2015-12', first: 500 })).items.map((e) => e.node);
    const claims = (await listClaims(setup.db, { knownAsOf: '2015-12', first: 500 })).items.map((e) => e.node);
    assert.ok(rels.length > 0 && claims.length > 0);
    assert.ok(claims.every((c) => c.observedAt !== null && c.observedAt <= '2015-12'));
    const counted = new Map<string, number>();
    for (const claim of claims) counted.set(claim.relationshipId, (counted.get(claim.relationshipId) ?? 0) + 1);
    for (const rel of rels) assert.equal(rel.claimCount, counted.get(rel.id), rel.id);
    assert.deepEqual(new Set(rels.map((r) => r.id)), new Set(counted.keys()));
    const now = await listRelationships(setup.db, { first: 500 });
    assert.ok(rels.length < now.items.length);
    const path = await gql<{ shortestPath: { relationships: { id: string }[] } | null }>(
      `{ shortestPath(from: "katibat-imam-bukhari", to: "abu-bakr-al-baghdadi", maxDepth: 1, knownAsOf: "2015-12") { relationships { id } } }`,
    );
    assert.equal(path.body.errors, undefined, JSON.stringify(path.body.errors));
    assert.equal(path.body.data!.shortestPath, null, 'the direct pledge is not known in 2015');
  });

  it('contestedClaims at 2015-12 leaves out the contest of 2016, and keeps the contests of 2015', async () => {
    const answer = await gql<{ now: { edges: { node: { id: string } }[] }; then: { edges: { node: { id: string; status: string } }[] } }>(
      `{ now: contestedClaims(first: 500) { edges { node { id } } } then: contestedClaims(knownAsOf: "2015-12", first: 500) { edges { node { id status } } } }`,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const [now, then] = [answer.body.data!.now.edges.map((e) => e.node.id), answer.body.data!.then.edges.map((e) => e.node)];
    assert.ok(now.includes(talibanPledge));
    assert.ok(!then.some((e) => e.id === talibanPledge));
    assert.ok(then.length > 0 && then.every((e) => ['ALLEGED', 'DISPUTED'].includes(e.status)));
  });

  it('asOf and knownAsOf combine: valid in 2015-01 as known at 2015-12', async () => {
    const [both, asOfOnly] = [await pledges('2015-12', '2014-12'), await pledges(null, '2014-12')];
    assert.ok(both.has(talibanPledge), 'pledged in November 2014, known by 2015');
    assert.equal(both.get(talibanPledge)!.status, 'REPORTED');
    assert.ok(!both.has(baghdadiPledge));
    assert.equal(asOfOnly.get(talibanPledge)!.status, 'DISPUTED');
    const before = await pledges('2015-12', '2014-10');
    assert.ok(!before.has(talibanPledge), 'not yet pledged in October 2014');
  });

  it("a source's and an actor's claims and relationships, read as known before the source was out, are none of its", async () => {
    const diplomat = 'diplomat-2016-07-ready-to-face-isis';
    const read = async (knownAsOf: string) => {
      const answer = await gql<{ source: { claims: { id: string }[]; relationships: { id: string }[] }; actor: { claims: { id: string }[] } }>(
        `query ($k: String) { source(id: "${diplomat}") { claims(knownAsOf: $k, first: 500) { id } relationships(knownAsOf: $k, first: 500) { id } }
           actor(id: "katibat-imam-bukhari") { claims(knownAsOf: $k, first: 500) { id } } }`,
        { k: knownAsOf },
      );
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      return answer.body.data!;
    };
    const [before, out] = [await read('2016-06-30'), await read('2016-07')];
    assert.deepEqual([before.source.claims, before.source.relationships], [[], []]);
    assert.ok(out.source.claims.length > 0 && out.source.relationships.length > 0);
    assert.ok(out.source.relationships.some((r) => r.id === baghdadiPledge));
    assert.ok(!before.actor.claims.some((c) => c.id.endsWith('--diplomat-2016-07')));
    assert.ok(out.actor.claims.some((c) => c.id.endsWith('--diplomat-2016-07')));
  });

  it('refuses a bad knownAsOf with BAD_USER_INPUT naming it, on every field that takes one', async () => {
    for (const query of [
      '{ relationships(knownAsOf: "2015-13") { totalCount } }',
      '{ claims(knownAsOf: "last year") { totalCount } }',
      '{ neighborhood(id: "taliban", knownAsOf: "2015-02-30") { nodes { id } } }',
      '{ actor(id: "taliban") { relationships(knownAsOf: "15") { id } } }',
      '{ timeline(id: "taliban", knownAsOf: "x") { id } }',
    ]) {
      const answer = await gql(query);
      const error = answer.body.errors?.[0];
      assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', query);
      assert.equal(error?.extensions?.argumentName, 'knownAsOf', query);
    }
  });
});

describe('export --known-as-of', () => {
  it('exports the graph as its sources stood on the date: edges derived from the claims known then', async () => {
    const [then, now] = [await exportGraph(setup.db, { knownAsOf: '2015-12' }), await exportGraph(setup.db)];
    const edge = (graph: typeof now, id: string) => graph.edges.find((e) => e.id === id);
    assert.equal(edge(now, talibanPledge)?.properties.status, 'DISPUTED');
    assert.equal(edge(then, talibanPledge)?.properties.status, 'REPORTED');
    assert.deepEqual(edge(then, talibanPledge)?.properties.sources, ['rferl-2015-01-is-70-million', 'rferl-2015-02-is-planning-attacks']);
    assert.equal(edge(then, baghdadiPledge), undefined);
    assert.ok(then.edges.every((e) => (e.properties.sources as string[]).every((s) => !s.startsWith('diplomat-2016'))));
    assert.ok(then.edges.length < now.edges.length);
    const focused = await exportGraph(setup.db, { focus: 'katibat-imam-bukhari', depth: 1, knownAsOf: '2015-12' });
    assert.ok(focused.edges.length > 0 && focused.edges.every((e) => edge(then, e.id)?.properties.status === e.properties.status));
  });

  it('takes --known-as-of on the command line, and the seed format refuses it', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: process.env });
    const json = run('--format', 'json', '--focus', 'katibat-imam-bukhari', '--known-as-of', '2015-12');
    assert.equal(json.status, 0, json.stderr);
    const links = (JSON.parse(json.stdout) as { links: { key: string; status: string }[] }).links;
    assert.equal(links.find((l) => l.key === talibanPledge)?.status, 'REPORTED');
    assert.ok(!links.some((l) => l.key === baghdadiPledge));
    const seed = run('--format', 'seed', '--out', '/nonexistent', '--known-as-of', '2015-12');
    assert.equal(seed.status, 1);
    assert.match(seed.stderr, /--known-as-of/);
    const bad = run('--format', 'json', '--known-as-of', '2015-13');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /knownAsOf/);
  });
});

describe('the web app\'s "known on" control', () => {
  let browser: Browser | undefined;
  before(async () => {
    await ensureWebBuild();
    browser = await launchChromium();
  });
  after(() => browser?.close());

  it('draws the ties as known on the date, keeps it in the link, and "Now" brings back everything known now', { timeout: 180_000 }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    const settled = async () => {
      await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
      await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
    };
    const drawn = () => page.evaluate<string[]>(`window.__cy.edges(':visible').map((e) => e.id())`);
    const status = (id: string) => page.evaluate<string>(`window.__cy.getElementById(${JSON.stringify(id)}).data('status')`);
    await page.goto(`${setup.app.url}/?focus=katibat-imam-bukhari`);
    await settled();
    assert.ok((await drawn()).includes(baghdadiPledge));
    assert.equal(await status(talibanPledge), 'DISPUTED');

    await page.getByTestId('known-on').fill('2015-12');
    await page.getByTestId('known-on').press('Enter');
    await settled();
    const known = await drawn();
    assert.ok(!known.includes(baghdadiPledge), 'the Diplomat of 2016 is not out yet');
    assert.ok(known.includes(talibanPledge));
    assert.equal(await status(talibanPledge), 'REPORTED');
    assert.match(page.url(), /knownAsOf=2015-12/);

    await page.reload();
    await settled();
    assert.equal(await page.getByTestId('known-on').inputValue(), '2015-12', 'the link restores it');
    assert.ok(!(await drawn()).includes(baghdadiPledge));

    await page.getByTestId('known-on-now').click();
    await settled();
    assert.ok((await drawn()).includes(baghdadiPledge));
    assert.equal(await status(talibanPledge), 'DISPUTED');
    assert.doesNotMatch(page.url(), /knownAsOf/);
    await page.close();
  });
});

describe('a retraction recorded now, read as known at an earlier date', () => {
  const claim = 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-02';
  let editor = '';
  // Token names are never reused (revoked ones are kept): one of this run's own.
  const name = `knowtime-editor-${randomUUID()}`;
  before(async () => {
    editor = await createToken(setup.db, name, 'editor');
  });
  after(() => revokeToken(setup.db, name));

  it('is applied as known today and not at 2015-12', async () => {
    const retract = await gql(`mutation { retractClaim(id: "${claim}", reason: "knowledge-time test") { id } }`, {}, editor);
    assert.equal(retract.body.errors, undefined, JSON.stringify(retract.body.errors));
    const today = new Date().toISOString().slice(0, 10);
    const read = async (knownAsOf: string) => {
      const answer = await gql<{ claims: { edges: { node: { id: string } }[] }; all: { edges: { node: { id: string; retracted: { reason: string } | null } }[] }; actor: { relationships: Rel[] } }>(
        `query ($k: String) {
           claims(source: "rferl-2015-02-is-planning-attacks", knownAsOf: $k, first: 500) { edges { node { id } } }
           all: claims(source: "rferl-2015-02-is-planning-attacks", knownAsOf: $k, includeRetracted: true, first: 500) { edges { node { id retracted { reason } } } }
           actor(id: "katibat-imam-bukhari") { relationships(types: [PLEDGED_ALLEGIANCE_TO], knownAsOf: $k) { ${relFields} } } }`,
        { k: knownAsOf },
      );
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      const data = answer.body.data!;
      const retracted = data.all.edges.find((e) => e.node.id === claim)?.node.retracted;
      return { listed: data.claims.edges.some((e) => e.node.id === claim), withRetracted: data.all.edges.some((e) => e.node.id === claim), retracted, rel: data.actor.relationships.find((r) => r.id === talibanPledge) };
    };
    const then = await read('2015-12');
    assert.equal(then.listed, true, 'the claim stood in 2015');
    assert.equal(then.retracted, null, 'and reads as standing then');
    assert.ok(then.rel?.claims.some((c) => c.id === claim), 'and its relationship lists it');
    const now = await read(today);
    assert.equal(now.listed, false, 'retracted today');
    assert.equal(now.withRetracted, true);
    assert.equal(now.retracted?.reason, 'knowledge-time test');
    assert.ok(now.rel && !now.rel.claims.some((c) => c.id === claim));
    assert.equal(now.rel.claimCount, then.rel!.claimCount - 1);
  });
});

describe('knownAsOf on a registry snapshot (UN Security Council list of 2018-10-29)', () => {
  before(() => importUnSc(setup.db, '2018-10-29', ['Al-Qaida']));

  const designations = async (vars: { knownAsOf?: string; asOf?: string }) => {
    const answer = await gql<{ actor: { relationships: { id: string; from: { id: string } }[] } }>(
      `query ($knownAsOf: String, $asOf: String) { actor(id: "katibat-imam-bukhari") {
         relationships(types: [DESIGNATES], direction: IN, knownAsOf: $knownAsOf, asOf: $asOf) { id from { id } } } }`,
      vars,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    return answer.body.data!.actor.relationships;
  };

  it("Katibat Imam al-Bukhari's designation (listed 2018-03-29) is absent as the record stood in June 2018 and present in November", async () => {
    assert.equal((await designations({})).length, 1, 'designated by the UN Security Council');
    assert.equal((await designations({ asOf: '2018-06' })).length, 1, 'valid in June 2018: listed since March');
    assert.deepEqual(await designations({ knownAsOf: '2018-06' }), [], 'but no snapshot published by June 2018 showed it');
    assert.equal((await designations({ knownAsOf: '2018-11' })).length, 1);
    assert.equal((await designations({ knownAsOf: '2018-10-29', asOf: '2018-06' })).length, 1);
  });
});
