// One of our actors (seed/data/*.yaml: id, kind, name, aliases) as the matcher takes it: its name
// and aliases as good names, its kind mapped (Person; Group, Organization; State, Place).
import type { Party, PartyKind } from './party.ts';

export interface ActorLike {
  id: string;
  kind: string;
  name: string;
  aliases?: readonly string[];
}

const kinds: Record<string, PartyKind> = { Person: 'person', Group: 'organization', Organization: 'organization', State: 'other', Place: 'other' };

export function actorParty(actor: ActorLike): Party {
  return {
    id: actor.id,
    kind: kinds[actor.kind] ?? 'unknown',
    names: [actor.name, ...(actor.aliases ?? [])].map((value) => ({ value })),
  };
}
