// A form's labelled fields, each with a place for the API's message about it: an error whose
// argumentName names a field ("input.subject", "input.quotes[0]") shows beside that field,
// marked invalid and described by the message; every other problem shows at the top.
import { ApiError, type Problem } from '../api/api.ts';
import { el } from '../app/dom.ts';

/** "input.quotes[0]" -> "quotes", "patch.name" -> "name", "reason" -> "reason". */
export function fieldKey(argumentName: string): string {
  const parts = argumentName.split('.');
  const path = parts.length > 1 && (parts[0] === 'input' || parts[0] === 'patch') ? parts.slice(1) : parts;
  return path[0]!.replace(/\[\d+\]$/, '');
}

interface Field {
  labelled: HTMLElement;
  error: HTMLElement;
}

export class FormFields {
  /** The problems no field claims, shown at the top of the form. */
  readonly summary: HTMLElement;
  private readonly fields = new Map<string, Field>();

  /** `prefix` makes the ids and test ids: `${prefix}-${key}`, `${prefix}-error-${key}`. */
  constructor(private readonly prefix: string) {
    this.summary = el('div', { class: 'form-errors', role: 'alert', 'data-testid': `${prefix}-errors` });
    this.summary.hidden = true;
  }

  /**
   * A field: its label, its control and its error line. `labelled` is the element the label
   * names (the control itself, or the input inside a composite control).
   */
  field(key: string, label: string, control: HTMLElement, labelled: HTMLElement = control, hint?: string): HTMLElement {
    const id = `${this.prefix}-${key}`;
    labelled.id = id;
    const error = el('p', { class: 'field-error', id: `${id}-error`, 'data-testid': `${this.prefix}-error-${key}` });
    error.hidden = true;
    labelled.setAttribute('aria-describedby', error.id);
    this.fields.set(key, { labelled, error });
    return el('div', { class: 'field', 'data-field': key }, el('label', { for: id }, label), control, hint ? el('p', { class: 'field-hint' }, hint) : null, error);
  }

  clear(): void {
    this.summary.replaceChildren();
    this.summary.hidden = true;
    for (const { labelled, error } of this.fields.values()) {
      labelled.removeAttribute('aria-invalid');
      error.textContent = '';
      error.hidden = true;
    }
  }

  /** Shows what went wrong: each problem beside its field, the rest at the top. Focuses the form's first field in error. */
  show(error: unknown): void {
    this.clear();
    const problems: Problem[] = error instanceof ApiError ? error.problems : [{ message: `Something failed: ${String(error)}` }];
    const unplaced: string[] = [];
    for (const problem of problems) {
      const field = problem.argumentName ? this.fields.get(fieldKey(problem.argumentName)) : undefined;
      if (!field) {
        unplaced.push(problem.argumentName ? `${problem.argumentName}: ${problem.message}` : problem.message);
        continue;
      }
      field.error.textContent = field.error.textContent ? `${field.error.textContent} ${problem.message}` : problem.message;
      field.error.hidden = false;
      field.labelled.setAttribute('aria-invalid', 'true');
    }
    if (unplaced.length > 0) {
      this.summary.replaceChildren(...unplaced.map((message) => el('p', {}, message)));
      this.summary.hidden = false;
    }
    // The fields in the order the form shows them (the Map keeps the order they were added in).
    [...this.fields.values()].find((field) => !field.error.hidden)?.labelled.focus();
  }

  /** A problem found before asking the API (a field left empty). */
  showLocal(key: string, message: string): void {
    this.show(new ApiError(message, 'BAD_USER_INPUT', [{ argumentName: key, message }]));
  }
}
