// Finds where each source mentions each actor, with the domain's matcher (src/domain/mentions.ts),
// and records per source and actor how often, in which sentences and where (spans "start:end").
import { mentionsIn, nameIndex, type NameIndex } from '../domain/mentions.ts';
import type { ActorRecord, ClaimRecord, FigureRecord, MentionRecord } from '../domain/records.ts';
import { withHash } from './recordHash.ts';

/** Sentences of a text with their start offsets: split at line breaks and sentence ends. */
export function sentences(text: string): { start: number; text: string }[] {
  const result: { start: number; text: string }[] = [];
  const boundary = /\n+|(?<=[.!?]["”’)\]]?)\s+(?=["“‘(\[]?[A-Z0-9])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    result.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  result.push({ start, text: text.slice(start) });
  return result.filter((sentence) => sentence.text.trim() !== '');
}

/** Per source, the actors its claims and figures name (subject, object, about, place, claimants, disputers). */
export function linkedActors(claims: readonly (ClaimRecord | FigureRecord)[]): Map<string, Set<string>> {
  const linked = new Map<string, Set<string>>();
  for (const claim of claims) {
    const ends = 'subject' in claim ? [claim.subject, claim.object] : [claim.about, ...(claim.place ? [claim.place] : [])];
    const ids = linked.get(claim.source) ?? new Set<string>();
    for (const id of [...ends, ...claim.claimedBy, ...claim.disputedBy]) ids.add(id);
    linked.set(claim.source, ids);
  }
  return linked;
}

/** A span as the MENTIONS edge stores it. */
export const spanText = (span: { start: number; end: number }) => `${span.start}:${span.end}`;

/** How often, in which sentences and where one actor is named in one text, given its spans. */
export function mentionProps(text: string, spans: { start: number; end: number }[]): { count: number; sentences: string[]; spans: string[] } {
  const parts = sentences(text);
  const found = new Set<string>();
  let part = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    while (part + 1 < parts.length && parts[part + 1]!.start <= span.start) part += 1;
    found.add(parts[part]?.text.trim() ?? '');
  }
  return { count: spans.length, sentences: [...found], spans: spans.map(spanText) };
}

/** The actors as the matcher takes them, indexed. */
export function actorIndex(actors: ActorRecord[]): NameIndex {
  return nameIndex(actors.map((actor) => ({ id: actor.id, name: actor.props.name as string, aliases: actor.props.aliases as string[] })));
}

/** Per actor, where the text mentions it. */
export function spansByActor(text: string, index: NameIndex, linked?: ReadonlySet<string>): Map<string, { start: number; end: number }[]> {
  const byActor = new Map<string, { start: number; end: number }[]>();
  for (const { start, end, actors } of mentionsIn(text, index, { linked })) {
    for (const actorId of actors) {
      const spans = byActor.get(actorId) ?? [];
      spans.push({ start, end });
      byActor.set(actorId, spans);
    }
  }
  return byActor;
}

export function findMentions(actors: ActorRecord[], sourceText: Map<string, string>, linked = new Map<string, Set<string>>()): MentionRecord[] {
  const index = actorIndex(actors);
  const records: MentionRecord[] = [];
  for (const [sourceId, text] of sourceText) {
    for (const [actorId, spans] of spansByActor(text, index, linked.get(sourceId))) {
      records.push(withHash({ id: `${sourceId}|${actorId}`, source: sourceId, actor: actorId, props: mentionProps(text, spans) }));
    }
  }
  return records;
}
