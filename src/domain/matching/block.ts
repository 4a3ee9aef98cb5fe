// Blocking: an index from keys of names (folded words, their consonants, adjacent word pairs,
// acronyms and initials, identifiers) to the parties that have them, so that each party is scored
// against a bounded list of candidates that share a key with it, never against all parties.
import { consonantSkeleton, normaliseText, type ComparableName } from './names.ts';
import type { PreparedParty } from './score.ts';

export interface BlockingLimits {
  /** At most this many candidates per party, those sharing the most telling keys first. */
  maxCandidates: number;
  /** A key held by more parties than this is too common to tell anything (at 100,000 parties, "islamic"); it is skipped. */
  maxPostings: number;
}

export interface BlockingIndex {
  parties: readonly PreparedParty[];
  /** key -> indexes into parties. */
  postings: Map<string, number[]>;
}

/** A name's keys: each word (w:), its consonants (s:, words of four letters or more), each adjacent pair (b:), its acronym or initials (a:). */
export function nameKeys(name: ComparableName): string[] {
  if (name.acronym) return [`a:${name.acronym}`];
  const keys = name.tokens.flatMap((word) => (word.length >= 4 ? [`w:${word}`, `s:${consonantSkeleton(word)}`] : [`w:${word}`]));
  for (let i = 1; i < name.tokens.length; i++) keys.push(`b:${name.tokens[i - 1]} ${name.tokens[i]}`);
  if (name.initials && name.initials.length >= 2) keys.push(`a:${name.initials}`);
  if (name.tokens.length === 1) keys.push(`a:${normaliseText(name.text).replace(/ /g, '')}`);
  return keys;
}

export function partyKeys(party: PreparedParty): Set<string> {
  const keys = new Set(party.names.flatMap(nameKeys));
  for (const id of party.party.identifiers ?? []) keys.add(`i:${id.scheme}:${id.value}`);
  return keys;
}

export function buildIndex(parties: readonly PreparedParty[]): BlockingIndex {
  const postings = new Map<string, number[]>();
  parties.forEach((party, index) => {
    for (const key of partyKeys(party)) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  });
  return { parties, postings };
}

/**
 * The party's candidates in the index: those sharing a key, ranked by the keys shared (a rarer
 * key counts more: 1 / log2(1 + its postings); an identifier decides), at most maxCandidates.
 * `examined` is how many postings were read: the work, bounded by keys x maxPostings.
 */
export function candidatesOf(index: BlockingIndex, party: PreparedParty, limits: BlockingLimits): { candidates: PreparedParty[]; examined: number } {
  const evidence = new Map<number, number>();
  let examined = 0;
  for (const key of partyKeys(party)) {
    const list = index.postings.get(key);
    if (!list || list.length > limits.maxPostings) continue;
    examined += list.length;
    const worth = key.startsWith('i:') ? Infinity : 1 / Math.log2(1 + list.length);
    for (const at of list) evidence.set(at, (evidence.get(at) ?? 0) + worth);
  }
  const ranked = [...evidence].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limits.maxCandidates);
  return { candidates: ranked.map(([at]) => index.parties[at]!), examined };
}
