// Finds where each source mentions each actor, with the domain's matcher (src/domain/mentions.ts),
// and records per source and actor how often and in which sentences.
import { mentionsIn, nameIndex } from '../domain/mentions.ts';
import type { ActorRecord, MentionRecord } from '../domain/records.ts';
import { withHash } from './recordHash.ts';

/** Sentences of a text with their start offsets: split at line breaks and sentence ends. */
export function sentences(text: string): { start: number; text: string }[] {
  const result: { start: number; text: string }[] = [];
  const boundary = /\n+|(?<=[.!?]["”’)\]]?)\s+(?=["“‘(\[]?[A-Z0-9])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    result.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  result.push({ start, text: text.slice(start) });
  return result.filter((sentence) => sentence.text.trim() !== '');
}

export function findMentions(actors: ActorRecord[], sourceText: Map<string, string>): MentionRecord[] {
  const index = nameIndex(actors.map((actor) => ({ id: actor.id, name: actor.props.name as string, aliases: actor.props.aliases as string[] })));
  const records: MentionRecord[] = [];
  for (const [sourceId, text] of sourceText) {
    const parts = sentences(text);
    const found = new Map<string, { count: number; sentences: Set<string> }>();
    let part = 0;
    for (const match of mentionsIn(text, index)) {
      while (part + 1 < parts.length && parts[part + 1]!.start <= match.start) part += 1;
      const sentence = parts[part]?.text.trim() ?? '';
      for (const actorId of match.actors) {
        const entry = found.get(actorId) ?? { count: 0, sentences: new Set<string>() };
        entry.count += 1;
        entry.sentences.add(sentence);
        found.set(actorId, entry);
      }
    }
    for (const [actorId, entry] of found) {
      records.push(
        withHash({
          id: `${sourceId}|${actorId}`,
          source: sourceId,
          actor: actorId,
          props: { count: entry.count, sentences: [...entry.sentences] },
        }),
      );
    }
  }
  return records;
}
