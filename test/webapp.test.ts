// The web app (web/), driven in a real Chromium against the real API and Neo4j: alias search,
// the ego network, the time slider, the side panel's claims by source with their stances,
// claimants, disputers and contradictions, the reading view that marks a quote in its source,
// undated ties shown by when they were reported, filters, expansion, shortest path, exports, a
// link that restores the view; and the rendering benchmark (web/perf.html).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import * as graphml from 'graphology-graphml';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild, webRoot } from '../src/http/webBuild.ts';
import { relationshipTypes } from '../src/domain/vocabulary.ts';
import { asOfToStep } from '../web/src/time/timeScale.ts';
import { launchChromium } from './support/chromium.ts';
import { seededApp } from './support/testGraph.ts';

const artifacts = path.join(projectRoot, 'test', 'artifacts');

const bukhari = 'katibat-imam-bukhari';
const pledgedTo = ['abu-bakr-al-baghdadi', 'mullah-omar', 'taliban'];
/** The Diplomat's pledge to al-Baghdadi is undated: it holds from its first report, 2016-07. */
const undatedPledge = 'abu-bakr-al-baghdadi';
const talibanPledge = 'katibat-imam-bukhari--pledged-allegiance-to--taliban';
const baghdadiPledge = 'katibat-imam-bukhari--pledged-allegiance-to--abu-bakr-al-baghdadi';

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

