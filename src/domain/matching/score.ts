// How alike two parties are: the best pair of their names (folded words, acronyms, initials),
// weighed by how rare the shared words are, a weak alias discounted, then the kinds (a person is
// not a group), shared countries and titles, and an equal identifier that settles it. The score is
// in [0, 1]; every factor that moved it is a reason.
import { comparableNames, consonantSkeleton, normaliseText, type ComparableName } from './names.ts';
import type { MatchReason, Party, PartyKind, ScoredPair } from './party.ts';
import { jaroWinkler } from './similarity.ts';

/**
 * The scoring rule's constants, with why. Name similarities below 1 for evidence that names
 * alone cannot settle: a one-word name (Al-Furqan is a Bosnian association and an IS media wing),
 * an acronym (letters are shared by many).
 */
export const scoring = {
  /** A weak alias (UN quality Low) counts this much of a good name. */
  weakAlias: 0.85,
  /** One word equal on both sides: never decisive alone. */
  oneWordEqual: 0.85,
  /** A person's one-word name (a given name, a bare kunya: Omar, Abu Usman) identifies nobody: below a review. */
  oneWordPerson: 0.55,
  /** The same words in another order (Abdullah Azzam ~ Azzam Abdullah). */
  reordered: 0.97,
  /** An acronym equal to the other's acronym or initials, by its length in letters (2, 3, 4 or more). */
  acronym: [0.4, 0.75, 0.85] as const,
  /** Two words alike: same consonants (vowels differ: Bukhari ~ Bukhori) or Jaro-Winkler at least jaroFloor. */
  sameConsonants: 0.9,
  jaroFloor: 0.88,
  /** Shared words worth less than this many words found once cap the similarity (informationCap), from the floor up. */
  informativeWords: 2,
  informationFloor: 0.7,
  /** Word overlap: share of Jaccard (both names' words) and of containment (the shorter's words). */
  jaccardShare: 0.6,
  /** A person against a group, organisation, state or place; a state or place against a group. */
  kindFactor: { personVsOther: 0.4, otherVsOrganization: 0.5 },
  /** Both sides name countries: one in common adds, none in common multiplies. */
  sharedCountryBonus: 0.05,
  disjointCountriesFactor: 0.9,
  /** A title in common (Mullah, Maulavi). */
  sharedTitleBonus: 0.05,
} as const;

/** A party prepared once for many comparisons: its comparable names, titles and countries. */
export interface PreparedParty {
  party: Party;
  names: ComparableName[];
  titles: Set<string>;
  countries: Set<string>;
}

export function prepareParty(party: Party): PreparedParty {
  const names = new Map<string, ComparableName>();
  const titles = new Set((party.titles ?? []).map(normaliseText));
  for (const name of party.names) {
    const found = comparableNames(name.value, name.weak === true, { person: party.kind === 'person' });
    for (const title of found.titles) titles.add(title);
    for (const comparable of found.names) {
      const seen = names.get(comparable.key);
      if (!seen || (seen.weak && !comparable.weak)) names.set(comparable.key, comparable);
    }
  }
  return { party, names: [...names.values()], titles, countries: new Set((party.countries ?? []).map(normaliseText)) };
}

/** How much a word tells (more for rarer words), and what a word found once tells (`rare`). */
export interface WordWeight {
  of(word: string): number;
  rare: number;
}
/** Every word alike: for single comparisons without a corpus. */
export const uniformWeight: WordWeight = { of: () => 1, rare: 1 };

