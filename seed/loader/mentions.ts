// Finds where each source mentions each actor, by matching names and aliases over its text.
// Matching is case-sensitive (so "IS" is not "is"), on word boundaries, and longest first:
// "Islamic Movement of Uzbekistan" is one mention of the IMU, not also one of Uzbekistan.
import { withHash, type ActorRecord, type MentionRecord } from './records.ts';

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
  /** The most words any name has. */
  maxWords: number;
}

function nameIndex(actors: ActorRecord[]): NameIndex {
  const owners = new Map<string, string[]>();
  let maxWords = 1;
  for (const actor of actors) {
    for (const name of new Set([actor.props.name as string, ...(actor.props.aliases as string[])])) {
      const words = name.match(wordPattern)?.length ?? 0;
      if (name.length < 2 || words === 0 || !wordChar.test(name.charAt(0))) continue;
      const ids = owners.get(name);
      if (ids) ids.push(actor.id);
      else owners.set(name, [actor.id]);
      maxWords = Math.max(maxWords, words);
    }
  }
  return { owners, maxWords };
}

/**
 * Every non-overlapping name occurrence in the text, longest first at each position. At each
 * word it looks up the text spanning the next 1..maxWords words (and one trailing character,
 * for names such as "U.S."), so matching stays linear in the text however many actors exist.
 */
function* occurrences(text: string, { owners, maxWords }: NameIndex): Generator<{ at: number; actors: string[] }> {
  const words = [...text.matchAll(wordPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < words.length; i++) {
    const start = words[i]!.start;
    let matched: { end: number; actors: string[] } | undefined;
    for (let k = Math.min(maxWords, words.length - i); k >= 1 && !matched; k--) {
      const end = words[i + k - 1]!.end;
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
    while (i + 1 < words.length && words[i + 1]!.start < matched.end) i++;
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
