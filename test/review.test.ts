// The review queue of registry matches in the web app, in a real Chromium against the real API
// and Neo4j: the seed with the UN Security Council's 2024 snapshot (Al-Qaida regime only) imported,
// an editor signs in and opens the queue, sees the best pair with both sides and the matcher's
// reasons, presses N, then S on the next, then Z; the database says each key did what it says
// (a SAME merges the record's actor, its undo unmerges it); a reload resumes where the reviewer
// stopped. The actor panel shows a designation and its identifier.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { importUnSc } from './support/registries.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage, until } from './support/chromium.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const bukhari = 'katibat-imam-bukhari';
const artifacts = path.join(projectRoot, 'test', 'artifacts');

/** Waits until the app has no request in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
}

/** Waits until the review queue has answered the last action, and says which pair it shows (null: none). */
async function reviewed(page: Page): Promise<string | null> {
  await page.waitForSelector('[data-testid="review-view"][data-ready="true"]');
  const shown = page.locator('[data-testid="review-view"] [data-testid="review-pair"]');
  return (await shown.count()) > 0 ? shown.getAttribute('data-pair') : null;
}

describe('web app: the review queue of registry matches', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let token: string;
  let pageErrors: string[] = [];
  /** The queue's first three pairs before any judgement, best score first. */
  let queue: string[] = [];

  const decision = async (pair: string) => {
    const [row] = await setup.db.read<{ decision: string }>('MATCH (p:MatchPair {id: $pair}) RETURN p.decision AS decision', { pair });
    return row?.decision;
  };
  const recordOf = async (pair: string) => {
    const [row] = await setup.db.read<{ record: string }>('MATCH (p:MatchPair {id: $pair}) RETURN p.record AS record', { pair });
    return row!.record;
  };
  const isMerged = async (id: string) => {
    const [row] = await setup.db.read<{ n: number }>('MATCH (m:MergedActor {id: $id}) RETURN count(m) AS n', { id });
    return row!.n === 1;
  };

  before(async () => {
    await seed(setup.db, true);
    await importUnSc(setup.db, '2024-09-26', ['Al-Qaida']);
    const { body } = await setup.app.graphql<{ matchQueue: { id: string }[] }>('{ matchQueue(first: 3) { id } }');
    queue = body.data!.matchQueue.map((pair) => pair.id);
    assert.equal(queue.length, 3, 'the import queued pairs for review');
    await ensureWebBuild();
    token = await createToken(setup.db, `reviewer-${process.pid}-${Date.now()}`, 'editor');
    ({ browser, page, pageErrors } = await openAppPage());
  });
  after(async () => {
    await browser?.close();
  });

  it('asks a reader to sign in with an editor token', async () => {
    await page.goto(`${setup.app.url}/`);
    await settled(page);
    await page.getByTestId('review-open').click();
    await reviewed(page);
    assert.equal(await page.getByTestId('review-needs-editor').isVisible(), true);
    assert.match(page.url(), /[?&]review=1/);
    await page.getByTestId('review-close').click();
    await until(() => !page.url().includes('review=1'), 'closing forgets ?review=1'); // the dialog's close event comes a task later
  });

  it('shows the best pair with the record, our actor and the reasons', async () => {
    await page.getByTestId('sign-in').click();
    await page.getByTestId('signin-token').fill(token);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('curation-mode').waitFor();
    await page.getByTestId('review-open').click();
    assert.equal(await reviewed(page), queue[0]);
    const view = page.getByTestId('review-view');
    const { body } = await setup.app.graphql<{ matchPair: { record: { name: string; referenceNumber: string }; candidate: { name: string }; reasons: { reason: string }[] } }>(
      'query ($id: ID!) { matchPair(id: $id) { record { name referenceNumber } candidate { name } reasons { reason } } }',
      { id: queue[0] },
    );
    const pair = body.data!.matchPair;
    const record = await view.getByTestId('review-record').textContent();
    assert.ok(record?.includes(pair.record.name) && record.includes(pair.record.referenceNumber), record ?? '');
    assert.ok((await view.getByTestId('review-record-names').locator('li').count()) > 0, 'the record names with their quality');
    assert.ok((await view.getByTestId('review-candidate').textContent())?.includes(pair.candidate.name));
    const reasons = await view.getByTestId('review-reasons').textContent();
    for (const { reason } of pair.reasons) assert.ok(reasons?.includes(reason), `${reason} in ${reasons}`);
    assert.equal(await view.getByTestId('review-progress').textContent(), '0 decided this session');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'review.png') });
  });

  it('N judges NOT_SAME, S judges SAME (merging the record), Z undoes the SAME', async () => {
    await page.keyboard.press('n');
    assert.equal(await reviewed(page), queue[1], 'after N the next pair shows');
    assert.equal(await decision(queue[0]!), 'NOT_SAME');

    const sameRecord = await recordOf(queue[1]!);
    await page.keyboard.press('s');
    const afterSame = await reviewed(page);
    assert.notEqual(afterSame, queue[1]);
    assert.equal(await decision(queue[1]!), 'SAME');
    assert.equal(await isMerged(sameRecord), true, `${sameRecord} is merged into the candidate`);
    assert.equal(await page.getByTestId('review-progress').textContent(), '2 decided this session');

    await page.keyboard.press('z');
    assert.equal(await reviewed(page), queue[1], 'the undone pair shows again');
    assert.equal(await decision(queue[1]!), 'PENDING');
    assert.equal(await isMerged(sameRecord), false, `${sameRecord} is an actor again`);
    assert.equal(await decision(queue[0]!), 'NOT_SAME', 'Z undid only the last judgement');
    assert.equal(await page.getByTestId('review-progress').textContent(), '1 decided this session');
    assert.equal(await page.getByTestId('review-error').isVisible(), false);
  });

  it('resumes where the reviewer stopped after a reload, not at the top of the queue', async () => {
    await page.getByTestId('review-skip').click(); // the button does what → does
    const stoppedAt = await reviewed(page);
    assert.ok(stoppedAt && stoppedAt !== queue[1], `skipped past ${queue[1]}`);
    const { body } = await setup.app.graphql<{ matchQueue: { id: string }[] }>('{ matchQueue(first: 1) { id } }');
    assert.equal(body.data!.matchQueue[0]!.id, queue[1], 'the undone pair heads the queue again');

    await page.reload();
    await settled(page);
    assert.equal(await reviewed(page), stoppedAt, '?review=1 reopens the queue at the pair last shown');
    assert.equal(await page.getByTestId('review-progress').textContent(), '0 decided this session');
  });

  it('shows an error beside the pair, and the undo stack is per session', async () => {
    await page.keyboard.press('z');
    await reviewed(page);
    assert.match((await page.getByTestId('review-error').textContent()) ?? '', /Nothing to undo/);
  });

  it("the actor panel shows the identifiers and designations of an actor judged the same as a record", async () => {
    await page.getByTestId('review-close').click();
    await page.goto(`${setup.app.url}/?focus=${bukhari}&select=${bukhari}`);
    await settled(page);
    const designations = page.getByTestId('actor-designations');
    await designations.waitFor();
    const text = (await designations.textContent()) ?? '';
    assert.match(text, /Designated by United Nations Security Council since 2018-03-29 \(QDe\.158, Al-Qaida\)/);
    assert.match(text, /on the list of 2024-09-26/);
    assert.match((await page.getByTestId('actor-identifiers').textContent()) ?? '', /un-sc: QDe\.158/);

    const record = await recordOf(queue[1]!); // pending again: an actor of its own, imported from the registry
    await page.goto(`${setup.app.url}/?focus=${record}&select=${record}`);
    await settled(page);
    const entry = page.getByTestId('actor-registry-entry');
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /Imported from a registry: un-sc · Al-Qaida · Q/);
  });

  it('hides registry actors with the filter, and badges them in the search', async () => {
    await page.goto(`${setup.app.url}/?focus=${bukhari}`);
    await settled(page);
    const drawn = () => page.evaluate<number>(`window.__cy.nodes(':visible').filter((n) => n.id().startsWith('un-')).length`);
    assert.ok((await drawn()) > 0, 'the listing body is drawn beside the designated actor');
    await page.getByTestId('filter-registry-actors').uncheck();
    // The view is redrawn once the filter has gone through the app's state.
    await until(async () => (await drawn()) === 0, 'no registry actor is drawn');
    assert.match(page.url(), /registry=hide/);
    await page.getByTestId('search-input').fill('United Nations Security');
    await page.getByTestId('suggestion').first().waitFor();
    assert.ok((await page.locator('[data-testid="suggestion"] [data-testid="registry-badge"]').count()) > 0);
    assert.deepEqual(pageErrors, []);
  });
});
