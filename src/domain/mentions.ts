// Where a text mentions actors, by matching their names and aliases: the one rule the loader
// (src/loader/mentions.ts), the API's writes (src/writes/mentions.ts) and the reading view (web/)
// find mentions by. On word boundaries, longest first: "Islamic Movement of Uzbekistan" is one
// mention of the IMU, not also one of Uzbekistan. Case counts, with two exceptions:
// - words the text writes in capitals match the name's words in any case ("ASIA-Plus" is
//   Asia-Plus, "ISLAMIC STATE" is Islamic State), while "is" is never "IS";
// - an actor a claim on the same source names (`linked`) matches in any case ("asia-plus"),
//   unless its name is itself written in capitals ("IS" stays apart from "is").
// A partial name is a mention only with more evidence: the actor is also named in full in the
// same text, or a claim on the source names it. A partial name is an alias that is one word of a
// longer name of the same actor, other than its last: a modifier, which alone names something
// else as often as not ("Fergana" of "Fergana Valley" is also a city and a news agency, "Batken" of
// "Batken region" a town). The last word, a surname or the head noun ("Namangani" of "Juma
// Namangani", "Taliban" of "Afghan Taliban"), is how texts name the actor once named, or always;
// a name in capitals is an acronym ("IDU", "RIA"), and a spelling of the name itself ("Eurasianet"
// of "EurasiaNet") is the name: neither is partial.

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

/** What else the matcher knows of a source: the actors its claims name (subject, object, claimants, disputers). */
export interface MentionContext {
  linked?: ReadonlySet<string>;
}

/** One name of one actor, as indexed. */
interface IndexedName {
  name: string;
  actor: string;
  /** One word of a longer name of the same actor. */
  partial: boolean;
}

const wordChar = /[\p{L}\p{N}]/u;
const wordPattern = /[\p{L}\p{N}]+/gu;

/** The actors' names, indexed for matching: build once, match any number of texts. */
export interface NameIndex {
  /** A name's text in lower case -> the names (and their actors) that read so. */
  owners: Map<string, IndexedName[]>;
  /** A name's first word in lower case -> the most words a name starting with it has. */
  firstWords: Map<string, number>;
}

const fold = (text: string) => text.toLowerCase();
const wordsOf = (text: string): string[] => text.match(wordPattern) ?? [];

/** Written in capitals: at least two letters and no lower-case one ("ASIA", "IMU"). */
export function inCapitals(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** The aliases of an actor that are one word, not the last, of a longer name of its own ("Fergana" of "Fergana Valley"). */
export function partialNames(actor: NamedActor): Set<string> {
  const modifiers = [actor.name, ...actor.aliases].map(wordsOf).flatMap((words) => words.slice(0, -1));
  const partial = new Set<string>();
  for (const alias of actor.aliases) {
    const words = wordsOf(alias);
    if (words.length !== 1 || fold(alias) === fold(actor.name) || inCapitals(alias)) continue;
    if (modifiers.includes(words[0]!)) partial.add(alias);
  }
  return partial;
}

/** Names shorter than two characters or not starting with a letter or digit are never matched. */
export function nameIndex(actors: Iterable<NamedActor>): NameIndex {
  const owners = new Map<string, IndexedName[]>();
  const firstWords = new Map<string, number>();
  for (const actor of actors) {
    const partial = partialNames(actor);
    for (const name of new Set([actor.name, ...actor.aliases])) {
      const words = wordsOf(name);
      if (name.length < 2 || words.length === 0 || !wordChar.test(name.charAt(0))) continue;
      const key = fold(name);
      const entry = { name, actor: actor.id, partial: partial.has(name) };
      owners.set(key, [...(owners.get(key) ?? []), entry]);
      const first = fold(words[0]!);
      firstWords.set(first, Math.max(firstWords.get(first) ?? 0, words.length));
    }
  }
  return { owners, firstWords };
}

/** Whether the text as printed names `name`: the same, or differing only in words the text writes in capitals. */
export function sameOrCapitals(printed: string, name: string): boolean {
  if (printed === name) return true;
  const [a, b] = [wordsOf(printed), wordsOf(name)];
  if (a.length !== b.length || printed.replace(wordPattern, '') !== name.replace(wordPattern, '')) return false;
  return a.every((word, i) => word === b[i] || (inCapitals(word) && word === b[i]!.toUpperCase()));
}

/** The names (of those reading as `printed` in lower case) that `printed` names, by the case rules above. */
function namesPrinted(printed: string, names: IndexedName[], linked: ReadonlySet<string>): IndexedName[] {
  return names.filter((n) => sameOrCapitals(printed, n.name) || (linked.has(n.actor) && !wordsOf(n.name).every(inCapitals)));
}

/** A name found at [start, end), before the partial-name rule. */
interface Found {
  start: number;
  end: number;
  names: IndexedName[];
}

/** Word bounds as plain numbers: a long text's words would otherwise be millions of objects. */
function wordBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const pattern = new RegExp(wordPattern);
  for (let word = pattern.exec(text); word !== null; word = pattern.exec(text)) {
    starts.push(word.index);
    ends.push(pattern.lastIndex);
  }
  return { starts, ends };
}

