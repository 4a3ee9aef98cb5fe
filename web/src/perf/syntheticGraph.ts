// A synthetic actor graph for the perf page: n actors of every kind and m relationships of
// every type and status, with a few hubs, from a seeded generator (the same graph each run).
import type { ActorKind, ClaimStatus, RelationshipType } from '../api/generated/operations.ts';
import type { Actor, Relationship, Subgraph } from '../api/model.ts';

const kinds: ActorKind[] = ['GROUP', 'PERSON', 'STATE', 'ORGANIZATION', 'PLACE'];
const types: RelationshipType[] = ['PLEDGED_ALLEGIANCE_TO', 'COOPERATES_WITH', 'MEMBER_OF', 'LEADS', 'PART_OF', 'OPERATES_IN', 'OPPOSES', 'AFFILIATED_WITH', 'FUNDS', 'ATTACKED'];
const statuses: ClaimStatus[] = ['REPORTED', 'REPORTED', 'REPORTED', 'ALLEGED', 'DISPUTED'];

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

export function syntheticGraph(actorCount: number, relationshipCount: number, seed = 42): Subgraph {
  const next = random(seed);
  const nodes: Actor[] = Array.from({ length: actorCount }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    kind: kinds[i % kinds.length]!,
    aliases: [],
    description: null,
    origin: 'SEED',
  }));
  const relationships: Relationship[] = [];
  for (let i = 0; i < relationshipCount; i++) {
    // Squaring skews targets towards low ids: a few hubs, a long tail, as in the real graph.
    const from = Math.floor(next() * actorCount);
    const to = Math.floor(next() * next() * actorCount);
    if (from === to) continue;
    const year = 1999 + Math.floor(next() * 18);
    relationships.push({
      id: `r${i}`,
      type: pick(types, next),
      from: { id: `a${from}` },
      to: { id: `a${to}` },
      role: null,
      since: next() < 0.5 ? `${year}` : null,
      until: null,
      status: pick(statuses, next),
      firstObserved: null,
      lastObserved: null,
      claimCount: 0,
      bestGrade: null,
      endedBySuccession: null,
      claims: [],
    });
  }
  return { nodes, relationships };
}
