// Retracting a claim from the evidence panel (curation mode): "Retract…" opens a small form
// that asks why; the API keeps the claim, hidden, with who retracted it, when and why.
import { el } from '../app/dom.ts';
import { FormFields } from './formFields.ts';

/** Retracts the claim; rejects with the API's error (shown beside the reason). */
export type Retract = (claimId: string, reason: string) => Promise<void>;

export function retractControl(claimId: string, retract: Retract): HTMLElement {
  const open = el('button', { type: 'button', 'data-testid': 'retract-claim', 'aria-expanded': 'false' }, 'Retract…');
  const fields = new FormFields(`retract-${claimId}`);
  const reason = el('textarea', { rows: '2', 'data-testid': 'retract-reason', placeholder: 'Why: misread, wrong actor, source withdrawn…' });
  const submit = el('button', { type: 'submit', 'data-testid': 'retract-submit' }, 'Retract claim');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  const form = el('form', { class: 'retract-form', 'data-testid': 'retract-form', novalidate: '' }, fields.summary, fields.field('reason', 'Reason for retracting', reason), el('div', { class: 'form-actions' }, submit, cancel));
  form.hidden = true;

  const show = (shown: boolean) => {
    form.hidden = !shown;
    open.setAttribute('aria-expanded', String(shown));
    if (shown) reason.focus();
  };
  open.addEventListener('click', () => show(form.hidden));
  cancel.addEventListener('click', () => show(false));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reason.value.trim() === '') return fields.showLocal('reason', 'Say why the claim is retracted.');
    submit.disabled = true;
    try {
      await retract(claimId, reason.value.trim());
    } catch (error) {
      fields.show(error);
    } finally {
      submit.disabled = false;
    }
  });
  return el('div', { class: 'retract' }, open, form);
}
