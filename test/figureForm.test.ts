// The "Add figure" form of curation mode, in a real Chromium against the real API and Neo4j: a
// passage of a seed source selected in the reading view becomes a figure's quote; a bad date and
// a quote edited away from the text are shown together, each beside its field; the corrected
// figure is stored through addFigure, with the value as typed ("4,000") and its claimant.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createToken } from '../src/auth/tokens.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage } from './support/chromium.ts';
import { selectPassage } from './support/readingPage.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const source = 'rferl-2015-01-is-70-million';
const passage = 'as many as 4,000 men and women from Central Asia have gone to fight with or otherwise support IS in Syria and Iraq';

async function pick(page: Page, picker: string, typed: string, id: string): Promise<void> {
  await page.getByTestId(`${picker}-input`).fill(typed);
  await page.locator(`[data-testid="${picker}-suggestions"] [data-id="${id}"]`).click();
}

describe('web app: the figure form', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let token: string;

  before(async () => {
    await seed(setup.db, true);
    await ensureWebBuild();
    token = await createToken(setup.db, `figure-curator-${process.pid}-${Date.now()}`, 'editor');
    ({ browser, page } = await openAppPage());
  });
  after(async () => {
    await browser?.close();
  });

  it('adds a figure from a selected passage; a bad date and a changed quote show together beside their fields', { timeout: 120_000 }, async () => {
    await page.goto(`${setup.app.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('signin-token').fill(token);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('viewer').waitFor();
    await page.getByTestId('sources-open').click();
    await page.waitForSelector('[data-testid="sources-view"][data-ready="true"]');
    await page.locator(`[data-testid="source-item"][data-source-id="${source}"] [data-testid="source-open"]`).click();
    await page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');

    assert.equal(await selectPassage(page, passage), passage);
    await page.getByTestId('add-figure').click();
    await page.getByTestId('figure-form').waitFor();
    assert.equal(await page.getByTestId('new-figure-quote').inputValue(), passage, 'the selection is the quote');
    await page.getByTestId('new-figure-measure').fill('people from Central Asia gone to fight with or support IS in Syria and Iraq');
    await page.getByTestId('new-figure-value').fill('4,000');
    await page.getByTestId('new-figure-qualifier').fill('as many as');
    await page.getByTestId('new-figure-unit').fill('people');
    await pick(page, 'new-figure-about', 'Central Asia', 'central-asia');
    await page.getByTestId('new-figure-stance').selectOption('ATTRIBUTED');
    await pick(page, 'new-figure-claimedBy', 'Crisis Group', 'international-crisis-group');

    await page.getByTestId('new-figure-date').fill('last year');
    await page.getByTestId('new-figure-quote').fill('as many as 5,000 men and women from Central Asia');
    await page.getByTestId('new-figure-submit').click();
    await page.getByTestId('new-figure-error-quotes').waitFor();
    assert.notEqual((await page.getByTestId('new-figure-error-date').textContent()) ?? '', '', 'the date is refused with the quote');
    assert.equal(await page.getByTestId('new-figure-quote').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('new-figure-date').getAttribute('aria-invalid'), 'true');

    await page.getByTestId('new-figure-date').fill('2015-01');
    await page.getByTestId('new-figure-quote').fill(passage);
    await page.getByTestId('new-figure-submit').click();
    await page.waitForSelector('[data-testid="reading-notice"]:has-text("Figure added")');

    const { body } = await setup.app.graphql<{ figures: { origin: string; value: number; qualifier: string; date: string; quotes: string[]; claimedBy: { id: string }[] }[] }>(
      '{ figures(about: "central-asia", first: 500) { origin value qualifier date quotes claimedBy { id } } }',
    );
    const added = body.data!.figures.filter((f) => f.origin === 'API');
    assert.deepEqual(added, [{ origin: 'API', value: 4000, qualifier: 'as many as', date: '2015-01', quotes: [passage], claimedBy: [{ id: 'international-crisis-group' }] }]);
  });
});
