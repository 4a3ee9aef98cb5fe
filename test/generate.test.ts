// The benchmark's graph generator against the real Neo4j: 3,000 generated relationships load
// through the real loader without a problem, and the graph has the shape asked for (hubs,
// several sources per relationship, every kind, type and stance, disputes and allegations);
// the probes it chose hold, and the same seed writes the same files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadSeed } from '../src/loader/load.ts';
import { generateGraph, type GeneratedGraph } from '../bench/generate.ts';
import { typePattern } from '../src/graph/filters.ts';
import { searchActors } from '../src/graph/search.ts';
import { actorKinds, claimStatuses, relationshipTypes, stances } from '../src/domain/vocabulary.ts';
import { config, openTestDb, seed } from './support/testGraph.ts';

const db = openTestDb();
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'generate-'));
const asked = 3000;
let graph: GeneratedGraph;
let derived = 0;

before(async () => {
  graph = await generateGraph(path.join(temp, 'first'), { relationships: asked, seed: 7 });
  const { report } = await loadSeed(db, { dataDir: graph.dataDir, sourcesDir: graph.sourcesDir, reset: true, batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
  derived = report.relationships.derived;
});

// Later test files count the real seed: it is loaded afresh.
after(async () => {
  await seed(db, true);
  await db.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

const rel = `r${typePattern()}`;
const outDir = (g: GeneratedGraph) => path.dirname(g.dataDir);

async function degrees(): Promise<Map<string, number>> {
  const rows = await db.read<{ id: string; degree: number }>(`MATCH (a:Actor) RETURN a.id AS id, COUNT { (a)-[${rel}]-(:Actor) } AS degree`);
  return new Map(rows.map((row) => [row.id, row.degree]));
}

async function distinct(cypher: string): Promise<string[]> {
  const rows = await db.read<{ value: string }>(cypher);
  return rows.map((row) => row.value).sort();
}

describe('npm run bench:generate', () => {
  it('writes as many relationships as asked, which the loader derives', async () => {
    assert.equal(derived, asked);
    assert.equal(graph.counts.relationships, asked);
    const [row] = await db.read<{ n: number }>(`MATCH (:Actor)-[${rel}]->(:Actor) RETURN count(r) AS n`);
    assert.equal(row!.n, asked);
    assert.ok(graph.counts.actors >= asked / 12 && graph.counts.actors <= asked / 8, `${graph.counts.actors} actors`);
  });

  it('makes degrees heavy-tailed: a few hubs, most actors with a handful of ties', async () => {
    const sorted = [...(await degrees()).values()].sort((a, b) => a - b);
    const [median, max] = [sorted[sorted.length >> 1]!, sorted[sorted.length - 1]!];
    assert.ok(median <= 10 && max >= 20 * median, `median ${median}, max ${max}`);
    assert.ok(sorted[0]! >= 1, 'every actor has a relationship');
  });

  it('uses every kind, type, stance, role and precision of date', async () => {
    assert.deepEqual(await distinct('MATCH (a:Actor) RETURN DISTINCT a.kind AS value'), [...actorKinds].sort());
    assert.deepEqual(await distinct(`MATCH ()-[${rel}]->() RETURN DISTINCT type(r) AS value`), [...relationshipTypes].sort());
    assert.deepEqual(await distinct('MATCH (c:Claim) RETURN DISTINCT c.stance AS value'), [...stances].sort());
    assert.deepEqual(await distinct('MATCH ()-[r]->() WHERE r.role IS NOT NULL RETURN DISTINCT type(r) AS value'), ['LEADS', 'MEMBER_OF']);
    assert.deepEqual(await distinct("MATCH (c:Claim) RETURN DISTINCT coalesce(c.sincePrecision, 'undated') AS value"), ['day', 'month', 'undated', 'year']);
    assert.deepEqual(await distinct('MATCH (s:Source) RETURN DISTINCT s.publishedPrecision AS value'), ['day', 'month', 'year']);
    const [row] = await db.read<{ until: number; dateText: number; minYear: string; maxYear: string }>(
      'MATCH (c:Claim) RETURN count(c.until) AS until, count(c.dateText) AS dateText, min(c.sinceStart) AS minYear, max(c.sinceStart) AS maxYear',
    );
    assert.ok(row!.until > 0 && row!.dateText > 0, JSON.stringify(row));
    assert.ok(row!.minYear >= '1990' && row!.maxYear <= '2026', JSON.stringify(row));
  });

  it('gives relationships several claims from different sources, with denials and contradictions', async () => {
    const [row] = await db.read<{ multiSourced: number; mean: number; contradictions: number; sameSource: number }>(
      `CALL () { MATCH ()-[${rel}]->() WHERE r.claimCount >= 3
                 AND COUNT { MATCH (c:Claim {relationship: r.id})-[:IN_SOURCE]->(s:Source) RETURN DISTINCT s } = r.claimCount
                 RETURN count(r) AS multiSourced }
       CALL () { MATCH ()-[${rel}]->() RETURN avg(r.claimCount) AS mean }
       CALL () { MATCH (a:Claim)-[:CONTRADICTS]->(b:Claim) RETURN count(*) AS contradictions,
                   count(CASE WHEN EXISTS { (a)-[:IN_SOURCE]->(s)<-[:IN_SOURCE]-(b) } THEN 1 END) AS sameSource }
       RETURN multiSourced, mean, contradictions, sameSource`,
    );
    assert.ok(row!.multiSourced > 50, `${row!.multiSourced} relationships with three or more sources`);
    assert.ok(row!.mean > 1.3 && row!.mean < 1.7, `mean ${row!.mean} claims per relationship`);
    assert.equal(row!.contradictions, graph.counts.contradictions);
    assert.equal(row!.sameSource, 0);
    const statuses = await db.read<{ status: string; n: number }>(`MATCH ()-[${rel}]->() RETURN r.status AS status, count(*) AS n ORDER BY status`);
    assert.deepEqual(statuses.map((s) => s.status), [...claimStatuses].sort());
    // A relationship is INFERRED only when every claim of it is a curator's reading: rarer.
    assert.ok(statuses.every((s) => s.n > asked / (s.status === 'INFERRED' ? 1000 : 20)), JSON.stringify(statuses));
  });

  it('quotes sentences of the source that name the actors, so the loader finds mentions', async () => {
    const [row] = await db.read<{ quotes: number; named: number; mentioned: number }>(
      `MATCH (c:Claim)-[e:EVIDENCE]->(s:Source)
       WITH c, e, s LIMIT 1000
       RETURN count(*) AS quotes,
              count(CASE WHEN EXISTS { MATCH (c)-[:SUBJECT|OBJECT|CLAIMED_BY|DISPUTED_BY]->(a:Actor) WHERE any(n IN [a.name] + a.aliases WHERE e.quote CONTAINS n) } THEN 1 END) AS named,
              count(CASE WHEN EXISTS { (c)-[:SUBJECT]->(:Actor)<-[:MENTIONS]-(s) } THEN 1 END) AS mentioned`,
    );
    assert.equal(row!.named, row!.quotes);
    assert.equal(row!.mentioned, row!.quotes);
  });

  it('chooses probes that hold in the loaded graph', async () => {
    const { probes } = graph;
    const degree = await degrees();
    assert.equal(degree.get(probes.hub), Math.max(...degree.values()));
    assert.ok(degree.get(probes.leaf)! >= 1 && degree.get(probes.leaf)! <= 3);

    const [shortest] = await db.read<{ hops: number }>(
      `MATCH (a:Actor {id: $from}), (b:Actor {id: $to}) MATCH p = shortestPath((a)-[${typePattern()}*..8]-(b)) RETURN length(p) AS hops`,
      { from: probes.pathFrom, to: probes.pathTo },
    );
    assert.ok(shortest!.hops >= 3, `${shortest!.hops} hops`);

    const manifest = JSON.parse(fs.readFileSync(path.join(outDir(graph), 'manifest.json'), 'utf8')) as { searchTarget: string };
    const [held] = await db.read<{ n: number }>('MATCH (a:Actor) WHERE toLower(a.name) = $t OR any(x IN a.aliases WHERE toLower(x) = $t) RETURN count(a) AS n', { t: probes.searchText.toLowerCase() });
    assert.equal(held!.n, 0, `"${probes.searchText}" is held verbatim`);
    const found = await searchActors(db, { text: probes.searchText });
    assert.equal(found[0]?.id, manifest.searchTarget, `search "${probes.searchText}": ${found.map((a) => a.id).join(', ')}`);

    const [quotes] = await db.read<{ n: number }>(
      `CALL db.index.fulltext.queryRelationships('evidence_quotes', $phrase) YIELD relationship RETURN count(DISTINCT startNode(relationship)) AS n`,
      { phrase: `"${probes.quoteText.toLowerCase()}"` },
    );
    assert.ok(quotes!.n >= 20, `${quotes!.n} claims quote "${probes.quoteText}"`);

    const [most] = await db.read<{ claims: number; mostClaims: number; size: number; largest: number }>(
      `CALL () { MATCH (a:Actor) RETURN max(COUNT { (a)<-[:CLAIMED_BY]-(:Claim) }) AS mostClaims }
       CALL () { MATCH (s:Source) RETURN max(COUNT { (s)<-[:IN_SOURCE]-(:Claim) }) AS largest }
       RETURN COUNT { (:Actor {id: $claimant})<-[:CLAIMED_BY]-(:Claim) } AS claims, mostClaims,
              COUNT { (:Source {id: $source})<-[:IN_SOURCE]-(:Claim) } AS size, largest`,
      { claimant: probes.claimant, source: probes.source },
    );
    assert.deepEqual([most!.claims, most!.size], [most!.mostClaims, most!.largest]);
    assert.match(probes.asOf, /^(199\d|20[0-2]\d)$/);
    assert.equal(probes.types.length, 2);
  });

  it('writes the same files for the same seed', async () => {
    const again = await generateGraph(path.join(temp, 'again'), { relationships: asked, seed: 7 });
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files(outDir(again)), files(outDir(graph)));
    for (const file of files(outDir(graph)).filter((f) => fs.statSync(path.join(outDir(graph), f)).isFile())) {
      assert.ok(fs.readFileSync(path.join(outDir(again), file)).equals(fs.readFileSync(path.join(outDir(graph), file))), `${file} differs`);
    }
  });
});
