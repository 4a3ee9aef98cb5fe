// The Neo4j Browser kit: the style covers every actor kind, and every ready query in
// docs/neo4j-browser.md runs on the seed graph and finds something.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';
import { actorKinds } from '../src/vocabulary.ts';
import { openTestDb, seed } from './helpers.ts';

const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'neo4j-browser.md'), 'utf8');
const queries = doc
  .split(/^### /m)
  .slice(1)
  .map((section) => ({ title: section.split('\n')[0]!.trim(), cypher: /```cypher\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '' }));

describe('Neo4j Browser kit', () => {
  const db = openTestDb();
  before(() => seed(db));
  after(() => db.close());

  it('styles every actor kind and captions nodes by name and relationships by type', () => {
    const grass = fs.readFileSync(path.join(projectRoot, 'neo4j-browser', 'actorgraph.grass'), 'utf8');
    for (const kind of actorKinds) assert.match(grass, new RegExp(`node\\.${kind} \\{[^}]*color: #[0-9A-F]{6};[^}]*caption: "\\{name\\}";`));
    assert.match(grass, /relationship \{[^}]*caption: "<type>";/);
  });

  it('has ready queries for the common questions', () => {
    assert.ok(queries.length >= 9);
    for (const topic of ['Ego network', 'Allegiance', 'Shortest path', 'Contested claims', 'What a source says', 'as of a date']) {
      assert.ok(queries.some((q) => q.title.includes(topic)), topic);
    }
  });

  for (const query of queries) {
    it(`"${query.title}" runs on the seed graph and finds something`, async () => {
      const rows = await db.read(query.cypher);
      assert.ok(rows.length > 0, 'no rows');
    });
  }

  it('the as-of query leaves out the Imam Bukhari pledges before October 2014', async () => {
    type PathRow = { p: { segments: { relationship: { type: string; properties: { since?: string } } }[] } };
    const pledgeDates = async (cypher: string) =>
      (await db.read<PathRow>(cypher))
        .flatMap((row) => row.p.segments.map((s) => s.relationship))
        .filter((r) => r.type === 'PLEDGED_ALLEGIANCE_TO')
        .map((r) => r.properties.since ?? null);
    const asOf = queries.find((q) => q.title.includes('as of a date'))!.cypher;
    const before = await pledgeDates(asOf);
    assert.ok(!before.includes('2014-10') && !before.includes('2014-11'), before.join());
    const later = await pledgeDates(asOf.replace('2014-09-30', '2014-12-31'));
    assert.ok(later.includes('2014-10') && later.includes('2014-11'), later.join());
  });
});
