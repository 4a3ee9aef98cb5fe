// One of our actors (seed/data/*.yaml: id, kind, name, aliases) as the matcher takes it: its name
// and aliases as good names, its kind mapped (Person; Group, Organization; State, Place), and its
// countries from its claims: the states it operates in, is a citizen of or is part of (through a
// place that is part of a state too), each by all its names.
import { groupBy } from '../groupBy.ts';
import type { Party, PartyKind } from './party.ts';

export interface ActorLike {
  id: string;
  kind: string;
  name: string;
  aliases?: readonly string[];
}

export interface ClaimLike {
  type: string;
  subject: string;
  object: string;
}

const kinds: Record<string, PartyKind> = { Person: 'person', Group: 'organization', Organization: 'organization', State: 'other', Place: 'other' };

/** Claims that place an actor in a country. */
const placing = new Set(['OPERATES_IN', 'CITIZEN_OF', 'PART_OF']);

export function actorParty(actor: ActorLike, countries: readonly string[] = []): Party {
  return {
    id: actor.id,
    kind: kinds[actor.kind] ?? 'unknown',
    names: [actor.name, ...(actor.aliases ?? [])].map((value) => ({ value })),
    ...(countries.length ? { countries: [...countries] } : {}),
  };
}

/** Each actor's countries (the names of the States its placing claims reach, directly or through a Place part of a State). */
export function actorCountries(actors: readonly ActorLike[], claims: readonly ClaimLike[]): Map<string, string[]> {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  // Indexed once, so that each placing claim looks up its place's PART_OF claims instead of scanning them all.
  const partOf = groupBy(
    claims.filter((claim) => claim.type === 'PART_OF'),
    (claim) => claim.subject,
  );
  const states = (id: string, hops: number): ActorLike[] => {
    const target = byId.get(id);
    if (target?.kind === 'State') return [target];
    if (target?.kind !== 'Place' || hops === 0) return [];
    return (partOf.get(id) ?? []).flatMap((claim) => states(claim.object, hops - 1));
  };
  const countries = new Map<string, string[]>();
  for (const claim of claims) {
    if (!placing.has(claim.type) || !byId.has(claim.subject)) continue;
    const names = states(claim.object, 1).flatMap((state) => [state.name, ...(state.aliases ?? [])]);
    const list = countries.get(claim.subject) ?? [];
    for (const name of names) if (!list.includes(name)) list.push(name);
    if (list.length) countries.set(claim.subject, list);
  }
  return countries;
}
