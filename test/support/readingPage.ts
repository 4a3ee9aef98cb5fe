// The reading view as the browser tests drive it: waiting for it, where its marks stand (as offsets
// into the source's text) and selecting a passage as a mouse drag would, whatever elements split it.
import type { Page } from 'playwright-core';

export async function readerReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="reading-view"][data-ready="true"]');
}

/** [start, end) of each run of elements in the reading text that matches `selector`, in text offsets. */
export function spansOf(page: Page, selector: string): Promise<[number, number][]> {
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

/** Selects [start, end) of the reading text, as a mouse drag would, whatever elements split it; answers the selection. */
export function selectText(page: Page, start: number, end: number): Promise<string> {
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

/** Selects the first place `passage` stands in the reading text. */
export async function selectPassage(page: Page, passage: string): Promise<string> {
  const start = await page.evaluate<number>(`document.querySelector('[data-testid="reading-text"]').textContent.indexOf(${JSON.stringify(passage)})`);
  return selectText(page, start, start + passage.length);
}
