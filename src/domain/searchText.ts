// How typed text meets the full-text indexes (actor names, evidence quotes): the words of a search
// and every form Lucene's standard tokenizer may have stored each one as, and the folding that
// makes a typed name equal a stored one. Shared by the actor search, the quote search and the web.
//
// The indexes use the standard analyzer (Unicode word breaks, lowercase, no stop words), which
// keeps some punctuation inside a word: an apostrophe between letters ("sa’ad", "kazakhstan’s"), a
// full stop between letters or digits ("u.s", "2.5") and a comma between digits ("1,500"). A
// typed word is therefore sought in each of those forms: "Sa'ad" as sa'ad, sa’ad, saʼad... and
// saad; "U.S." as u.s and us; "US" as us and u.s; "1500" and "1,500" as both.

/** Characters written for an apostrophe (straight, typographic, modifier letters, accents, primes). */
export const apostrophes = ["'", '’', '‘', 'ʼ', 'ʻ', '`', '´', '′', '＇', '‛'];

/** The apostrophes the standard tokenizer keeps inside a word (the others split it): each is a form to seek. */
const inWordApostrophes = ["'", '’', '‘', 'ʼ', 'ʻ', '＇'];

/** Double quotation marks, for folding. */
const doubleQuotes = ['“', '”', '„', '‟', '«', '»', '″'];

/** At most so many words of a search count (the rest are ignored), and so many forms of one word or phrases of a search. */
export const searchWordLimits = { words: 12, forms: 12, phrases: 16 };

/**
 * Folds for comparing a typed name with a stored one, each [from, to], applied in order after
 * lowercasing and before trimming: apostrophes and double quotes of every kind become the plain
 * ones, full stops vanish ("U.S." = "US"), hyphens and no-break spaces become spaces. The same
 * pairs go to Cypher as a parameter (src/graph/search.ts), so that both sides fold alike.
 */
export const nameFolds: readonly (readonly [string, string])[] = [
  ...apostrophes.filter((a) => a !== "'").map((a) => [a, "'"] as const),
  ...doubleQuotes.map((q) => [q, '"'] as const),
  ['.', ''],
  ['-', ' '],
  ['\u00a0', ' '],
  ['\u202f', ' '],
];

/** A name as search compares it whole: lowercase, folded (nameFolds), trimmed. */
export function foldName(text: string): string {
  return nameFolds.reduce((folded, [from, to]) => folded.replaceAll(from, to), text.toLowerCase()).trim();
}

const apostropheClass = apostrophes.map((a) => `\\u{${a.codePointAt(0)!.toString(16)}}`).join('');
/**
 * A word as typed: letters and digits (with their marks), joined by an apostrophe or a full stop
 * before more of them, or by a comma between digits.
 */
const wordPattern = new RegExp(
  `[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*(?:(?:[.${apostropheClass}]|(?<=\\p{N}),(?=\\p{N}))[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*)*`,
  'gu',
);
const apostropheRun = new RegExp(`[${apostropheClass}]`, 'gu');

/** One typed word and the forms it may stand as in an index, each a list of terms (most forms one term); the first is the typed one. */
export interface SearchWord {
  forms: string[][];
}

const withoutMarks = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');

/**
 * Only what a form may hold: letters, digits, their marks and the punctuation kept inside a word
 * (a compatibility decomposition can bring others: "⑴" is "(1)"). Lucene's operators never get in.
 */
const inForm = new RegExp(`[^\\p{L}\\p{N}\\p{M}.,${inWordApostrophes.join('')}]`, 'gu');

/** "12800" -> "12,800" (thousands separated by commas, as the English texts print them). */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A word's forms with apostrophes: each kept apostrophe, none ("saad"), and split where the tokenizer splits ("sa ad"). */
function apostropheForms(word: string): string[][] {
  const parts = word.split(apostropheRun).filter(Boolean);
  if (parts.length < 2) return [[parts.join('')]];
  const typed = apostrophes.find((a) => word.includes(a))!;
  const kept = inWordApostrophes.includes(typed) ? [typed, ...inWordApostrophes] : inWordApostrophes;
  return [...kept.map((a) => [parts.join(a)]), [parts.join('')], parts];
}

/** A term's forms with full stops and commas: initialisms with and without stops, numbers with and without thousands separators. */
function punctuationForms(term: string, typedUpper: boolean): string[] {
  if (/^\p{N}+(?:,\p{N}+)+$/u.test(term)) return [term, term.replaceAll(',', '')];
  if (/^\p{N}{4,}$/u.test(term)) return [term, grouped(term)];
  if (/^\p{L}(?:\.\p{L})+$/u.test(term)) return [term, term.replaceAll('.', '')];
  if (term.includes('.') && !/^\p{N}+\.\p{N}+$/u.test(term)) return [term, term.replaceAll('.', '')];
  // "US", "UN", "IMU" typed as initialisms: the texts may print them with stops.
  if (typedUpper && /^\p{L}{2,4}$/u.test(term)) return [term, [...term].join('.')];
  return [term];
}

/** Every form one typed word may stand as in an index (at most searchWordLimits.forms), the typed one first. */
export function wordForms(typed: string): string[][] {
  const word = typed.normalize('NFC');
  const typedUpper = word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
  const forms = apostropheForms(word.toLowerCase()).flatMap((terms) =>
    terms.length === 1 ? punctuationForms(terms[0]!, typedUpper).map((term) => [term]) : [terms],
  );
  const all = forms
    .flatMap((terms) => [terms, terms.map(withoutMarks)])
    .map((terms) => terms.map((term) => term.replace(inForm, '')).filter(Boolean))
    .filter((terms) => terms.length > 0);
  const seen = new Set<string>();
  return all.filter((terms) => !seen.has(terms.join(' ')) && seen.add(terms.join(' '))).slice(0, searchWordLimits.forms);
}

/** The words of a search (at most searchWordLimits.words), each with its forms. */
export function searchWords(text: string): SearchWord[] {
  return (text.normalize('NFC').match(wordPattern) ?? [])
    .map((word) => ({ forms: wordForms(word) }))
    .filter((word) => word.forms.length > 0)
    .slice(0, searchWordLimits.words);
}

/**
 * The phrases the words may stand as, each a list of terms: every combination of their forms, the
 * typed forms first, at most searchWordLimits.phrases (the later words' other forms are the first
 * to go).
 */
export function searchPhrases(words: readonly SearchWord[]): string[][] {
  let phrases: string[][] = [[]];
  for (const { forms } of words) {
    const room = Math.max(1, Math.floor(searchWordLimits.phrases / phrases.length));
    phrases = phrases.flatMap((phrase) => forms.slice(0, room).map((terms) => [...phrase, ...terms]));
  }
  return phrases.filter((phrase) => phrase.length > 0).slice(0, searchWordLimits.phrases);
}
