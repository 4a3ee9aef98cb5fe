// Suggested actors and claims read from a source's text (nothing becomes a claim until an analyst
// accepts it): compromise splits sentences, sentenceActors.ts finds the actors each names, a
// vocabulary cue between two of them proposes a type, attribution and denial cues the stance and
// its speaker, hedges the note, and relativeDates.ts a date relative to publication.
import nlp from 'compromise';
import { attributionCues, denialCues, findCues, fitsType, hedgeCues, isPassiveCue, type CueHit } from './cues.ts';
import { datesIn } from './relativeDates.ts';
import { actorKey, claimKey } from './suggestionKeys.ts';
import { actorsIn, type ActorCandidate, type KnownActor, type MatchKind, type Occurrence } from './sentenceActors.ts';
import type { Vocabulary } from './vocabulary.ts';

export type { KnownActor } from './sentenceActors.ts';

/** A known or new actor a suggestion names: the text as printed, the actor (null: new) and its kind. */
export interface SuggestedActorRef {
  text: string;
  actorId: string | null;
  kind: string;
}

export interface ActorSuggestion extends SuggestedActorRef {
  key: string;
  start: number;
  end: number;
  match: MatchKind;
  candidates: ActorCandidate[];
}

export interface ClaimSuggestion {
  key: string;
  subject: SuggestedActorRef;
  type: string;
  object: SuggestedActorRef;
  stance: 'ASSERTED' | 'ATTRIBUTED' | 'DENIED';
  claimedBy: SuggestedActorRef[];
  role: string | null;
  since: string | null;
  dateText: string | null;
  note: string | null;
  /** The sentence, verbatim: the claim's quote. */
  quote: string;
  start: number;
  end: number;
  /** The cue phrase the type was read from. */
  cue: string | null;
}

export interface Suggestions {
  actors: ActorSuggestion[];
  claims: ClaimSuggestion[];
}

/** The vocabulary the engine reads: each type's cue phrases and the single-holder titles (LEADS roles). */
export type SuggestionVocabulary = Pick<Vocabulary, 'relationshipCues' | 'singleHolderRoles'>;

interface Sentence { text: string; start: number; actors: Occurrence[] }

const refOf = (o: Occurrence): SuggestedActorRef => ({ text: o.text, actorId: o.actorId, kind: o.kind });
const sameActor = (a: Occurrence, b: Occurrence) => (a.actorId ?? `new:${a.text}`) === (b.actorId ?? `new:${b.text}`);

/** The text's sentences with their offsets (compromise), each with the actors it names. */
function sentencesOf(text: string, occurrences: Occurrence[]): Sentence[] {
  const parsed = nlp(text).json({ offset: true, terms: false } as object) as { text: string; offset: { start: number; length: number } }[];
  return parsed.map(({ offset }) => {
    const raw = text.slice(offset.start, offset.start + offset.length);
    const start = offset.start + (raw.length - raw.trimStart().length);
    const sentence = raw.trim();
    const end = start + sentence.length;
    return { text: sentence, start, actors: occurrences.filter((o) => o.start >= start && o.end <= end) };
  });
}

/** Who the sentence says speaks (the claimant): after "according to", else the nearest name before the verb, else just after it. */
function speakerOf(sentence: Sentence, hit: CueHit): Occurrence | undefined {
  const at = sentence.start + hit.start;
  const after = sentence.actors.find((o) => o.start >= sentence.start + hit.end && o.start - (sentence.start + hit.end) <= 40);
  if (hit.cue === 'according to') return after;
  const before = [...sentence.actors].reverse().find((o) => o.end <= at && at - o.end <= 60);
  return before ?? after;
}

/** The stance, its speaker and the note's hedges, from the sentence's attribution, denial and hedge cues. */
function stanceOf(sentence: Sentence) {
  const denial = findCues(sentence.text, denialCues)[0];
  const attribution = findCues(sentence.text, attributionCues)[0];
  const hedges = findCues(sentence.text, hedgeCues).map((hit) => sentence.text.slice(hit.start, hit.end));
  const speaker = denial ? speakerOf(sentence, denial) : attribution ? speakerOf(sentence, attribution) : undefined;
  const stance = denial ? ('DENIED' as const) : attribution ? ('ATTRIBUTED' as const) : ('ASSERTED' as const);
  const notes = [
    denial && speaker ? `denied by ${speaker.text} ("${denial.cue}")` : undefined,
    hedges.length > 0 ? `hedged in the source: ${hedges.join(', ')}` : undefined,
  ].filter((note) => note !== undefined);
  return { stance, speaker, note: notes.length > 0 ? notes.join('; ') : null };
}

/** Each cue phrase with its type, from the vocabulary. */
function typedCues(vocabulary: SuggestionVocabulary): Map<string, string> {
  const byCue = new Map<string, string>();
  for (const [type, cues] of Object.entries(vocabulary.relationshipCues)) for (const cue of cues) if (!byCue.has(cue.toLowerCase())) byCue.set(cue.toLowerCase(), type);
  return byCue;
}

