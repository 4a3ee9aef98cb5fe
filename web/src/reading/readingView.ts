// The reading view: a source's whole text in a modal dialog, with the actors it mentions
// highlighted, the quotes that back its claims underlined (each a link that shows its claim's
// relationship in the graph and the panel), and the quote the analyst clicked marked at its
// recorded place ([start, end) in the text) and scrolled into view. In curation mode a selected
// passage becomes a new claim's quote ("Add claim"). A registry snapshot shows its records read as
// records instead of its XML (registryRecordView.ts). The source is fetched only now, once, and
// again after a write to it. Escape, the close button or a click beside the dialog close it;
// the focus then goes back to what opened it.
import { findMentions } from '../../../src/domain/mentions.ts';
import { quoteIsAt } from '../../../src/domain/quotes.ts';
import { ApiError, fetchReadableSource } from '../api/api.ts';
import { el } from '../app/dom.ts';
import type { Evidence, ReadableSource, SourceClaim, SourceRef } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { canWrite, onSessionChange } from '../app/session.ts';
import { recordSpanAt } from '../../../src/domain/registryRecord.ts';
import { recordElement, registryPicker } from './registryRecordView.ts';
import { quoteSpans, segments, type Segment, type Span } from './textMarks.ts';
import { selectedSpan } from './textSelection.ts';

export interface ReaderActions {
  /** Shows a claim's relationship in the graph and the panel. */
  showClaim(claimId: string): void;
  /** The form that adds a claim quoting `quote` of `source`; it calls `done` when the claim is added (true) or abandoned. */
  claimForm(source: ReadableSource, quote: string, done: (added: boolean) => void): HTMLElement;
  /** The form that adds a figure quoting `quote` of `source` (web/src/curation/figureForm.ts), likewise. */
  figureForm(source: ReadableSource, quote: string, done: (added: boolean) => void): HTMLElement;
}

/** What the marks' tooltips say: an actor's name, a claim's sentence. */
interface Names {
  actors: Map<string, string>;
  claims: Map<string, string>;
}

/** The quotes (in place) of the claims that quote `at`, else `at` alone: what the reader opened the source to see. */
function claimQuotes(source: ReadableSource, at: Span): Span[] {
  const claims = source.claims.filter((claim) => claim.evidence.some((e) => e.start === at.start && e.end === at.end));
  const quotes = claims.flatMap((claim) => claim.evidence.filter((e) => quoteIsAt(source.text, e)).map(({ start, end }) => ({ start, end })));
  return quotes.length > 0 ? quotes : [{ start: at.start, end: at.end }];
}

const claimSays = (claim: SourceClaim) => `${claim.subject.name} ${typeLabel(claim.type)} ${claim.object.name} (${claim.stance.toLowerCase()})`;

