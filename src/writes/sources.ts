// Sources added through the API: the text stored as given, its SHA-256 (a text already stored
// answers that source instead of a copy), a short id made from date and title, and its
// mentions of known actors.
import { textHash } from '../loader/recordHash.ts';
import { sourceSchema, string } from '../domain/fileSchema.ts';
import { apiLimits } from '../config.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { Database } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { mentionsInSource } from './mentions.ts';
import { givenFields, maxIdLength, Problems, retryingIdClash, slugOf, uniqueId } from './records.ts';

export interface SourceInput {
  title: string;
  publisher?: string | null;
  author?: string | null;
  published: string;
  url?: string | null;
  via?: string | null;
  language?: string | null;
  accessed?: string | null;
  text: string;
}

/** The seed format's source block, without the file and id the API makes itself, and with the text. */
const sourceInputSchema = sourceSchema.omit({ id: true, file: true, series: true, dateNote: true }).extend({
  text: string
    .refine((text) => text.trim() !== '', 'must not be empty: paste the full text of the article')
    .refine((text) => text.length <= apiLimits.maxSourceTextLength, `is longer than ${apiLimits.maxSourceTextLength} characters`),
});

/**
 * A new source's id: its date and the first words of its title, at most maxIdLength characters with
 * a `-12` that uniqueId may add. Never the publisher: an id is kept for good, whatever is learnt of it.
 */
function newSourceId(published: string, title: string): string {
  const words = slugOf(title, maxIdLength - published.length - 3);
  return slugOf(`${published} ${words}`, maxIdLength - 3) || 'source';
}

/** Adds a source, or answers the one with the same text; returns its id and whether it was added. */
export async function addSource(db: Database, by: string, input: SourceInput): Promise<{ id: string; added: boolean }> {
  const problems = new Problems('input');
  const source = problems.parse(sourceInputSchema, givenFields(input));
  // Checked whatever else is wrong, so that every problem is said at once.
  const published = parsePartialDate(input.published);
  if (!problems.has(['published']) && !published) problems.report(['published'], `"${input.published}" is not a real date`);
  problems.throwIfAny();
  const hash = textHash(input.text);
  const author = authorNow(by);
  return retryingIdClash(() => db.transaction(async (tx) => {
    const [existing] = await tx.run<{ id: string }>('MATCH (s:Source {textHash: $hash}) RETURN s.id AS id LIMIT 1', { hash });
    if (existing) return { id: existing.id, added: false };
    const id = await uniqueId(tx, ['Source'], newSourceId(source!.published ?? '', source!.title));
    const props = {
      id,
      title: source!.title,
      publisher: source!.publisher ?? null,
      author: source!.author ?? null,
      published: source!.published,
      publishedPrecision: published!.precision,
      url: source!.url ?? null,
      via: source!.via ?? null,
      language: source!.language ?? null,
      accessed: source!.accessed ?? null,
      text: input.text,
      textHash: hash,
      origin: 'api',
      version: 1,
    };
    await tx.run('CREATE (s:Source) SET s = $props', { props });
    const mentions = await mentionsInSource(tx, id);
    const { text, ...shown } = props;
    await recordChanges(tx, author, [{ action: 'ADD_SOURCE', target: id, before: null, after: { ...shown, characters: text.length, mentions } }]);
    return { id, added: true };
  }));
}
