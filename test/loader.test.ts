// The seed loader against the real Neo4j: key facts of the five sources, idempotence,
// in-place updates, and every kind of bad file rejected with nothing written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultDataDir, loadSeed } from '../src/loader/load.ts';
import { SeedValidationError } from '../src/domain/problems.ts';
import { config, openTestDb, seed } from './support/testGraph.ts';

const db = openTestDb();

interface Rel { id: string; type: string; from: string; to: string; since: string | null; status: string; role: string | null; claimCount: number }

async function relationships(where: string, params: Record<string, unknown> = {}): Promise<Rel[]> {
  return db.read<Rel>(
    `MATCH (a:Actor)-[r]->(b:Actor) WHERE r.status IS NOT NULL AND ${where}
     RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.since AS since, r.status AS status, r.role AS role, r.claimCount AS claimCount
     ORDER BY type, from, to`,
    params,
  );
}

interface ClaimRow { id: string; stance: string; source: string; claimedBy: string[]; disputedBy: string[]; relationship: string }

async function claimsOf(relationship: string): Promise<ClaimRow[]> {
  return db.read<ClaimRow>(
    `MATCH (c:Claim {relationship: $relationship})-[:IN_SOURCE]->(s:Source)
     RETURN c.id AS id, c.stance AS stance, s.id AS source, c.relationship AS relationship,
            [(c)-[:CLAIMED_BY]->(x) | x.id] AS claimedBy, [(c)-[:DISPUTED_BY]->(x) | x.id] AS disputedBy
     ORDER BY id`,
    { relationship },
  );
}

/** Everything the loader writes, summarised: a change anywhere changes the fingerprint. */
async function fingerprint(): Promise<string> {
  const rows = await db.read<{ key: string }>(
    `CALL () { MATCH (n) RETURN labels(n)[0] + ':' + coalesce(n.id, '') + ':' + coalesce(n.hash, '') AS key
               UNION ALL MATCH (a)-[r]->(b) RETURN type(r) + ':' + coalesce(a.id, '') + '>' + coalesce(b.id, '') + ':' + coalesce(r.hash, '') AS key }
     RETURN key ORDER BY key`,
  );
  return rows.map((row) => row.key).join('\n');
}

/** A copy of the seed data folder in which `edit` has changed one file's text. */
function editedCopy(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-data-'));
  for (const name of fs.readdirSync(defaultDataDir)) fs.copyFileSync(path.join(defaultDataDir, name), path.join(dir, name));
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, 'the edit must change the file');
  fs.writeFileSync(target, after);
  return dir;
}

const load = (dataDir?: string) =>
  loadSeed(db, { dataDir, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });

before(async () => {
  await seed(db, true);
});
after(() => db.close());

