// A registry snapshot in the reading view: not its XML (megabytes of tags) but the records its
// quotes stand in, each read as a record (name, reference number, regime, listing, aliases with
// their quality, nationality, original script, narrative) with the quotes marked at their offsets
// (src/domain/registryRecord.ts maps them onto the decoded values); and, opened without a quote,
// a short summary and a filter over the records to pick one from.
import { queryLimits } from '../../../src/domain/limits.ts';
import { cutPieces, readRegistryRecord, registryGenerated, registryRecordIndex, type RecordEntry, type RecordField } from '../../../src/domain/registryRecord.ts';
import { el } from '../app/dom.ts';
import type { ReadableSource } from '../api/model.ts';
import type { QuoteSpan, Segment, Span } from './textMarks.ts';

/** What the record's fields mark, and how the reading view draws a piece (its quote links). */
export interface RecordMarks {
  /** The claims' quotes, underlined as links to their claims. */
  quotes: QuoteSpan[];
  /** The quotes of the claim the reader opened the source at. */
  marks: Span[];
  piece(text: string, part: Segment): Node;
}

/** How many records the picker lists at once: a short list, the filter narrows it. */
const pickerSize = 20;

const overlaps = (span: Span, piece: Span) => span.start < piece.end && piece.start < span.end;

/** The record of text.slice(span.start, span.end) as it reads, its quotes marked. */
export function recordElement(text: string, span: Span, marks: RecordMarks): HTMLElement {
  const record = readRegistryRecord(text, span);
  const field = (value: RecordField | undefined, testid?: string) => value && fieldElement(value, marks, testid);
  const row = (label: string, ...values: (HTMLElement | undefined)[]) => {
    const present = values.filter((value): value is HTMLElement => value !== undefined);
    return present.length > 0 && el('div', {}, el('dt', {}, label), el('dd', {}, ...present.flatMap((value, i) => (i ? [', ', value] : [value]))));
  };
  const name = el('h3', { 'data-testid': 'registry-record-name' });
  record.names.forEach((part, i) => name.append(...(i ? [' '] : []), fieldElement(part, marks)));
  return el(
    'article',
    { class: 'registry-record', 'data-testid': 'registry-record', 'data-reference': record.referenceNumber?.value },
    name,
    el(
      'dl',
      {},
      row('Reference number', field(record.referenceNumber, 'registry-record-reference')),
      row('Regime', field(record.regime)),
      row('Listed on', field(record.listedOn, 'registry-record-listed')),
      row('Name in original script', field(record.originalScript)),
      row('Nationality', ...record.nationalities.map((value) => field(value))),
    ),
    record.aliases.length > 0 &&
      el(
        'section',
        {},
        el('h4', {}, 'Aliases'),
        el(
          'ul',
          { 'data-testid': 'registry-record-aliases' },
          ...record.aliases.map((alias) => el('li', {}, fieldElement(alias.name, marks), alias.quality && el('span', { class: 'quality' }, ' (', fieldElement(alias.quality, marks), ')'))),
        ),
      ),
    record.narrative && el('section', {}, el('h4', {}, 'Narrative'), field(record.narrative, 'registry-record-narrative')),
  );
}

/** A field's value, cut at every quote's and mark's edge, each run of marked pieces in one <mark>. */
function fieldElement(field: RecordField, marks: RecordMarks, testid?: string): HTMLElement {
  const quotes = marks.quotes.filter((quote) => overlaps(quote, field));
  const marked = marks.marks.filter((mark) => overlaps(mark, field));
  const pieces = cutPieces(field.pieces, [...quotes, ...marked].flatMap((span) => [span.start, span.end]));
  const element = el('span', { class: 'field', 'data-testid': testid });
  let mark: HTMLElement | null = null;
  for (const piece of pieces) {
    const part: Segment = {
      start: piece.start,
      end: piece.end,
      actors: [],
      claims: [...new Set(quotes.filter((quote) => overlaps(quote, piece)).map((quote) => quote.claim))],
      marked: marked.some((span) => overlaps(span, piece)),
    };
    const node = marks.piece(piece.text, part);
    if (!part.marked) {
      mark = null;
      element.append(node);
      continue;
    }
    if (!mark) element.append((mark = el('mark', { 'data-testid': 'reading-mark' })));
    mark.append(node);
  }
  return element;
}

/** The records a registry text holds, indexed once per source (a scan of the whole text). */
const indexes = new WeakMap<ReadableSource, RecordEntry[]>();

/** The snapshot's summary and a filter over its records by reference number or name; `pick` shows one. */
export function registryPicker(source: ReadableSource, pick: (entry: RecordEntry) => void): HTMLElement {
  let index = indexes.get(source);
  if (!index) indexes.set(source, (index = registryRecordIndex(source.text)));
  const records = index;
  const designations = source.claims.filter((claim) => claim.type === 'DESIGNATES').length;
  const some = source.claims.length >= queryLimits.maxPageSize ? 'at least ' : '';
  const generated = registryGenerated(source.text);
  const summary = el(
    'p',
    { class: 'registry-summary', 'data-testid': 'registry-summary' },
    [source.publisher, generated && `list generated ${generated}`, `${records.length} records`, `the graph took ${some}${designations} designations from it`].filter(Boolean).join(' · '),
  );
  const filter = el('input', { type: 'search', placeholder: 'Reference number or name', 'aria-label': 'Find a record by reference number or name', 'data-testid': 'registry-filter' });
  const list = el('ul', { class: 'registry-picks', 'data-testid': 'registry-picks' });
  const fill = () => {
    const wanted = filter.value.trim().toLowerCase();
    const found = wanted ? records.filter((entry) => entry.referenceNumber.toLowerCase().includes(wanted) || entry.name.toLowerCase().includes(wanted)) : records;
    list.replaceChildren(
      ...found.slice(0, pickerSize).map((entry) => {
        const button = el('button', { type: 'button', 'data-testid': 'registry-pick', 'data-reference': entry.referenceNumber }, `${entry.referenceNumber} ${entry.name}`);
        button.addEventListener('click', () => pick(entry));
        return el('li', {}, button);
      }),
      ...(found.length > pickerSize ? [el('li', { class: 'hint' }, `${found.length - pickerSize} more: narrow the filter`)] : []),
    );
  };
  filter.addEventListener('input', fill);
  fill();
  return el('div', { class: 'registry-picker' }, summary, filter, list);
}
