// The Sources list, for every reader: each source the graph is built from, by publication
// date, with who published it and whether it came through the API; a title opens it in the
// reading view. In curation mode the list also offers "Add a source" (sourceForm.ts).
import { ApiError, fetchSources } from '../api/api.ts';
import { sourceAbout } from '../panel/claimList.ts';
import { el } from '../app/dom.ts';
import type { SourceRef, SourceSummary } from '../api/model.ts';
import { canWrite } from '../app/session.ts';
import { sourceForm } from '../curation/sourceForm.ts';

export interface SourceListActions {
  /** Opens a source to read; `notice` says something about it first. */
  read(source: SourceRef, notice?: string): void;
}

export class SourceList {
  private readonly body = el('div', { class: 'sources-body' });
  private readonly add = el('button', { type: 'button', 'data-testid': 'add-source' }, 'Add a source');
  private known: SourceSummary[] = [];

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly actions: SourceListActions,
  ) {
    const title = el('h2', { id: 'sources-title' }, 'Sources');
    const close = el('button', { type: 'button', class: 'reader-close', 'data-testid': 'sources-close', 'aria-label': 'Close the sources' }, '×');
    close.addEventListener('click', () => dialog.close());
    this.add.addEventListener('click', () => this.showForm());
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.replaceChildren(el('header', {}, title, this.add, close), this.body);
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }

  async open(): Promise<void> {
    if (!this.dialog.open) this.dialog.showModal();
    this.add.hidden = true;
    delete this.dialog.dataset.ready;
    this.body.replaceChildren(el('p', { class: 'hint' }, 'Loading the sources…'));
    try {
      this.known = await fetchSources();
      this.showList();
    } catch (error) {
      this.body.replaceChildren(el('p', { class: 'reader-notice', role: 'alert' }, error instanceof ApiError ? `The API answered: ${error.message}` : String(error)));
    }
  }

  private showList(): void {
    this.add.hidden = !canWrite(); // after the fetch: a refused token has signed out by then
    const items = this.known.map((source) => {
      const open = el('button', { type: 'button', class: 'link', 'data-testid': 'source-open' }, el('cite', {}, source.title));
      open.addEventListener('click', () => this.read(source));
      const about = [source.author, sourceAbout(source)].filter(Boolean).join(' · ');
      return el(
        'li',
        { 'data-testid': 'source-item', 'data-source-id': source.id },
        open,
        about ? el('span', { class: 'source-about' }, ` ${about}`) : null,
        source.origin === 'API' ? el('span', { class: 'origin', 'data-testid': 'source-origin', title: 'Added through the API, not the seed files' }, 'added') : null,
      );
    });
    this.body.replaceChildren(
      this.known.length > 0 ? el('ol', { class: 'source-list', 'data-testid': 'source-list' }, ...items) : el('p', { class: 'hint' }, 'No sources yet.'),
    );
    this.dialog.dataset.ready = 'true';
  }

  private showForm(): void {
    const form = sourceForm({
      onAdded: (source) => {
        const existing = this.known.some((known) => known.id === source.id);
        this.read(source, existing ? `This text was already stored, as “${source.title}”: here it is.` : 'Source added. Select a passage and choose “Add claim”.');
      },
      onCancel: () => this.showList(),
    });
    this.body.replaceChildren(form);
    form.querySelector('input')?.focus();
  }

  private read(source: SourceRef, notice?: string): void {
    this.dialog.close();
    this.actions.read(source, notice);
  }
}