describe('the seeded graph', () => {
  it('derives every relationship from at least one claim, and every claim has a quote at its offsets in its source', async () => {
    const [orphans] = await db.read<{ n: number }>(
      'MATCH (:Actor)-[r]->(:Actor) WHERE r.status IS NOT NULL AND NOT EXISTS { MATCH (:Claim {relationship: r.id}) } RETURN count(r) AS n',
    );
    assert.equal(orphans?.n, 0);
    const [counted] = await db.read<{ wrong: number }>(
      'MATCH (:Actor)-[r]->(:Actor) WHERE r.status IS NOT NULL AND r.claimCount <> COUNT { MATCH (:Claim {relationship: r.id}) } RETURN count(r) AS wrong',
    );
    assert.equal(counted?.wrong, 0);
    const evidence = await db.read<{ claim: string; quote: string; start: number; end: number; text: string }>(
      'MATCH (c:Claim|Figure) OPTIONAL MATCH (c)-[e:EVIDENCE]->(s:Source) RETURN c.id AS claim, e.quote AS quote, e.start AS start, e.end AS end, s.text AS text',
    );
    assert.ok(evidence.length > 200);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const e of evidence) {
      assert.ok(e.quote, `${e.claim} has no evidence`);
      assert.equal(squash(e.text.slice(e.start, e.end)), squash(e.quote), e.claim);
    }
  });

  it('keeps every claim to one source, observed at its publication date', async () => {
    const rows = await db.read<{ id: string; sources: number; observedAt: string | null; published: string | null }>(
      `MATCH (c:Claim) RETURN c.id AS id, COUNT { (c)-[:IN_SOURCE]->() } AS sources, c.observedAt AS observedAt,
              [(c)-[:IN_SOURCE]->(s) | s.published][0] AS published`,
    );
    for (const row of rows) {
      assert.equal(row.sources, 1, row.id);
      assert.equal(row.observedAt, row.published, row.id);
    }
  });

  it('pledges the majority of Imam Bukhari to the Taliban in November 2014, in two sources', async () => {
    const [toTaliban] = await relationships("a.id = 'katibat-imam-bukhari' AND type(r) = 'PLEDGED_ALLEGIANCE_TO' AND b.id = 'taliban'");
    assert.equal(toTaliban?.since, '2014-11');
    const sources = (await claimsOf(toTaliban.id)).map((c) => c.source);
    assert.ok(sources.includes('rferl-2015-01-is-70-million') && sources.includes('rferl-2015-02-is-planning-attacks'), sources.join());
  });

  it('lists exactly the six CSTO member states the source names', async () => {
    const members = await relationships("type(r) = 'MEMBER_OF' AND b.id = 'csto'");
    assert.deepEqual(members.map((r) => r.from).sort(), ['armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan']);
    assert.ok(members.every((r) => r.role === 'member state' && r.status === 'REPORTED'));
  });

  it('knows who leads the Islamic State', async () => {
    const leaders = await relationships("type(r) = 'LEADS' AND b.id = 'islamic-state'");
    assert.ok(leaders.some((r) => r.from === 'abu-bakr-al-baghdadi'));
  });

  it("derives INFERRED where only the curator's reading holds a relationship, REPORTED where a source also states it", async () => {
    const [idu] = await relationships("a.id = 'islamic-movement-of-uzbekistan' AND type(r) = 'PLEDGED_ALLEGIANCE_TO' AND b.id = 'abu-bakr-al-baghdadi'");
    assert.equal(idu?.status, 'INFERRED', '"IDU" read as the IMU is the curator\'s identification');
    assert.deepEqual((await claimsOf(idu.id)).map((c) => [c.stance, c.claimedBy.length]), [['INFERRED', 0]]);
    const [batken] = await relationships("a.id = 'batken-region' AND type(r) = 'PART_OF' AND b.id = 'kyrgyzstan'");
    assert.equal(batken?.status, 'INFERRED', 'a place placed in its state from context');
    // The Diplomat leaves "the Ministry of Internal Affairs" unplaced; EurasiaNet names the Tajik Interior Ministry.
    const [ministry] = await relationships("a.id = 'tajikistan-ministry-of-internal-affairs' AND type(r) = 'PART_OF' AND b.id = 'tajikistan'");
    assert.equal(ministry?.status, 'REPORTED');
    assert.deepEqual([...new Set((await claimsOf(ministry.id)).map((c) => c.stance))].sort(), ['ASSERTED', 'INFERRED']);
  });

  it("marks Khamdanov's attack claim as claimed by him and disputed by Lillis", async () => {
    const [threat] = await relationships("type(r) = 'THREATENS' AND a.id = 'islamic-state' AND b.id = 'uzbekistan'");
    assert.equal(threat?.status, 'DISPUTED');
    const claims = await claimsOf(threat.id);
    assert.ok(claims.some((c) => c.stance === 'ATTRIBUTED' && c.claimedBy.includes('alisher-khamdanov')));
    assert.ok(claims.some((c) => c.disputedBy.includes('joanna-lillis')));
  });

  it('stores the claimed $70 million as an attributed figure with its claimant and quote', async () => {
    const [figure] = await db.read<{ stance: string; unit: string; claimant: string; quotes: string[] }>(
      `MATCH (f:Figure)-[:CLAIMED_BY]->(c:Actor) WHERE f.value = 70000000
       RETURN f.stance AS stance, f.unit AS unit, c.id AS claimant, [(f)-[e:EVIDENCE]->() | e.quote] AS quotes`,
    );
    assert.equal(figure?.claimant, 'kadyr-malikov');
    assert.equal(figure.stance, 'ATTRIBUTED');
    assert.match(figure.unit, /USD/);
    assert.ok(figure.quotes.some((quote) => quote.includes('$70 million')));
  });

  it('links each source to the actors it mentions, with counts and sentences', async () => {
    const [mention] = await db.read<{ count: number; sentences: string[] }>(
      `MATCH (:Source {id: 'rferl-2015-01-is-70-million'})-[m:MENTIONS]->(:Actor {id: 'katibat-imam-bukhari'}) RETURN m.count AS count, m.sentences AS sentences`,
    );
    assert.ok(mention && mention.count >= 2, `count ${mention?.count}`);
    assert.ok(mention.sentences.every((s) => /Bukh[ao]ri/.test(s)), 'every sentence really names the group');
    const [is] = await db.read<{ sentences: string[] }>(
      `MATCH (:Source {id: 'rferl-2015-02-is-planning-attacks'})-[m:MENTIONS]->(:Actor {id: 'islamic-state'}) RETURN m.sentences AS sentences`,
    );
    assert.ok(is!.sentences.every((s) => /\bIS\b|Islamic State|ISIS/.test(s)), 'every sentence really names IS');
  });

  it('stores every source text byte for byte', async () => {
    const rows = await db.read<{ file: string; text: string }>('MATCH (s:Source) RETURN s.file AS file, s.text AS text');
    assert.equal(rows.length, 5);
    for (const row of rows) assert.equal(row.text, fs.readFileSync(path.join(defaultDataDir, '..', 'sources', row.file), 'utf8'));
  });
});

