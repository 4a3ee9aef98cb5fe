// The "Add a source" form of curation mode: an article pasted whole with its metadata (title,
// publisher, author, publication date as a partial date, URL, the outlet it cites or relays
// ("via"), its language and when the analyst read it). The API stores the text byte
// for byte, finds the actors it mentions, and answers the source already stored when the same
// text was added before; its problems show beside the fields they name.
import { el } from '../app/dom.ts';
import { FormFields } from './formFields.ts';
import type { SourceSummary } from '../api/model.ts';
import { addSource } from '../api/writes.ts';

export interface SourceFormOptions {
  onAdded(source: SourceSummary): void;
  onCancel(): void;
}

const optional = (input: HTMLInputElement) => (input.value.trim() === '' ? null : input.value.trim());

export function sourceForm({ onAdded, onCancel }: SourceFormOptions): HTMLFormElement {
  const fields = new FormFields('source');
  const input = (name: string, attributes: Record<string, string> = {}) => el('input', { type: 'text', 'data-testid': `source-${name}`, ...attributes });
  const title = input('title');
  const publisher = input('publisher');
  const author = input('author');
  const published = input('published', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const url = input('url', { type: 'url', placeholder: 'https://…' });
  const via = input('via', { placeholder: 'e.g. Fergana' });
  const language = input('language', { placeholder: 'ru, en, uz…', maxlength: '35' });
  const accessed = input('accessed', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const text = el('textarea', { rows: '14', 'data-testid': 'source-text', spellcheck: 'false' });
  const submit = el('button', { type: 'submit', 'data-testid': 'source-submit' }, 'Add source');
  const cancel = el('button', { type: 'button', 'data-testid': 'source-cancel' }, 'Cancel');
  cancel.addEventListener('click', onCancel);

  const form = el(
    'form',
    { class: 'curation-form', 'data-testid': 'source-form', 'aria-labelledby': 'source-form-title', novalidate: '' },
    el('h3', { id: 'source-form-title' }, 'New source'),
    fields.summary,
    fields.field('title', 'Title', title),
    fields.field('publisher', 'Publisher', publisher),
    fields.field('author', 'Author', author),
    fields.field('published', 'Published', published, published, 'As precise as the source says: a year, a month or a day.'),
    fields.field('url', 'URL', url),
    fields.field('via', 'Via (the outlet it cites or relays)', via),
    fields.field('language', 'Language', language, language, 'A language tag: “ru”, “en”, “tg”.'),
    fields.field('accessed', 'Accessed', accessed, accessed, 'When you read it.'),
    fields.field('text', 'Text (the whole article, as published)', text),
    el('div', { class: 'form-actions' }, submit, cancel),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fields.clear();
    submit.disabled = true;
    let source: SourceSummary;
    try {
      // The text goes as pasted: the API stores it byte for byte, and quotes are found in it.
      source = await addSource({
        title: title.value.trim(),
        publisher: optional(publisher),
        author: optional(author),
        published: published.value.trim(),
        url: optional(url),
        via: optional(via),
        language: optional(language),
        accessed: optional(accessed),
        text: text.value,
      });
    } catch (error) {
      fields.show(error);
      return;
    } finally {
      submit.disabled = false;
    }
    onAdded(source);
  });
  return form;
}
