// Neo4j Browser with no set-up: a throw-away local Neo4j (its neo4j.conf as the launcher writes
// it) and the API on the port that conf names; Chromium opens the Browser, connects with the
// instance's generated password, and must then hold the project's style and show the guide
// with every ready query, without anything else being done. It fails when
// browser.post_connect_cmd, the remote-content allowlist or the API's CORS header is missing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { loadConfig, projectRoot, type Config } from '../src/config.ts';
import { readReadyQueries } from '../src/docs/readyQueries.ts';
import { openDatabase, type Database } from '../src/neo4j/database.ts';
import { startLocalNeo4j, type RunningNeo4j } from '../src/launcher/localServer.ts';
import { createApp, listen, type App } from '../src/http/app.ts';
import { browserKitPaths } from '../src/browserKitSettings.ts';
import { launchChromium } from './support/chromium.ts';
import { freePort, removeInstance, tempHome } from './support/localNeo4j.ts';

type GrassRules = Record<string, Record<string, string>>;

/** The rules of a .grass file as Browser stores them: selector -> property -> value, captions unquoted. */
function grassRules(text: string): GrassRules {
  return Object.fromEntries(
    [...text.matchAll(/^([\w.]+) \{\n([\s\S]*?)\n\}/gm)].map(([, selector, body]) => [
      selector!,
      Object.fromEntries(
        body!
          .split(';')
          .map((declaration) => declaration.trim())
          .filter(Boolean)
          .map((declaration) => {
            const colon = declaration.indexOf(':');
            return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim().replace(/^"(.*)"$/, '$1')];
          }),
      ),
    ]),
  );
}

/** A frame of Browser's stream with this command line; it is added once its command has an answer (or an error). */
const frame = (page: Page, command: string): Locator =>
  page.locator('[data-testid="frame"]').filter({ has: page.locator('[data-testid="frameCommand"]', { hasText: command }) });

describe('Neo4j Browser on connecting', { timeout: 300_000 }, () => {
  const home = tempHome('neo4j-browser-');
  let config: Config;
  let neo4j: RunningNeo4j | undefined;
  let db: Database | undefined;
  let app: App | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: string;

  before(async () => {
    config = loadConfig({
      NEO4J_LOCAL_HOME: home,
      NEO4J_DIST_DIR: process.env.NEO4J_DIST_DIR,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: String(await freePort()),
      PORT: String(await freePort()),
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
    });
    neo4j = await startLocalNeo4j(config);
    db = openDatabase(config.neo4j, config.limits);
    app = await createApp(db, { ...config.api, rateLimit: { perSecond: 0, burst: 0 } });
    await listen(app.server, config.http.port, '127.0.0.1');
    api = `http://127.0.0.1:${config.http.port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.setDefaultTimeout(30_000);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.close();
    await neo4j?.stop();
    removeInstance(home);
  });

  it('connects with the instance password and runs the post-connect commands', async () => {
    await page.goto(`http://localhost:${config.local.httpPort}/browser/`);
    await page.getByTestId('username').fill(config.neo4j.user);
    // The password the instance's first start generated and keeps in its home.
    await page.getByTestId('password').fill(fs.readFileSync(config.local.passwordFile!, 'utf8').trim());
    await page.getByTestId('connect').click();
    await frame(page, ':server connect').getByText('You are connected as user').waitFor();
    // Browser runs browser.post_connect_cmd once it has read the server's settings; each
    // command's frame appears when its fetch has answered (or failed).
    for (const command of [`:style ${api}${browserKitPaths.style}`, `:play ${api}${browserKitPaths.guide}`]) {
      const shown = await frame(page, command)
        .waitFor({ timeout: 15_000 })
        .then(() => true, () => false);
      const commands = await page.getByTestId('frameCommand').allTextContents();
      assert.ok(shown, `Browser did not run "${command}" on connecting (browser.post_connect_cmd); it ran: ${commands.join(' | ')}`);
    }
  });

  it("holds the project's style: every rule of actorgraph.grass, the Claim label's included", async () => {
    const expected = grassRules(fs.readFileSync(path.join(projectRoot, 'neo4j-browser', 'actorgraph.grass'), 'utf8'));
    assert.ok(expected['node.Claim'], 'the style has a rule for Claim');
    // Browser writes its state to localStorage a moment after it changes; 'null' until a style is
    // set. Asked again until it is there (a wait for it once returned at once, in a CI run, without it).
    const storedStyle = `JSON.parse(localStorage.getItem('neo4j.grass') ?? 'null')`;
    let stored: GrassRules | null = null;
    for (const deadline = Date.now() + 10_000; stored === null && Date.now() < deadline; ) {
      stored = await page.evaluate<GrassRules | null>(storedStyle);
      if (stored === null) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const styleFrame = await frame(page, ':style').first().innerText({ timeout: 1_000 }).catch(() => '(no :style frame)');
    assert.ok(stored, `Browser holds no style; its :style frame says:\n${styleFrame.slice(0, 500)}`);
    assert.deepEqual(stored, expected);
  });

  it('shows the guide: one slide per ready query, each query runnable as the document writes it', async () => {
    const queries = readReadyQueries();
    const guide = frame(page, `:play ${api}${browserKitPaths.guide}`);
    const intro = await guide.innerText({ timeout: 1_000 }).catch(() => '(no guide frame)');
    for (const query of queries) assert.ok(intro.includes(query.title), `the guide lists "${query.title}"; it says:\n${intro.slice(0, 500)}`);
    const shown: string[] = [];
    for (let slide = 1; slide <= queries.length; slide++) {
      await guide.getByTestId('nextSlide').click();
      shown.push(...(await guide.locator('pre.runnable').allTextContents()));
    }
    assert.deepEqual(shown, queries.map((query) => query.cypher));
    // Clicking a query puts it in the editor (Monaco writes spaces as no-break spaces).
    await guide.locator('pre.runnable').click();
    const editor = await page.getByTestId('activeEditor').innerText();
    assert.ok(editor.replaceAll('\u00a0', ' ').includes(queries.at(-1)!.cypher.split('\n')[0]!), editor);
  });
});
