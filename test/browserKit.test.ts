// The Neo4j Browser kit: the style covers every actor kind and the claim model, every ready
// query in docs/neo4j-browser.md runs on the seed graph and finds something, and the API
// serves the style and the guide made from those queries to Browser's origin only.
// (test/browserKitConnect.test.ts checks that Browser loads both when it connects.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../src/config.ts';
import { readReadyQueries } from '../src/docs/readyQueries.ts';
import { browserKitPaths } from '../src/browserKitSettings.ts';
import { actorKinds, relationshipTypes } from '../src/domain/vocabulary.ts';
import { config, seededApp } from './support/testGraph.ts';

const queries = readReadyQueries();
const grass = fs.readFileSync(path.join(projectRoot, 'neo4j-browser', 'actorgraph.grass'), 'utf8');

describe('Neo4j Browser kit', () => {
  const setup = seededApp();
  const db = setup.db;

  it('styles every actor kind and captions nodes by name and relationships by type', () => {
    for (const kind of actorKinds) assert.match(grass, new RegExp(`node\\.${kind} \\{[^}]*color: #[0-9A-F]{6};[^}]*caption: "\\{name\\}";`));
    assert.match(grass, /relationship \{[^}]*caption: "<type>";/);
  });

  it('styles claims (captioned by stance, type and credibility), sources (by reliability and title), figures and the edges of claims', () => {
    assert.match(grass, /node\.Claim \{[^}]*color: #[0-9A-F]{6};[^}]*caption: "\{stance\} \{type\} \{credibility\}";/);
    assert.match(grass, /node\.Source \{[^}]*color: #[0-9A-F]{6};[^}]*caption: "\{reliability\} \{title\}";/);
    // Each relationship type shows its best Admiralty grade beside the type.
    for (const type of relationshipTypes) assert.match(grass, new RegExp(`relationship\\.${type} \\{[^}]*caption: "<type> \\{bestGrade\\}";`), type);
    assert.match(grass, /node\.Figure \{[^}]*color: #[0-9A-F]{6};[^}]*caption: "\{measure\}";/);
    for (const type of ['SUBJECT', 'OBJECT', 'IN_SOURCE', 'EVIDENCE', 'CLAIMED_BY', 'DISPUTED_BY', 'CONTRADICTS', 'ABOUT', 'IN_PLACE']) {
      assert.match(grass, new RegExp(`relationship\\.${type} \\{[^}]*color: #[0-9A-F]{6};`), type);
    }
  });

  it("serves the style and the guide with CORS for Browser's origin only (never *)", async () => {
    const origin = `http://localhost:${config.local.httpPort}`;
    assert.equal(config.api.browserOrigin, origin);
    const style = await fetch(`${setup.app.url}${browserKitPaths.style}`, { headers: { origin } });
    assert.equal(style.status, 200);
    assert.equal(style.headers.get('access-control-allow-origin'), origin);
    assert.equal(await style.text(), grass);
    // Browser sends Cache-Control and Pragma with a guide request, so it asks first.
    const preflight = await fetch(`${setup.app.url}${browserKitPaths.guide}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'cache-control,pragma' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    assert.deepEqual(preflight.headers.get('access-control-allow-headers')?.split(/,\s*/).sort(), ['cache-control', 'pragma']);
    const guide = await fetch(`${setup.app.url}${browserKitPaths.guide}`, { headers: { origin: 'http://evil.example' } });
    assert.equal(guide.status, 200);
    assert.equal(guide.headers.get('access-control-allow-origin'), origin, 'the same single origin, whoever asks');
    assert.match(guide.headers.get('content-type') ?? '', /^text\/html/);
    const html = await guide.text();
    assert.equal(html.match(/<slide /g)?.length, queries.length + 1, 'an introduction, then one slide per query');
    assert.equal(html.match(/<pre class="pre-scrollable code runnable">/g)?.length, queries.length);
    const put = await fetch(`${setup.app.url}${browserKitPaths.guide}`, { method: 'PUT', body: 'x' });
    assert.equal(put.status, 405);
  });

  it('has ready queries for the common questions', () => {
    assert.ok(queries.length >= 9);
    for (const topic of ['Ego network', 'Allegiance', 'Shortest path', 'Claims about an actor', 'Contested claims', 'What a source says', 'as of a date']) {
      assert.ok(queries.some((q) => q.title.includes(topic)), topic);
    }
  });

  for (const query of queries) {
    it(`"${query.title}" runs on the seed graph and finds something`, async () => {
      const rows = await db.read(query.cypher);
      assert.ok(rows.length > 0, 'no rows');
    });
  }

  it('the as-of query leaves out the Imam Bukhari pledge to the Taliban before November 2014', async () => {
    type PathRow = { p: { segments: { relationship: { type: string; properties: { since?: string } } }[] } };
    const pledgeDates = async (cypher: string) =>
      (await db.read<PathRow>(cypher))
        .flatMap((row) => row.p.segments.map((s) => s.relationship))
        .filter((r) => r.type === 'PLEDGED_ALLEGIANCE_TO')
        .map((r) => r.properties.since ?? null);
    const asOf = queries.find((q) => q.title.includes('as of a date'))!.cypher;
    const then = await pledgeDates(asOf);
    assert.ok(then.includes('2014-11'), `as of 2015-03-31: ${then.join()}`);
    const before = await pledgeDates(asOf.replace('2015-03-31', '2014-09-30'));
    assert.ok(!before.includes('2014-10') && !before.includes('2014-11'), before.join());
  });
});
