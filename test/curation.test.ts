// Curation mode of the web app (web/), in a real Chromium against the real API and Neo4j: the
// Sources list and the reading view (mentions highlighted, quotes underlined at their offsets,
// each a link to its claim), signing in with a token kept in the tab's sessionStorage only, a
// source pasted in, a sentence selected and made a claim (with a new actor as its object), the
// API's errors beside the fields they name, the edge drawn at once, the claim's history, its
// retraction from the evidence panel (the edge goes), and a revoked token signing out.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createToken, revokeToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage, until } from './support/chromium.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const artifacts = path.join(projectRoot, 'test', 'artifacts');
const bukhari = 'katibat-imam-bukhari';
const seedSource = 'rferl-2015-02-is-planning-attacks';
const seedClaim = 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-02';
const seedRelationship = 'katibat-imam-bukhari--pledged-allegiance-to--taliban';

// API writes outlive a run (the loader never removes them): every run writes its own source and actor.
const stamp = `${process.pid}-${Date.now()}`;
const editor = `curator-${stamp}`;
const newGroup = `Sabr Cell ${stamp}`;
const sentence = 'A regional analyst said the faction had begun to cooperate with a small cell in Idlib.';
const article = [
  `Dispatch ${stamp}: Central Asian fighters in northern Syria`,
  '',
  'Fighters of Katibat Imam Bukhari were seen alongside Islamic State units near Aleppo this month.',
  sentence,
  'Neither group commented.',
].join('\n');

/** Waits until the app has no request in flight and Cytoscape has drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
}

async function readerReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');
}

/** [start, end) of each run of elements in the reading text that matches `selector`, in text offsets. */
function spansOf(page: Page, selector: string): Promise<[number, number][]> {
  return page.evaluate<[number, number][]>(`(() => {
    const root = document.querySelector('[data-testid="reading-text"]');
    const runs = [];
    for (const element of root.querySelectorAll(${JSON.stringify(selector)})) {
      const before = document.createRange();
      before.setStart(root, 0);
      before.setEndBefore(element);
      const start = before.toString().length;
      const end = start + element.textContent.length;
      const last = runs[runs.length - 1];
      if (last && last[1] === start) last[1] = end;
      else runs.push([start, end]);
    }
    return runs;
  })()`);
}

/** Selects [start, end) of the reading text, as a mouse drag would, whatever elements split it. */
function selectText(page: Page, start: number, end: number): Promise<string> {
  return page.evaluate<string>(`(() => {
    const root = document.querySelector('[data-testid="reading-text"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.data.length;
      if (!started && ${start} < offset + length) {
        range.setStart(node, ${start} - offset);
        started = true;
      }
      if (started && ${end} <= offset + length) {
        range.setEnd(node, ${end} - offset);
        break;
      }
      offset += length;
    }
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  })()`);
}

const edgeDrawn = (page: Page, id: string) => page.evaluate<boolean>(`(() => { const e = window.__cy.getElementById(${JSON.stringify(id)}); return e.nonempty() && e.visible(); })()`);

