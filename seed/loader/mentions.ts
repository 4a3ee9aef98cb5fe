// Finds where each source mentions each actor, by matching names and aliases over its text.
// Matching is case-sensitive (so "IS" is not "is"), on word boundaries, and longest first:
// "Islamic Movement of Uzbekistan" is one mention of the IMU, not also one of Uzbekistan.
import { withHash, type ActorRecord, type MentionRecord } from './records.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const owners = new Map<string, string[]>();
  for (const actor of actors) {
    const names = [actor.props.name as string, ...(actor.props.aliases as string[])];
    for (const name of new Set(names)) {
      if (name.length < 2) continue;
      owners.set(name, [...(owners.get(name) ?? []), actor.id]);
    }
  }
  if (owners.size === 0) return [];
  const alternatives = [...owners.keys()].sort((a, b) => b.length - a.length).map(escape);
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

  const records: MentionRecord[] = [];
  for (const [sourceId, text] of sourceText) {
    const parts = sentences(text);
    const found = new Map<string, { count: number; sentences: Set<string> }>();
    for (const match of text.matchAll(matcher)) {
      const sentence = parts.findLast((part) => part.start <= match.index)?.text.trim() ?? '';
      for (const actorId of owners.get(match[0]) ?? []) {
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
