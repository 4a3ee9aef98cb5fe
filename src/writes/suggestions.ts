// rejectSuggestion: an editor turns down one of a source's suggestions. The rejection is a node of
// its own, (:SuggestionRejection {source, key, by, at}), which the seed loader never touches, so a
// reload does not bring the suggestion back; the change log records it (REJECT_SUGGESTION). The
// engine runs before the transaction, so the source's lock is held only while the rejection is written.
import { InputError, NotFoundError } from '../errors.ts';
import { allSuggestions, suggestionInputs } from '../graph/suggestions.ts';
import { isSuggestionKey } from '../domain/suggestionKeys.ts';
import type { Database } from '../neo4j/database.ts';
import { authorNow, recordChanges } from './changeLog.ts';
import { lockOne } from './records.ts';

/** Rejects the suggestion `key` of source `source` (it must be one the engine proposes for it); returns the source's id. */
export async function rejectSuggestion(db: Database, by: string, source: string, key: string): Promise<string> {
  const author = authorNow(by);
  if (!isSuggestionKey(key)) throw new InputError('key', 'is not a suggestion key (a-… or c-…, as Source.suggestions gives them)');
  const inputs = await suggestionInputs(db, source);
  if (!inputs) throw new NotFoundError('source', source, 'source');
  const { actors, claims } = allSuggestions(inputs);
  const found = [...actors, ...claims].find((suggestion) => suggestion.key === key);
  if (!found) throw new InputError('key', `"${key}" is not a suggestion of this source (suggestions change when the text's actors do: read them again)`);
  const what = 'quote' in found ? { subject: found.subject.text, type: found.type, object: found.object.text, quote: found.quote } : { actor: found.text, start: found.start };
  return db.transaction(async (tx) => {
    await lockOne(tx, 'Source', 'source', source);
    const [done] = await tx.run<{ n: number }>('MATCH (r:SuggestionRejection {source: $source, key: $key}) RETURN count(r) AS n', { source, key });
    if (Number(done?.n ?? 0) > 0) return source;
    await tx.run('CREATE (:SuggestionRejection {source: $source, key: $key, by: $by, at: $at})', { source, key, by: author.by, at: author.at });
    await recordChanges(tx, author, [{ action: 'REJECT_SUGGESTION', target: source, before: null, after: { key, ...what } }]);
    return source;
  });
}
