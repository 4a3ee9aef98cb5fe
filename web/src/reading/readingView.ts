// The reading view: a source's whole text in a modal dialog, with the actors it mentions
// highlighted, the quotes that back its claims underlined (each a link that shows its claim's
// relationship in the graph and the panel), and the quote the analyst clicked marked at its
// recorded place ([start, end) in the text) and scrolled into view. In curation mode a selected
// passage becomes a new claim's quote ("Add claim") or a mention of an actor ("Mark as mention…"),
// a mention mark offers "Not this actor…" (mentionBar.ts), and the suggested claims stand beside
// the text (suggestionList.ts), each opening the claim form prefilled. A registry snapshot shows its
// records read as records instead of its XML (registryRecordView.ts). The source is fetched only
// now, once, and again after any write the API accepts (onWrite): its marks follow every change
// without a reload. Escape, the close button or a click beside the dialog close it; the focus then
// goes back to what opened it.
import { quoteIsAt } from '../../../src/domain/quotes.ts';
import { ApiError, fetchReadableSource, graphql, onWrite } from '../api/api.ts';
import type { ClaimPrefill } from '../curation/claimPrefill.ts';
import { el } from '../app/dom.ts';
import type { Evidence, ReadableSource, SourceClaim, SourceRef } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { canWrite, onSessionChange } from '../app/session.ts';
import { recordSpanAt } from '../../../src/domain/registryRecord.ts';
import { recordElement, registryPicker } from './registryRecordView.ts';
import { MentionBar } from './mentionBar.ts';
import { mentionForm } from './mentionForm.ts';
import { suggestionList } from './suggestionList.ts';
import { mentionSpans, quoteSpans, segments, type Segment, type Span } from './textMarks.ts';
import { selectedSpan } from './textSelection.ts';

export interface ReaderActions {
  /** Shows a claim's relationship in the graph and the panel. */
  showClaim(claimId: string): void;
  /**
   * The form that adds a claim to `source`, starting from `prefill` (a selected passage as its
   * quote, or a suggestion); it calls `done` when the claim is added (true) or abandoned.
   */
  claimForm(source: ReadableSource, prefill: ClaimPrefill, done: (added: boolean) => void): HTMLElement;
  /** The form that adds a figure quoting `quote` of `source` (web/src/curation/figureForm.ts), likewise. */
  figureForm(source: ReadableSource, quote: string, done: (added: boolean) => void): HTMLElement;
}

