// The reading view of a registry snapshot, in a real Chromium against the real API and Neo4j: the
// seed with the UN Security Council's 2024 snapshot (Al-Qaida regime only) imported; a DESIGNATES
// claim's quote opens the snapshot at the record it cites, read as a record (name, reference
// number, listing date, alias with its quality) with exactly the claim's quotes marked, never the
// raw XML; opened from its title, a summary and a filter to pick a record by reference number.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../src/config.ts';
import { importUnSc } from './support/registries.ts';
import { ensureWebBuild } from '../src/http/webBuild.ts';
import { openAppPage } from './support/chromium.ts';
import { reseedAfterwards, seed, seededApp } from './support/testGraph.ts';

const artifacts = path.join(projectRoot, 'test', 'artifacts');

describe('web app: reading a registry snapshot', () => {
  const setup = seededApp();
  reseedAfterwards();
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  /** The DESIGNATES claim of KHATIBA IMAM AL-BUKHARI (QDe.158), its relationship and designated actor. */
  let claim: { id: string; relationship: string; actor: string };

  before(async () => {
    await seed(setup.db, true);
    await importUnSc(setup.db, '2024-09-26', ['Al-Qaida']);
    const [row] = await setup.db.read<{ id: string }>(
      `MATCH (c:Claim {type: 'DESIGNATES'})-[e:EVIDENCE]->(:Source {registry: 'un-sc'}) WHERE e.quote = 'QDe.158' RETURN c.id AS id`,
    );
    assert.ok(row, 'the import made the designation of QDe.158');
    const { body } = await setup.app.graphql<{ claim: { relationship: { id: string; to: { id: string } } } }>(
      'query ($id: ID!) { claim(id: $id) { relationship { id to { id } } } }',
      { id: row.id },
    );
    claim = { id: row.id, relationship: body.data!.claim.relationship.id, actor: body.data!.claim.relationship.to.id };
    await ensureWebBuild();
    ({ browser, page, pageErrors } = await openAppPage());
  });
  after(async () => {
    await browser?.close();
  });

  const reader = () => page.getByTestId('reading-view');
  const ready = () => page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');

  it("opens at a designation's quote: the record read as a record, the claim's quotes marked", async () => {
    await page.goto(`${setup.app.url}/?focus=${claim.actor}&select=${encodeURIComponent(claim.relationship)}`);
    await page.waitForSelector('body[data-ready="true"][data-busy="0"]');
    await page.getByTestId('side-panel').locator(`[data-claim-id="${claim.id}"]`).getByTestId('evidence-quote').filter({ hasText: 'QDe.158' }).click();
    await ready();
    const text = reader().getByTestId('reading-text');
    const record = text.getByTestId('registry-record');
    assert.equal(await record.count(), 1, 'the one record the quotes stand in');
    assert.equal(await record.getAttribute('data-reference'), 'QDe.158');
    assert.match((await record.getByTestId('registry-record-name').textContent()) ?? '', /KHATIBA IMAM AL-BUKHARI/);
    assert.equal(await record.getByTestId('registry-record-reference').textContent(), 'QDe.158');
    assert.equal(await record.getByTestId('registry-record-listed').textContent(), '2018-03-29');
    assert.deepEqual(await record.getByTestId('registry-record-aliases').locator('li').allTextContents(), ['Khataib al-Imam al-Bukhari (a.k.a.)']);
    assert.match((await record.getByTestId('registry-record-narrative').textContent()) ?? '', /^Associated with Al-Nusrah Front/);
    assert.deepEqual(await text.getByTestId('reading-mark').allTextContents(), ['QDe.158', '2018-03-29'], 'exactly the claim’s quotes are marked');
    const shown = (await text.textContent()) ?? '';
    assert.ok(!shown.includes('<REFERENCE_NUMBER>') && !shown.includes('</ENTITY>'), 'no raw XML');
    assert.ok(shown.length < 20_000, `a record and a short picker, not the snapshot (${shown.length} characters)`);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'registry-reading.png') });
    await page.keyboard.press('Escape');
  });

  it('opened from its title: a summary, and a record picked by its reference number', async () => {
    await page.getByTestId('side-panel').getByTestId('read-source').first().click();
    await ready();
    const text = reader().getByTestId('reading-text');
    const summary = (await text.getByTestId('registry-summary').textContent()) ?? '';
    assert.match(summary, /UN Security Council · list generated 2024-09-26T00:00:07\.514Z · \d+ records · the graph took (at least )?\d+ designations from it/);
    assert.equal(await text.getByTestId('registry-record').count(), 0, 'no record until one is picked');
    assert.ok((await text.getByTestId('registry-pick').count()) <= 20, 'a short list');
    await text.getByTestId('registry-filter').fill('qde.158');
    assert.deepEqual(await text.getByTestId('registry-pick').allTextContents(), ['QDe.158 KHATIBA IMAM AL-BUKHARI (KIB)']);
    await text.getByTestId('registry-pick').click();
    const record = text.getByTestId('registry-record');
    assert.equal(await record.getAttribute('data-reference'), 'QDe.158');
    assert.equal(await text.getByTestId('reading-mark').count(), 0, 'picked, not opened at a quote: nothing marked');
    assert.ok((await record.getByTestId('reading-evidence').count()) >= 2, 'the quotes of its claims underlined');
    assert.ok(!((await text.textContent()) ?? '').includes('<REFERENCE_NUMBER>'));
    assert.deepEqual(pageErrors, []);
  });
});
