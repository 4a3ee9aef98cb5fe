// Where a text names actors, for suggestions: the known ones by the mention matcher (mentions.ts),
// and names it does not know (compromise's proper-noun sequences, a title such as "Colonel" in
// front, an organisation word inside) with a guessed kind and the close existing actors they may be.
import nlp from 'compromise';
import { guessKind, isBodyWord, personTitles } from './kindGuess.ts';
import { mentionsIn, nameIndex } from './mentions.ts';
import { consonantSkeleton, foldWord, normaliseText } from './matching/names.ts';
import { jaroWinkler } from './matching/similarity.ts';

/** An actor the engine knows: its id, names and kind (Group, Person...). */
export interface KnownActor {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: string;
}

/** How a name met an actor (the API's MatchKind). */
export type MatchKind = 'EXACT' | 'ALIAS' | 'FUZZY' | 'NONE';

export interface ActorCandidate {
  actorId: string;
  match: MatchKind;
}

/** One place the text names an actor, known (actorId) or not (actorId null: a new actor). */
export interface Occurrence {
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
  actorId: string | null;
  match: MatchKind;
  kind: string;
  candidates: ActorCandidate[];
  /** The title printed before the name ("Colonel", "President"), lower case. */
  title?: string;
  /** The known state an adjective before the name says it belongs to ("Kyrgyz Defense Ministry", "Uzbek President Islam Karimov"). */
  of?: string;
  /** An adjective of a known state or place ("Uzbek" of Uzbekistan): it may qualify a title or a citizenship, never an actor of its own. */
  demonym?: boolean;
}

/** The state or place a single word is the adjective of: a name it starts (Uzbek, Kyrgyz) or one it extends by a suffix (Russian, Iraqi). */
function demonymOf(word: string, actors: readonly KnownActor[]): KnownActor | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w.length < 4 || /\s/.test(word)) return undefined;
  return actors.find((actor) => {
    if (actor.kind !== 'State' && actor.kind !== 'Place') return false;
    const name = actor.name.toLowerCase();
    return (name.startsWith(w) && /^(?:i?stan|ia|a)$/.test(name.slice(w.length))) || (w.startsWith(name) && /^(?:n|an|i|ian|ese)$/.test(w.slice(name.length)));
  });
}

/** The person titles (kindGuess.ts) as printed before a name: the short ones with their dot ("Col.", "Dr."). */
const printedTitles: readonly string[] = personTitles.map((title) => (title.length <= 3 ? `${title}.` : title));

/** The kind compromise's tags say, if any. */
const tagKinds: readonly (readonly [string, string])[] = [['Person', 'Person'], ['Organization', 'Organization'], ['Country', 'State'], ['Place', 'Place']];

interface Term { text: string; tags: string[]; offset: { start: number; length: number } }
interface Span { start: number; end: number; terms: Term[] }