export class ReadingView {
  private readonly sources = new Map<string, Promise<ReadableSource | null>>();
  private readonly title = el('h2', { id: 'reader-title', 'data-testid': 'reading-title' });
  private readonly about = el('p', { class: 'reader-about', 'data-testid': 'reading-about' });
  private readonly notice = el('p', { class: 'reader-notice', 'data-testid': 'reading-notice', role: 'status' });
  private readonly addClaim = el('button', { type: 'button', 'data-testid': 'add-claim', title: 'Select a passage of the text first: it becomes the quote' }, 'Add claim');
  private readonly addFigure = el('button', { type: 'button', 'data-testid': 'add-figure', title: 'Select a passage of the text that gives a number first: it becomes the quote' }, 'Add figure');
  private readonly tools = el('div', { class: 'reader-tools' }, this.addClaim, this.addFigure, el('span', { class: 'hint' }, 'Select a passage, then “Add claim”.'));
  private readonly text = el('div', { class: 'reader-text', 'data-testid': 'reading-text', tabindex: '0', 'aria-label': 'Source text' });
  private readonly aside = el('aside', { class: 'reader-aside', 'data-testid': 'reading-aside', 'aria-label': 'New claim' });
  /** Bumped by every open, so that a text arriving for an earlier one is dropped. */
  private generation = 0;
  private opener: HTMLElement | null = null;
  private shown: ReadableSource | null = null;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly actions: ReaderActions,
  ) {
    const close = el('button', { type: 'button', class: 'reader-close', 'data-testid': 'reading-close', 'aria-label': 'Close the source' }, '×');
    close.addEventListener('click', () => dialog.close());
    dialog.setAttribute('aria-labelledby', this.title.id);
    this.aside.hidden = true;
    dialog.replaceChildren(el('header', {}, this.title, close), this.about, this.notice, this.tools, el('div', { class: 'reader-body' }, this.text, this.aside));
    // A click on the backdrop lands on the dialog itself, outside its content.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      this.generation++;
      this.closeForm();
      if (this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    });
    this.wireCuration();
  }

  /** Opens a source, at `evidence` when given (marked and scrolled to), else at its top; `notice` says something first. */
  async open(source: SourceRef, evidence?: Evidence, notice = ''): Promise<void> {
    const generation = ++this.generation;
    if (!this.dialog.open) this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.title.textContent = source.title;
    this.about.textContent = [source.publisher, source.published].filter(Boolean).join(', ');
    this.showNotice('Loading the text…');
    this.text.replaceChildren();
    this.shown = null;
    this.closeForm();
    delete this.dialog.dataset.ready; // set again once the text is in (tests wait for it)
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const full = await this.load(source.id);
      if (generation !== this.generation) return;
      if (!full) return this.showNotice('The API no longer holds this source.');
      this.show(full, evidence, notice);
    } catch (error) {
      if (generation !== this.generation) return;
      this.showNotice(error instanceof ApiError ? `The API answered: ${error.message}` : `The text could not be loaded: ${String(error)}`);
    }
  }

  /** Forgets a source fetched before, after a write changed its claims; reloads it when it is open. */
  forget(sourceId: string): void {
    this.sources.delete(sourceId);
    if (this.dialog.open && this.shown?.id === sourceId) void this.open(this.shown);
  }

  private show(source: ReadableSource, evidence: Evidence | undefined, notice: string): void {
    this.shown = source;
    this.about.replaceChildren([source.author, source.publisher, source.published].filter(Boolean).join(', '));
    // Only a web address becomes a link (never javascript: or data:, whoever wrote the URL).
    if (source.url && /^https?:\/\//i.test(source.url)) this.about.append(' · ', el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'reading-url' }, 'original'));
    if (source.registry) return this.showRegistry(source, evidence, notice);
    const mark = evidence && quoteIsAt(source.text, evidence) ? { start: evidence.start, end: evidence.end } : null;
    this.showNotice(evidence && !mark ? 'The quote is not at its recorded place in this text; the text is shown unmarked.' : notice);
    const mentions = findMentions(source.text, source.mentions.map((m) => m.actor));
    const parts = segments(source.text.length, mentions, quoteSpans(source.text, source.claims), mark);
    const names: Names = { claims: new Map(source.claims.map((claim) => [claim.id, claimSays(claim)])), actors: new Map(source.mentions.map((m) => [m.actor.id, m.actor.name])) };
    const markElement = this.render(source.text, parts, names);
    this.showCuration();
    this.dialog.dataset.ready = 'true';
    if (markElement) markElement.scrollIntoView({ block: 'center' });
    else this.text.scrollTop = 0;
  }

  /**
   * A registry snapshot: its XML is megabytes of tags, so what shows is a picker over its records
   * and, opened at a quote, the records that quote's claim cites, read as records, its quotes marked.
   */
  private showRegistry(source: ReadableSource, evidence: Evidence | undefined, notice: string): void {
    const at = evidence && quoteIsAt(source.text, evidence) ? evidence : null;
    this.showNotice(evidence && !at ? 'The quote is not at its recorded place in this snapshot; nothing is marked.' : notice);
    const names: Names = { claims: new Map(source.claims.map((claim) => [claim.id, claimSays(claim)])), actors: new Map() };
    const marks = at ? claimQuotes(source, at) : [];
    const quotes = quoteSpans(source.text, source.claims);
    const records = el('div', { class: 'registry-records' });
    const showRecords = (spans: Span[], marked: Span[]) =>
      records.replaceChildren(...spans.map((span) => recordElement(source.text, span, { quotes, marks: marked, piece: (piece, part) => this.segmentNode(piece, part, names) })));
    const around = marks.map((mark) => recordSpanAt(source.text, mark.start)).filter((span): span is Span => span !== null);
    showRecords(
      around.filter((span, i) => around.findIndex((other) => other.start === span.start) === i),
      marks,
    );
    this.text.replaceChildren(registryPicker(source, (entry) => showRecords([entry], [])), records);
    this.showCuration();
    this.dialog.dataset.ready = 'true';
    const first = records.querySelector('mark');
    if (first) first.scrollIntoView({ block: 'center' });
    else this.text.scrollTop = 0;
  }

  /** Fills the text: consecutive marked segments in one <mark>; answers it. */
  private render(text: string, parts: Segment[], names: Names): HTMLElement | null {
    this.text.replaceChildren();
    let mark: HTMLElement | null = null;
    let previous: Segment | undefined;
    for (const part of parts) {
      const node = this.segmentNode(text.slice(part.start, part.end), part, names);
      if (part.marked) {
        if (!previous?.marked) {
          mark = el('mark', { 'data-testid': 'reading-mark' });
          this.text.append(mark);
        }
        mark!.append(node);
      } else this.text.append(node);
      previous = part;
    }
    return mark;
  }

  /** A piece of text as it reads: plain, a mention (highlighted), a quote (underlined, a link to its claim), or both. */
  private segmentNode(piece: string, part: Segment, names: Names): Node {
    if (part.actors.length === 0 && part.claims.length === 0) return document.createTextNode(piece);
    const span = el('span', {}, piece);
    if (part.actors.length > 0) {
      span.classList.add('mention');
      span.dataset.actorIds = part.actors.join(' ');
      span.dataset.testid = 'reading-mention';
      span.title = part.actors.map((id) => names.actors.get(id) ?? id).join(', ');
    }
    const first = part.claims[0];
    if (first === undefined) return span;
    span.classList.add('evidence');
    Object.assign(span.dataset, { testid: 'reading-evidence', claimId: first, claimIds: part.claims.join(' ') });
    span.setAttribute('role', 'link');
    span.tabIndex = 0;
    span.title = part.claims.map((id) => names.claims.get(id) ?? id).join('\n');
    const follow = () => {
      this.dialog.close();
      this.actions.showClaim(first);
    };
    span.addEventListener('click', () => {
      if (document.getSelection()?.isCollapsed !== false) follow(); // not when the click ended a selection
    });
    span.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        follow();
      }
    });
    return span;
  }

  private wireCuration(): void {
    // Pressing the button must not take the selection away from the text.
    this.addClaim.addEventListener('mousedown', (event) => event.preventDefault());
    this.addClaim.addEventListener('click', () => this.startClaim());
    this.addFigure.addEventListener('mousedown', (event) => event.preventDefault());
    this.addFigure.addEventListener('click', () => this.startClaim('figureForm'));
    document.addEventListener('selectionchange', () => this.showCuration());
    onSessionChange(() => this.showCuration());
  }

  /** The curation tools show when signed in as an editor; "Add claim" is enabled while a passage is selected. */
  private showCuration(): void {
    // A registry record shows values, not the text: a selection there is no quote of it.
    this.tools.hidden = !canWrite() || this.shown === null || Boolean(this.shown.registry);
    this.addClaim.disabled = this.shown === null || selectedSpan(this.text, this.shown.text) === null;
    this.addFigure.disabled = this.addClaim.disabled;
    if (!canWrite()) this.closeForm();
  }

  private startClaim(kind: 'claimForm' | 'figureForm' = 'claimForm'): void {
    const source = this.shown;
    const span: Span | null = source ? selectedSpan(this.text, source.text) : null;
    if (!source || !span) return;
    const form = this.actions[kind](source, source.text.slice(span.start, span.end), (added) => {
      this.closeForm();
      if (added) {
        this.sources.delete(source.id);
        void this.open(source, undefined, kind === 'figureForm' ? 'Figure added.' : 'Claim added, and drawn in the graph.');
      }
    });
    this.aside.replaceChildren(form);
    this.aside.hidden = false;
    this.dialog.classList.add('curating');
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  private closeForm(): void {
    this.aside.replaceChildren();
    this.aside.hidden = true;
    this.dialog.classList.remove('curating');
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = text === '';
  }

  /** The source with its text, fetched once; a failed fetch is forgotten so that it can be retried. */
  private load(id: string): Promise<ReadableSource | null> {
    let pending = this.sources.get(id);
    if (!pending) {
      pending = fetchReadableSource(id);
      this.sources.set(id, pending);
      pending.catch(() => this.sources.delete(id));
    }
    return pending;
  }
}