describe('reloading', () => {
  it('changes nothing the second time', async () => {
    const before = await fingerprint();
    const { report } = await load();
    const { relationships: derived, ...records } = report;
    for (const [name, counts] of Object.entries(records)) {
      assert.equal(counts.created + counts.updated + counts.removed, 0, `${name}: ${JSON.stringify(counts)}`);
    }
    assert.deepEqual(derived, { derived: 0, removed: 0 });
    assert.equal(await fingerprint(), before);
  });

  it('updates a changed claim in place and derives its relationship again (a new role is a new relationship)', async () => {
    const original = await fingerprint();
    const dir = editedCopy('rferl-2015-04-cooperate-with-russia.yaml', (text) =>
      text.replace(/role: member state/, 'role: founding member state'),
    );
    const { report } = await load(dir);
    assert.equal(report.claims.updated, 1);
    assert.equal(report.claims.created, 0);
    assert.equal(report.relationships.derived + report.relationships.removed, 2, 'the old and the new relationship are derived again');
    const founding = await relationships("type(r) = 'MEMBER_OF' AND b.id = 'csto' AND r.role = 'founding member state'");
    assert.equal(founding.length, 1);
    assert.match(founding[0]!.id, /--member-of--csto--founding-member-state$/);
    await load();
    assert.equal(await fingerprint(), original);
  });

  it('derives DISPUTED on both sides when a claim contradicts another, and REPORTED again when it no longer does', async () => {
    const original = await fingerprint();
    const [before] = await relationships("type(r) = 'MEMBER_OF' AND a.id = 'armenia' AND b.id = 'csto'");
    assert.equal(before?.status, 'REPORTED');
    const [other] = await relationships("type(r) = 'MEMBER_OF' AND a.id = 'belarus' AND b.id = 'csto'");
    const [armenia] = await claimsOf(before.id);
    const [belarus] = await claimsOf(other!.id);
    const dir = editedCopy('rferl-2015-04-cooperate-with-russia.yaml', (text) =>
      text.replace(`id: ${armenia!.id}\n`, `id: ${armenia!.id}\n    contradicts: [${belarus!.id}]\n`),
    );
    await load(dir);
    for (const id of [before.id, other!.id]) assert.equal((await relationships('r.id = $id', { id }))[0]?.status, 'DISPUTED', id);
    await load();
    assert.equal((await relationships('r.id = $id', { id: other!.id }))[0]?.status, 'REPORTED');
    assert.equal(await fingerprint(), original);
  });

  it('completes a load that was cut short: what is written after the claims comes back', async () => {
    const original = await fingerprint();
    // What a load cut short after writing the claims leaves behind: their hashes are current,
    // but a contradiction and a derived relationship are missing.
    const cutShort = async () => {
      await db.write('MATCH (:Claim)-[c:CONTRADICTS]->(:Claim) WITH c ORDER BY c.id LIMIT 1 DELETE c');
      await db.write("MATCH (:Actor {id: 'armenia'})-[r:MEMBER_OF]->(:Actor {id: 'csto'}) DELETE r");
    };
    await cutShort();
    await load();
    assert.notEqual(await fingerprint(), original, 'a finished load trusts the hashes');
    await db.write('MATCH (m:GraphModel) SET m.loading = true');
    const { report } = await load();
    assert.ok(report.relationships.derived > 100, JSON.stringify(report.relationships));
    assert.equal(await fingerprint(), original);
    const [model] = await db.read<{ loading: boolean }>('MATCH (m:GraphModel) RETURN m.loading AS loading');
    assert.equal(model?.loading, false);
  });

  it('upgrades a database loaded before claims: relationships that carry their evidence are replaced', async () => {
    const original = await fingerprint();
    await db.write("MATCH (m:GraphModel) DELETE m");
    await db.write(
      `MATCH (a:Actor {id: 'armenia'}), (b:Actor {id: 'russia'})
       CREATE (a)-[:COOPERATES_WITH {id: 'legacy', status: 'REPORTED', evidenceQuotes: ['x'], hash: 'h'}]->(b)`,
    );
    await load();
    assert.equal((await relationships("r.id = 'legacy'")).length, 0);
    assert.equal(await fingerprint(), original);
  });

  it('--reset wipes and reloads to the same graph', async () => {
    const before = await fingerprint();
    await db.write("CREATE (:Stray {id: 'not-from-the-seed'})");
    const { report } = await seed(db, true);
    assert.equal(report.claims.unchanged, 0);
    assert.equal(await fingerprint(), before);
  });
});