/** A proposal; `descriptive` when it reads a title or an adjective the source prints ("President X", "the Kyrgyz Defense Ministry"): the source's own voice, whoever it quotes. */
interface Proposal { subject: Occurrence; type: string; object: Occurrence; cue: string; role: string | null; descriptive?: boolean }

/** The names listed with `o` ("Kazakhstan, Kyrgyzstan and Tajikistan"), walking away from the cue (-1 back, 1 on). */
function listOf(sentence: Sentence, o: Occurrence, direction: -1 | 1, fits: (kind: string) => boolean): Occurrence[] {
  const list = [o];
  let index = sentence.actors.indexOf(o);
  for (;;) {
    let next = sentence.actors[index + direction];
    // A name in brackets glosses its neighbour ("Wilayat Qawqaz (Caucasus)"): step over it.
    if (next && /\(\s*$/.test(sentence.text.slice(0, next.start - sentence.start))) next = sentence.actors[(index += direction) + direction];
    if (!next || next.demonym || !fits(next.kind) || (o.kind === 'Place') !== (next.kind === 'Place')) return list;
    const [left, right] = direction === 1 ? [list[list.length - 1]!, next] : [next, list[list.length - 1]!];
    // Separators of a list, after an optional parenthesis ("Wilayat Qawqaz (Caucasus) and IDU").
    if (!/^(?:\s*\([^)]*\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$/.test(sentence.text.slice(left.end - sentence.start, right.start - sentence.start))) return list;
    list.push(next);
    index += direction;
  }
}

/** Subject and object around each relationship cue: the nearest names before and after it ("led by" turns them round). */
function cueProposals(sentence: Sentence, byCue: Map<string, string>, speaker: Occurrence | undefined, titles: string[]): Proposal[] {
  const proposals: Proposal[] = [];
  for (const hit of findCues(sentence.text, [...byCue.keys()])) {
    const type = byCue.get(hit.cue)!;
    const parties = sentence.actors.filter((o) => (type === 'SPOKE_TO' || !speaker || !sameActor(o, speaker)) && (!o.demonym || type === 'CITIZEN_OF'));
    const passive = isPassiveCue(hit.cue, type);
    const [beforeRole, afterRole] = passive ? (['object', 'subject'] as const) : (['subject', 'object'] as const);
    const before = [...parties].reverse().find((o) => o.end <= sentence.start + hit.start && fitsType(type, beforeRole, o.kind));
    const after = parties.find((o) => o.start >= sentence.start + hit.end && fitsType(type, afterRole, o.kind));
    if (!before || !after || sameActor(before, after)) continue;
    const role = type === 'LEADS' ? (titles.find((title) => hit.cue.startsWith(title)) ?? null) : null;
    for (const b of listOf(sentence, before, -1, (kind) => fitsType(type, beforeRole, kind))) {
      for (const a of listOf(sentence, after, 1, (kind) => fitsType(type, afterRole, kind))) {
        const [subject, object] = passive ? [a, b] : [b, a];
        if (!sameActor(subject, object)) proposals.push({ subject, type, object, cue: hit.cue, role, descriptive: role !== null });
      }
    }
  }
  return proposals;
}

/** A person named with an office's title leads the state its adjective names ("Uzbek President Islam Karimov") or the body named just before it. */
function titleProposals(sentence: Sentence, titles: string[], speaker: Occurrence | undefined, actors: ReadonlyMap<string, KnownActor>): Proposal[] {
  const proposals: Proposal[] = [];
  for (const person of sentence.actors) {
    const title = person.title && titles.find((t) => person.title === t || person.title!.endsWith(t));
    if (!title || person.kind !== 'Person') continue;
    const bodies = sentence.actors.filter((o) => o.kind !== 'Person' && o.kind !== 'Place' && (!speaker || !sameActor(o, speaker)));
    // The body the title is of: the state its adjective names, else a name just before the title ("IMU leader Juma Namangani").
    const state = person.of ? actors.get(person.of) : undefined;
    const own: Occurrence | undefined = state && { text: state.name, start: person.start, end: person.end, actorId: state.id, match: 'EXACT', kind: state.kind, candidates: [] };
    const nearest = own ?? bodies.filter((o) => o.end <= person.start && person.start - o.end <= title.length + 12).pop();
    if (nearest) proposals.push({ subject: person, type: 'LEADS', object: nearest, cue: title, role: title, descriptive: true });
  }
  return proposals;
}

/** An agency or place named with a state's adjective ("Kyrgyz Defense Ministry") is part of that state. */
function adjectiveProposals(sentence: Sentence, actors: ReadonlyMap<string, KnownActor>): Proposal[] {
  return sentence.actors.flatMap((o) => {
    const state = o.of && (o.kind === 'Organization' || o.kind === 'Place') ? actors.get(o.of) : undefined;
    if (!state) return [];
    const object: Occurrence = { text: state.name, start: o.start, end: o.end, actorId: state.id, match: 'EXACT', kind: state.kind, candidates: [] };
    return [{ subject: o, type: 'PART_OF', object, cue: o.text, role: null, descriptive: true }];
  });
}

/** The type "X's Y" says, by the two kinds: a person of a body is a member, a unit of a body or an agency of a state a part. */
function possessiveType(owner: string, owned: string): string | undefined {
  if (owned === 'Person' && (owner === 'Group' || owner === 'Organization')) return 'MEMBER_OF';
  if (owned === 'Group' && owner === 'Group') return 'PART_OF';
  if (owned === 'Organization' && (owner === 'Organization' || owner === 'State')) return 'PART_OF';
  return undefined;
}

/** "The IMU's Jundullah Battalion", "Uzbekistan's National Security Service": the name after the possessive belongs to the one before. */
function possessiveProposals(sentence: Sentence): Proposal[] {
  return sentence.actors.slice(1).flatMap((owned, i) => {
    const owner = sentence.actors[i]!;
    const gap = sentence.text.slice(owner.end - sentence.start, owned.start - sentence.start);
    const type = /^['’]s\s+$/u.test(gap) && !owner.demonym && !owned.title ? possessiveType(owner.kind, owned.kind) : undefined;
    return type && !sameActor(owner, owned) ? [{ subject: owned, type, object: owner, cue: gap.trim(), role: null, descriptive: true }] : [];
  });
}

function claimsOf(sentence: Sentence, byCue: Map<string, string>, titles: string[], published: string | null | undefined, actors: ReadonlyMap<string, KnownActor>): ClaimSuggestion[] {
  if (new Set(sentence.actors.map((o) => o.actorId ?? `new:${o.text}`)).size < 2) return [];
  const { stance, speaker, note } = stanceOf(sentence);
  const date = datesIn(sentence.text, published)[0];
  const seen = new Set<string>();
  const claims: ClaimSuggestion[] = [];
  for (const p of [...cueProposals(sentence, byCue, speaker, titles), ...titleProposals(sentence, titles, speaker, actors), ...adjectiveProposals(sentence, actors), ...possessiveProposals(sentence)]) {
    const at = `${p.type}-${p.subject.start}-${p.object.start}`;
    if (seen.has(at)) continue;
    seen.add(at);
    const key = claimKey(sentence.text, p.subject.text, p.type, p.object.text);
    // "X told Y": the source states the telling in its own voice.
    const own = p.descriptive === true || (p.type === 'SPOKE_TO' && speaker !== undefined && sameActor(speaker, p.subject));
    const claimedBy = stance === 'ATTRIBUTED' && !own && speaker && !sameActor(speaker, p.subject) ? [refOf(speaker)] : [];
    claims.push({
      key, subject: refOf(p.subject), type: p.type, object: refOf(p.object), stance: own ? 'ASSERTED' : stance, claimedBy, role: p.role,
      since: date?.date ?? null, dateText: date?.text ?? null, note, quote: sentence.text,
      start: sentence.start, end: sentence.start + sentence.text.length, cue: p.cue,
    });
  }
  return claims;
}

/** The actors a text names, one suggestion per actor (known) or per name (new), at its first occurrence. */
function actorSuggestions(occurrences: Occurrence[]): ActorSuggestion[] {
  const seen = new Set<string>();
  return occurrences.flatMap((o) => {
    if (o.demonym) return [];
    const id = o.actorId ?? `new:${o.text}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ key: actorKey(o.text), text: o.text, start: o.start, end: o.end, actorId: o.actorId, match: o.match, kind: o.kind, candidates: o.candidates }];
  });
}

/** Everything the engine can propose from a text published on `published` (a partial date), knowing `actors`. */
export function suggest(text: string, published: string | null | undefined, actors: readonly KnownActor[], vocabulary: SuggestionVocabulary): Suggestions {
  const occurrences = actorsIn(text, actors);
  const byCue = typedCues(vocabulary);
  const titles = Object.keys(vocabulary.singleHolderRoles);
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const claims = sentencesOf(text, occurrences).flatMap((sentence) => claimsOf(sentence, byCue, titles, published, byId));
  return { actors: actorSuggestions(occurrences), claims };
}

/** A claim already made on the source: its subject, type and object. */
export interface ClaimedTriple { subject: string; type: string; object: string }

/** The suggestions less those already claimed on the source (same subject, type and object) and those rejected (by key). */
export function withoutDone(suggestions: Suggestions, claimed: readonly ClaimedTriple[], rejected: ReadonlySet<string>): Suggestions {
  const done = new Set(claimed.map((c) => `${c.subject}|${c.type}|${c.object}`));
  return {
    actors: suggestions.actors.filter((a) => !rejected.has(a.key)),
    claims: suggestions.claims.filter((c) => !rejected.has(c.key) && !done.has(`${c.subject.actorId}|${c.type}|${c.object.actorId}`)),
  };
}
