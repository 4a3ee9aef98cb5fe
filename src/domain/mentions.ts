// Where a text mentions actors, by matching their names and aliases: the one rule the loader
// (src/loader/mentions.ts) counts mentions with and the reading view (web/) marks them by.
// Matching is case-sensitive (so "IS" is not "is"), on word boundaries, and longest first:
// "Islamic Movement of Uzbekistan" is one mention of the IMU, not also one of Uzbekistan.

/** An actor as the matcher takes it: its id and the names it goes by. */
export interface NamedActor {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** One occurrence of a name: [start, end) of the text and the actors who go by it. */
export interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  actors: string[];
}

const wordChar = /[\p{L}\p{N}]/u;
const wordPattern = /[\p{L}\p{N}]+/gu;

/** The actors' names, indexed for matching: build once, match any number of texts. */
export interface NameIndex {
  /** Exact name text -> actor ids. */
  owners: Map<string, string[]>;
  /** A name's first word -> the most words a name starting with it has. */
  firstWords: Map<string, number>;
}

/** Names shorter than two characters or not starting with a letter or digit are never matched. */
export function nameIndex(actors: Iterable<NamedActor>): NameIndex {
  const owners = new Map<string, string[]>();
  const firstWords = new Map<string, number>();
  for (const actor of actors) {
    for (const name of new Set([actor.name, ...actor.aliases])) {
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
export function* mentionsIn(text: string, { owners, firstWords }: NameIndex): Generator<Mention> {
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
    let matched: Mention | undefined;
    for (let k = Math.min(longest, starts.length - i); k >= 1 && !matched; k--) {
      const end = ends[i + k - 1]!;
      for (const candidateEnd of end < text.length ? [end + 1, end] : [end]) {
        const actors = owners.get(text.slice(start, candidateEnd));
        if (actors && !wordChar.test(text.charAt(candidateEnd))) {
          matched = { start, end: candidateEnd, actors };
          break;
        }
      }
    }
    if (!matched) continue;
    yield matched;
    while (i + 1 < starts.length && starts[i + 1]! < matched.end) i++;
  }
}

/** Every mention of the actors in one text. */
export function findMentions(text: string, actors: Iterable<NamedActor>): Mention[] {
  return [...mentionsIn(text, nameIndex(actors))];
}