describe('bad files', () => {
  const source = 'rferl-2015-02-is-planning-attacks.yaml';
  const cases: [string, string, (text: string) => string, RegExp][] = [
    ['a quote that is not in the source', source, (t) => t.replace('SNB officer Alisher Khamdanov', 'SNB officer Alisher Khamdanovv'),
      /rferl-2015-02-is-planning-attacks\.yaml:\d+ claims\[\d+\]\.quotes\[\d+\]: not verbatim in the source: ".*Khamdanov" matches, then the quote has "v" where the text has /],
    ['a claim without quotes', source, (t) => t.replace(/\n    quotes: \[SNB officer Alisher Khamdanov\]/, '\n    quotes: []'),
      /\.yaml:\d+ claims\[\d+\]\.quotes: needs at least one quote/],
    ['an ATTRIBUTED claim without a claimant', source, (t) => t.replace(/claimedBy: \[alisher-khamdanov\]/, 'claimedBy: []'),
      /\.yaml:\d+ claims\[\d+\]\.claimedBy: an ATTRIBUTED claim needs claimedBy/],
    ['a DENIED claim without a disputer', source, (t) => t.replace(/stance: ASSERTED/, 'stance: DENIED'),
      /\.yaml:\d+ claims\[\d+\]\.disputedBy: a DENIED claim needs disputedBy/],
    ['an ASSERTED claim with a claimant', source, (t) => t.replace(/stance: ATTRIBUTED/, 'stance: ASSERTED'),
      /\.yaml:\d+ claims\[\d+\]\.claimedBy: an ASSERTED claim is the source's own voice/],
    ['an unknown actor id', source, (t) => t.replace(/subject: alisher-khamdanov/, 'subject: alisher-khamdanof'),
      /\.yaml:\d+ claims\[\d+\]\.subject: unknown actor id "alisher-khamdanof"/],
    ['an unknown relationship type', source, (t) => t.replace(/type: MEMBER_OF/, 'type: EMPLOYED_BY'),
      /\.yaml:\d+ claims\[\d+\]\.type: unknown relationship type "EMPLOYED_BY"/],
    ['an unknown stance', source, (t) => t.replace(/stance: ASSERTED/, 'stance: RUMOURED'),
      /\.yaml:\d+ claims\[\d+\]\.stance: unknown stance "RUMOURED"/],
    ['a contradiction of an unknown claim', source, (t) => t.replace(/\n    stance: ASSERTED/, '\n    contradicts: [no-such-claim]\n    stance: ASSERTED'),
      /\.yaml:\d+ claims\[\d+\]\.contradicts\[0\]: contradicts names unknown claim "no-such-claim"/],
    ['a malformed date', 'rferl-2015-01-is-70-million.yaml', (t) => t.replace(/since: "?2014-10"?/, 'since: "2014-13"'),
      /\.yaml:\d+ claims\[\d+\]\.since: "2014-13" is not a real date/],
    ['a date that is not a partial date', 'rferl-2015-01-is-70-million.yaml', (t) => t.replace(/since: "?2014-10"?/, 'since: October 2014'),
      /\.yaml:\d+ claims\[\d+\]\.since: must be a partial date/],
    ['a duplicate id', source, (t) => t.replace(/id: alisher-khamdanov\n/, 'id: islam-karimov\n'),
      /\.yaml:\d+ actors\[\d+\]\.id: duplicate actor id "islam-karimov"/],
    ['an unknown field', source, (t) => t.replace(/dateText:/, 'datetext:'),
      /\.yaml:\d+ claims\[\d+\]: Unrecognized key: "datetext"/],
    ['broken YAML', source, (t) => t.replace(/claims:/, 'claims: [\n'), /\.yaml:\d+ \(syntax\): /],
  ];

  for (const [what, file, edit, message] of cases) {
    it(`rejects ${what}, names where, and leaves the database unchanged`, async () => {
      const before = await fingerprint();
      const dir = editedCopy(file, edit);
      await assert.rejects(load(dir), (error: Error) => {
        assert.ok(error instanceof SeedValidationError, error.message);
        assert.match(error.message, message);
        assert.match(error.message, /nothing was written/);
        return true;
      });
      assert.equal(await fingerprint(), before);
    });
  }
});
