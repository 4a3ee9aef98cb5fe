// The web app (web/), driven in a real Chromium against the real API and Neo4j: alias search,
// the ego network, the time slider, the side panel's evidence, filters, expansion, shortest
// path, exports, a link that restores the view; and the rendering benchmark (web/perf.html).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import * as graphml from 'graphology-graphml';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild, webRoot } from '../src/server/webBuild.ts';
import { relationshipTypes } from '../src/vocabulary.ts';
import { asOfToStep } from '../web/src/timeScale.ts';
import { seededApp } from './helpers.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.join(projectRoot, 'test', 'artifacts');

const bukhari = 'katibat-imam-bukhari';
const pledgedTo = ['islamic-state', 'taliban'];

interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

// The page functions are strings: this file is compiled for node, without the DOM's types.

/** Edges Cytoscape draws (loaded and not hidden by a filter). */
function drawnEdges(page: Page): Promise<DrawnEdge[]> {
  return page.evaluate<DrawnEdge[]>(
    `window.__cy.edges(':visible').map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('type') }))`,
  );
}

async function bukhariPledges(page: Page): Promise<string[]> {
  const edges = await drawnEdges(page);
  return edges
    .filter((e) => e.source === bukhari && e.type === 'PLEDGED_ALLEGIANCE_TO' && pledgedTo.includes(e.target))
    .map((e) => e.target)
    .sort();
}

