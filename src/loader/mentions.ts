// Finds where each source mentions each actor, by matching names and aliases over its text.
// Matching is case-sensitive (so "IS" is not "is"), on word boundaries, and longest first:
// "Islamic Movement of Uzbekistan" is one mention of the IMU, not also one of Uzbekistan.
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

const wordChar = /[\p{L}\p{N}]/u;
const wordPattern = /[\p{L}\p{N}]+/gu;

interface NameIndex {
  /** Exact name text -> actor ids. */
  owners: Map<string, string[]>;
  /** A name's first word -> the most words a name starting with it has. */
  firstWords: Map<string, number>;
}

function nameIndex(actors: ActorRecord[]): NameIndex {
  const owners = new Map<string, string[]>();
  const firstWords = new Map<string, number>();
  for (const actor of actors) {
    for (const name of new Set([actor.props.name as string, ...(actor.props.aliases as string[])])) {
      const words = name.match(wordPattern) ?? [];
      if (name.length < 2 || words.length === 0 || !wordChar.test(name.charAt(0))) continue;
      const ids = owners.get(name);
      if (ids) ids.push(actor.id);
      else owners.set(name, [actor.id]);
      firstWords.set(words[0]!, Math.max(firstWords.get(words[0]!) ?? 0, words.length));
    }
  }
  return { owners, firstWords };
}

/**
 * Every non-overlapping name occurrence in the text, longest first at each position. At each
 * word that begins a name it looks up the text spanning the next words, as many as the longest
 * such name has (and one trailing character, for names such as "U.S."), so matching stays
 * linear in the text however many actors exist.
 */
function* occurrences(text: string, { owners, firstWords }: NameIndex): Generator<{ at: number; actors: string[] }> {
  // Word bounds as plain numbers: a long text's words would otherwise be millions of objects.
  const starts: number[] = [];
  const ends: number[] = [];
  const pattern = new RegExp(wordPattern);
  for (let word = pattern.exec(text); word !== null; word = pattern.exec(text)) {
    starts.push(word.index);
    ends.push(pattern.lastIndex);
  }
  for (let i = 0; i < starts.length; i++) {
    const longest = firstWords.get(text.slice(starts[i], ends[i]));
    if (longest === undefined) continue;
    const start = starts[i]!;
    let matched: { end: number; actors: string[] } | undefined;
    for (let k = Math.min(longest, starts.length - i); k >= 1 && !matched; k--) {
      const end = ends[i + k - 1]!;
      for (const candidateEnd of [end + 1, end]) {
        const actors = owners.get(text.slice(start, candidateEnd));
        if (actors && !wordChar.test(text.charAt(candidateEnd))) {
          matched = { end: candidateEnd, actors };
          break;
        }
      }
    }
    if (!matched) continue;
    yield { at: start, actors: matched.actors };
    while (i + 1 < starts.length && starts[i + 1]! < matched.end) i++;
  }
}

export function findMentions(actors: ActorRecord[], sourceText: Map<string, string>): MentionRecord[] {
  const index = nameIndex(actors);
  const records: MentionRecord[] = [];
  for (const [sourceId, text] of sourceText) {
    const parts = sentences(text);
    const found = new Map<string, { count: number; sentences: Set<string> }>();
    let part = 0;
    for (const match of occurrences(text, index)) {
      while (part + 1 < parts.length && parts[part + 1]!.start <= match.at) part += 1;
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
