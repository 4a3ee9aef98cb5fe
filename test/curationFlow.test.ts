// The curation flow of issue #26 end to end, in a real Chromium against the real API and Neo4j,
// on a short dispatch this test writes itself (a test fixture: its people and events are invented,
// and it is not in seed/): the source added, a suggested claim accepted as it stands and another
// edited, a claimant created inline, two quotes on one claim, every problem of a claim shown at
// once, an actor's aliases edited and marked by the reading view without a reload, a wrong
// mention rejected. Every action of the analyst (click, fill, key, selection) goes through a
// counter, and the test prints "curation flow: N actions for M claims".
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { createToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage, until as untilWithin } from './support/chromium.ts';
import { readerReady, selectText, spansOf } from './support/readingPage.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const artifacts = path.join(projectRoot, 'test', 'artifacts');
const stamp = `${process.pid}-${Date.now()}`;
const editor = `flow-curator-${stamp}`;
const title = `Test fixture ${stamp}: Tajik police colonel resurfaces with Islamic State`;

// The invented dispatch. Each sentence is there for a step of the flow.
const pledge = 'Colonel Rustam Davlatov, a former commander of a police special forces unit in Tajikistan, has pledged allegiance to Islamic State, according to a video released last month.';
const joined = '"Davlatov joined Islamic State in Raqqa," Khurshed Nazarov, a spokesman for the Tajik Interior Ministry, told reporters.';
const trainedUs = "Tajikistan's Interior Ministry said Davlatov had trained in the United States.";
const trainedRussia = 'Reporter Medina Saidova, who first described the video, said Dawlatov had trained in Russia as well.';
const trainedWhen = 'Dawlatov trained in Russia in 2013, the ministry said.';
const article = [`Dushanbe, ${stamp}.`, pledge, joined, trainedUs, trainedRussia, trainedWhen].join('\n');
const secondQuote = 'Dawlatov trained in Russia in 2013';

/** Waits for what a write shows: the suggestions are read again after each write, which a busy machine (the whole suite at once) slows. */
const until = (check: () => boolean | Promise<boolean>, what: string) => untilWithin(check, what, 30_000);

/** The suggestions as drawn after the latest write: the reading view is redrawn (and not ready) while a write's refresh runs. */
const readySuggestions = '[data-testid="reading-view"][data-ready="true"] [data-testid="suggestion-list"][data-ready="true"]';

/** The analyst: every action taken in the page is counted. */
class Analyst {
  actions = 0;
  constructor(readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.actions++;
    await target.click();
  }
  async fill(target: Locator, text: string): Promise<void> {
    this.actions++;
    await target.fill(text);
  }
  async press(target: Locator, key: string): Promise<void> {
    this.actions++;
    await target.press(key);
  }
  async choose(target: Locator, value: string): Promise<void> {
    this.actions++;
    await target.selectOption(value);
  }
  /** Selects [start, end) of the reading text, as one drag of the mouse would. */
  async selectText(start: number, end: number): Promise<string> {
    this.actions++;
    return selectText(this.page, start, end);
  }
}

async function suggestionsReadyIn(page: Page): Promise<void> {
  await page.waitForSelector(readySuggestions);
}

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
}

const at = (text: string) => [article.indexOf(text), article.indexOf(text) + text.length] as [number, number];

interface StoredClaim {
  id: string;
  type: string;
  stance: string;
  since: string | null;
  subject: { id: string; name: string };
  object: { id: string; name: string };
  claimedBy: { id: string; name: string }[];
  evidence: { quote: string }[];
}

