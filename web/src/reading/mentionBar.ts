// What an editor can do with a mention mark of the reading view: the bar names the actors the
// clicked name was matched to, each with "Not this actor…", which asks why and rejects the mention
// (rejectMention; the API remembers it, so a reload or a rename never brings it back).
import { el } from '../app/dom.ts';
import { ApiError } from '../api/api.ts';
import { rejectMention } from '../api/mentionWrites.ts';

export interface MentionBarOptions {
  /** Called once a mention is rejected, with the actor's name. */
  rejected(name: string): void;
}

export class MentionBar {
  readonly element = el('div', { class: 'mention-bar', 'data-testid': 'mention-bar', role: 'group', 'aria-label': 'Mention' });

  constructor(private readonly options: MentionBarOptions) {
    this.element.hidden = true;
  }

  /** Shows what `printed` was matched to in `source`: one line per actor (id, name); inside a quote, the way to its claim. */
  show(source: string, printed: string, actors: { id: string; name: string }[], claim?: { label: string; follow(): void }): void {
    const lines: HTMLElement[] = actors.map((actor) => this.line(source, printed, actor));
    if (claim) {
      const follow = el('button', { type: 'button', class: 'link', 'data-testid': 'mention-bar-claim' }, claim.label);
      follow.addEventListener('click', () => claim.follow());
      lines.push(follow);
    }
    const close = el('button', { type: 'button', class: 'link', 'data-testid': 'mention-bar-close', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.hide());
    this.element.replaceChildren(...lines, close);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.replaceChildren();
    this.element.hidden = true;
  }

  private line(source: string, printed: string, actor: { id: string; name: string }): HTMLElement {
    const reject = el('button', { type: 'button', 'data-testid': 'mention-reject', 'data-actor-id': actor.id }, 'Not this actor…');
    const line = el('p', { class: 'mention-line', 'data-actor-id': actor.id }, `“${printed}” is marked as `, el('strong', {}, actor.name), ' ', reject);
    reject.addEventListener('click', () => {
      reject.remove();
      const form = this.reasonForm(source, actor);
      line.append(form);
      form.querySelector('input')?.focus();
    });
    return line;
  }

  /** Why the text does not name the actor there; Enter or "Reject" sends it. */
  private reasonForm(source: string, actor: { id: string; name: string }): HTMLFormElement {
    const reason = el('input', { type: 'text', 'data-testid': 'mention-reason', 'aria-label': `Why this is not ${actor.name}`, placeholder: 'Why? e.g. the news agency, not the valley' });
    const error = el('p', { class: 'field-error', role: 'alert', 'data-testid': 'mention-error' });
    error.hidden = true;
    const submit = el('button', { type: 'submit', 'data-testid': 'mention-reject-submit' }, 'Reject mention');
    const form = el('form', { class: 'mention-reject', novalidate: '' }, reason, submit, error);
    const fail = (message: string) => {
      error.textContent = message;
      error.hidden = false;
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (reason.value.trim() === '') return fail(`Say why the text does not name ${actor.name} here.`);
      submit.disabled = true;
      try {
        await rejectMention(source, actor.id, reason.value.trim());
      } catch (failure) {
        return fail(failure instanceof ApiError ? failure.problems.map((p) => p.message).join(' ') : `Something failed: ${String(failure)}`);
      } finally {
        submit.disabled = false;
      }
      this.hide();
      this.options.rejected(actor.name);
    });
    return form;
  }
}
