// Signing in and out, in the toolbar: "Sign in" asks for an access token (made by an admin
// with `npm run token -- create`), checks it with the API's `viewer`, and keeps it for this tab
// only (session.ts). Signed in, the toolbar names the viewer and their role; editors and admins
// are in curation mode. A token the API refuses signs out, and the toolbar says why.
import { ApiError, fetchViewer, refusedTokenMessage } from '../api/api.ts';
import { el } from './dom.ts';
import { FormFields } from '../curation/formFields.ts';
import type { Viewer } from '../api/model.ts';
import { canWrite, onSessionChange, sessionToken, signIn, signOut } from './session.ts';

export class SignIn {
  private readonly message = el('p', { class: 'session-message', role: 'alert', 'data-testid': 'session-message' });
  private readonly fields = new FormFields('signin');
  private readonly token = el('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'signin-token' });

  constructor(
    private readonly container: HTMLElement,
    private readonly dialog: HTMLDialogElement,
  ) {
    this.buildDialog();
    onSessionChange((viewer, reason) => this.render(viewer, reason));
    this.render(null);
  }

  /** On load: checks the token this tab kept, if any. */
  async restore(): Promise<void> {
    const token = sessionToken();
    if (!token) return;
    try {
      const viewer = await fetchViewer(token);
      if (viewer) signIn(token, viewer);
      else signOut(refusedTokenMessage);
    } catch (error) {
      signOut(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? refusedTokenMessage : `Your token could not be checked (${String(error)}), so you are signed out.`);
    }
  }

  private render(viewer: Viewer | null, reason?: string): void {
    document.body.dataset.curation = String(canWrite());
    this.message.textContent = reason ?? '';
    this.message.hidden = !reason;
    if (!viewer) {
      const open = el('button', { type: 'button', 'data-testid': 'sign-in' }, 'Sign in');
      open.addEventListener('click', () => this.openDialog());
      this.container.replaceChildren(open, this.message);
      return;
    }
    const out = el('button', { type: 'button', 'data-testid': 'sign-out' }, 'Sign out');
    out.addEventListener('click', () => signOut());
    this.container.replaceChildren(el('span', { class: 'viewer', 'data-testid': 'viewer', 'data-role': viewer.role }, viewer.name, el('span', { class: 'role' }, ` · ${viewer.role}`)));
    if (canWrite()) this.container.append(el('span', { class: 'curation-badge', 'data-testid': 'curation-mode', title: 'You can add sources and claims, and retract claims' }, 'curation mode'));
    this.container.append(out, this.message);
  }

  private openDialog(): void {
    this.fields.clear();
    this.token.value = '';
    this.dialog.showModal();
    this.token.focus();
  }

  private buildDialog(): void {
    const submit = el('button', { type: 'submit', 'data-testid': 'signin-submit' }, 'Sign in');
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => this.dialog.close());
    const form = el(
      'form',
      { class: 'curation-form', novalidate: '' },
      el('h2', { id: 'signin-title' }, 'Sign in'),
      el('p', { class: 'field-hint' }, 'With the access token an admin made for you (npm run token -- create). It is kept in this tab only, and forgotten when the tab closes.'),
      this.fields.summary,
      this.fields.field('token', 'Access token', this.token),
      el('div', { class: 'form-actions' }, submit, cancel),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const token = this.token.value.trim();
      if (token === '') return this.fields.showLocal('token', 'Paste your access token.');
      submit.disabled = true;
      try {
        const viewer = await fetchViewer(token);
        if (!viewer) return this.fields.showLocal('token', 'The API does not know this token.');
        this.token.value = '';
        this.dialog.close();
        signIn(token, viewer);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.fields.showLocal('token', error.message);
        else this.fields.show(error);
      } finally {
        submit.disabled = false;
      }
    });
    this.dialog.setAttribute('aria-labelledby', 'signin-title');
    this.dialog.replaceChildren(form);
  }
}
