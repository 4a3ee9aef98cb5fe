// Curation mode of the web app (web/), in a real Chromium against the real API and Neo4j: the
// Sources list and the reading view (mentions highlighted, quotes underlined at their offsets,
// each a link to its claim), signing in with a token kept in the tab's sessionStorage only, a
// source pasted in, a sentence selected and made a claim with two quotes (the pickers saying how
// each actor matched), the API's errors beside the fields they name, the edge drawn at once, the
// claim's history, its retraction from the evidence panel (the edge goes), an actor's aliases
// edited in the panel with its history (a stale version reloads it), the claims an actor makes,
// and a revoked token signing out; newActors, every problem at once with a quote's diff,
// deleteActor and a source's via.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { createToken, revokeToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage, until } from './support/chromium.ts';
import { readerReady, selectText, spansOf } from './support/readingPage.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const artifacts = path.join(projectRoot, 'test', 'artifacts');
const bukhari = 'katibat-imam-bukhari';
const seedSource = 'rferl-2015-02-is-planning-attacks';
const seedClaim = 'katibat-imam-bukhari--pledged-allegiance-to--taliban--rferl-2015-02';
const seedRelationship = 'katibat-imam-bukhari--pledged-allegiance-to--taliban';

// API writes outlive a run (the loader never removes them): every run writes its own source and actor.
const stamp = `${process.pid}-${Date.now()}`;
const editor = `curator-${stamp}`;
const newClaimant = `Rustam Khalimov ${stamp}`;
const seenNear = 'Fighters of Katibat Imam Bukhari were seen alongside Islamic State units near Aleppo this month.';
const sentence = 'A regional analyst said the faction had begun to cooperate with a small cell in Idlib.';
const article = [`Dispatch ${stamp}: Central Asian fighters in northern Syria`, '', seenNear, sentence, 'Neither group commented.'].join('\n');
const aleppo = 'aleppo';
const lillis = 'joanna-lillis';