describe('web app: the curation flow of an article, counted', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let analyst: Analyst;
  let pageErrors: string[] = [];
  let sourceId = '';
  let davlatov = '';

  /** The claims the API holds on the dispatch. */
  async function storedClaims(): Promise<StoredClaim[]> {
    const { body } = await setup.app.graphql<{ source: { claims: StoredClaim[] } }>(
      `query ($id: ID!) { source(id: $id) { claims(first: 50) { id type stance since subject { id name } object { id name } claimedBy { id name } evidence { quote } } } }`,
      { id: sourceId },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data!.source.claims;
  }

  /** The suggested claims, or those whose proposal reads `type`. */
  function suggested(type?: string): Locator {
    const items = page.getByTestId('suggestion-claims').locator(':scope > li');
    return type ? items.filter({ has: page.locator('[data-testid$="-proposal"]', { hasText: ` — ${type}` }) }) : items;
  }

  async function claimAdded(count: number): Promise<StoredClaim[]> {
    await page.waitForSelector('[data-testid="reading-notice"]:has-text("Claim added")');
    const claims = await storedClaims();
    assert.equal(claims.length, count);
    return claims;
  }

  before(async () => {
    await seed(setup.db, true);
    await ensureWebBuild();
    const token = await createToken(setup.db, editor, 'editor');
    ({ browser, page, pageErrors } = await openAppPage());
    analyst = new Analyst(page);
    // Signed in before the flow starts (the sign-in is not curation): the token in this tab's session.
    await page.goto(`${setup.app.url}/`);
    await page.evaluate(`sessionStorage.setItem('actorgraph.token', ${JSON.stringify(token)})`);
    await page.reload();
    await settled(page);
    await page.getByTestId('viewer').waitFor();
    // A page reload would lose this: the reading view must follow every change without one.
    await page.evaluate(`window.__sameDocument = true`);
  });
  after(async () => {
    await browser?.close();
  });

  it('adds the dispatch as a source, which opens with the claims it suggests', async () => {
    await analyst.click(page.getByTestId('sources-open'));
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await analyst.click(page.getByTestId('add-source'));
    await analyst.fill(page.getByTestId('source-title'), title);
    await analyst.fill(page.getByTestId('source-publisher'), 'Test Fixture Wire');
    await analyst.fill(page.getByTestId('source-published'), '2016-03-12');
    await analyst.fill(page.getByTestId('source-text'), article);
    await analyst.click(page.getByTestId('source-submit'));
    await readerReady(page);
    assert.equal(await page.getByTestId('reading-text').textContent(), article, 'stored byte for byte');
    sourceId = (await setup.app.graphql<{ sources: { id: string; title: string }[] }>(`{ sources { id title } }`)).body.data!.sources.find((s) => s.title === title)!.id;
    assert.ok(sourceId.length <= 48, `a short source id: ${sourceId}`);
    await suggestionsReadyIn(page);
    assert.ok((await suggested().count()) > 0, 'the text suggests claims');
    await page.screenshot({ path: path.join(artifacts, 'curation-flow-suggestions.png') });
  });

  it('edits the suggested pledge: its subject, the colonel, made with the claim; rejects a wrong suggestion', { timeout: 120_000 }, async () => {
    await analyst.click(suggested('PLEDGED_ALLEGIANCE_TO').first().locator('[data-testid$="-edit"]'));
    await page.getByTestId('claim-form').waitFor();
    // The engine read "Tajikistan" as the one who pledged; the colonel is new to the graph.
    await analyst.fill(page.getByTestId('new-claim-subject-input'), 'Rustam Davlatov');
    await analyst.click(page.getByTestId('new-claim-subject-suggestions').getByTestId('suggestion-new'));
    await analyst.choose(page.getByTestId('new-claim-subject-new-kind'), 'PERSON');
    await analyst.click(page.getByTestId('new-claim-subject-new-create'));
    await analyst.choose(page.getByTestId('new-claim-stance'), 'ASSERTED');
    await analyst.click(page.getByTestId('new-claim-submit'));
    const [claim] = await claimAdded(1);
    assert.equal(claim!.type, 'PLEDGED_ALLEGIANCE_TO');
    assert.equal(claim!.subject.name, 'Rustam Davlatov');
    assert.equal(claim!.object.id, 'islamic-state');
    assert.deepEqual(claim!.evidence.map((e) => e.quote), [pledge]);
    davlatov = claim!.subject.id;
    // The reading view underlines it without a reload.
    await until(async () => (await spansOf(page, '.evidence')).some(([start]) => start === at(pledge)[0]), 'the claim is underlined');

    // "Commander of a unit in Tajikistan" does not make him the leader of Tajikistan.
    await suggestionsReadyIn(page);
    await analyst.click(suggested('LEADS').first().locator('[data-testid$="-reject"]'));
    await until(async () => (await page.locator(readySuggestions).count()) === 1 && (await suggested('LEADS').count()) === 0, 'the rejected suggestion goes').catch(async (error: Error) => {
      const aside = await page.getByTestId('reading-aside').textContent();
      const stored = await setup.app.graphql(`query($id: ID!) { history(id: $id) { action after } }`, { id: sourceId });
      throw new Error(`${error.message}; the aside shows: ${aside}; the source's history: ${JSON.stringify(stored.body)}`);
    });
    assert.equal(await page.evaluate<boolean>(`window.__sameDocument === true`), true, 'no page reload');
  });

  it('edits the colonel’s aliases in the panel: the reading view marks the text’s spellings without a reload', { timeout: 120_000 }, async () => {
    const spellings = [...article.matchAll(/Dawlatov|Davlatov/g)].map((m) => m.index).filter((i) => !article.slice(i - 7, i).startsWith('Rustam'));
    const marked = async () => {
      const spans = await spansOf(page, `.mention[data-actor-ids~="${davlatov}"]`);
      return spellings.filter((d) => spans.some(([s, e]) => s <= d && d < e)).length;
    };
    assert.equal(await marked(), 0, 'the short spellings are not marked before');
    await analyst.click(page.getByTestId('reading-close'));
    await settled(page);
    const panel = page.getByTestId('side-panel');
    await analyst.click(panel.locator(`button[data-id="${davlatov}"]`).first());
    await analyst.click(panel.getByTestId('actor-edit'));
    const alias = panel.getByTestId('actor-edit-alias-input');
    await analyst.fill(alias, 'Davlatov');
    await analyst.press(alias, 'Enter');
    await analyst.fill(alias, 'Dawlatov');
    await analyst.press(alias, 'Enter');
    await analyst.click(panel.getByTestId('actor-edit-submit'));
    await until(async () => ((await panel.getByTestId('actor-aliases').textContent()) ?? '').includes('Dawlatov'), 'the panel shows the new aliases');

    await analyst.click(page.getByTestId('sources-open'));
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await analyst.click(page.locator(`[data-testid="source-item"][data-source-id="${sourceId}"] [data-testid="source-open"]`));
    await readerReady(page);
    await until(async () => (await marked()) === spellings.length, 'every "Davlatov" and "Dawlatov" is marked as the colonel');
    assert.equal(await page.evaluate<boolean>(`window.__sameDocument === true`), true, 'no page reload');
  });

  it('rejects a wrong mention: the reporter’s first name is not the city of Medina', { timeout: 120_000 }, async () => {
    const medina = article.indexOf('Medina');
    assert.deepEqual(await spansOf(page, '.mention[data-actor-ids~="medina"]'), [[medina, medina + 'Medina'.length]], 'the matcher took her name for the city');
    await analyst.click(page.locator('.mention[data-actor-ids~="medina"]'));
    await analyst.click(page.getByTestId('mention-bar').locator('[data-testid="mention-reject"][data-actor-id="medina"]'));
    await analyst.fill(page.getByTestId('mention-reason'), 'A reporter’s first name, not the city.');
    await analyst.press(page.getByTestId('mention-reason'), 'Enter');
    await until(async () => (await spansOf(page, '.mention[data-actor-ids~="medina"]')).length === 0, 'the mark goes without a reload');
    const { body } = await setup.app.graphql<{ source: { mentions: { actor: { id: string } }[] } }>(`query ($id: ID!) { source(id: $id) { mentions(first: 100) { actor { id } } } }`, { id: sourceId });
    assert.ok(!body.data!.source.mentions.some((m) => m.actor.id === 'medina'), 'the API no longer lists it');
  });

  it('marks a name the matcher missed as a mention: "the ministry" of the last sentence', { timeout: 120_000 }, async () => {
    const ministry = 'tajikistan-ministry-of-internal-affairs';
    const [start, end] = at('ministry said.');
    assert.equal(await analyst.selectText(start, start + 'ministry'.length), 'ministry');
    await analyst.click(page.getByTestId('mark-mention'));
    await page.getByTestId('mention-form').waitFor();
    await analyst.fill(page.getByTestId('new-mention-actor-input'), 'Tajik Interior Ministry');
    await analyst.click(page.locator(`[data-testid="new-mention-actor-suggestions"] [data-id="${ministry}"]`));
    await analyst.click(page.getByTestId('new-mention-submit'));
    await until(async () => (await spansOf(page, `.mention[data-actor-ids~="${ministry}"]`)).some(([s]) => s === start), 'the passage is marked without a reload');
    assert.ok(end > start);
    const { body } = await setup.app.graphql<{ source: { mentions: { actor: { id: string }; added: string[] }[] } }>(`query ($id: ID!) { source(id: $id) { mentions(first: 100) { actor { id } added } } }`, { id: sourceId });
    assert.deepEqual(body.data!.source.mentions.find((m) => m.actor.id === ministry)?.added, ['ministry']);
  });

  it('accepts a suggested claim as it stands', { timeout: 120_000 }, async () => {
    await suggestionsReadyIn(page);
    const suggestion = suggested('TRAINED_IN').filter({ hasText: 'United States' }).first();
    await analyst.click(suggestion.locator('[data-testid$="-accept"]'));
    const claims = await claimAdded(2);
    const trained = claims.find((c) => c.type === 'TRAINED_IN')!;
    assert.deepEqual([trained.subject.id, trained.object.id, trained.stance], [davlatov, 'united-states', 'ATTRIBUTED']);
    assert.deepEqual(trained.claimedBy.map((a) => a.id), ['tajikistan-ministry-of-internal-affairs']);
    assert.deepEqual(trained.evidence.map((e) => e.quote), [trainedUs]);
  });

  it('edits the suggested membership: its speaker created inline as a claimant', { timeout: 120_000 }, async () => {
    await suggestionsReadyIn(page);
    await analyst.click(suggested('MEMBER_OF').first().locator('[data-testid$="-edit"]'));
    await page.getByTestId('claim-form').waitFor();
    assert.equal(await page.getByTestId('reading-notice').isVisible(), false, 'the last notice goes when the next claim starts');
    await analyst.fill(page.getByTestId('new-claim-claimedBy-input'), 'Khurshed Nazarov');
    await analyst.click(page.getByTestId('new-claim-claimedBy-suggestions').getByTestId('suggestion-new'));
    await analyst.click(page.getByTestId('new-claim-claimedBy-new-create'));
    await analyst.click(page.getByTestId('new-claim-submit'));
    const claims = await claimAdded(3);
    const member = claims.find((c) => c.type === 'MEMBER_OF')!;
    assert.deepEqual([member.subject.id, member.object.id, member.stance], [davlatov, 'islamic-state', 'ATTRIBUTED']);
    assert.deepEqual(member.claimedBy.map((a) => a.name).sort(), ['Khurshed Nazarov', 'Ministry of Internal Affairs of Tajikistan']);
    assert.equal(member.evidence.length, 1);
    assert.ok(joined.includes(member.evidence[0]!.quote) && member.evidence[0]!.quote.startsWith('Davlatov joined'), `the suggestion's sentence: ${member.evidence[0]!.quote}`);
  });

  it('edits the suggested training in Russia: two quotes, a new claimant, every problem at once first', { timeout: 120_000 }, async () => {
    await suggestionsReadyIn(page);
    await analyst.click(suggested('TRAINED_IN').filter({ hasText: 'Russia' }).first().locator('[data-testid$="-edit"]'));
    await page.getByTestId('claim-form').waitFor();
    // Its claimant is the reporter, not the city: replaced by a new actor.
    const chips = page.getByTestId('new-claim-claimedBy-chip');
    for (let n = await chips.count(); n > 0; n--) await analyst.click(chips.first().locator('button'));
    await analyst.fill(page.getByTestId('new-claim-claimedBy-input'), 'Medina Saidova');
    await analyst.click(page.getByTestId('new-claim-claimedBy-suggestions').getByTestId('suggestion-new'));
    await analyst.choose(page.getByTestId('new-claim-claimedBy-new-kind'), 'PERSON');
    await analyst.click(page.getByTestId('new-claim-claimedBy-new-create'));
    await analyst.click(page.getByTestId('new-claim-add-quote'));
    const quotes = page.getByTestId('new-claim-quote');
    // The second quote copied wrong and a month that does not exist: both problems at once.
    await analyst.fill(quotes.nth(1), 'Dawlatov trained in Russia in 2031');
    await analyst.fill(page.getByTestId('new-claim-since'), '2013-13');
    await analyst.click(page.getByTestId('new-claim-submit'));
    const sinceError = page.getByTestId('new-claim-error-since');
    await sinceError.waitFor();
    const quoteError = page.getByTestId('new-claim-error-quotes[1]');
    assert.equal(await quoteError.isVisible(), true, 'the quote problem shows with the date problem');
    assert.match((await quoteError.textContent()) ?? '', /not verbatim/);
    assert.equal(await quoteError.getByTestId('quote-differs').textContent(), '3', 'where the quote departs from the text');
    await page.screenshot({ path: path.join(artifacts, 'curation-flow-errors.png') });

    await analyst.fill(quotes.nth(1), secondQuote);
    await analyst.fill(page.getByTestId('new-claim-since'), '2013');
    await analyst.click(page.getByTestId('new-claim-submit'));
    const claims = await claimAdded(4);
    const trained = claims.find((c) => c.type === 'TRAINED_IN' && c.object.id === 'russia')!;
    assert.deepEqual(trained.evidence.map((e) => e.quote), [trainedRussia, secondQuote]);
    assert.deepEqual(trained.claimedBy.map((a) => a.name), ['Medina Saidova']);
    assert.equal(trained.since, '2013');
    await until(async () => (await spansOf(page, '.evidence')).some(([s]) => s === at(secondQuote)[0]), 'both quotes are underlined');
  });

  it('marks a clicked quote over the mentions inside it', async () => {
    await page.getByTestId('reading-close').click();
    await settled(page);
    const quote = page.getByTestId('side-panel').locator('button.quote').first();
    await quote.click();
    await readerReady(page);
    const inside = await page.evaluate<{ mentions: number; background: string }>(`(() => {
      const mentions = document.querySelectorAll('[data-testid="reading-mark"] .mention');
      return { mentions: mentions.length, background: mentions.length ? getComputedStyle(mentions[0]).backgroundColor : '' };
    })()`);
    assert.ok(inside.mentions > 0, 'a mention inside the marked quote');
    assert.equal(inside.background, 'rgba(0, 0, 0, 0)', 'the mark’s colour shows through the mention');
    await page.screenshot({ path: path.join(artifacts, 'curation-flow-marked.png') });
  });

  it('took a counted number of actions', async () => {
    const claims = await storedClaims();
    console.log(`curation flow: ${analyst.actions} actions for ${claims.length} claims`);
    assert.ok(analyst.actions / claims.length < 20, `${analyst.actions} actions for ${claims.length} claims`);
    assert.deepEqual(pageErrors, []);
  });
});