/** Runs of whitespace as one space: quotes match their source's text that way. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

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
    browser = await launchChromium();
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
    assert.deepEqual(await bukhariPledges(page), pledgedTo, 'every pledge is drawn for all time');

    await moveSlider(page, '2014-09');
    assert.deepEqual(await bukhariPledges(page), [], 'no dated pledge before November 2014, and the undated one was not reported yet');
    assert.match(page.url(), /asOf=2014-09/);

    await moveSlider(page, '2014-12');
    assert.deepEqual(await bukhariPledges(page), pledgedTo.filter((to) => to !== undatedPledge), 'the dated pledges by December 2014; the undated one holds from its first report, 2016-07');

    await moveSlider(page, '2016-07');
    assert.deepEqual(await bukhariPledges(page), pledgedTo, 'every pledge by July 2016, when the undated one was reported');
  });

  it('shows the claims of a relationship by source, with their contradictions, when it is clicked', async () => {
    const edgeId = (await drawnEdges(page)).find((e) => e.source === bukhari && e.target === 'taliban' && e.type === 'PLEDGED_ALLEGIANCE_TO')!.id;
    assert.equal(edgeId, talibanPledge);
    const point = await page.evaluate<{ x: number; y: number }>(`(() => {
      const box = document.querySelector('[data-testid="graph"]').getBoundingClientRect();
      const mid = window.__cy.getElementById(${JSON.stringify(edgeId)}).renderedMidpoint();
      return { x: box.left + mid.x, y: box.top + mid.y };
    })()`);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(new RegExp(`select=${edgeId}`));
    assert.equal(await page.evaluate(`window.__cy.$(':selected').map((e) => e.id()).join()`), edgeId);
    const panel = page.getByTestId('side-panel');
    assert.equal(await panel.getByTestId('relationship-status').textContent(), 'DISPUTED');
    assert.equal(await panel.getByTestId('relationship-when').textContent(), 'since 2014-11');

    // Two RFE/RL articles claim it, the latest observed first; each claim is asserted in the source's own voice.
    const groups = panel.getByTestId('claim-source');
    assert.deepEqual(await groups.evaluateAll((sections) => sections.map((s) => s.getAttribute('data-source-id'))), ['rferl-2015-02-is-planning-attacks', 'rferl-2015-01-is-70-million']);
    assert.match((await groups.nth(1).getByTestId('claim-source-title').textContent()) ?? '', /Kyrgyz Claim That IS Allocated/);
    assert.equal(await groups.nth(1).getByTestId('claim-source-about').textContent(), 'RFE/RL, 2015-01');
    assert.deepEqual(await panel.getByTestId('claim-stance').allTextContents(), ['ASSERTED', 'ASSERTED']);
    assert.deepEqual(await panel.getByTestId('claim-observed').allTextContents(), ['reported 2015-02', 'reported 2015-01']);
    const quotes = await groups.nth(1).getByTestId('evidence-quote').allTextContents();
    assert.ok(quotes.some((quote) => quote.includes('pledged allegiance to the Afghan Taliban')), quotes.join(' | '));

    // Both are contradicted by the Diplomat's claim that the group as a whole swore allegiance to al-Baghdadi.
    const contradictions = await panel.getByTestId('claim-contradicts').allTextContents();
    assert.equal(contradictions.length, 2);
    for (const text of contradictions) {
      assert.match(text, /Katibat al-Imam Bukhari pledged allegiance to Abu Bakr al-Baghdadi/);
      assert.match(text, /Is Central Asia Ready to Face ISIS\? \(The Diplomat, 2016-07\)/);
    }

    // The contradicting claim's relationship is loaded: its link selects it. It is undated, so it shows when it was reported.
    await panel.getByTestId('claim-contradicts').first().locator(`[data-id="${baghdadiPledge}"]`).click();
    await page.waitForURL(new RegExp(`select=${baghdadiPledge}`));
    assert.equal(await panel.getByTestId('relationship-when').textContent(), 'reported 2016-07');
    assert.equal(await panel.getByTestId('claim-source').getAttribute('data-source-id'), 'diplomat-2016-07-ready-to-face-isis');
    const diplomat = (await panel.getByTestId('claim-contradicts').textContent()) ?? '';
    for (const part of ['pledged allegiance to Afghan Taliban', 'pledged allegiance to Mullah Omar', 'Kyrgyz Claim That IS Allocated', 'Uzbek Intelligence Agent Claims']) assert.ok(diplomat.includes(part), `${part} in ${diplomat}`);

    // In the actor's list of loaded relationships, the undated pledge reads as reported too.
    await panel.locator(`.ends [data-id="${bukhari}"]`).click();
    await page.waitForURL(new RegExp(`select=${bukhari}(&|$)`));
    assert.match((await panel.locator(`[data-testid="actor-relationships"] li[data-id="${baghdadiPledge}"]`).textContent()) ?? '', /reported 2016-07$/);

    await page.getByTestId('side-panel').locator(`[data-testid="actor-relationships"] li[data-id="${talibanPledge}"] button.type`).click();
    await page.waitForURL(new RegExp(`select=${talibanPledge}`));
  });

  it('restores the view from its link on reload', async () => {
    const url = page.url();
    await page.reload();
    await settled(page);
    assert.equal(page.url(), url);
    assert.deepEqual(await bukhariPledges(page), pledgedTo);
    assert.equal(await page.getByTestId('time-label').textContent(), '2016-07');
    assert.equal(await page.getByTestId('search-input').inputValue(), 'Katibat al-Imam Bukhari');
    assert.equal(await page.getByTestId('side-panel').getByTestId('claim').count(), 2, 'the selected relationship is shown again');
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

    await page.getByTestId('filter-status-DISPUTED').uncheck();
    await settled(page);
    assert.deepEqual(await bukhariPledges(page), [], 'the pledges are DISPUTED');
    await page.getByTestId('filter-status-DISPUTED').check();

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
      const p = window.__cy.getElementById('abu-bakr-al-baghdadi').renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    })()`);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/select=abu-bakr-al-baghdadi/);
    await page.getByTestId('side-panel').getByTestId('expand').click();
    await page.waitForURL(/expand=abu-bakr-al-baghdadi/);
    await settled(page);
    const after = await page.evaluate<number>(`window.__cy.nodes(':visible').length`);
    assert.ok(after > before, `expanding al-Baghdadi draws more actors (${before} -> ${after})`);
    assert.ok(await page.evaluate<boolean>(`window.__cy.getElementById('islamic-state').visible()`));
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
      edges: {
        id: string;
        source: string;
        target: string;
        type: string;
        status: string;
        since: string | null;
        firstObserved: string | null;
        lastObserved: string | null;
        sources: { id: string; title: string }[];
        evidence: { quote: string }[];
        claims: { id: string; stance: string }[];
      }[];
    };
    assert.equal(json.nodes.length, shown.nodes);
    assert.equal(json.edges.length, shown.edges);
    const pledge = json.edges.find((e) => e.source === bukhari && e.target === 'taliban' && e.type === 'PLEDGED_ALLEGIANCE_TO')!;
    assert.equal(pledge.status, 'DISPUTED');
    assert.equal(pledge.since, '2014-11');
    assert.deepEqual([pledge.firstObserved, pledge.lastObserved], ['2015-01', '2015-02']);
    assert.deepEqual(pledge.claims.map((c) => c.stance), ['ASSERTED', 'ASSERTED']);
    assert.equal(pledge.sources.length, 2);
    assert.ok(pledge.evidence.length >= 2);

    const parsed = graphml.parse(MultiDirectedGraph, (await download('export-graphml')).bytes.toString('utf8'));
    assert.equal(parsed.order, shown.nodes);
    assert.equal(parsed.size, shown.edges);
    const attributes = parsed.getEdgeAttributes(pledge.id);
    assert.equal(attributes.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(attributes.status, 'DISPUTED');
    assert.equal(attributes.claimCount, 2);
    assert.equal(attributes.since, '2014-11');
    assert.match(String(attributes.evidenceQuotes), /Afghan Taliban/);
    assert.equal(parsed.getNodeAttributes(bukhari).kind, 'GROUP');
  });

  it('lists a disputed threat claim by claim, and opens a quote marked in its source', { timeout: 120_000 }, async () => {
    const relationship = 'islamic-state--threatens--uzbekistan';
    const khamdanov = 'islamic-state--threatens--uzbekistan--rferl-2015-02';
    await page.goto(`${setup.app.url}/?focus=islamic-state&select=${relationship}`);
    await settled(page);
    const panel = page.getByTestId('side-panel');
    assert.equal(await panel.getByTestId('relationship-status').textContent(), 'DISPUTED');
    assert.equal(await panel.getByTestId('relationship-when').textContent(), 'reported 2015-02 – 2015-04', 'undated: shown by when the sources reported it');

    // Its claims by source, the latest observed first, each with its stance, claimants and disputers.
    const groups = panel.getByTestId('claim-source');
    assert.deepEqual(await groups.evaluateAll((sections) => sections.map((s) => s.getAttribute('data-source-id'))), ['rferl-2015-04-cooperate-with-russia', 'rferl-2015-02-is-planning-attacks']);
    assert.deepEqual(await groups.getByTestId('claim-source-about').allTextContents(), ['RFE/RL, 2015-04', 'RFE/RL, 2015-02']);
    assert.equal(await panel.getByTestId('claim').count(), 3);
    const claim = groups.nth(1).locator(`[data-claim-id="${khamdanov}"]`);
    assert.equal(await claim.getByTestId('claim-stance').textContent(), 'ATTRIBUTED');
    assert.match((await claim.getByTestId('claim-stance').getAttribute('title')) ?? '', /someone claims it/, 'the stance explains itself with the vocabulary');
    assert.match((await claim.getAttribute('class')) ?? '', /\bstance-attributed\b/);
    assert.equal(await claim.getByTestId('claim-claimants').textContent(), 'Claimed by Alisher Khamdanov');
    assert.equal(await claim.getByTestId('claim-disputers').textContent(), 'Disputed by Joanna Lillis');
    assert.equal(await claim.getByTestId('claim-observed').textContent(), 'reported 2015-02');
    assert.equal(await claim.getByTestId('claim-dates').textContent(), '“spring 2015”');
    assert.match((await claim.getByTestId('claim-note').textContent()) ?? '', /Khamdanov had not appeared before as an SNB spokesperson/);

    // The quote, its place and the source's text, as the API holds them.
    const { body } = await setup.app.graphql<{ claim: { evidence: { quote: string; start: number; end: number }[]; source: { title: string; text: string } } }>(
      `query ($id: ID!) { claim(id: $id) { evidence { quote start end } source { title text } } }`,
      { id: khamdanov },
    );
    const { evidence, source } = body.data!.claim;
    const quote = evidence.find((e) => e.quote.startsWith('IS militants had'))!;
    assert.ok(quote, 'the claim quotes the planned attacks');

    const quoteLink = claim.getByTestId('evidence-quote').filter({ hasText: 'IS militants had' });
    await quoteLink.click();
    const reader = page.getByTestId('reading-view');
    await page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');
    assert.equal(await reader.evaluate((dialog) => (dialog as unknown as { open: boolean }).open), true);
    assert.equal(await reader.getAttribute('aria-labelledby'), 'reader-title');
    assert.equal(await reader.getByTestId('reading-title').textContent(), source.title);
    assert.equal(await page.evaluate<boolean>(`document.querySelector('[data-testid="reading-view"]').contains(document.activeElement)`), true, 'the focus moves into the dialog');
    const text = reader.getByTestId('reading-text');
    assert.equal(await text.textContent(), source.text, 'the whole text of the source');
    const mark = text.locator('mark');
    assert.equal(await mark.count(), 1);
    assert.equal(words(await mark.textContent()), words(quote.quote), 'the mark holds the quote');
    const placed = await page.evaluate<{ offset: number; inside: boolean; visible: boolean }>(`(() => {
      const text = document.querySelector('[data-testid="reading-text"]');
      const mark = text.querySelector('mark');
      const before = document.createRange();
      before.setStart(text, 0);
      before.setEndBefore(mark);
      const box = text.getBoundingClientRect();
      const at = mark.getBoundingClientRect();
      return { offset: before.toString().length, inside: mark.parentElement === text, visible: at.top >= box.top && at.bottom <= box.bottom };
    })()`);
    assert.deepEqual(placed, { offset: quote.start, inside: true, visible: true }, 'the mark sits at [start, end) of the text and is scrolled into view');
    await page.screenshot({ path: path.join(artifacts, 'webapp-reading.png') });

    await page.keyboard.press('Escape');
    assert.equal(await reader.evaluate((dialog) => (dialog as unknown as { open: boolean }).open), false, 'Escape closes the reading view');
    assert.equal(await page.evaluate<string | null>(`document.activeElement.getAttribute('data-testid')`), 'evidence-quote', 'the focus returns to the quote');

    // A source opens from its title too: its text from the top, nothing marked; the close button closes it.
    await groups.nth(0).getByTestId('read-source').click();
    await page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');
    assert.match((await reader.getByTestId('reading-title').textContent()) ?? '', /Cooperate With Russia/);
    assert.equal(await text.locator('mark').count(), 0);
    assert.match((await text.textContent()) ?? '', /Rafik Saifullin/);
    await reader.getByTestId('reading-close').click();
    assert.equal(await reader.evaluate((dialog) => (dialog as unknown as { open: boolean }).open), false);
  });

  it('as of a date, lists the relationships of an actor reported latest (by then) first', async () => {
    await page.goto(`${setup.app.url}/?focus=islamic-state&asOf=2015-03&select=islamic-state`);
    await settled(page);
    const items = page.getByTestId('side-panel').getByTestId('actor-relationships').locator('li');
    const seen = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-seen') ?? ''));
    assert.ok(seen.length > 10 && seen[0] !== '', seen.join());
    assert.ok(seen[0]! <= '2015-03-31', `nothing reported after the date counts: ${seen[0]}`);
    assert.deepEqual(seen, [...seen].sort().reverse(), 'latest reported first, then those not reported by then');
    const undated = items.and(page.locator('[data-id="islamic-state--threatens--uzbekistan"]'));
    assert.match((await undated.textContent()) ?? '', /reported 2015-02 – 2015-04$/, 'an undated tie reads as reported');
  });

  it('as of a date, draws an undated tie from its first report on, labelled with when, and counts them by the slider', async () => {
    await page.goto(`${setup.app.url}/?focus=${bukhari}&asOf=2015-03`);
    await settled(page);
    type Look = { visible: boolean; label: string; undated: boolean; arrowFill: string };
    const look = (id: string) =>
      page.evaluate<Look>(`(() => {
        const e = window.__cy.getElementById(${JSON.stringify(id)});
        return { visible: e.visible(), label: e.style('label'), undated: e.hasClass('undated'), arrowFill: e.style('target-arrow-fill') };
      })()`);

    // The Diplomat's pledge to al-Baghdadi is undated and was first reported in 2016-07: as of 2015-03 it does not hold yet (the API's asOf).
    assert.equal((await look(baghdadiPledge)).visible, false);
    // The pledge to the Taliban is dated (since 2014-11): its type alone, drawn as usual.
    assert.deepEqual(await look(talibanPledge), { visible: true, label: 'pledged allegiance to', undated: false, arrowFill: 'filled' });

    const drawn = await page.evaluate<number>(`window.__cy.edges('.undated:visible').length`);
    const readout = page.getByTestId('time-undated');
    assert.equal(await readout.isVisible(), true);
    assert.ok(drawn > 0, 'some undated ties were reported by 2015-03');
    assert.match((await readout.textContent()) ?? '', new RegExp(`^${drawn} undated ties? shown, each from its first report \\(reported 2015-0[1-3]`), 'the slider says how many undated ties it draws, and when they were reported');

    // From the month it was first reported, it holds: drawn, saying when.
    await moveSlider(page, '2016-07');
    assert.deepEqual(await look(baghdadiPledge), { visible: true, label: 'pledged allegiance to\nreported 2016-07', undated: true, arrowFill: 'hollow' });
    await page.screenshot({ path: path.join(artifacts, 'webapp-undated.png') });

    // For all time the slider places nothing: no undated marks, no readout.
    await moveSlider(page, null);
    assert.deepEqual(await look(baghdadiPledge), { visible: true, label: 'pledged allegiance to', undated: false, arrowFill: 'filled' });
    assert.equal(await readout.isVisible(), false);
  });

  it("shows a chairman's tenure ended by his successor as derived, apart from the sources' dates", async () => {
    await page.goto(`${setup.app.url}/?focus=kazakhstan-national-security-committee&select=${encodeURIComponent('nurtai-abykaev--leads--kazakhstan-national-security-committee--chairman')}`);
    await settled(page);
    const panel = page.getByTestId('side-panel');
    assert.equal(await panel.getByTestId('relationship-when').textContent(), 'reported 2015-01; ended before 2016-07 (derived)');
    assert.match((await panel.getByTestId('relationship-succession').textContent()) ?? '', /^before 2016-07: derived, not a source's statement: succeeded as chairman by Vladimir Zhumakanov/);
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
