// The questions `npm run bench` asks three ways (raw Cypher, this API, the @neo4j/graphql peer),
// and the ids and texts that the generator picks from each graph to ask them with.

/** Operations, in the order reports list them. */
export const operationNames = [
  'actor',
  'search',
  'neighborhood1Hub',
  'neighborhood2Hub',
  'neighborhood1Leaf',
  'neighborhood2Leaf',
  'shortestPath',
  'relationshipsAsOf',
  'relationshipsClaimedBy',
  'relationshipsSource',
  'claimsAsOf',
  'claimsClaimedBy',
  'claimsSource',
  'contestedAbout',
  'quoteSearch',
] as const;

export type OperationName = (typeof operationNames)[number];

/** The neighbourhood operations: how many hops, around which probe. */
export const neighborhoods = {
  neighborhood1Hub: { depth: 1, around: 'hub' },
  neighborhood2Hub: { depth: 2, around: 'hub' },
  neighborhood1Leaf: { depth: 1, around: 'leaf' },
  neighborhood2Leaf: { depth: 2, around: 'leaf' },
} as const satisfies Partial<Record<OperationName, { depth: 1 | 2; around: 'hub' | 'leaf' }>>;

type NeighborhoodName = keyof typeof neighborhoods;

export const isNeighborhood = (op: OperationName): op is NeighborhoodName => op in neighborhoods;

/** The neighbourhood operations, each asked one way: by `ask` with its depth and actor. */
export function neighborhoodQuestions<T>(ask: (depth: 1 | 2, id: string) => T): Record<NeighborhoodName, (p: Probes) => T> {
  const entries = Object.entries(neighborhoods).map(([op, { depth, around }]) => [op, (p: Probes) => ask(depth, p[around])]);
  return Object.fromEntries(entries) as Record<NeighborhoodName, (p: Probes) => T>;
}

/** What the generator chose in one graph to ask the operations about (written as probes.json). */
export interface Probes {
  /** The actor with the most relationships (a hub like Islamic State). */
  hub: string;
  /** An actor with one to three relationships. */
  leaf: string;
  /** Two actors joined by a path of three or more hops. */
  pathFrom: string;
  pathTo: string;
  /** A spelling of a hub's name that no name or alias holds verbatim (like "Bukhori"). */
  searchText: string;
  /** An actor that many ATTRIBUTED claims name in claimedBy. */
  claimant: string;
  /** A source with many claims. */
  source: string;
  /** A word that occurs in many quotes (for claims(text:)). */
  quoteText: string;
  /** A partial date, and relationship types, for the filtered pages. */
  asOf: string;
  types: string[];
}
