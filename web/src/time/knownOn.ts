// The "known on" control beside the "as of" slider: the graph as its sources stood on a date
// (the API's knownAsOf: only what was published by then, each tie derived from those claims),
// or everything known now when empty. Unlike "as of" it is no client-side filter: the view is
// loaded again from the API, which alone can derive a tie from part of its claims.
import { el } from '../app/dom.ts';
import { parsePartialDate } from '../../../src/domain/partialDate.ts';

export class KnownOnControl {
  readonly input: HTMLInputElement;

  constructor(container: HTMLElement, onChange: (knownAsOf: string | null) => void) {
    this.input = el('input', {
      type: 'text',
      inputmode: 'numeric',
      size: '10',
      placeholder: 'now',
      'data-testid': 'known-on',
      'aria-label': 'Known on: a date, YYYY, YYYY-MM or YYYY-MM-DD',
      title: 'The graph as its sources stood on this date: only what was published by then. Empty: everything known now.',
    });
    const now = el('button', { type: 'button', 'data-testid': 'known-on-now', title: 'Everything known now' }, 'Now');
    this.input.addEventListener('change', () => {
      const value = this.input.value.trim();
      const valid = value === '' || parsePartialDate(value) !== undefined;
      this.input.setCustomValidity(valid ? '' : 'A date: YYYY, YYYY-MM or YYYY-MM-DD');
      if (!valid) return void this.input.reportValidity();
      onChange(value === '' ? null : value);
    });
    now.addEventListener('click', () => {
      this.set(null);
      onChange(null);
    });
    container.replaceChildren(el('span', { class: 'time-title' }, 'Known on'), this.input, now);
  }

  set(knownAsOf: string | null): void {
    this.input.value = knownAsOf ?? '';
    this.input.setCustomValidity('');
  }
}