describe('web app: curation mode', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let token: string;
  let pageErrors: string[] = [];
  let newActorId = '';
  let relationshipId = '';
  let claimId = '';

  before(async () => {
    await seed(setup.db, true);
    await ensureWebBuild();
    token = await createToken(setup.db, editor, 'editor');
    ({ browser, page, pageErrors } = await openAppPage());
  });
  after(async () => {
    await browser?.close();
  });

  it('lists the sources for every reader, and reads one with its mentions highlighted and its quotes underlined, each a link to its claim', async () => {
    await page.goto(`${setup.app.url}/`);
    await settled(page);
    assert.equal(await page.getByTestId('sign-in').isVisible(), true, 'signed out at first');

    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    const listed = await page.getByTestId('source-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-source-id')));
    for (const id of ['rferl-2015-01-is-70-million', seedSource, 'diplomat-2016-07-ready-to-face-isis']) assert.ok(listed.includes(id), `${id} in ${listed.join()}`);
    assert.equal(await page.getByTestId('add-source').isVisible(), false, 'only editors add sources');

    await page.locator(`[data-testid="source-item"][data-source-id="${seedSource}"] [data-testid="source-open"]`).click();
    await readerReady(page);
    const { body } = await setup.app.graphql<{ source: { text: string }; claim: { evidence: { quote: string; start: number; end: number }[] } }>(
      `query ($source: ID!, $claim: ID!) { source(id: $source) { text } claim(id: $claim) { evidence { quote start end } } }`,
      { source: seedSource, claim: seedClaim },
    );
    const { text } = body.data!.source;
    assert.equal(await page.getByTestId('reading-text').textContent(), text, 'the whole text, unchanged by the marks');
    assert.equal(await page.getByTestId('add-claim').isVisible(), false, 'no curation tools when signed out');

    // Mentioned actors: every place a name or alias stands, as whole words.
    const khamdanov = await spansOf(page, '.mention[data-actor-ids~="alisher-khamdanov"]');
    assert.ok(khamdanov.length >= 3, `Khamdanov is highlighted where he is named (${khamdanov.length})`);
    // His name, or the descriptive alias the text uses for him.
    for (const [start, end] of khamdanov) assert.match(text.slice(start, end), /^(Alisher Khamdanov|Khamdanov|officer with Uzbekistan.s domestic intelligence agency)$/);
    assert.ok((await spansOf(page, '.mention[data-actor-ids~="islamic-state"]')).length > 0);

    // The claim's quote is underlined exactly at its offsets.
    const [evidence] = body.data!.claim.evidence;
    const underlined = await spansOf(page, `.evidence[data-claim-ids~="${seedClaim}"]`);
    assert.deepEqual(underlined, [[evidence!.start, evidence!.end]], 'underlined at [start, end)');
    assert.equal(text.slice(evidence!.start, evidence!.end), evidence!.quote);
    await page.screenshot({ path: path.join(artifacts, 'curation-reading.png') });

    // Following it shows its relationship in the graph and the panel.
    await page.locator(`.evidence[data-claim-id="${seedClaim}"]`).first().click();
    await page.waitForURL(new RegExp(`select=${seedRelationship}`));
    await settled(page);
    assert.equal(await page.getByTestId('reading-view').evaluate((d) => (d as unknown as { open: boolean }).open), false);
    assert.equal(await edgeDrawn(page, seedRelationship), true);
    assert.equal(await page.getByTestId('side-panel').locator(`[data-testid="claim"][data-claim-id="${seedClaim}"]`).count(), 1);
  });

  it('signs in with a token kept in the tab only, and refuses a bad one beside its field', async () => {
    await page.getByTestId('sign-in').click();
    await page.getByTestId('signin-token').fill('agt_not-a-token');
    await page.getByTestId('signin-submit').click();
    const error = page.getByTestId('signin-error-token');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /unknown or revoked/i);
    assert.equal(await page.getByTestId('signin-token').getAttribute('aria-invalid'), 'true');

    await page.getByTestId('signin-token').fill(token);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('viewer').waitFor();
    assert.equal(await page.getByTestId('viewer').textContent(), `${editor} · editor`);
    assert.equal(await page.getByTestId('curation-mode').isVisible(), true);
    const kept = await page.evaluate<{ session: string | null; local: number; url: string }>(
      `({ session: sessionStorage.getItem('actorgraph.token'), local: localStorage.length, url: location.href })`,
    );
    assert.deepEqual(kept, { session: token, local: 0, url: kept.url });
    assert.ok(!kept.url.includes(token), 'never in the URL');

    // The panel now offers retraction.
    assert.ok((await page.getByTestId('side-panel').getByTestId('retract-claim').count()) > 0);
  });

  it('adds a source pasted with its metadata; a bad date shows beside its field', async () => {
    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await page.getByTestId('add-source').click();
    await page.getByTestId('source-title').fill(`Dispatch ${stamp}`);
    await page.getByTestId('source-publisher').fill('Curation Test Wire');
    await page.getByTestId('source-author').fill('A. Tester');
    await page.getByTestId('source-published').fill('March 2016');
    await page.getByTestId('source-url').fill('https://example.org/dispatch');
    await page.getByTestId('source-text').fill(article);
    await page.getByTestId('source-submit').click();
    const dateError = page.getByTestId('source-error-published');
    await dateError.waitFor();
    assert.notEqual((await dateError.textContent()) ?? '', '');
    assert.equal(await page.getByTestId('source-published').getAttribute('aria-invalid'), 'true');

    await page.getByTestId('source-published').fill('2016-03');
    await page.getByTestId('source-submit').click();
    await readerReady(page);
    assert.equal(await page.getByTestId('reading-title').textContent(), `Dispatch ${stamp}`);
    assert.match((await page.getByTestId('reading-notice').textContent()) ?? '', /Source added/);
    assert.equal(await page.getByTestId('reading-text').textContent(), article, 'stored byte for byte');
    assert.ok((await spansOf(page, '.mention[data-actor-ids~="islamic-state"]')).length > 0, 'Islamic State is highlighted');
    assert.deepEqual(await spansOf(page, `.mention[data-actor-ids~="${bukhari}"]`), [[article.indexOf('Katibat Imam Bukhari'), article.indexOf('Katibat Imam Bukhari') + 'Katibat Imam Bukhari'.length]]);
  });

  it('makes a selected sentence a claim; a quote not in the source is refused beside the quote', { timeout: 120_000 }, async () => {
    const start = article.indexOf(sentence);
    assert.equal(await selectText(page, start, start + sentence.length), sentence);
    await page.getByTestId('add-claim').click();
    const form = page.getByTestId('claim-form');
    await form.waitFor();
    assert.equal(await page.getByTestId('new-claim-quote').inputValue(), sentence, 'the selection is the quote');

    await page.getByTestId('new-claim-subject-input').fill('Bukhori');
    await page.locator(`[data-testid="new-claim-subject-suggestions"] [data-id="${bukhari}"]`).click();
    assert.equal(await page.getByTestId('new-claim-subject-chosen').getAttribute('data-id'), bukhari);
    await page.getByTestId('new-claim-type').selectOption('COOPERATES_WITH');
    await page.getByTestId('new-claim-object-new').click();
    await page.getByTestId('new-claim-object-new-name').fill(newGroup);
    await page.getByTestId('new-claim-object-new-kind').selectOption('GROUP');
    await page.getByTestId('new-claim-object-new-create').click();
    await page.waitForSelector('[data-testid="new-claim-object-chosen"][data-id]:not([data-id=""])');
    newActorId = (await page.getByTestId('new-claim-object-chosen').getAttribute('data-id'))!;
    assert.match(newActorId, /^sabr-cell-/);
    await page.getByTestId('new-claim-since').fill('2016-02');

    // Attributed to nobody, with a quote edited away from the text: every problem beside its field, the quote's with the loader's message.
    await page.getByTestId('new-claim-stance').selectOption('ATTRIBUTED');
    await page.getByTestId('new-claim-quote').fill('the faction had begun to cooperate with a large army in Idlib');
    await page.getByTestId('new-claim-submit').click();
    const quoteError = page.getByTestId('new-claim-error-quotes');
    await quoteError.waitFor();
    assert.match((await quoteError.textContent()) ?? '', /not verbatim in the source: ".*" matches, then the quote has/);
    assert.equal(await page.getByTestId('new-claim-quote').getAttribute('aria-invalid'), 'true');
    assert.match((await page.getByTestId('new-claim-error-claimedBy').textContent()) ?? '', /ATTRIBUTED claim needs claimedBy/);
    assert.equal(await page.getByTestId('new-claim-errors').isVisible(), false, 'nothing left over for the top of the form');
    await page.screenshot({ path: path.join(artifacts, 'curation-claim-error.png') });

    // Claimed by Joanna Lillis (found by her surname), with the quote as selected.
    await page.getByTestId('new-claim-claimedBy-input').fill('Lillis');
    await page.locator('[data-testid="new-claim-claimedBy-suggestions"] [data-id="joanna-lillis"]').click();
    assert.deepEqual(await page.getByTestId('new-claim-claimedBy-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))), ['joanna-lillis']);
    await page.getByTestId('new-claim-quote').fill(sentence);
    await page.getByTestId('new-claim-submit').click();
    await page.waitForSelector('[data-testid="reading-notice"]:has-text("Claim added")');
    await readerReady(page);
    await settled(page);
    relationshipId = new URL(page.url()).searchParams.get('select') ?? '';
    const drawn = await page.evaluate<{ source: string; target: string; type: string } | null>(`(() => {
      const e = window.__cy.getElementById(${JSON.stringify(relationshipId)});
      return e.nonempty() && e.visible() ? { source: e.source().id(), target: e.target().id(), type: e.data('type') } : null;
    })()`);
    assert.deepEqual(drawn, { source: bukhari, target: newActorId, type: 'COOPERATES_WITH' }, 'the new edge is drawn at once');
    assert.equal(await page.evaluate<string>(`window.__cy.getElementById(${JSON.stringify(relationshipId)}).data('status')`), 'ALLEGED', 'attributed only: alleged');

    // The reading view underlines the new quote.
    const sentenceAt = article.indexOf(sentence);
    assert.deepEqual(await spansOf(page, '.evidence'), [[sentenceAt, sentenceAt + sentence.length]]);
    await page.screenshot({ path: path.join(artifacts, 'curation-claim-added.png') });
  });

  it('shows the claim with its history in the panel, and retracts it with a reason: the edge goes', { timeout: 120_000 }, async () => {
    await page.getByTestId('reading-close').click();
    const panel = page.getByTestId('side-panel');
    const claim = panel.getByTestId('claim');
    assert.equal(await claim.count(), 1);
    claimId = (await claim.getAttribute('data-claim-id'))!;

    await claim.getByTestId('history').click();
    const change = claim.getByTestId('history-change');
    await change.first().waitFor();
    assert.equal(await change.first().getAttribute('data-action'), 'ADD_CLAIM');
    assert.match((await change.first().textContent()) ?? '', new RegExp(`by ${editor}`));

    // The new actor's history: added by the editor.
    await panel.locator(`.ends [data-id="${newActorId}"]`).click();
    await panel.getByTestId('actor-history').getByTestId('history').click();
    const added = panel.getByTestId('actor-history').getByTestId('history-change');
    await added.first().waitFor();
    assert.equal(await added.first().getAttribute('data-action'), 'ADD_ACTOR');
    assert.match((await added.first().textContent()) ?? '', new RegExp(`by ${editor}`));
    await panel.locator(`[data-testid="actor-relationships"] li[data-id="${relationshipId}"] button.type`).click();
    await page.waitForURL(new RegExp(`select=${relationshipId}`));

    await claim.getByTestId('retract-claim').click();
    await claim.getByTestId('retract-submit').click();
    assert.match((await claim.locator('[data-testid$="-error-reason"]').textContent()) ?? '', /Say why/, 'a reason is required');
    await claim.getByTestId('retract-reason').fill('Test claim: the analyst misread the dispatch.');
    await claim.getByTestId('retract-submit').click();
    await until(async () => !(await page.evaluate<boolean>(`window.__cy.getElementById(${JSON.stringify(relationshipId)}).nonempty()`)), 'the edge is removed');
    await settled(page);
    assert.equal(await edgeDrawn(page, relationshipId), false, 'the edge is gone');
    assert.equal(await panel.getByTestId('claim').count(), 0, 'the panel no longer shows it');

    const { body } = await setup.app.graphql<{ claim: { retracted: { by: string; reason: string } | null; relationship: { retracted: boolean } } }>(
      `query ($id: ID!) { claim(id: $id) { retracted { by reason } relationship { retracted } } }`,
      { id: claimId },
    );
    assert.deepEqual(body.data!.claim, { retracted: { by: editor, reason: 'Test claim: the analyst misread the dispatch.' }, relationship: { retracted: true } });

    // Reloaded, the view (focused on the subject) no longer holds it.
    await page.reload();
    await settled(page);
    assert.match(page.url(), new RegExp(`focus=${bukhari}`));
    assert.equal(await page.evaluate<boolean>(`window.__cy.getElementById(${JSON.stringify(relationshipId)}).nonempty()`), false);
  });

  it('signs out, saying why, when the API refuses the token', async () => {
    await revokeToken(setup.db, editor);
    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    assert.equal(await page.getByTestId('add-source').isVisible(), false);
    const added = page.getByTestId('source-item').filter({ hasText: `Dispatch ${stamp}` });
    assert.equal(await added.getByTestId('source-origin').textContent(), 'added', 'the list says which sources came through the API');
    assert.equal(await page.getByTestId('source-item').filter({ hasText: 'Planning Series Of Attacks' }).getByTestId('source-origin').count(), 0);
    await page.getByTestId('sources-close').click();
    await page.getByTestId('sign-in').waitFor();
    assert.match((await page.getByTestId('session-message').textContent()) ?? '', /refused your token/);
    assert.equal(await page.evaluate<string | null>(`sessionStorage.getItem('actorgraph.token')`), null);
    assert.deepEqual(pageErrors, []);
  });
});
