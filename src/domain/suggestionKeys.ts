// Suggestion keys: short and stable, from what a suggestion says, never from where its names sit in
// the text, so a rejection (kept by key) survives a change of actors that moves or widens a span.
import { normaliseText } from './matching/names.ts';

/** FNV-1a over the UTF-16 code units, twice with different seeds: 64 bits as 13 base-36 characters at most. */
function hash(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

/** A name's last word, normalised ("Colonel Gulmurod Halimov", "Halimov": halimov): a title or first name gained or lost keeps it. */
const headWord = (name: string) => normaliseText(name).split(' ').pop() ?? '';

/** A suggested claim's key: its sentence's words, the subject's and object's last words, and the type. */
export const claimKey = (sentence: string, subject: string, type: string, object: string): string =>
  `c-${hash([normaliseText(sentence), headWord(subject), type, headWord(object)].join('|'))}`;

/** A suggested actor's key: its name, normalised. */
export const actorKey = (name: string): string => `a-${hash(normaliseText(name))}`;

/** What every key looks like (a- or c-, then at most 14 base-36 characters): anything else is refused before the engine runs. */
export const isSuggestionKey = (key: string): boolean => /^[ac]-[0-9a-z]{1,14}$/.test(key);
