// Names made comparable: a written name (a registry's, an analyst's) -> its variants (what a
// parenthesis or a list inside it holds) -> words folded so that spellings of one name in several
// transliterations meet (Bukhari/Bukhori, Oshiqlari/Oshiklari, Mohamed/Muhammad, Tawheed/Tawhid),
// articles and connectives left out (al-, wal-, of, the), and the acronym it is or the initials it has.

/** A name ready to compare: its folded words in their order, and what it abbreviates to. */
export interface ComparableName {
  /** The variant as written, for reasons. */
  text: string;
  /** Folded content words, in order; a kunya or patronymic particle is bound to the next word (abu bakr -> abubakr). */
  tokens: string[];
  /** tokens joined by a space. */
  key: string;
  /** tokens sorted: the same words in another order. */
  sortedKey: string;
  /** The name is an acronym (IMU, ISIL-K -> isilk): compared only as letters, never folded. */
  acronym?: string;
  /** First letters of the content words of a name of two words or more (Khatiba Imam al-Bukhari -> kib). */
  initials?: string;
  weak: boolean;
}

/**
 * Cyrillic to Latin (BGN/PCGN-like, with the Central Asian letters), so that the original-script
 * names of the lists (Катиба ат-Таухид валь-Джихад) meet their Latin spellings after folding.
 * х is h, not kh: in the names the lists carry it mostly writes Arabic ḥ and h (Таухид, Джихад).
 */
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ғ: 'gh', қ: 'q', ҳ: 'h', ў: 'u', ӯ: 'u', ҷ: 'j', ә: 'a', ө: 'o',
  ү: 'u', ұ: 'u', і: 'i', ң: 'ng', һ: 'h',
};

/**
 * The folding table, applied in this order to each lower-case word. Each rule joins spellings that
 * transliterations of one Arabic, Persian, Turkic or Russian sound produce; rules that would join
 * distinct names are left out (a/o/u stay apart: Hasan is not Husayn; sh, ch, gh stay digraphs).
 * Vowels that still differ (Bukhari/Bukhori) are met by the word similarity (same consonants).
 */
export const foldingRules: readonly { from: RegExp; to: string; why: string }[] = [
  { from: /dzh|dj|zh/g, to: 'j', why: 'Russian and French spellings of j: Dzhikhad, Djamat, Zhamaat' },
  { from: /kh/g, to: 'k', why: 'kh ~ k: Khatiba ~ Katiba, Bukhari ~ Bukari (kaf, kha and the Russian х written either way)' },
  { from: /q/g, to: 'k', why: 'q ~ k: Oshiqlari ~ Oshiklari, Qawqaz ~ Kavkaz' },
  { from: /ck|c(?!h)/g, to: 'k', why: 'c, ck ~ k outside ch: Caucasus ~ Kavkaz' },
  { from: /ph/g, to: 'f', why: 'ph ~ f' },
  { from: /th/g, to: 't', why: 'th ~ t, written with or without h (Uthman ~ Usman is not joined)' },
  { from: /dh/g, to: 'd', why: 'dh ~ d: Ladhiqiyah ~ Ladiqiyah' },
  { from: /ou|oo|o/g, to: 'u', why: 'o ~ u, ou ~ u, oo ~ u: Omar ~ Umar, Abou ~ Abu, Mohamed ~ Muhamed' },
  { from: /ee|e|y/g, to: 'i', why: 'e ~ i, ee ~ i, y ~ i: Tawheed ~ Tawhid, Jabhet ~ Jabhit, Husayn ~ Husain' },
  { from: /(?<=[aiu])w/g, to: 'u', why: 'w after a vowel ~ u: Tawhid ~ Tauhid (Таухид)' },
  { from: /(.)\1+/g, to: '$1', why: 'doubled letters once: Muhammad ~ Muhamad, Nusrah ~ Nusra, Awwad ~ Awad' },
  { from: /(?<=^.{2,})a[ht]$/g, to: 'a', why: 'ta marbuta at the end of a word of four letters or more: Katibat ~ Katiba, Nusrah ~ Nusra' },
];

/** Definite articles and connectives of the languages the lists transliterate: left out of words and initials. */
const articles = new Set(['al', 'el', 'ul', 'il', 'ut', 'ad', 'ar', 'as', 'at', 'an', 'az', 'ash', 'ath', 'adh', 'ed', 'es']);
const connectives = new Set(['of', 'the', 'and', 'in', 'for', 'on', 'to', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'wa', 'wal', 'waal', 'val', 'w', 'fi', 'li', 'lil']);

/** Particles of Arabic names that mean nothing alone: bound to the word after (Abu Bakr -> abubakr, Abd al-Aziz -> abdaziz). */
const particles: Record<string, string> = {
  abu: 'abu', abou: 'abu', abo: 'abu', aboo: 'abu', umm: 'um', um: 'um', ibn: 'bin', bin: 'bin', ben: 'bin', bint: 'bint',
  abd: 'abd', abdul: 'abd', abdel: 'abd', abdal: 'abd', abdol: 'abd', abdoul: 'abd',
};

