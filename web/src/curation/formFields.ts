// A form's labelled fields, each with a place for the API's messages about it: every problem of
// an answer shows at once beside the field its path names ("quotes[1]" the second quote box, or
// else "quotes"; "input.subject" from older answers), marked invalid and described by the
// message; a quote not verbatim in the source shows where it departs (the matched stretch, then
// the differing character); a form may route other paths ("newActors[0].name") to a field; every
// other problem shows at the top.
import { ApiError, type Problem, type QuoteMismatch } from '../api/api.ts';
import { el } from '../app/dom.ts';

/** "input.quotes[0]" -> "quotes[0]", "patch.name" -> "name", "newActors[0].name" stays. */
export function problemPath(problem: Problem): string | undefined {
  const path = problem.path ?? problem.argumentName;
  if (!path) return undefined;
  const parts = path.split('.');
  return parts.length > 1 && (parts[0] === 'input' || parts[0] === 'patch') ? parts.slice(1).join('.') : path;
}

/** "quotes[1]" -> ["quotes[1]", "quotes"]; "since" -> ["since"]: the fields a path may name, most precise first. */
export function fieldKeys(path: string): string[] {
  const head = path.split('.')[0]!;
  const base = head.replace(/\[\d+\]$/, '');
  return head === base ? [base] : [head, base];
}

/** A form's own rule for some paths: the field key it shows them at. */
export type ProblemRoute = (path: string) => string | undefined;

interface Field {
  labelled: HTMLElement;
  error: HTMLElement;
}

/** The quote with the stretch found in the text marked, then its first differing character. */
export function quoteDiff(quote: string, mismatch: QuoteMismatch): HTMLElement {
  const end = Math.min(Math.max(mismatch.differsAt, mismatch.quoteOffset), quote.length);
  return el(
    'p',
    { class: 'quote-diff', 'data-testid': 'quote-diff' },
    quote.slice(0, mismatch.quoteOffset),
    el('mark', { class: 'matched', 'data-testid': 'quote-matched', title: 'Found in the source' }, quote.slice(mismatch.quoteOffset, end)),
    el('mark', { class: 'differs', 'data-testid': 'quote-differs', title: mismatch.textHas === null ? 'The source ends here' : `The source has “${mismatch.textHas}” here` }, quote.slice(end, end + 1) || '∅'),
    quote.slice(end + 1),
  );
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
    const id = `${this.prefix}-${key.replace(/\W/g, '-')}`;
    labelled.id = id;
    const error = el('div', { class: 'field-error', id: `${id}-error`, 'data-testid': `${this.prefix}-error-${key}` });
    error.hidden = true;
    labelled.setAttribute('aria-describedby', error.id);
    this.fields.set(key, { labelled, error });
    return el('div', { class: 'field', 'data-field': key }, el('label', { for: id }, label), control, hint ? el('p', { class: 'field-hint' }, hint) : null, error);
  }

  /** Forgets a field the form removed (a quote box). */
  forget(key: string): void {
    this.fields.delete(key);
  }

  clear(): void {
    this.summary.replaceChildren();
    this.summary.hidden = true;
    for (const { labelled, error } of this.fields.values()) {
      labelled.removeAttribute('aria-invalid');
      error.replaceChildren();
      error.hidden = true;
    }
  }

  /** The field a problem belongs to: the form's route for its path, else the field its path names. */
  private fieldFor(problem: Problem, route?: ProblemRoute): Field | undefined {
    const path = problemPath(problem);
    if (!path) return undefined;
    const routed = route?.(path);
    const keys = routed ? [routed] : fieldKeys(path);
    return keys.map((key) => this.fields.get(key)).find(Boolean);
  }

  /** Shows every problem of what went wrong at once: each beside its field, the rest at the top. Focuses the form's first field in error. */
  show(error: unknown, route?: ProblemRoute): void {
    this.clear();
    const problems: Problem[] = error instanceof ApiError ? error.problems : [{ message: `Something failed: ${String(error)}` }];
    const unplaced: string[] = [];
    for (const problem of problems) {
      const field = this.fieldFor(problem, route);
      if (!field) {
        const path = problemPath(problem);
        unplaced.push(path ? `${path}: ${problem.message}` : problem.message);
        continue;
      }
      field.error.append(el('p', { 'data-path': problemPath(problem) }, problem.message));
      const typed = field.labelled instanceof HTMLTextAreaElement || field.labelled instanceof HTMLInputElement ? field.labelled.value : null;
      if (problem.quote && typed !== null) field.error.append(quoteDiff(typed, problem.quote));
      field.error.hidden = false;
      field.labelled.setAttribute('aria-invalid', 'true');
    }
    if (unplaced.length > 0) {
      this.summary.replaceChildren(...unplaced.map((message) => el('p', {}, message)));
      this.summary.hidden = false;
    }
    // The first field in error as the form shows it (document order: fields come and go).
    const invalid = [...this.fields.values()].filter((field) => !field.error.hidden).map((field) => field.labelled);
    invalid.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0]?.focus();
  }

  /** A problem found before asking the API (a field left empty). */
  showLocal(key: string, message: string): void {
    this.show(new ApiError(message, 'BAD_USER_INPUT', [{ path: key, message }]));
  }

  /** Several problems found before asking the API, each with its field key. */
  showAll(problems: { key: string; message: string }[]): void {
    this.show(new ApiError(problems[0]!.message, 'BAD_USER_INPUT', problems.map(({ key, message }) => ({ path: key, message }))));
  }
}