/**
 * Every non-overlapping name occurrence, longest first at each position. At each word that
 * begins a name it looks up the text spanning the next words, as many as the longest such name
 * has (and one trailing character, for names such as "U.S."), so matching stays linear in the
 * text however many actors exist.
 */
function namesIn(text: string, { owners, firstWords }: NameIndex, linked: ReadonlySet<string>): Found[] {
  const { starts, ends } = wordBounds(text);
  const found: Found[] = [];
  for (let i = 0; i < starts.length; i++) {
    const longest = firstWords.get(fold(text.slice(starts[i], ends[i])));
    if (longest === undefined) continue;
    const start = starts[i]!;
    let matched: Found | undefined;
    for (let k = Math.min(longest, starts.length - i); k >= 1 && !matched; k--) {
      const end = ends[i + k - 1]!;
      for (const candidateEnd of end < text.length ? [end + 1, end] : [end]) {
        if (wordChar.test(text.charAt(candidateEnd))) continue;
        const printed = text.slice(start, candidateEnd);
        const names = namesPrinted(printed, owners.get(fold(printed)) ?? [], linked);
        if (names.length > 0) {
          matched = { start, end: candidateEnd, names };
          break;
        }
      }
    }
    if (!matched) continue;
    found.push(matched);
    while (i + 1 < starts.length && starts[i + 1]! < matched.end) i++;
  }
  return found;
}

/** Every mention in the text: its names found, and a partial name kept only where the actor has more evidence. */
export function mentionsIn(text: string, index: NameIndex, context: MentionContext = {}): Mention[] {
  const linked = context.linked ?? new Set<string>();
  const found = namesIn(text, index, linked);
  const named = new Set(found.flatMap((f) => f.names.filter((n) => !n.partial).map((n) => n.actor)));
  const evidenced = (n: IndexedName) => !n.partial || named.has(n.actor) || linked.has(n.actor);
  const mentions: Mention[] = [];
  for (const { start, end, names } of found) {
    const actors = [...new Set(names.filter(evidenced).map((n) => n.actor))];
    if (actors.length > 0) mentions.push({ start, end, actors });
  }
  return mentions;
}

/** Every mention of the actors in one text. */
export function findMentions(text: string, actors: Iterable<NamedActor>, context: MentionContext = {}): Mention[] {
  return mentionsIn(text, nameIndex(actors), context);
}

/** Where `printed` occurs in the text as whole words, exactly as printed: an editor's added mention. */
export function occurrences(text: string, printed: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (printed.trim() === '') return spans;
  for (let at = text.indexOf(printed); at !== -1; at = text.indexOf(printed, at + printed.length)) {
    const end = at + printed.length;
    const before = wordChar.test(text.charAt(at - 1)) && wordChar.test(printed.charAt(0));
    const after = wordChar.test(text.charAt(end)) && wordChar.test(printed.charAt(printed.length - 1));
    if (!before && !after) spans.push({ start: at, end });
  }
  return spans;
}
