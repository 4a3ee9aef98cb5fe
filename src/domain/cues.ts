// The words a suggestion reads a claim's type, stance and hedges from: relationship types' cue
// phrases come from the vocabulary (schema/vocabulary.yaml, beside each definition); who says it
// (attribution), who denies it, and the hedges a note keeps are the lists below.

/** One cue phrase found in a sentence, [start, end) in the sentence. */
export interface CueHit {
  cue: string;
  start: number;
  end: number;
}

/** Verbs and phrases that attribute a statement to a speaker (the claimant). */
export const attributionCues: readonly string[] = [
  'according to', 'said', 'says', 'told', 'claimed', 'claims', 'stated', 'announced', 'reported', 'alleged',
  'asserted', 'insisted', 'warned', 'noted', 'added', 'believes', 'suggested', 'indicated', 'quoted',
];

/** Words that deny what the sentence says. */
export const denialCues: readonly string[] = ['denied', 'denies', 'rejected', 'refuted', 'dismissed'];

/** Hedges: the claim is kept, and the note says how the source hedged it. */
export const hedgeCues: readonly string[] = [
  'reportedly', 'allegedly', 'may have', 'might have', 'possibly', 'apparently', 'is believed', 'are believed',
  'was believed', 'is thought', 'presumably', 'unconfirmed', 'purportedly', 'suspected',
];

/** The kinds of actor a type's subject and object can be, where the definition limits them: the nearest name of a fitting kind is taken. */
export const typeKinds: Readonly<Record<string, { subject?: readonly string[]; object?: readonly string[] }>> = {
  LEADS: { object: ['Group', 'State', 'Organization'] },
  MEMBER_OF: { object: ['Group', 'Organization'] },
  PLEDGED_ALLEGIANCE_TO: { object: ['Group', 'Person'] },
  OPERATES_IN: { subject: ['Group', 'Person', 'Organization'], object: ['Place', 'State'] },
  TRAVELLED_TO: { subject: ['Group', 'Person'], object: ['Place', 'State'] },
  TRAINED_IN: { subject: ['Group', 'Person'], object: ['Place', 'State'] },
  TRAINED_BY: { subject: ['Group', 'Person'], object: ['Group', 'State', 'Organization', 'Person'] },
  CITIZEN_OF: { subject: ['Person', 'Group'], object: ['State'] },
  REPRESSES: { subject: ['State', 'Organization', 'Person'] },
  SPOKE_TO: { subject: ['Person', 'Organization', 'State'], object: ['Person', 'Organization'] },
  SEEKS_ASSISTANCE_FROM: { object: ['Person', 'State', 'Organization', 'Group'] },
  ATTACKED: { subject: ['Group', 'Person', 'State'] },
};

/** Whether an actor of `kind` can be the `role` of a `type` claim. */
export const fitsType = (type: string, role: 'subject' | 'object', kind: string): boolean => typeKinds[type]?.[role]?.includes(kind) ?? true;

/** Cues in which "by" names the doer: the actor after the cue is the subject ("led by X": X LEADS). */
export const isPassiveCue = (cue: string, type: string): boolean => / by$/.test(cue) && !type.endsWith('_BY');

const determiners = '(?:their|his|her|its|our|an|a|the)';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of the phrases in the text, case-insensitive, on word boundaries, longest first. */
export function findCues(text: string, phrases: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const cue of [...phrases].sort((a, b) => b.length - a.length)) {
    // A determiner or possessive may stand between a cue's words ("swore their allegiance").
    const words = cue.split(/\s+/).map(escape).join(`\\s+(?:${determiners}\\s+)?`);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!hits.some((hit) => start < hit.end && end > hit.start)) hits.push({ cue, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