/** How long a notice of a write done ("Claim added") stays up, unless the next form opens first. */
const doneNoticeMs = 6000;

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
  private readonly markMention = el('button', { type: 'button', 'data-testid': 'mark-mention', title: 'Select a name in the text first: it becomes a mention of the actor you choose' }, 'Mark as mention…');
  private readonly addFigure = el('button', { type: 'button', 'data-testid': 'add-figure', title: 'Select a passage of the text that gives a number first: it becomes the quote' }, 'Add figure');
  private readonly tools = el('div', { class: 'reader-tools' }, this.addClaim, this.addFigure, this.markMention, el('span', { class: 'hint' }, 'Select a passage, then “Add claim”; click a highlighted name to correct it.'));
  private readonly mentions = new MentionBar({ rejected: (name) => this.showNotice(`The mention of ${name} is rejected.`, true) });
  private readonly text = el('div', { class: 'reader-text', 'data-testid': 'reading-text', tabindex: '0', 'aria-label': 'Source text' });
  private readonly aside = el('aside', { class: 'reader-aside', 'data-testid': 'reading-aside', 'aria-label': 'Curation' });
  /** Bumped by every open, so that a text arriving for an earlier one is dropped. */
  private generation = 0;
  /** Bumped by every drawing of the text (tests wait for it: `data-drawn`). */
  private drawn = 0;
  private opener: HTMLElement | null = null;
  private shown: ReadableSource | null = null;
  /** Where the view was opened at: the quote the analyst clicked. */
  private at: Evidence | undefined;
  /** A form (a claim, a mention) is open in the aside. */
  private formOpen = false;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The refresh after the latest write, while it runs. */
  private refreshing: Promise<void> = Promise.resolve();
  /** Refreshes under way: the view says it is not ready (data-ready) until the last has drawn. */
  private pendingRefreshes = 0;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly actions: ReaderActions,
  ) {
    const close = el('button', { type: 'button', class: 'reader-close', 'data-testid': 'reading-close', 'aria-label': 'Close the source' }, '×');
    close.addEventListener('click', () => dialog.close());
    dialog.setAttribute('aria-labelledby', this.title.id);
    this.aside.hidden = true;
    dialog.replaceChildren(el('header', {}, this.title, close), this.about, this.notice, this.tools, this.mentions.element, el('div', { class: 'reader-body' }, this.text, this.aside));
    // A click on the backdrop lands on the dialog itself, outside its content.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      this.generation++;
      this.shown = null;
      this.closeForm();
      if (this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    });
    // Any write may change what the text marks (a claim, an actor's aliases, a mention judged).
    onWrite(() => this.graphChanged());
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
    this.at = evidence;
    this.closeForm();
    delete this.dialog.dataset.ready; // set again once the text is in (tests wait for it)
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const full = await this.load(source.id);
      if (generation !== this.generation) return;
      if (!full) return this.showNotice('The API no longer holds this source.');
      this.show(full, notice);
    } catch (error) {
      if (generation !== this.generation) return;
      this.showNotice(error instanceof ApiError ? `The API answered: ${error.message}` : `The text could not be loaded: ${String(error)}`);
    }
  }

  /** After a write: every text fetched before is stale; the open one is fetched again and redrawn in place. */
  private graphChanged(): void {
    this.sources.clear();
    const source = this.shown;
    if (!this.dialog.open || !source) return;
    // What was made a claim or rejected is gone: the next drawing asks for the suggestions again.
    delete this.aside.dataset.suggestions;
    this.pendingRefreshes++;
    this.dialog.dataset.ready = 'false';
    this.refreshing = this.refresh(source.id).finally(() => {
      if (--this.pendingRefreshes === 0) this.dialog.dataset.ready = 'true';
    });
  }

  /** Draws the source's marks anew, keeping the form, the notice and the scroll position. */
  private async refresh(id: string): Promise<void> {
    const generation = this.generation;
    try {
      const full = await this.load(id);
      if (generation !== this.generation || !full) return;
      const scroll = this.text.scrollTop;
      this.shown = full;
      this.draw(false);
      this.text.scrollTop = scroll;
    } catch (error) {
      if (generation === this.generation) this.showNotice(error instanceof ApiError ? `The API answered: ${error.message}` : `The text could not be loaded again: ${String(error)}`);
    }
  }

  private show(source: ReadableSource, notice: string): void {
    this.shown = source;
    this.about.replaceChildren([source.author, source.publisher, source.published].filter(Boolean).join(', '));
    // Only a web address becomes a link (never javascript: or data:, whoever wrote the URL).
    if (source.url && /^https?:\/\//i.test(source.url)) this.about.append(' · ', el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'reading-url' }, 'original'));
    const placed = this.at ? quoteIsAt(source.text, this.at) : true;
    const where = source.registry ? 'snapshot; nothing is marked' : 'text; the text is shown unmarked';
    this.showNotice(placed ? notice : `The quote is not at its recorded place in this ${where}.`);
    this.draw(true);
  }

  /** Draws the shown source (its text with its marks, or a registry's records) and the curation tools. */
  private draw(scroll: boolean): void {
    const source = this.shown!;
    const markElement = source.registry ? this.showRegistry(source) : this.showText(source);
    this.mentions.hide();
    this.showCuration();
    this.dialog.dataset.ready = String(this.pendingRefreshes === 0);
    this.dialog.dataset.drawn = String(++this.drawn);
    if (!scroll) return;
    if (markElement) markElement.scrollIntoView({ block: 'center' });
    else this.text.scrollTop = 0;
  }

  private showText(source: ReadableSource): HTMLElement | null {
    const mark = this.at && quoteIsAt(source.text, this.at) ? { start: this.at.start, end: this.at.end } : null;
    const mentions = mentionSpans(source.text, source.mentions);
    const parts = segments(source.text.length, mentions, quoteSpans(source.text, source.claims), mark);
    const names: Names = { claims: new Map(source.claims.map((claim) => [claim.id, claimSays(claim)])), actors: new Map(source.mentions.map((m) => [m.actor.id, m.actor.name])) };
    return this.render(source.text, parts, names);
  }

  /**
   * A registry snapshot: its XML is megabytes of tags, so what shows is a picker over its records
   * and, opened at a quote, the records that quote's claim cites, read as records, its quotes marked.
   */
  private showRegistry(source: ReadableSource): HTMLElement | null {
    const at = this.at && quoteIsAt(source.text, this.at) ? this.at : null;
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
    return records.querySelector('mark');
  }

  /** Fills the text: consecutive marked segments in one <mark> (a mention or a quote inside it keeps its own mark); answers it. */
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
    if (first === undefined) {
      span.addEventListener('click', () => this.mentionClicked(span, part, names));
      return span;
    }
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
      if (document.getSelection()?.isCollapsed === false) return; // not when the click ended a selection
      // An editor's click on a name inside a quote asks first: the mention, or the claim.
      if (part.actors.length > 0 && canWrite()) this.mentionClicked(span, part, names, follow);
      else follow();
    });
    span.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        follow();
      }
    });
    return span;
  }

  /**
   * An editor clicked a highlighted name: the bar says which actors it was matched to, each with
   * "Not this actor…", and inside a quote a way on to its claim (`follow`).
   */
  private mentionClicked(span: HTMLElement, part: Segment, names: Names, follow?: () => void): void {
    if (!canWrite() || !this.shown || document.getSelection()?.isCollapsed === false) return;
    const actors = part.actors.map((id) => ({ id, name: names.actors.get(id) ?? id }));
    this.mentions.show(this.shown.id, span.textContent ?? '', actors, follow && { label: `Show the claim: ${names.claims.get(part.claims[0]!) ?? 'its relationship'}`, follow });
  }

  private wireCuration(): void {
    // Pressing a button must not take the selection away from the text.
    for (const button of [this.addClaim, this.addFigure, this.markMention]) button.addEventListener('mousedown', (event) => event.preventDefault());
    this.addClaim.addEventListener('click', () => this.startFromSelection());
    this.addFigure.addEventListener('click', () => this.startFigure());
    this.markMention.addEventListener('click', () => this.startMention());
    document.addEventListener('selectionchange', () => this.showCuration());
    onSessionChange(() => this.showCuration());
  }

  /** The curation tools show when signed in as an editor; "Add claim" is enabled while a passage is selected. */
  private showCuration(): void {
    // A registry record shows values, not the text: a selection there is no quote of it.
    const curating = canWrite() && this.shown !== null && !this.shown.registry;
    this.tools.hidden = !curating;
    const selected = this.shown !== null && selectedSpan(this.text, this.shown.text) !== null;
    this.addClaim.disabled = !selected;
    this.addFigure.disabled = !selected;
    this.markMention.disabled = !selected;
    if (!canWrite()) {
      this.mentions.hide();
      if (this.formOpen) this.closeForm();
    }
    if (!this.formOpen) this.showSuggestions();
  }

  /** Beside the text, for editors and while no form is open: the claims the text suggests. */
  private showSuggestions(): void {
    const source = this.shown;
    if (!source || source.registry || !canWrite()) return this.setAside(null);
    // Asked once per drawing of the text: after a write, what was made a claim or rejected is gone.
    if (this.aside.dataset.suggestions === String(this.drawn)) return;
    this.setAside(
      suggestionList({
        sourceId: source.id,
        api: graphql,
        onAccept: (prefill) => this.startClaim(prefill, true),
        onEdit: (prefill) => this.startClaim(prefill, false),
      }),
    );
    this.aside.dataset.suggestions = String(this.drawn);
  }

  private startFromSelection(): void {
    const source = this.shown;
    const span: Span | null = source ? selectedSpan(this.text, source.text) : null;
    if (source && span) this.startClaim({ quotes: [source.text.slice(span.start, span.end)] }, false);
  }

  /** Opens the claim form from `prefill`; `submit` sends it at once (a suggestion accepted as it stands: its problems show in the form). */
  private startClaim(prefill: ClaimPrefill, submit: boolean): void {
    const source = this.shown;
    if (!source) return;
    const form = this.actions.claimForm(source, prefill, (added) => void this.claimDone(added));
    this.openForm(form);
    if (submit && form instanceof HTMLFormElement) form.requestSubmit();
  }

  /** The form closes; an added claim is underlined once the text is drawn again, then said so. */
  private async claimDone(added: boolean): Promise<void> {
    this.closeForm();
    if (!added) return;
    await this.refreshing;
    this.showNotice('Claim added, and drawn in the graph.', true);
  }

  private startFigure(): void {
    const source = this.shown;
    const span: Span | null = source ? selectedSpan(this.text, source.text) : null;
    if (!source || !span) return;
    this.openForm(
      this.actions.figureForm(source, source.text.slice(span.start, span.end), async (added) => {
        this.closeForm();
        if (!added) return;
        await this.refreshing;
        this.showNotice('Figure added.', true);
      }),
    );
  }

  private startMention(): void {
    const source = this.shown;
    const span: Span | null = source ? selectedSpan(this.text, source.text) : null;
    if (!source || !span) return;
    const text = source.text.slice(span.start, span.end);
    this.openForm(
      mentionForm({
        source,
        text,
        done: async (added) => {
          this.closeForm();
          if (!added) return;
          await this.refreshing;
          this.showNotice(`“${text}” is marked as a mention.`, true);
        },
      }),
    );
  }

  private openForm(form: HTMLElement): void {
    this.showNotice(''); // a notice of the last write is done with once the next one starts
    this.mentions.hide();
    this.formOpen = true;
    this.setAside(form);
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  private closeForm(): void {
    this.formOpen = false;
    this.setAside(null);
    this.showSuggestions();
  }

  private setAside(content: HTMLElement | null): void {
    this.aside.replaceChildren(...(content ? [content] : []));
    delete this.aside.dataset.suggestions;
    this.aside.hidden = content === null;
    this.dialog.classList.toggle('curating', content !== null);
  }

  /** Says something above the text; a `done` notice (a write went through) goes after a few seconds. */
  private showNotice(text: string, done = false): void {
    clearTimeout(this.noticeTimer);
    this.notice.textContent = text;
    this.notice.hidden = text === '';
    if (done) this.noticeTimer = setTimeout(() => this.notice.textContent === text && this.showNotice(''), doneNoticeMs);
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