/** Waits until the app has no request in flight and Cytoscape has drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
}

const edgeDrawn = (page: Page, id: string) => page.evaluate<boolean>(`(() => { const e = window.__cy.getElementById(${JSON.stringify(id)}); return e.nonempty() && e.visible(); })()`);

describe('web app: curation mode', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let token: string;
  let pageErrors: string[] = [];
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
    // The write's bookmark goes with the requests after it (read your own writes behind several replicas).
    const sentBookmarks: (string | undefined)[] = [];
    const onRequest = (request: Request) => void (request.url().endsWith('/graphql') && sentBookmarks.push(request.headers()['neo4j-bookmark']));
    const written = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('addSource'));
    await page.getByTestId('source-submit').click();
    const bookmark = (await written).headers()['neo4j-bookmark'];
    page.on('request', onRequest);
    await readerReady(page);
    page.off('request', onRequest);
    assert.match(bookmark ?? '', /\S/, 'the write answered with its bookmark');
    assert.ok(sentBookmarks.includes(bookmark) && sentBookmarks.every((sent) => sent === undefined || sent === bookmark), `the requests after it send its bookmark: ${JSON.stringify(sentBookmarks)}`);
    assert.equal(await page.getByTestId('reading-title').textContent(), `Dispatch ${stamp}`);
    assert.match((await page.getByTestId('reading-notice').textContent()) ?? '', /Source added/);
    assert.equal(await page.getByTestId('reading-text').textContent(), article, 'stored byte for byte');
    assert.ok((await spansOf(page, '.mention[data-actor-ids~="islamic-state"]')).length > 0, 'Islamic State is highlighted');
    assert.deepEqual(await spansOf(page, `.mention[data-actor-ids~="${bukhari}"]`), [[article.indexOf('Katibat Imam Bukhari'), article.indexOf('Katibat Imam Bukhari') + 'Katibat Imam Bukhari'.length]]);
  });

  it('says how each suggested actor matched, through the API and in the pickers (a new actor first when nothing is exact)', async () => {
    const { body } = await setup.app.graphql<Record<string, { match: string; actor: { id: string } }[]>>(
      `{ exact: searchMatches(text: "Aleppo", limit: 3) { match actor { id } }
         alias: searchMatches(text: "Khamdanov", limit: 3) { match actor { id } }
         fuzzy: searchMatches(text: "Bukhori", limit: 3) { match actor { id } } }`,
    );
    assert.deepEqual(body.errors, undefined);
    assert.deepEqual(body.data!.exact![0], { match: 'EXACT', actor: { id: aleppo } });
    assert.deepEqual(body.data!.alias![0], { match: 'ALIAS', actor: { id: 'alisher-khamdanov' } });
    assert.ok(body.data!.fuzzy!.some((found) => found.actor.id === bukhari && found.match === 'FUZZY'), JSON.stringify(body.data!.fuzzy));
    assert.ok(body.data!.fuzzy!.every((found) => found.match === 'FUZZY'), 'nothing is called exact for a typo');

    const start = article.indexOf(seenNear);
    assert.equal(await selectText(page, start, start + seenNear.length), seenNear);
    await page.getByTestId('add-claim').click();
    await page.getByTestId('claim-form').waitFor();
    await page.getByTestId('new-claim-subject-input').fill('Bukhori');
    const subjectOptions = page.getByTestId('new-claim-subject-suggestions').locator('li');
    await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"]`).waitFor();
    assert.equal(await subjectOptions.first().getAttribute('data-testid'), 'suggestion-new', 'nothing matched exactly: "New actor" first');
    assert.match((await subjectOptions.first().textContent()) ?? '', /New actor “Bukhori”/);
    assert.equal(await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"]`).getAttribute('data-match'), 'FUZZY');
    assert.equal(await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"] [data-testid="suggestion-match"]`).textContent(), 'close');

    await page.getByTestId('new-claim-object-input').fill('Aleppo');
    const objectOptions = page.getByTestId('new-claim-object-suggestions').locator('li');
    await page.getByTestId('new-claim-object-suggestions').locator(`[data-id="${aleppo}"]`).waitFor();
    assert.equal(await objectOptions.first().getAttribute('data-id'), aleppo, 'an exact match first');
    assert.equal(await objectOptions.first().getAttribute('data-match'), 'EXACT');
    assert.equal(await objectOptions.last().getAttribute('data-testid'), 'suggestion-new', '"New actor" is still offered, last');
    await page.getByTestId('new-claim-cancel').click();
    await page.getByTestId('claim-form').waitFor({ state: 'detached' });
  });

  it('makes a selected sentence a claim with a second quote; every problem shows beside its field', { timeout: 120_000 }, async () => {
    const start = article.indexOf(seenNear);
    assert.equal(await selectText(page, start, start + seenNear.length), seenNear);
    await page.getByTestId('add-claim').click();
    const form = page.getByTestId('claim-form');
    await form.waitFor();
    const quotes = page.getByTestId('new-claim-quote');
    assert.equal(await quotes.count(), 1);
    assert.equal(await quotes.first().inputValue(), seenNear, 'the selection is the first quote');
    assert.equal(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`), 'new-claim-subject-input', 'the subject has the focus');

    // Enter picks the highlighted suggestion: here the actor, as "Katibat Imam Bukhari" is one of its names.
    await page.getByTestId('new-claim-subject-input').fill('Katibat Imam Bukhari');
    await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"][data-match="ALIAS"]`).waitFor();
    await page.getByTestId('new-claim-subject-input').press('Enter');
    assert.equal(await page.getByTestId('new-claim-subject-chosen').getAttribute('data-id'), bukhari);
    assert.equal(await page.getByTestId('new-claim-subject-chosen').textContent(), 'Katibat al-Imam Bukhari (group)', 'its name and kind, no id');
    await page.getByTestId('new-claim-type').selectOption('OPERATES_IN');
    await page.getByTestId('new-claim-object-input').fill('Aleppo');
    await page.getByTestId('new-claim-object-suggestions').locator(`[data-id="${aleppo}"]`).click();
    await page.getByTestId('new-claim-since').fill('2016-03');

    // A second quote, edited away from the text, and attributed to nobody: both problems at once, each beside its field.
    await page.getByTestId('new-claim-add-quote').click();
    assert.equal(await quotes.count(), 2);
    assert.equal(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-index') ?? null`), '1', 'the new box has the focus');
    await quotes.nth(1).fill('the faction had begun to cooperate with a large army in Idlib');
    await page.getByTestId('new-claim-stance').selectOption('ATTRIBUTED');
    await page.getByTestId('new-claim-submit').click();
    const quoteError = page.getByTestId('new-claim-error-quotes[1]');
    await quoteError.waitFor();
    assert.match((await quoteError.textContent()) ?? '', /quote not found in source|not verbatim in the source/);
    assert.equal(await quotes.nth(1).getAttribute('aria-invalid'), 'true');
    assert.equal(await quotes.nth(0).getAttribute('aria-invalid'), null, 'the first quote stands');
    assert.match((await page.getByTestId('new-claim-error-claimedBy').textContent()) ?? '', /ATTRIBUTED claim needs claimedBy/);
    assert.equal(await page.getByTestId('new-claim-errors').isVisible(), false, 'nothing left over for the top of the form');
    await page.screenshot({ path: path.join(artifacts, 'curation-claim-error.png') });

    // Claimed by Joanna Lillis (found by her surname), with the second quote as printed.
    await page.getByTestId('new-claim-claimedBy-input').fill('Lillis');
    await page.locator(`[data-testid="new-claim-claimedBy-suggestions"] [data-id="${lillis}"]`).click();
    assert.deepEqual(await page.getByTestId('new-claim-claimedBy-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))), [lillis]);
    await quotes.nth(1).fill(sentence);
    await page.getByTestId('new-claim-submit').click();
    await page.waitForSelector('[data-testid="reading-notice"]:has-text("Claim added")');
    await readerReady(page);
    await settled(page);
    relationshipId = new URL(page.url()).searchParams.get('select') ?? '';
    const drawn = await page.evaluate<{ source: string; target: string; type: string } | null>(`(() => {
      const e = window.__cy.getElementById(${JSON.stringify(relationshipId)});
      return e.nonempty() && e.visible() ? { source: e.source().id(), target: e.target().id(), type: e.data('type') } : null;
    })()`);
    assert.deepEqual(drawn, { source: bukhari, target: aleppo, type: 'OPERATES_IN' }, 'the new edge is drawn at once');
    assert.equal(await page.evaluate<string>(`window.__cy.getElementById(${JSON.stringify(relationshipId)}).data('status')`), 'ALLEGED', 'attributed only: alleged');

    // The reading view underlines both quotes.
    const at = (quote: string): [number, number] => [article.indexOf(quote), article.indexOf(quote) + quote.length];
    assert.deepEqual(await spansOf(page, '.evidence'), [at(seenNear), at(sentence)]);
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
    const { body: written } = await setup.app.graphql<{ claim: { quotes: { quote: string }[] } }>(`query ($id: ID!) { claim(id: $id) { quotes: evidence { quote } } }`, { id: claimId });
    assert.deepEqual(written.data!.claim.quotes.map((q) => q.quote), [seenNear, sentence], 'one claim, two quotes, in the form’s order');

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

  it('edits an actor’s aliases and description in the panel: a stale version reloads it, the history shows the change', { timeout: 120_000 }, async () => {
    const alias = `Halab ${stamp}`;
    await page.goto(`${setup.app.url}/?focus=${aleppo}&select=${aleppo}`);
    await settled(page);
    const panel = page.getByTestId('side-panel');
    await panel.getByTestId('actor-edit').click();
    const form = panel.getByTestId('actor-form');
    await form.waitFor();
    assert.equal(await panel.getByTestId('actor-edit-name').inputValue(), 'Aleppo');
    assert.equal(await panel.getByTestId('actor-edit-kind').inputValue(), 'PLACE');

    // Meanwhile another editor changes the description: saving the form's version is a CONFLICT, and the form reloads it.
    const { body: meanwhile } = await setup.app.graphql<{ actor: { version: number } }>(`{ actor(id: "${aleppo}") { version } }`);
    const other = `Changed meanwhile ${stamp}`;
    const { body: changed } = await setup.app.graphql(
      `mutation ($id: ID!, $v: Int!, $d: String!) { updateActor(id: $id, expectedVersion: $v, patch: { description: $d }) { id } }`,
      { id: aleppo, v: meanwhile.data!.actor.version, d: other },
      token,
    );
    assert.deepEqual(changed.errors, undefined);
    await panel.getByTestId('actor-edit-alias-input').fill(alias);
    await panel.getByTestId('actor-edit-alias-input').press('Enter');
    assert.deepEqual(await panel.getByTestId('actor-edit-alias').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-alias'))), [alias]);
    await panel.getByTestId('actor-edit-submit').click();
    await panel.locator('[data-testid="actor-edit-errors"]:has-text("Someone changed this actor")').waitFor();
    assert.equal(await panel.getByTestId('actor-edit-description').inputValue(), other, 'reloaded as it stands');
    await page.screenshot({ path: path.join(artifacts, 'curation-actor-conflict.png') });
    assert.deepEqual(await panel.getByTestId('actor-edit-alias').count(), 0, 'the form shows the actor as it stands: the alias is to add again');

    // Added again (the Add button this time), with the description amended: saved, shown, and in the history.
    await panel.getByTestId('actor-edit-alias-input').fill(alias);
    await panel.getByTestId('actor-edit-alias-add').click();
    await panel.getByTestId('actor-edit-description').fill(`${other}; the city, as the dispatch means it.`);
    await panel.getByTestId('actor-edit-submit').click();
    await form.waitFor({ state: 'detached' });
    assert.deepEqual(await panel.getByTestId('actor-aliases').locator('li').allTextContents(), [alias]);
    assert.equal(await panel.getByTestId('actor-description').textContent(), `${other}; the city, as the dispatch means it.`);
    const change = panel.getByTestId('actor-history').getByTestId('history-change');
    await change.first().waitFor();
    assert.equal(await change.first().getAttribute('data-action'), 'UPDATE_ACTOR');
    assert.match((await change.first().textContent()) ?? '', new RegExp(`by ${editor}`));
    assert.match((await change.first().textContent()) ?? '', new RegExp(alias));
    const { body } = await setup.app.graphql<{ search: { id: string }[] }>(`query ($t: String!) { search(text: $t, limit: 1) { id } }`, { t: alias });
    assert.deepEqual(body.data!.search, [{ id: aleppo }], 'the search finds it by the new alias');
  });

  it('lists the claims an actor makes as claimant in its panel', async () => {
    await page.goto(`${setup.app.url}/?focus=${lillis}&select=${lillis}`);
    await settled(page);
    const { body } = await setup.app.graphql<{ actor: { claims: { id: string }[] } }>(`{ actor(id: "${lillis}") { claims(role: CLAIMANT) { id } } }`);
    const expected = body.data!.actor.claims.map((claim) => claim.id);
    assert.ok(expected.length > 0, 'the seed has her as a claimant');
    const listed = page.getByTestId('side-panel').getByTestId('actor-claims-claimant').getByTestId('role-claim');
    await listed.first().waitFor();
    assert.deepEqual((await listed.evaluateAll((items) => items.map((i) => i.getAttribute('data-claim-id')))).sort(), [...expected].sort());
    assert.match((await listed.first().textContent()) ?? '', /—/, 'a sentence and its source');
  });

  /** Opens the article this run added in the reading view. */
  async function openDispatch(): Promise<void> {
    await page.goto(`${setup.app.url}/`);
    await settled(page);
    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await page.getByTestId('source-item').filter({ hasText: `Dispatch ${stamp}` }).getByTestId('source-open').click();
    await readerReady(page);
  }

  const actorsNamed = async (name: string) => {
    const { body } = await setup.app.graphql<{ searchMatches: { match: string; actor: { id: string; kind: string } }[] }>(
      `query ($t: String!) { searchMatches(text: $t, limit: 5) { match actor { id kind } } }`,
      { t: name },
    );
    return body.data!.searchMatches.filter((found) => found.match === 'EXACT').map((found) => found.actor);
  };

  it('makes a claimant inline, written only with the claim: cancelled, no actor is left', { timeout: 120_000 }, async () => {
    await openDispatch();
    const start = article.indexOf(sentence);
    await selectText(page, start, start + sentence.length);
    await page.getByTestId('add-claim').click();
    await page.getByTestId('claim-form').waitFor();
    await page.getByTestId('new-claim-claimedBy-input').fill(newClaimant);
    const first = page.getByTestId('new-claim-claimedBy-suggestions').getByTestId('suggestion-new');
    await first.waitFor();
    await first.click();
    assert.equal(await page.getByTestId('new-claim-claimedBy-new-name').inputValue(), newClaimant, 'the typed name');
    assert.equal(await page.getByTestId('new-claim-claimedBy-new-kind').inputValue(), 'PERSON', 'a claimant is guessed a person');
    await page.getByTestId('new-claim-claimedBy-new-create').click();
    assert.deepEqual(await page.getByTestId('new-claim-claimedBy-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-new'))), ['true']);
    await page.getByTestId('new-claim-cancel').click();
    assert.deepEqual(await actorsNamed(newClaimant), [], 'cancelled: nothing written');

    await selectText(page, start, start + sentence.length);
    await page.getByTestId('add-claim').click();
    await page.getByTestId('new-claim-subject-input').fill('Katibat Imam Bukhari');
    await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"]`).click();
    await page.getByTestId('new-claim-type').selectOption('OPERATES_IN');
    await page.getByTestId('new-claim-object-input').fill('Syria');
    await page.getByTestId('new-claim-object-suggestions').locator('[data-id="syria"]').click();
    await page.getByTestId('new-claim-stance').selectOption('ATTRIBUTED');
    await page.getByTestId('new-claim-claimedBy-input').fill(newClaimant);
    await page.getByTestId('new-claim-claimedBy-suggestions').getByTestId('suggestion-new').click();
    await page.getByTestId('new-claim-claimedBy-new-name').press('Enter');
    // Refused (a bad date): still no actor.
    await page.getByTestId('new-claim-since').fill('spring 2016');
    await page.getByTestId('new-claim-submit').click();
    await page.getByTestId('new-claim-error-since').waitFor();
    assert.deepEqual(await actorsNamed(newClaimant), [], 'refused: nothing written');
    await page.getByTestId('new-claim-since').fill('2016');
    await page.getByTestId('new-claim-submit').click();
    await page.waitForSelector('[data-testid="reading-notice"]:has-text("Claim added")');
    const made = await actorsNamed(newClaimant);
    assert.deepEqual(made.map((a) => a.kind), ['PERSON'], 'made with the claim');
    const { body } = await setup.app.graphql<{ actor: { claims: { stance: string }[] } }>(`query ($id: ID!) { actor(id: $id) { claims(role: CLAIMANT) { stance } } }`, { id: made[0]!.id });
    assert.deepEqual(body.data!.actor.claims, [{ stance: 'ATTRIBUTED' }]);
  });

  it('shows every problem at once, a quote with where it departs from the source', { timeout: 120_000 }, async () => {
    await openDispatch();
    const start = article.indexOf(sentence);
    await selectText(page, start, start + sentence.length);
    await page.getByTestId('add-claim').click();
    await page.getByTestId('new-claim-subject-input').fill('Katibat Imam Bukhari');
    await page.getByTestId('new-claim-subject-suggestions').locator(`[data-id="${bukhari}"]`).click();
    await page.getByTestId('new-claim-object-input').fill('Syria');
    await page.getByTestId('new-claim-object-suggestions').locator('[data-id="syria"]').click();
    await page.getByTestId('new-claim-since').fill('March 2016');
    const edited = sentence.replace('small cell', 'smell cell');
    await page.getByTestId('new-claim-quote').first().fill(edited);
    await page.getByTestId('new-claim-submit').click();
    const quoteError = page.getByTestId('new-claim-error-quotes[0]');
    await quoteError.waitFor();
    assert.notEqual((await page.getByTestId('new-claim-error-since').textContent()) ?? '', '', 'the bad date too, at once');
    assert.match((await quoteError.textContent()) ?? '', /not verbatim in the source/);
    assert.doesNotMatch((await quoteError.textContent()) ?? '', new RegExp(`rferl|${stamp}-|[0-9a-f]{16}`), 'no internal ids');
    const differsAt = edited.indexOf('smell') + 2;
    assert.equal(await quoteError.getByTestId('quote-matched').textContent(), edited.slice(0, differsAt));
    assert.equal(await quoteError.getByTestId('quote-differs').textContent(), 'e');
    await page.screenshot({ path: path.join(artifacts, 'curation-all-errors.png') });
    await page.getByTestId('new-claim-cancel').click();
  });

  it('deletes an actor nothing uses; refuses one a claim uses, saying so', { timeout: 120_000 }, async () => {
    const { body } = await setup.app.graphql<{ addActor: { id: string } }>(
      `mutation ($n: String!) { addActor(input: { name: $n, kind: GROUP }) { id } }`,
      { n: `Unused Cell ${stamp}` },
      token,
    );
    const unused = body.data!.addActor.id;
    await page.goto(`${setup.app.url}/?focus=${lillis}&select=${lillis}`);
    await settled(page);
    const panel = page.getByTestId('side-panel');
    assert.equal(await panel.getByTestId('actor-delete').count(), 0, 'an actor of the seed files is not deleted (they would bring it back)');

    // The claimant made with a claim above: a claim uses it.
    const [used] = await actorsNamed(newClaimant);
    assert.ok(used, 'the claimant made inline exists');
    await page.goto(`${setup.app.url}/?focus=${used.id}&select=${used.id}`);
    await settled(page);
    await panel.getByTestId('actor-delete').click();
    await panel.getByTestId('actor-delete-confirm').click();
    const refusal = panel.getByTestId('actor-delete-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /claim/i, 'says what uses it');

    await page.goto(`${setup.app.url}/?focus=${unused}&select=${unused}`);
    await settled(page);
    await panel.getByTestId('actor-delete').click();
    await panel.getByTestId('actor-delete-confirm').click();
    await until(async () => (await setup.app.graphql<{ actor: null | { id: string } }>(`{ actor(id: "${unused}") { id } }`)).body.data?.actor === null, 'the actor is deleted');
  });

  it('adds a source with via, language and access date', async () => {
    await page.goto(`${setup.app.url}/`);
    await settled(page);
    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await page.getByTestId('add-source').click();
    await page.getByTestId('source-title').fill(`Relay ${stamp}`);
    await page.getByTestId('source-publisher').fill('Meduza');
    await page.getByTestId('source-published').fill('2015-05-28');
    await page.getByTestId('source-via').fill('Fergana');
    await page.getByTestId('source-language').fill('ru');
    await page.getByTestId('source-accessed').fill('2016-01');
    await page.getByTestId('source-text').fill(`Relay ${stamp}: a text relayed from another outlet.`);
    await page.getByTestId('source-submit').click();
    await readerReady(page);
    const { body } = await setup.app.graphql<{ sources: { title: string; via: string; language: string; accessed: string }[] }>(`{ sources(first: 100) { title via language accessed } }`);
    assert.deepEqual(
      body.data!.sources.filter((source) => source.title === `Relay ${stamp}`),
      [{ title: `Relay ${stamp}`, via: 'Fergana', language: 'ru', accessed: '2016-01' }],
    );
    await page.getByTestId('reading-close').click();
  });

  it('signs out, saying why, when the API refuses the token', async () => {
    await page.goto(`${setup.app.url}/`);
    await settled(page);
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