/** Inverse document frequency over the parties: log(1 + N / parties having the word). */
export function wordWeights(parties: readonly PreparedParty[]): WordWeight {
  const frequency = new Map<string, number>();
  for (const party of parties) {
    for (const word of new Set(party.names.flatMap((name) => name.tokens))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const n = parties.length;
  const rare = Math.log(1 + n);
  return { of: (word) => Math.log(1 + n / (frequency.get(word) ?? 1)), rare };
}

/** Two folded words: 1 equal, sameConsonants when only vowels differ, 0.75..0.85 when Jaro-Winkler is high, else 0. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.min(a.length, b.length) < 4) return 0;
  if (consonantSkeleton(a) === consonantSkeleton(b)) return scoring.sameConsonants;
  const similarity = jaroWinkler(a, b);
  return similarity >= scoring.jaroFloor ? 0.75 + ((similarity - scoring.jaroFloor) / (1 - scoring.jaroFloor)) * 0.1 : 0;
}

export interface NameComparison {
  similarity: number;
  reason: string;
  detail: string;
}

const quoted = (a: ComparableName, b: ComparableName) => `"${a.text}" ~ "${b.text}"`;

/** Two comparable names: equal after folding, reordered, acronym of, or their words in common. */
export function compareNames(a: ComparableName, b: ComparableName, weight: WordWeight = uniformWeight, person = false): NameComparison {
  if (a.acronym || b.acronym) return compareAcronyms(a, b);
  const compared = compareSpellings(a, b, weight);
  if (person && Math.min(a.tokens.length, b.tokens.length) === 1 && compared.similarity > scoring.oneWordPerson) {
    return { ...compared, similarity: scoring.oneWordPerson, reason: `${compared.reason}; a one-word personal name` };
  }
  return compared;
}

function compareSpellings(a: ComparableName, b: ComparableName, weight: WordWeight): NameComparison {
  const information = informationCap(
    a.tokens.reduce((sum, word) => sum + weight.of(word), 0),
    weight,
  );
  if (a.key === b.key) {
    if (a.tokens.length === 1) return { similarity: Math.min(scoring.oneWordEqual, information), reason: 'one-word name equal after folding', detail: quoted(a, b) };
    return { similarity: information, reason: information < 1 ? 'name equal after folding, of common words' : 'name equal after folding', detail: quoted(a, b) };
  }
  if (a.sortedKey === b.sortedKey) {
    return { similarity: Math.min(scoring.reordered, information), reason: 'same words in another order', detail: quoted(a, b) };
  }
  return compareWords(a, b, weight);
}

function acronymSimilarity(letters: string): number {
  return scoring.acronym[Math.min(2, Math.max(0, letters.length - 2))]!;
}

function compareAcronyms(a: ComparableName, b: ComparableName): NameComparison {
  const [acronym, other] = a.acronym ? [a, b] : [b, a];
  const letters = acronym.acronym!;
  const spelled = other.acronym ?? (other.tokens.length === 1 ? normaliseText(other.text).replace(/ /g, '') : undefined);
  if (spelled === letters) return { similarity: acronymSimilarity(letters), reason: 'acronym equal', detail: quoted(a, b) };
  if (other.initials === letters) return { similarity: acronymSimilarity(letters), reason: 'acronym of the other name', detail: quoted(a, b) };
  return { similarity: 0, reason: 'acronym unlike', detail: quoted(a, b) };
}

/**
 * The words of both names paired greedily, best first; weighted by rarity, the overlap is part
 * Jaccard (what neither shares lowers it: Islamic State vs Islamic State West Africa Province)
 * and part containment (the shorter name's words found); a one-word name never above oneWordEqual.
 */
function compareWords(a: ComparableName, b: ComparableName, weight: WordWeight): NameComparison {
  const pairs: { i: number; j: number; similarity: number }[] = [];
  a.tokens.forEach((x, i) =>
    b.tokens.forEach((y, j) => {
      const similarity = wordSimilarity(x, y);
      if (similarity > 0) pairs.push({ i, j, similarity });
    }),
  );
  pairs.sort((p, q) => q.similarity - p.similarity);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let shared = 0;
  const words: string[] = [];
  for (const { i, j, similarity } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const x = a.tokens[i]!;
    const y = b.tokens[j]!;
    shared += (similarity * (weight.of(x) + weight.of(y))) / 2;
    words.push(similarity === 1 ? x : `${x}~${y}`);
  }
  if (!words.length) return { similarity: 0, reason: 'no word in common', detail: quoted(a, b) };
  const totalA = a.tokens.reduce((sum, word) => sum + weight.of(word), 0);
  const totalB = b.tokens.reduce((sum, word) => sum + weight.of(word), 0);
  const jaccard = shared / (totalA + totalB - shared);
  const containment = Math.min(1, shared / Math.min(totalA, totalB));
  let similarity = scoring.jaccardShare * jaccard + (1 - scoring.jaccardShare) * containment;
  if (Math.min(a.tokens.length, b.tokens.length) === 1) similarity = Math.min(similarity, scoring.oneWordEqual);
  similarity = Math.min(similarity, informationCap(shared, weight));
  return { similarity, reason: `words in common (${words.length} of ${a.tokens.length} and ${b.tokens.length})`, detail: `${quoted(a, b)}: ${words.join(', ')}` };
}

/**
 * What shared words can prove: common words (Mohamed Omar) prove less than rare ones (Boko Haram).
 * Below the information of `informativeWords` words found once, the similarity is capped,
 * linearly from informationFloor (nothing shared) to 1.
 */
function informationCap(shared: number, weight: WordWeight): number {
  const ratio = shared / (scoring.informativeWords * weight.rare);
  return ratio >= 1 ? 1 : scoring.informationFloor + (1 - scoring.informationFloor) * ratio;
}

/** A person against anything else is a strong negative; a state or place against a group a lesser one; unknown is neutral. */
export function kindFactor(a: PartyKind, b: PartyKind): number {
  if (a === b || a === 'unknown' || b === 'unknown') return 1;
  if (a === 'person' || b === 'person') return scoring.kindFactor.personVsOther;
  return scoring.kindFactor.otherVsOrganization;
}

/** Scores the pair: best name pair, weak alias, kinds, countries, titles; an equal identifier makes it certain. */
export function scorePair(left: PreparedParty, right: PreparedParty, weight: WordWeight = uniformWeight): ScoredPair {
  const reasons: MatchReason[] = [];
  const identifier = sharedIdentifier(left.party, right.party);
  if (identifier) reasons.push({ reason: 'identifier equal', detail: identifier, weight: 1 });
  const person = left.party.kind === 'person' || right.party.kind === 'person';
  let best: (NameComparison & { weak: boolean; value: number }) | undefined;
  for (const a of left.names) {
    for (const b of right.names) {
      const comparison = compareNames(a, b, weight, person);
      const weak = a.weak || b.weak;
      const value = comparison.similarity * (weak ? scoring.weakAlias : 1);
      if (!best || value > best.value) best = { ...comparison, weak, value };
    }
  }
  let score = 0;
  if (best && best.similarity > 0) {
    reasons.push({ reason: best.reason, detail: best.detail, weight: best.similarity });
    if (best.weak) reasons.push({ reason: 'weak alias', detail: 'the best name pair has a low-quality alias', weight: scoring.weakAlias });
    score = best.value;
  }
  const kinds = kindFactor(left.party.kind, right.party.kind);
  if (kinds < 1) {
    reasons.push({ reason: 'kinds differ', detail: `${left.party.kind} vs ${right.party.kind}`, weight: kinds });
    score *= kinds;
  }
  score = applyContext(left, right, score, reasons);
  return { left: left.party.id, right: right.party.id, score: identifier ? 1 : Math.min(1, score), certain: Boolean(identifier), reasons };
}

/** Countries when both sides have them, titles when both have one: small moves, never a name's weight. */
function applyContext(left: PreparedParty, right: PreparedParty, score: number, reasons: MatchReason[]): number {
  if (left.countries.size && right.countries.size) {
    const shared = [...left.countries].filter((country) => [...right.countries].some((other) => sameCountry(country, other)));
    if (shared.length) {
      reasons.push({ reason: 'country in common', detail: shared.join(', '), weight: scoring.sharedCountryBonus });
      score += scoring.sharedCountryBonus;
    } else {
      reasons.push({ reason: 'no country in common', detail: `${[...left.countries].join(', ')} vs ${[...right.countries].join(', ')}`, weight: scoring.disjointCountriesFactor });
      score *= scoring.disjointCountriesFactor;
    }
  }
  const titles = [...left.titles].filter((title) => right.titles.has(title));
  if (titles.length && score > 0) {
    reasons.push({ reason: 'title in common', detail: titles.join(', '), weight: scoring.sharedTitleBonus });
    score += scoring.sharedTitleBonus;
  }
  return score;
}

/**
 * Two normalised country names: equal, or the one's only word the first word of the other, as is
 * or as its adjective in -n (syria ~ syrian arab republic, russia ~ russian federation, iran ~ iran
 * islamic republic of; niger is not nigeria).
 */
export function sameCountry(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.includes(' ')) return false;
  const first = long.split(' ')[0]!;
  return first === short || first === `${short}n`;
}

function sharedIdentifier(a: Party, b: Party): string | undefined {
  const keys = new Set((a.identifiers ?? []).map((id) => `${id.scheme}:${id.value}`));
  return (b.identifiers ?? []).map((id) => `${id.scheme}:${id.value}`).find((key) => keys.has(key));
}
