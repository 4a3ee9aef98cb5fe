// A new actor's likely kind, guessed from its name and the place it was typed in (a claim's
// claimant, the object of OPERATES_IN...): the actor pickers preselect it, the suggestions
// engine proposes it. Only a guess: the analyst sees it and can change it.
import { checkedActorKind, checkedRelationshipType } from './vocabulary.ts';

/** Where a name was typed: the role it plays in a claim, and the claim's relationship type when known. */
export interface KindContext {
  role?: 'subject' | 'object' | 'claimedBy' | 'disputedBy' | 'about' | 'place';
  type?: string | null;
}

/** Words of a name that say what it is, as whole words, case-insensitive. */
const groupWords = ['movement', 'battalion', 'katibat', 'katiba', 'jamaat', "jama'at", 'front', 'brigade', 'militia', 'taliban', 'mujahideen', 'cell'];
const organizationWords = ['ministry', 'committee', 'service', 'agency', 'council', 'court', 'department', 'office', 'police', 'bureau', 'commission', 'organization', 'organisation', 'news', 'institute', 'center', 'centre', 'parliament', 'prosecutor'];
const personTitles = ['colonel', 'col', 'general', 'gen', 'major', 'captain', 'lieutenant', 'president', 'minister', 'mr', 'mrs', 'ms', 'dr', 'sheikh', 'shaykh', 'emir', 'amir', 'mullah', 'imam', 'commander'];
const stateWords = ['republic', 'federation', 'kingdom', 'emirates', 'united states'];

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

function guess(name: string, { role, type }: KindContext): string {
  if (hasWord(name, groupWords)) return 'Group';
  if (hasWord(name, organizationWords)) return 'Organization';
  if (hasWord(name, personTitles)) return 'Person';
  const where = role === 'place' || (role === 'object' && type != null && placeObjectTypes.has(type));
  if (where || (role === 'object' && type != null && stateObjectTypes.has(type))) return looksLikeState(name) || !where ? 'State' : 'Place';
  if (looksLikeState(name)) return 'State';
  // Who claims or disputes is mostly a person ("said Ivanov"); agencies carry their words above.
  if (role === 'claimedBy' || role === 'disputedBy') return 'Person';
  return 'Group';
}
