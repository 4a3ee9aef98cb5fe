// A new actor's likely kind, guessed from its name and the place it was typed in (a claim's
// claimant, the object of OPERATES_IN...): the actor pickers preselect it, the suggestions
// engine proposes it. Only a guess: the analyst sees it and can change it.
import { checkedActorKind, checkedRelationshipType } from './vocabulary.ts';

/**
 * Where a name was typed or read: the role it plays in a claim (or 'text': found in running text
 * by the suggestions engine), the claim's relationship type when known, whether a title was printed
 * before it, and the kind a tagger read in the text (Person, Place...).
 */
export interface KindContext {
  role?: 'subject' | 'object' | 'claimedBy' | 'disputedBy' | 'about' | 'place' | 'text';
  type?: string | null;
  titled?: boolean;
  tagged?: string;
}

/**
 * Words of a name that say what it is, as whole words, case-insensitive. General words of English
 * and of the region's group names (Arabic hizb "party", jabhat "front", harakat "movement", jaish
 * "army", liwa "brigade", ansar "supporters"), not words picked from one text.
 */
const groupWords = [
  'movement', 'battalion', 'katibat', 'katiba', 'jamaat', "jama'at", 'front', 'brigade', 'militia', 'taliban', 'mujahideen', 'cell',
  'party', 'army', 'union', 'group', 'emirate', 'caliphate', 'jihad', 'hizb', 'jabhat', 'harakat', 'jaish', 'liwa', 'ansar',
];
/**
 * The security, police and interior agencies of the former Soviet states go by Russian acronyms
 * everywhere in Central Asia: MVD (interior ministry), OMON (riot police), KGB, FSB (Russia), SNB
 * (Uzbekistan), KNB (Kazakhstan), GKNB (Kyrgyzstan, Tajikistan). A general list, not one text's.
 */
const agencyAcronyms = ['mvd', 'omon', 'kgb', 'fsb', 'snb', 'knb', 'gknb'];
const organizationWords = [
  'ministry', 'committee', 'service', 'agency', 'council', 'court', 'department', 'office', 'police', 'bureau', 'commission',
  'organization', 'organisation', 'news', 'institute', 'center', 'centre', 'parliament', 'prosecutor', 'affairs', 'security',
  'forces', 'radio', 'press', 'university', 'government', 'nations', ...agencyAcronyms,
];
const placeWords = ['province', 'region', 'valley', 'oblast', 'district', 'city', 'gorge', 'river', 'village', 'mountains'];
/** Titles that say the name they are part of, or printed before, is a person's (without their abbreviating dot). */
export const personTitles: readonly string[] = [
  'president', 'prime minister', 'minister', 'colonel', 'col', 'general', 'gen', 'major', 'captain', 'lieutenant', 'commander',
  'chief', 'head', 'leader', 'emir', 'amir', 'sheikh', 'shaykh', 'imam', 'mullah', 'mr', 'mrs', 'ms', 'dr', 'senator', 'ambassador',
  'spokesman', 'spokesperson', 'chairman', 'director', 'governor', 'mayor', 'officer', 'journalist', 'analyst',
];
const stateWords = ['republic', 'federation', 'kingdom', 'emirates', 'united states'];

/** The words of each kind, in the order they are tried: an agency's name may hold a title ("Office of the President"). */
const kindWords: readonly (readonly [string, readonly string[]])[] = [['Group', groupWords], ['Organization', organizationWords], ['Place', placeWords], ['Person', personTitles]];

/** Whether a single word is one of a group's or an agency's name ("Ministry", "Front"), in any case. */
export function isBodyWord(word: string): boolean {
  const lower = word.toLowerCase();
  return groupWords.includes(lower) || organizationWords.includes(lower);
}

/** The kind a name's own words say, if any. */
export function kindByWords(name: string): string | undefined {
  return kindWords.find(([, list]) => hasWord(name, list))?.[0];
}

/** Relationship types whose object is where something happened: a place, or a state. */
const placeObjectTypes = new Set(['OPERATES_IN', 'TRAVELLED_TO', 'TRAINED_IN'].map(checkedRelationshipType));
const stateObjectTypes = new Set(['CITIZEN_OF'].map(checkedRelationshipType));

const words = (name: string) => name.toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
const hasWord = (name: string, list: readonly string[]) => {
  const lower = ` ${words(name).join(' ')} `;
  return list.some((word) => lower.includes(` ${word} `));
};
/** A state's name by its form: "…stan", "Republic of …", "Russian Federation". */
const looksLikeState = (name: string) => hasWord(name, stateWords) || /stan$/iu.test(name.trim());

/** The vocabulary's kind ("Person", "Group"...) a new actor called `name` most likely has, typed in `context`. */
export function guessKind(name: string, context: KindContext = {}): string {
  return checkedActorKind(guess(name, context));
}

function guess(name: string, { role, type, titled, tagged }: KindContext): string {
  const byWords = kindByWords(name);
  if (byWords) return byWords;
  if (titled) return 'Person';
  const where = role === 'place' || (role === 'object' && type != null && placeObjectTypes.has(type));
  if (where || (role === 'object' && type != null && stateObjectTypes.has(type))) return looksLikeState(name) || !where ? 'State' : 'Place';
  if (tagged) return tagged;
  if (looksLikeState(name)) return 'State';
  if (role === 'text') return inText(name);
  // Who claims or disputes is mostly a person ("said Ivanov"); agencies carry their words above.
  if (role === 'claimedBy' || role === 'disputedBy') return 'Person';
  return 'Group';
}

/** A name read in running text that nothing else tells: an acronym is a group's, two to four words a person's. */
function inText(name: string): string {
  if (/^[\p{Lu}\d-]{2,8}$/u.test(name)) return 'Group';
  const count = words(name).length;
  return count >= 2 && count <= 4 ? 'Person' : 'Group';
}
