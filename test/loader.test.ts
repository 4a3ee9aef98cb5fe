// The seed loader against the real Neo4j: key facts of the five sources, idempotence,
// in-place updates, and every kind of bad file rejected with nothing written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultDataDir, loadSeed } from '../seed/loader/load.ts';
import { SeedValidationError } from '../seed/loader/problems.ts';
import { config, openTestDb, seed } from './helpers.ts';

const db = openTestDb();

interface Rel { type: string; from: string; to: string; since: string | null; status: string; claimedBy: string[]; disputedBy: string[]; sources: string[]; role: string | null }

async function relationships(where: string, params: Record<string, unknown> = {}): Promise<Rel[]> {
  return db.read<Rel>(
    `MATCH (a:Actor)-[r]->(b:Actor) WHERE r.status IS NOT NULL AND ${where}
     RETURN type(r) AS type, a.id AS from, b.id AS to, r.since AS since, r.status AS status,
            r.claimedBy AS claimedBy, r.disputedBy AS disputedBy, r.sources AS sources, r.role AS role
     ORDER BY type, from, to`,
    params,
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
  it('has both Imam Bukhari pledges, to IS in October 2014 and to the Taliban in November 2014, with their sources', async () => {
    const pledges = await relationships("a.id = 'katibat-imam-bukhari' AND type(r) = 'PLEDGED_ALLEGIANCE_TO' AND b.id IN ['islamic-state', 'taliban']");
    const toIs = pledges.find((r) => r.to === 'islamic-state');
    const toTaliban = pledges.find((r) => r.to === 'taliban');
    assert.equal(toIs?.since, '2014-10');
    assert.equal(toTaliban?.since, '2014-11');
    assert.ok(toIs.sources.includes('rferl-2015-01-is-70-million'));
    assert.ok(toTaliban.sources.includes('rferl-2015-01-is-70-million'));
    assert.ok(toTaliban.sources.includes('rferl-2015-02-is-planning-attacks'));
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

  it("marks Khamdanov's attack claim as claimed by him and disputed by Lillis", async () => {
    const [claim] = await relationships("type(r) = 'THREATENS' AND a.id = 'islamic-state' AND b.id = 'uzbekistan' AND 'alisher-khamdanov' IN r.claimedBy");
    assert.equal(claim?.status, 'DISPUTED');
    assert.deepEqual(claim.claimedBy, ['alisher-khamdanov']);
    assert.ok(claim.disputedBy.includes('joanna-lillis'));
  });

  it('stores the claimed $70 million with its claimant and quote', async () => {
    const [figure] = await db.read<{ value: number; unit: string; claimant: string; quotes: string[] }>(
      `MATCH (f:Figure)-[:CLAIMED_BY]->(c:Actor) WHERE f.value = 70000000 RETURN f.value AS value, f.unit AS unit, c.id AS claimant, f.evidenceQuotes AS quotes`,
    );
    assert.equal(figure?.claimant, 'kadyr-malikov');
    assert.match(figure.unit, /USD/);
    assert.ok(figure.quotes.some((quote) => quote.includes('$70 million')));
  });

  it('links each source to the actors it mentions, with counts and sentences', async () => {
    const [mention] = await db.read<{ count: number; sentences: string[] }>(
      `MATCH (:Source {id: 'rferl-2015-01-is-70-million'})-[m:MENTIONS]->(:Actor {id: 'katibat-imam-bukhari'}) RETURN m.count AS count, m.sentences AS sentences`,
    );
    assert.ok(mention && mention.count >= 3, `count ${mention?.count}`);
    assert.ok(mention.sentences.some((s) => s.includes('Imam Bukhori group')));
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
    for (const [name, counts] of Object.entries(report)) {
      assert.equal(counts.created + counts.updated + counts.removed, 0, `${name}: ${JSON.stringify(counts)}`);
    }
    assert.equal(await fingerprint(), before);
  });

  it('updates a changed relationship in place and removes one deleted from its file', async () => {
    const original = await fingerprint();
    const dir = editedCopy('rferl-2015-04-cooperate-with-russia.yaml', (text) =>
      text.replace(/role: member state/, 'role: founding member state'),
    );
    const { report } = await load(dir);
    assert.equal(report.relationships.updated, 1);
    assert.equal(report.relationships.created, 0);
    const roles = await relationships("type(r) = 'MEMBER_OF' AND b.id = 'csto' AND r.role = 'founding member state'");
    assert.equal(roles.length, 1);
    await load();
    assert.equal(await fingerprint(), original);
  });

  it('--reset wipes and reloads to the same graph', async () => {
    const before = await fingerprint();
    await db.write("CREATE (:Stray {id: 'not-from-the-seed'})");
    const { report } = await seed(db, true);
    assert.equal(report.relationships.unchanged, 0);
    assert.equal(await fingerprint(), before);
  });
});

describe('bad files', () => {
  const source = 'rferl-2015-02-is-planning-attacks.yaml';
  const cases: [string, string, (text: string) => string, RegExp][] = [
    ['a quote that is not in the source', source, (t) => t.replace('SNB officer Alisher Khamdanov', 'SNB officer Alisher Khamdanovv'),
      /rferl-2015-02-is-planning-attacks\.yaml:\d+ relationships\[\d+\]\.evidence\[\d+\]\.quote: quote not found in source "rferl-2015-02-is-planning-attacks" \(id [a-z-]+\): ".*Khamdanovv/],
    ['an unknown actor id', source, (t) => t.replace(/from: alisher-khamdanov/, 'from: alisher-khamdanof'),
      /\.yaml:\d+ relationships\[\d+\]\.from: unknown actor id "alisher-khamdanof"/],
    ['an unknown relationship type', source, (t) => t.replace(/type: MEMBER_OF/, 'type: EMPLOYED_BY'),
      /\.yaml:\d+ relationships\[\d+\]\.type: unknown relationship type "EMPLOYED_BY"/],
    ['an unknown status', source, (t) => t.replace(/status: REPORTED/, 'status: RUMOURED'),
      /\.yaml:\d+ relationships\[\d+\]\.status: unknown status "RUMOURED"/],
    ['a malformed date', 'rferl-2015-01-is-70-million.yaml', (t) => t.replace(/since: "?2014-10"?/, 'since: "2014-13"'),
      /\.yaml:\d+ relationships\[\d+\]\.since: "2014-13" is not a real date/],
    ['a date that is not a partial date', 'rferl-2015-01-is-70-million.yaml', (t) => t.replace(/since: "?2014-10"?/, 'since: October 2014'),
      /\.yaml:\d+ relationships\[\d+\]\.since: must be a partial date/],
    ['a duplicate id', source, (t) => t.replace(/id: alisher-khamdanov\n/, 'id: islam-karimov\n'),
      /\.yaml:\d+ actors\[\d+\]\.id: duplicate actor id "islam-karimov"/],
    ['an unknown field', source, (t) => t.replace(/dateText:/, 'datetext:'),
      /\.yaml:\d+ relationships\[\d+\]: Unrecognized key: "datetext"/],
    ['broken YAML', source, (t) => t.replace(/relationships:/, 'relationships: [\n'), /\.yaml:\d+ \(syntax\): /],
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