/** Honorifics and titles of a person's name: left out of the words, kept as context. */
const honorifics = new Set([
  'mullah', 'mulla', 'mullo', 'maulavi', 'mawlawi', 'maulvi', 'mawlavi', 'moulavi', 'maulana', 'mawlana', 'sheikh', 'shaikh',
  'shaykh', 'sheik', 'dr', 'doctor', 'haji', 'hajji', 'hajj', 'alhaji', 'qari', 'mufti', 'hafiz', 'mr', 'mrs',
]);

/**
 * Lower case, no diacritics, Cyrillic in Latin letters, apostrophes (ʿayn, hamza: Jama'at, Jama`at)
 * dropped, other punctuation a space; in Arabic script ta marbuta and alif maqsura as h and y, the
 * article ال- left off.
 */
export function normaliseText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (letter) => cyrillic[letter] ?? letter)
    .replace(/['’‘`´ʻʼʿʾ]/g, '')
    .replace(/[ةى]/g, (letter) => (letter === 'ة' ? 'ه' : 'ي'))
    .replace(/(^|[^\p{L}])ال(?=\p{L}{2})/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One word through the folding table. */
export function foldWord(word: string): string {
  return foldingRules.reduce((folded, rule) => folded.replace(rule.from, rule.to), word);
}

/** A word's consonants (its first letter kept whatever it is): the key of spellings that differ only in vowels. */
export function consonantSkeleton(word: string): string {
  let skeleton = word.slice(0, 1);
  for (let i = 1; i < word.length; i++) if (!vowels.has(word[i]!)) skeleton += word[i];
  return skeleton;
}

const vowels = new Set('aeiouy');

/** An acronym as written: one word of capitals and digits, hyphens or dots between (IMU, ISIL-K, JAK-T), 2 to 8 letters. */
function acronymOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\.?$/.test(trimmed)) return undefined;
  const letters = trimmed.replace(/[-.]/g, '');
  const capitals = letters.replace(/[^A-Z]/g, '').length;
  if (letters.length < 2 || letters.length > 8 || capitals < Math.max(2, letters.length - 1)) return undefined;
  return letters.toLowerCase();
}

/** Annotations inside names that are not names ("(original script)", "- sub-unit name"). */
const annotations = /\(\s*original script\s*\)|[-–—]\s*sub-unit name/gi;

/**
 * The names one written name holds: the text outside parentheses, and each piece of a parenthesis
 * split at ; and , (an acronym, or a list of spellings: "جبهة النصرة (the Victory Front; Jabhat
 * al-Nusrah)"). Nested parentheses are read as pieces too.
 */
export function nameVariants(value: string): string[] {
  const text = value.replace(annotations, ' ').replace(/\s+/g, ' ');
  const outside: string[] = [];
  const inside: string[] = [];
  let depth = 0;
  let piece = '';
  for (const char of text) {
    if (char === '(' || char === ')') {
      (depth === 0 ? outside : inside).push(piece);
      piece = '';
      depth = Math.max(0, depth + (char === '(' ? 1 : -1));
    } else piece += char;
  }
  (depth === 0 ? outside : inside).push(piece);
  const pieces = [outside.join(' '), ...inside.flatMap((part) => part.split(/[;,]/))];
  return [...new Set(pieces.map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => /[\p{L}\p{N}]/u.test(part)))];
}

export interface NameOptions {
  /** A person's name: honorifics are left out of its words (and returned as titles); no acronyms (OMAR is a name). */
  person?: boolean;
}

/** A written name's comparable variants, and the honorifics found in them. */
export function comparableNames(value: string, weak: boolean, options: NameOptions = {}): { names: ComparableName[]; titles: string[] } {
  const titles: string[] = [];
  const names = nameVariants(value).flatMap((text): ComparableName[] => {
    const acronym = options.person ? undefined : acronymOf(text);
    if (acronym) return [{ text, tokens: [acronym], key: acronym, sortedKey: acronym, acronym, weak }];
    const words = normaliseText(text).split(' ').filter(Boolean);
    const content = words.filter((word) => !articles.has(word) && !connectives.has(word));
    const kept = options.person ? content.filter((word) => !honorifics.has(word) || (titles.push(word), false)) : content;
    const tokens = bindParticles(kept.length ? kept : words).map(foldWord).filter(Boolean);
    if (!tokens.length) return [];
    const initials = kept.length >= 2 ? kept.map((word) => word[0]).join('') : undefined;
    return [{ text, tokens, key: tokens.join(' '), sortedKey: [...tokens].sort().join(' '), initials, weak }];
  });
  return { names, titles };
}

/** abu + bakr -> abubakr: a particle joined to the word after it (left alone at the end). */
function bindParticles(words: string[]): string[] {
  const bound: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const particle = particles[words[i]!];
    if (particle && i + 1 < words.length) bound.push(particle + words[++i]!);
    else bound.push(words[i]!);
  }
  return bound;
}