/** Proper-noun sequences as compromise tags them, joined across hyphens ("Hizb-ut-Tahrir"). */
/** A match's terms in runs that no comma, colon, semicolon, bracket or line break separates. */
function runsOf(text: string, terms: Term[]): Term[][] {
  const runs: Term[][] = [[terms[0]!]];
  for (let i = 1; i < terms.length; i++) {
    const previous = terms[i - 1]!.offset;
    const gap = text.slice(previous.start + previous.length, terms[i]!.offset.start);
    if (/[,;:()\[\]\n"“”]/.test(gap)) runs.push([terms[i]!]);
    else runs[runs.length - 1]!.push(terms[i]!);
  }
  return runs;
}

/** An adjective, not a name ("Islamic", "Central Asian"): its last word is tagged an adjective or a demonym. */
const isAdjective = (terms: Term[]) =>
  terms[terms.length - 1]!.tags.some((tag) => tag === 'Adjective' || tag === 'Demonym') || (terms.length === 1 && /^\p{Lu}\p{Ll}+(?:ic|ian|ist|ese|ish)$/u.test(terms[0]!.text));

/** A name ending in a word of an organisation or group ("Ministry", "Committee"), which "of ..." may continue. */
function endsWithBodyWord(name: string): boolean {
  const last = name.toLowerCase().split(/\s+/).pop() ?? '';
  return isBodyWord(last) || printedTitles.includes(last);
}

function properSpans(text: string): Span[] {
  const matches = nlp(text).match('#ProperNoun+').json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[];
  const spans: Span[] = [];
  for (const terms of matches.flatMap((match) => runsOf(text, match.terms))) {
    const first = terms[0]!.offset;
    const last = terms[terms.length - 1]!.offset;
    const span = { start: first.start, end: last.start + last.length, terms };
    const previous = spans[spans.length - 1];
    const gap = previous ? text.slice(previous.end, span.start) : '';
    // Joined across hyphens and Arabic particles: "Hizb-ut-Tahrir", "Ansar Beit al-Maqdis", "Abu Bakr al Baghdadi".
    const joined = (/^[-‐'’]?[\p{Ll}]{0,3}[-‐'’]?$/u.test(gap) && gap.length <= 5) || /^\s(?:al|el|ad|ar|as|at|an|ash|ul|ut|ud|wal|bin|ibn)[-‐'’\s]$/.test(gap);
    if (previous && (joined || (/^ (?:of|on|for) (?:the )?$/.test(gap) && endsWithBodyWord(text.slice(previous.start, previous.end))))) {
      previous.end = span.end;
      previous.terms.push(...terms);
    } else spans.push(span);
  }
  return spans;
}

interface Trimmed { start: number; end: number; title?: string; of?: KnownActor; ofStart?: number }

/**
 * The span without trailing punctuation, possessive or lower-case words, and without a leading
 * article or title; a leading adjective of a known state ("Kyrgyz") is noted as `of` (and left
 * out of the name unless it names an organisation: "Kyrgyz Defense Ministry").
 */
function trimmed(text: string, span: Span, actors: readonly KnownActor[]): Trimmed {
  let { start, end } = span;
  end -= /(?:['’]s)?[^\p{L}\p{N})]*$/u.exec(text.slice(start, end))![0].length;
  for (let tail = /\s+\p{Ll}[\p{L}-]*$/u.exec(text.slice(start, end)); tail; tail = /\s+\p{Ll}[\p{L}-]*$/u.exec(text.slice(start, end))) end -= tail[0].length;
  const found: Trimmed = { start, end };
  const inner = innerTitle(text.slice(start, end)) ?? titledBody(text.slice(start, end));
  if (inner) {
    const head = /^(\p{L}+)\s/u.exec(text.slice(start, end))?.[1];
    const state = head ? demonymOf(head, actors) : undefined;
    return { start: start + inner.at, end, title: inner.title, ...(state ? { of: state, ofStart: start } : {}) };
  }
  for (let again = true; again; ) {
    again = false;
    const head = text.slice(start, end);
    const lower = head.toLowerCase();
    const title = [...printedTitles, 'the'].find((word) => lower.startsWith(`${word} `));
    const firstWord = /^(\p{L}+)\s+\p{Lu}/u.exec(head)?.[1];
    const state = !title && !found.of && firstWord ? demonymOf(firstWord, actors) : undefined;
    if (title) {
      if (title !== 'the') found.title = title;
      start += title.length + 1;
      again = true;
    } else if (state) {
      found.of = state;
      found.ofStart = start;
      start += firstWord!.length + 1;
      again = true;
    }
  }
  return { ...found, start };
}

/** A title inside a name, before the person's own name ("Kyrgyz Defense Minister Esen Topoyev"): the title and where the name starts. */
function innerTitle(name: string): { title: string; at: number } | undefined {
  const lower = name.toLowerCase();
  let best: { title: string; at: number } | undefined;
  for (const title of printedTitles) {
    const index = lower.lastIndexOf(` ${title} `);
    if (index >= 0 && (!best || index + title.length + 2 > best.at)) best = { title, at: index + title.length + 2 };
  }
  return best && /^\p{Lu}/u.test(name.slice(best.at)) ? best : undefined;
}

/** "Minister of Foreign Affairs Erlan Idrissov": a title, the body it is of, then a person's name (the words after the body's last word). */
function titledBody(name: string): { title: string; at: number } | undefined {
  const lower = name.toLowerCase();
  const title = printedTitles.find((t) => lower.startsWith(`${t} of `));
  if (!title) return undefined;
  const words = [...name.matchAll(/\S+/g)];
  const lastBody = words.findLastIndex((w) => isBodyWord(w[0]));
  const rest = words.slice(lastBody + 1);
  return lastBody > 0 && rest.length >= 1 && rest.length <= 3 && rest.every((w) => /^\p{Lu}/u.test(w[0])) ? { title, at: rest[0]!.index } : undefined;
}

/** The adjective of a known state just before a known name or its title ("Uzbek President Islam Karimov"). */
function stateBefore(text: string, start: number, actors: readonly KnownActor[]): KnownActor | undefined {
  // The nearest capitalised words before the name, up to three ("Kazakh President", "Kyrgyz Prime Minister").
  const words = text.slice(Math.max(0, start - 40), start).split(/\s+/).filter(Boolean).slice(-3).reverse();
  for (const word of words) {
    if (!/^\p{Lu}/u.test(word)) return undefined;
    const state = demonymOf(word, actors);
    if (state) return state;
  }
  return undefined;
}

/** The title printed just before a span ("Colonel Gulmurod Khalimov"), if any. */
function titleBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  return printedTitles.find((title) => before.endsWith(`${title} `));
}

/** A new name's kind: its words, a title before it, the tagger's reading (kindGuess.ts decides). */
function kindOf(name: string, terms: Term[], title: string | undefined): string {
  const tagged = tagKinds.find(([tag]) => terms.some((term) => term.tags.includes(tag)))?.[1];
  return guessKind(name, { role: 'text', titled: title !== undefined, ...(tagged ? { tagged } : {}) });
}

/** The actors blocked by each word's last three consonants, so a name is compared only with the actors it may be. */
export interface CloseIndex {
  actors: readonly KnownActor[];
  blocks: Map<string, Set<number>>;
}

const foldedWords = (name: string) => normaliseText(name).split(' ').map(foldWord);
const blockKeys = (words: string[]) => words.filter((w) => w.length >= 3).map((w) => consonantSkeleton(w).slice(-3));

/** The index closeActors looks names up in: build once per text (words lower-cased, not folded: folding waits for a comparison). */
export function closeIndex(actors: readonly KnownActor[]): CloseIndex {
  const blocks = new Map<string, Set<number>>();
  actors.forEach((actor, i) => {
    for (const written of [actor.name, ...actor.aliases]) {
      for (const key of blockKeys(written.toLowerCase().split(/[^\p{L}\p{N}]+/u))) {
        const block = blocks.get(key);
        if (block) block.add(i);
        else blocks.set(key, new Set([i]));
      }
    }
  });
  return { actors, blocks };
}

/** Existing actors close to a name the matcher did not find: same letters regardless of case, or fuzzily alike. */
export function closeActors(name: string, index: CloseIndex, limit = 3): ActorCandidate[] {
  const folded = foldedWords(name);
  const key = folded.join(' ');
  const found: (ActorCandidate & { score: number })[] = [];
  const compared = new Set(blockKeys(name.toLowerCase().split(/[^\p{L}\p{N}]+/u)).flatMap((k) => [...(index.blocks.get(k) ?? [])]));
  for (const i of compared) {
    const actor = index.actors[i]!;
    const written = [actor.name, ...actor.aliases].map(foldedWords);
    let best: (ActorCandidate & { score: number }) | undefined;
    for (const [n, other] of written.entries()) {
      const score = other.join(' ') === key ? 2 : jaroWinkler(other.join(' '), key) >= 0.92 ? 1 : sameSurname(folded, other, actor.kind) ? 0.5 : 0;
      if (score > 0 && (!best || score > best.score)) best = { actorId: actor.id, match: score === 2 ? (n === 0 ? 'EXACT' : 'ALIAS') : 'FUZZY', score };
    }
    if (best) found.push(best);
  }
  return found.sort((a, b) => b.score - a.score).slice(0, limit).map(({ actorId, match }) => ({ actorId, match }));
}

/** A person's last name alike: the same consonants, or close by Jaro-Winkler (Halimov/Khalimov meet; Karimov stays apart). */
function sameSurname(name: string[], other: string[], kind: string): boolean {
  const last = name[name.length - 1] ?? '';
  const otherLast = other[other.length - 1] ?? '';
  return kind === 'Person' && last.length >= 4 && (consonantSkeleton(last) === consonantSkeleton(otherLast) || jaroWinkler(last, otherLast) >= 0.9);
}

/** Every occurrence of an actor's name in the text, known and new, in text order. */
export function actorsIn(text: string, actors: readonly KnownActor[]): Occurrence[] {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const known: Occurrence[] = [...mentionsIn(text, nameIndex(actors))].map((mention) => {
    const name = text.slice(mention.start, mention.end);
    const actor = byId.get(mention.actors[0]!)!;
    const candidates = mention.actors.map((id) => ({ actorId: id, match: (byId.get(id)!.name === name ? 'EXACT' : 'ALIAS') as MatchKind }));
    const firstWord = /^(\p{L}+)\s/u.exec(name)?.[1];
    const of = (firstWord && demonymOf(firstWord, actors)) || stateBefore(text, mention.start, actors);
    return { text: name, start: mention.start, end: mention.end, actorId: actor.id, match: candidates[0]!.match, kind: actor.kind, candidates, title: titleBefore(text, mention.start), of: of && of.id !== actor.id ? of.id : undefined };
  });
  const unknown: Occurrence[] = [];
  const close = closeIndex(actors);
  const surnames = new Set<string>();
  for (const span of properSpans(text)) {
    const found = trimmed(text, span, actors);
    if (isAdjective(span.terms) && found.end - found.start === span.end - span.start) continue;
    const title = found.title ?? titleBefore(text, found.start);
    const wide = found.of && !title && found.ofStart !== undefined ? found.ofStart : found.start;
    const named = text.slice(found.start, found.end);
    const kind = surnames.has(named) ? 'Person' : kindOf(text.slice(wide, found.end), span.terms, title);
    if (kind === 'Person') surnames.add(named.split(/\s+/).pop()!);
    const start = kind === 'Person' ? found.start : wide;
    const end = found.end;
    if (end - start < 2) continue;
    // A body named "of" a known state ("Committee on National Security of Kazakhstan") is one new name, part of that state.
    const inside = known.filter((k) => start < k.end && end > k.start);
    const ofState = inside.length === 1 && inside[0]!.end === end && inside[0]!.start > start && /\sof\s+(?:the\s+)?$/.test(text.slice(start, inside[0]!.start)) && (inside[0]!.kind === 'State' || inside[0]!.kind === 'Place') ? inside[0] : undefined;
    if (inside.length > 0 && !ofState) continue;
    if (ofState) {
      known.splice(known.indexOf(ofState), 1);
      found.of ??= byId.get(ofState.actorId!);
    }
    const name = text.slice(start, end);
    if (!/^\p{Lu}/u.test(name)) continue;
    const state = demonymOf(name, actors);
    if (state) {
      unknown.push({ text: name, start, end, actorId: state.id, match: 'FUZZY', kind: state.kind, candidates: [{ actorId: state.id, match: 'FUZZY' }], demonym: true });
      continue;
    }
    unknown.push({ text: name, start, end, actorId: null, match: 'NONE', kind: ofState && kind === 'Person' ? 'Organization' : kind, candidates: closeActors(name, close), title, of: found.of?.id });
  }
  return [...known, ...unknown].sort((a, b) => a.start - b.start);
}
