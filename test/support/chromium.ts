// The Chromium that the browser tests drive with playwright-core (the web app, curation mode,
// Neo4j Browser connecting to the local server): CHROMIUM_PATH when set; else the build that
// the npm package @sparticuz/chromium ships (installed by `npm install` like the rest of the
// stack, unpacked into the temporary directory on first use); else a system Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';

const systemChromium = '/usr/bin/chromium';

/** Where the browser is, and which of the three it is (for the test's output). */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return await sparticuz.executablePath();
  } catch (error) {
    if (fs.existsSync(systemChromium)) return systemChromium;
    throw new Error(`No Chromium for the browser tests: @sparticuz/chromium could not unpack its build (${(error as Error).message}) and ${systemChromium} is missing; set CHROMIUM_PATH.`);
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: ['--headless', '--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AppPage {
  browser: Browser;
  page: Page;
  /** Every uncaught error of the page: each app test asserts there is none. */
  pageErrors: string[];
}

/** Chromium with one page at the app's test size (30 s per step), its page errors collected. */
export async function openAppPage(viewport = { width: 1500, height: 950 }): Promise<AppPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, page, pageErrors };
}

/** Polls `check` every 100 ms until it holds (page.waitForFunction would evaluate a string in the page, which the app's CSP forbids). */
export async function until(check: () => boolean | Promise<boolean>, what: string, withinMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}
