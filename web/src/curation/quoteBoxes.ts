// A claim's quotes in its form: one box per passage (the selected one first), "Add another quote"
// adds a box, × removes one; each box is the field `quotes[i]`, where the API's problems about
// that quote show (with where it departs from the source).
import { el } from '../app/dom.ts';
import type { FormFields } from './formFields.ts';

export interface QuoteBoxes {
  element: HTMLElement;
  values(): string[];
  /** The field keys of the boxes left empty. */
  empty(): string[];
}

export function quoteBoxes(fields: FormFields, prefix: string, initial: string[]): QuoteBoxes {
  let texts = initial.length > 0 ? [...initial] : [''];
  let boxes: HTMLTextAreaElement[] = [];
  /** How many boxes the form's fields hold now. */
  let shown = 0;
  const list = el('div', { class: 'quotes', 'data-testid': `${prefix}-quotes` });
  const addButton = el('button', { type: 'button', class: 'link', 'data-testid': `${prefix}-add-quote` }, 'Add another quote');

  const render = (focus?: number) => {
    texts = boxes.length > 0 ? boxes.map((box) => box.value) : texts;
    for (let i = 0; i < shown; i++) fields.forget(`quotes[${i}]`);
    shown = texts.length;
    boxes = texts.map((text, i) => {
      const box = el('textarea', { rows: '3', 'data-testid': `${prefix}-quote`, 'data-index': String(i) });
      box.value = text;
      return box;
    });
    list.replaceChildren(
      ...boxes.map((box, i) => {
        const remove = el('button', { type: 'button', class: 'link', 'data-testid': `${prefix}-remove-quote`, 'aria-label': `Remove quote ${i + 1}` }, '×');
        remove.hidden = boxes.length === 1;
        remove.addEventListener('click', () => {
          texts = boxes.map((b) => b.value).filter((_, j) => j !== i);
          boxes = [];
          render(Math.max(0, i - 1));
        });
        const label = i === 0 ? 'Quote (verbatim from the source)' : `Quote ${i + 1}`;
        return el('div', { class: 'quote-box' }, fields.field(`quotes[${i}]`, label, box), remove);
      }),
    );
    if (focus !== undefined) boxes[focus]?.focus();
  };
  addButton.addEventListener('click', () => {
    texts = [...boxes.map((b) => b.value), ''];
    boxes = [];
    render(texts.length - 1);
  });
  render();
  return {
    element: el('div', { class: 'field-group' }, list, addButton),
    values: () => boxes.map((box) => box.value),
    empty: () => boxes.flatMap((box, i) => (box.value.trim() === '' ? [`quotes[${i}]`] : [])),
  };
}
