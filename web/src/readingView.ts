// The reading view: a source's whole text in a modal dialog, with the quote the analyst
// clicked marked at its recorded place ([start, end) in the text) and scrolled into view, so
// that a quote can be read in its context. The text is fetched only now, once per source.
// Escape, the close button or a click beside the dialog close it; the focus then goes back
// to what opened it.
import { ApiError, fetchSource } from './api.ts';
import { el } from './dom.ts';
import type { Evidence, Source, SourceRef } from './model.ts';

/** Runs of whitespace count as one space: the loader matches quotes to texts that way. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text with the quote marked, or null when the quote is not where the evidence says. */
function markedText(text: string, evidence: Evidence): { nodes: Node[]; mark: HTMLElement } | null {
  const { start, end } = evidence;
  if (!(start >= 0 && start <= end && end <= text.length) || words(text.slice(start, end)) !== words(evidence.quote)) return null;
  const mark = el('mark', { 'data-testid': 'reading-mark' }, text.slice(start, end));
  return { nodes: [document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end))], mark };
}

export class ReadingView {
  private readonly sources = new Map<string, Promise<Source | null>>();
  private readonly title = el('h2', { id: 'reader-title', 'data-testid': 'reading-title' });
  private readonly about = el('p', { class: 'reader-about', 'data-testid': 'reading-about' });
  private readonly notice = el('p', { class: 'reader-notice', 'data-testid': 'reading-notice', role: 'status' });
  private readonly text = el('div', { class: 'reader-text', 'data-testid': 'reading-text', tabindex: '0', 'aria-label': 'Source text' });
  /** Bumped by every open, so that a text arriving for an earlier one is dropped. */
  private generation = 0;
  private opener: HTMLElement | null = null;

  constructor(private readonly dialog: HTMLDialogElement) {
    const close = el('button', { type: 'button', class: 'reader-close', 'data-testid': 'reading-close', 'aria-label': 'Close the source' }, '×');
    close.addEventListener('click', () => dialog.close());
    dialog.setAttribute('aria-labelledby', this.title.id);
    dialog.replaceChildren(el('header', {}, this.title, close), this.about, this.notice, this.text);
    // A click on the backdrop lands on the dialog itself, outside its content.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      this.generation++;
      if (this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    });
  }

  /** Opens a source, at `evidence` when given (marked and scrolled to), else at its top. */
  async open(source: SourceRef, evidence?: Evidence): Promise<void> {
    const generation = ++this.generation;
    if (!this.dialog.open) this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.title.textContent = source.title;
    this.about.textContent = [source.publisher, source.published].filter(Boolean).join(', ');
    this.showNotice('Loading the text…');
    this.text.replaceChildren();
    delete this.dialog.dataset.ready; // set again once the text is in (tests wait for it)
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const full = await this.load(source.id);
      if (generation !== this.generation) return;
      if (!full) return this.showNotice('The API no longer holds this source.');
      this.show(full, evidence);
    } catch (error) {
      if (generation !== this.generation) return;
      this.showNotice(error instanceof ApiError ? `The API answered: ${error.message}` : `The text could not be loaded: ${String(error)}`);
    }
  }

  private show(source: Source, evidence?: Evidence): void {
    this.about.textContent = [source.author, source.publisher, source.published].filter(Boolean).join(', ');
    const marked = evidence ? markedText(source.text, evidence) : null;
    this.showNotice(evidence && !marked ? 'The quote is not at its recorded place in this text; the text is shown unmarked.' : '');
    if (marked) this.text.replaceChildren(...marked.nodes);
    else this.text.textContent = source.text;
    this.dialog.dataset.ready = 'true';
    if (marked) marked.mark.scrollIntoView({ block: 'center' });
    else this.text.scrollTop = 0;
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = text === '';
  }

  /** The source with its text, fetched once; a failed fetch is forgotten so that it can be retried. */
  private load(id: string): Promise<Source | null> {
    let pending = this.sources.get(id);
    if (!pending) {
      pending = fetchSource(id);
      this.sources.set(id, pending);
      pending.catch(() => this.sources.delete(id));
    }
    return pending;
  }
}
