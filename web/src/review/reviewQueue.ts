// The review queue of registry matches, in a dialog: one pending pair at a time (best score
// first), judged with one key each: S same, N not the same, U unsure, J or → skip, Z undo the
// last judgement of this session; every key is a button too. The pair shown is remembered
// (reviewPosition.ts), so reopening continues there. Judging needs an editor's token; the API's
// errors show beside the pair.
import { ApiError, fetchNextPair, fetchPair } from '../api/api.ts';
import { el } from '../app/dom.ts';
import type { Judgement, MatchPair } from '../api/model.ts';
import { canWrite } from '../app/session.ts';
import { judgeMatch, undoJudgement } from '../api/writes.ts';
import { pairView } from './pairView.ts';
import { savedPosition, savePosition } from './reviewPosition.ts';

export interface ReviewActions {
  /** The dialog closed (the URL forgets ?review=1). */
  closed(): void;
  /** A judgement was made or undone: what the app shows of actors may have changed (a SAME merges). */
  judged(): void;
}

type Action = Judgement | 'SKIP' | 'UNDO';

const keys: Record<string, Action> = { s: 'SAME', n: 'NOT_SAME', u: 'UNSURE', j: 'SKIP', arrowright: 'SKIP', z: 'UNDO' };

const buttons: { action: Action; label: string; key: string; testid: string }[] = [
  { action: 'SAME', label: 'Same (S)', key: 'S', testid: 'review-same' },
  { action: 'NOT_SAME', label: 'Not the same (N)', key: 'N', testid: 'review-not-same' },
  { action: 'UNSURE', label: 'Unsure (U)', key: 'U', testid: 'review-unsure' },
  { action: 'SKIP', label: 'Skip (→ / J)', key: 'ArrowRight J', testid: 'review-skip' },
  { action: 'UNDO', label: 'Undo last (Z)', key: 'Z', testid: 'review-undo' },
];

export class ReviewQueue {
  private readonly body = el('div', { class: 'review-body' });
  private readonly error = el('p', { class: 'reader-notice review-error', role: 'alert', 'data-testid': 'review-error' });
  private readonly progress = el('span', { class: 'review-progress', 'data-testid': 'review-progress' });
  private readonly controls = el('div', { class: 'review-actions' });
  private pair: MatchPair | null = null;
  /** Pairs judged in this session, latest last: what Z undoes (kept in memory: a reload starts a new session). */
  private readonly judgedIds: string[] = [];
  private busy = false;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly actions: ReviewActions,
  ) {
    const title = el('h2', { id: 'review-title' }, 'Review registry matches');
    const close = el('button', { type: 'button', class: 'reader-close', 'data-testid': 'review-close', 'aria-label': 'Close the review queue' }, '×');
    close.addEventListener('click', () => dialog.close());
    for (const button of buttons) {
      const element = el('button', { type: 'button', 'data-testid': button.testid, 'aria-keyshortcuts': button.key }, button.label);
      element.addEventListener('click', () => void this.act(button.action));
      this.controls.append(element);
    }
    this.error.hidden = true;
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.replaceChildren(el('header', {}, title, this.progress, close), this.controls, this.error, this.body);
    dialog.addEventListener('keydown', (event) => {
      const action = keys[event.key.toLowerCase()];
      if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      void this.act(action);
    });
    dialog.addEventListener('close', () => actions.closed());
    this.showProgress();
  }

  /** Opens the queue where the reviewer stopped (or reloads it, when the session changed). */
  async open(): Promise<void> {
    if (!this.dialog.open) this.dialog.showModal();
    this.pair = null;
    this.showError(null);
    if (!canWrite()) {
      this.controls.hidden = true;
      this.body.replaceChildren(el('p', { class: 'hint', 'data-testid': 'review-needs-editor' }, 'Judging matches needs an editor’s token: close this, use “Sign in” in the toolbar, and open the queue again.'));
      this.dialog.dataset.ready = 'true';
      return;
    }
    this.controls.hidden = false;
    await this.run(() => this.resume());
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** The pair saved as the position if it still waits, else the next one after it, else the top of the queue. */
  private async resume(): Promise<void> {
    const at = savedPosition();
    const saved = at ? await fetchPair(at) : null;
    if (saved?.decision === 'PENDING') return this.show(saved);
    await this.showNext(saved ? saved.id : null);
  }

  private async showNext(after: string | null): Promise<void> {
    const next = await fetchNextPair(after);
    if (next) return this.show(next);
    // Past the end: pairs skipped earlier may still wait above the position.
    const first = after ? await fetchNextPair(null) : null;
    this.pair = null;
    delete this.dialog.dataset.pair;
    this.body.replaceChildren(
      first
        ? el('p', { class: 'hint', 'data-testid': 'review-end' }, 'You reached the end of the queue; the pairs you skipped still wait. ', this.startOver(first))
        : el('p', { class: 'hint', 'data-testid': 'review-empty' }, 'The queue is empty: every proposed pair is judged.'),
    );
  }

  private startOver(first: MatchPair): HTMLButtonElement {
    const button = el('button', { type: 'button', 'data-testid': 'review-start-over' }, 'Start again from the top');
    button.addEventListener('click', () => this.show(first));
    return button;
  }

  private show(pair: MatchPair): void {
    this.pair = pair;
    savePosition(pair.id);
    this.body.replaceChildren(pairView(pair));
    this.dialog.dataset.pair = pair.id;
  }

  private async act(action: Action): Promise<void> {
    if (action === 'UNDO') return this.run(() => this.undo());
    const pair = this.pair;
    if (!pair) return;
    if (action === 'SKIP') return this.run(() => this.showNext(pair.id));
    await this.run(async () => {
      await judgeMatch(pair.id, action);
      this.judgedIds.push(pair.id);
      this.actions.judged();
      this.showProgress();
      await this.showNext(pair.id);
    });
  }

  private async undo(): Promise<void> {
    const id = this.judgedIds.at(-1);
    if (!id) throw new Error('Nothing to undo: no pair was judged in this session.');
    const pair = await undoJudgement(id);
    this.judgedIds.pop();
    this.actions.judged();
    this.showProgress();
    this.show(pair);
  }

  /** One action at a time (a held key must not judge twice); its error shows beside the pair. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    delete this.dialog.dataset.ready;
    this.showError(null);
    try {
      await work();
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
      this.dialog.dataset.ready = 'true';
    }
  }

  private showError(error: unknown): void {
    this.error.textContent = error === null ? '' : error instanceof ApiError ? `The API answered: ${error.message}` : error instanceof Error ? error.message : String(error);
    this.error.hidden = error === null;
  }

  private showProgress(): void {
    const n = this.judgedIds.length;
    this.progress.textContent = `${n} decided this session`;
  }
}