/** Waits until the app has no request in flight and Cytoscape has drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
}

async function moveSlider(page: Page, asOf: string | null): Promise<void> {
  await page.getByTestId('time-slider').fill(String(asOfToStep(asOf)));
  assert.equal(await page.getByTestId('time-label').textContent(), asOf ?? 'all time');
  await settled(page);
}

describe('web app', () => {
  const setup = seededApp();
  let browser: Browser;
  let page: Page;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    await ensureWebBuild();
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(setup.app.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
  });

  it('web/ type-checks (Vite does not)', () => {
    const tsc = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', path.join(webRoot, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it('finds Katibat Imam Bukhari by a variant spelling and draws its pledges as of the slider date', { timeout: 180_000 }, async () => {
    await page.goto(`${setup.app.url}/`);
    await settled(page);

    const legendTypes = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid^="filter-type-"][type="checkbox"]')].map((b) => b.value)`);
    assert.deepEqual(legendTypes, [...relationshipTypes], 'the legend follows the vocabulary');

    await page.getByTestId('search-input').fill('Bukhori');
    const suggestion = page.locator(`[data-testid="suggestion"][data-id="${bukhari}"]`);
    await suggestion.waitFor();
    assert.match((await suggestion.textContent()) ?? '', /Katibat al-Imam Bukhari/);
    await suggestion.click();
    await page.waitForURL(/focus=katibat-imam-bukhari/);
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), pledgedTo, 'both pledges are drawn for all time');

    await moveSlider(page, '2014-09');
    assert.deepEqual(await bukhariPledges(page), [], 'no pledge before October 2014');
    assert.match(page.url(), /asOf=2014-09/);

    await moveSlider(page, '2014-12');
    assert.deepEqual(await bukhariPledges(page), pledgedTo, 'both pledges by December 2014');
  });

  it('shows a relationship with its evidence when it is clicked', async () => {
    const edgeId = (await drawnEdges(page)).find((e) => e.source === bukhari && e.target === 'taliban' && e.type === 'PLEDGED_ALLEGIANCE_TO')!.id;
    const point = await page.evaluate<{ x: number; y: number }>(`(() => {
      const box = document.querySelector('[data-testid="graph"]').getBoundingClientRect();
      const mid = window.__cy.getElementById(${JSON.stringify(edgeId)}).renderedMidpoint();
      return { x: box.left + mid.x, y: box.top + mid.y };
    })()`);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(new RegExp(`select=${edgeId}`));
    const panel = page.getByTestId('side-panel');
    const quotes = await panel.getByTestId('evidence-quote').allTextContents();
    assert.ok(quotes.some((quote) => quote.includes('pledged allegiance to the Afghan Taliban')), quotes.join(' | '));
    assert.match((await panel.getByTestId('evidence-source').first().textContent()) ?? '', /Kyrgyz Claim That IS Allocated/);
    assert.equal(await panel.getByTestId('relationship-status').textContent(), 'REPORTED');
    assert.equal(await page.evaluate(`window.__cy.$(':selected').map((e) => e.id()).join()`), edgeId);
  });

  it('restores the view from its link on reload', async () => {
    const url = page.url();
    await page.reload();
    await settled(page);
    assert.equal(page.url(), url);
    assert.deepEqual(await bukhariPledges(page), pledgedTo);
    assert.equal(await page.getByTestId('time-label').textContent(), '2014-12');
    assert.equal(await page.getByTestId('search-input').inputValue(), 'Katibat al-Imam Bukhari');
    assert.ok((await page.getByTestId('side-panel').getByTestId('evidence-quote').count()) > 0, 'the selected relationship is shown again');
    await page.screenshot({ path: path.join(artifacts, 'webapp.png') });
  });

  it('filters by relationship type, claim status and actor kind', async () => {
    await page.getByTestId('filter-type-PLEDGED_ALLEGIANCE_TO').uncheck();
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), []);
    assert.match(page.url(), /types=/);
    await page.getByTestId('filter-type-PLEDGED_ALLEGIANCE_TO').check();
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), pledgedTo);

    await page.getByTestId('filter-status-REPORTED').uncheck();
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), [], 'the pledges are REPORTED');
    await page.getByTestId('filter-status-REPORTED').check();

    await page.getByTestId('filter-kind-PERSON').uncheck();
    await settled(page);
    const people = await page.evaluate<number>(`window.__cy.nodes(':visible').filter((n) => n.data('kind') === 'PERSON').length`);
    assert.equal(people, 0);
    await page.getByTestId('filter-kind-PERSON').check();
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), pledgedTo);
  });

  it('expands an actor from the side panel', async () => {
    const before = await page.evaluate<number>(`window.__cy.nodes(':visible').length`);
    const point = await page.evaluate<{ x: number; y: number }>(`(() => {
      const box = document.querySelector('[data-testid="graph"]').getBoundingClientRect();
      const p = window.__cy.getElementById('islamic-state').renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    })()`);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/select=islamic-state/);
    await page.getByTestId('side-panel').getByTestId('expand').click();
    await page.waitForURL(/expand=islamic-state/);
    await settled(page);
    const after = await page.evaluate<number>(`window.__cy.nodes(':visible').length`);
    assert.ok(after > before, `expanding Islamic State draws more actors (${before} -> ${after})`);
    assert.ok(await page.evaluate<boolean>(`window.__cy.getElementById('abu-bakr-al-baghdadi').visible()`));
  });

  it('highlights the shortest path between two actors', async () => {
    await page.getByTestId('path-from-input').fill('Bukhari');
    await page.locator(`#path-from-suggestions [data-id="${bukhari}"]`).click();
    await page.getByTestId('path-to-input').fill('CSTO');
    await page.locator('#path-to-suggestions [data-id="csto"]').click();
    await page.waitForURL(/to=csto/);
    await settled(page);
    const onPath = await page.evaluate<{ nodes: string[]; edges: number }>(
      `({ nodes: window.__cy.nodes('.onPath').map((n) => n.id()), edges: window.__cy.edges('.onPath').length })`,
    );
    assert.ok(onPath.nodes.includes(bukhari) && onPath.nodes.includes('csto'), onPath.nodes.join());
    assert.equal(onPath.edges, onPath.nodes.length - 1);
    assert.match((await page.getByTestId('path-status').textContent()) ?? '', /Shortest path: \d hops?/);
    await page.screenshot({ path: path.join(artifacts, 'webapp-path.png') });
    await page.getByTestId('path-clear').click();
    await settled(page);
    assert.equal(await page.evaluate<number>(`window.__cy.elements('.onPath').length`), 0);
  });

  it('exports the view as PNG, GraphML and JSON', async () => {
    const download = async (testid: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
    };
    const shown = await page.evaluate<{ nodes: number; edges: number }>(`({ nodes: window.__cy.nodes(':visible').length, edges: window.__cy.edges(':visible').length })`);

    const png = await download('export-png');
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    const json = JSON.parse((await download('export-json')).bytes.toString('utf8')) as {
      nodes: { id: string; kind: string }[];
      edges: { id: string; source: string; target: string; type: string; status: string; since: string | null; sources: { id: string; title: string }[]; evidence: { quote: string }[] }[];
    };
    assert.equal(json.nodes.length, shown.nodes);
    assert.equal(json.edges.length, shown.edges);
    const pledge = json.edges.find((e) => e.source === bukhari && e.target === 'taliban' && e.type === 'PLEDGED_ALLEGIANCE_TO')!;
    assert.equal(pledge.status, 'REPORTED');
    assert.equal(pledge.since, '2014-11');
    assert.ok(pledge.sources.length > 0 && pledge.evidence.length > 0);

    const parsed = graphml.parse(MultiDirectedGraph, (await download('export-graphml')).bytes.toString('utf8'));
    assert.equal(parsed.order, shown.nodes);
    assert.equal(parsed.size, shown.edges);
    const attributes = parsed.getEdgeAttributes(pledge.id);
    assert.equal(attributes.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(attributes.status, 'REPORTED');
    assert.equal(attributes.since, '2014-11');
    assert.match(String(attributes.evidenceQuotes), /Afghan Taliban/);
    assert.equal(parsed.getNodeAttributes(bukhari).kind, 'GROUP');
  });

  it('loads nothing from outside the app and logs no errors (a Content-Security-Policy violation would be one)', () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(pageErrors, []);
  });

  it('renders a synthetic graph of 3,000 actors and 6,000 relationships (web/perf.html)', { timeout: 600_000 }, async (t) => {
    const perf = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    try {
      await perf.goto(`${setup.app.url}/perf.html?nodes=3000&edges=6000`);
      await perf.waitForSelector('#perf-result[data-done="true"]', { timeout: 540_000 });
      const result = JSON.parse((await perf.textContent('#perf-result')) ?? '{}') as Record<string, number | string>;
      assert.equal(result.error, undefined, String(result.error));
      assert.ok(Number(result.nodes) >= 3000, `rendered ${result.nodes} nodes`);
      assert.ok(Number(result.edges) >= 5900, `rendered ${result.edges} edges`);
      assert.equal(await perf.evaluate<number>(`window.__cy.nodes().length`), result.nodes);
      await perf.screenshot({ path: path.join(artifacts, 'webapp-perf.png') });
      const summary = `perf.html: ${result.nodes} nodes, ${result.edges} edges, ${result.layout} layout ${result.layoutMs} ms, first frame ${result.firstFrameMs} ms, frames mean ${result.frameMsMean} ms / median ${result.frameMsMedian} ms / p95 ${result.frameMsP95} ms`;
      t.diagnostic(summary);
      console.log(summary);
    } finally {
      await perf.close();
    }
  });
});
