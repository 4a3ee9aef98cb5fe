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
