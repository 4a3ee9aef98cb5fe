// Sources added through the API: the text stored as given, its SHA-256 (a text already stored
// answers that source instead of a copy), an id made from publisher, date and title, and its
// mentions of known actors.
import { textHash } from '../loader/recordHash.ts';
import { sourceSchema, string } from '../domain/fileSchema.ts';
import { apiLimits } from '../config.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { Database } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { mentionsInSource } from './mentions.ts';
import { givenFields, Problems, retryingIdClash, slugOf, uniqueId } from './records.ts';

export interface SourceInput {
  title: string;
  publisher?: string | null;
  author?: string | null;
  published: string;
  url?: string | null;
  text: string;
}

/** The seed format's source block, without the file and id the API makes itself, and with the text. */
const sourceInputSchema = sourceSchema.omit({ id: true, file: true, series: true, dateNote: true }).extend({
  text: string
    .refine((text) => text.trim() !== '', 'must not be empty: paste the full text of the article')
    .refine((text) => text.length <= apiLimits.maxSourceTextLength, `is longer than ${apiLimits.maxSourceTextLength} characters`),
});

/** Adds a source, or answers the one with the same text; returns its id and whether it was added. */
export async function addSource(db: Database, by: string, input: SourceInput): Promise<{ id: string; added: boolean }> {
  const problems = new Problems('input');
  const source = problems.parse(sourceInputSchema, givenFields(input));
  const published = source?.published ? parsePartialDate(source.published) : undefined;
  if (source?.published && !published) problems.report(['published'], `"${source.published}" is not a real date`);
  problems.throwIfAny();
  const hash = textHash(input.text);
  const author = authorNow(by);
  return retryingIdClash(() => db.transaction(async (tx) => {
    const [existing] = await tx.run<{ id: string }>('MATCH (s:Source {textHash: $hash}) RETURN s.id AS id LIMIT 1', { hash });
    if (existing) return { id: existing.id, added: false };
    const id = await uniqueId(tx, ['Source'], slugOf([source!.publisher, source!.published, source!.title].filter(Boolean).join(' ')) || 'source');
    const props = {
      id,
      title: source!.title,
      publisher: source!.publisher ?? null,
      author: source!.author ?? null,
      published: source!.published,
      publishedPrecision: published!.precision,
      url: source!.url ?? null,
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
