// The limits the API's inputs obey, and the defaults of its `first`, `limit` and `depth`
// arguments: the graph queries check them, the SDL's descriptions say them ("(1 to
// {maxPageSize})", filled in by src/api/typeDefs.ts), the web app keeps within them.
// Environment-driven settings and the request budget stay in src/config.ts.

/**
 * Seed entries, in files and through the API alike: a claim's quotes (finding one in its text
 * stays quick), and names, aliases and roles, which indexes and ids hold (Neo4j's range index
 * refuses a value over 8 KB).
 */
export const entryLimits = { maxQuoteLength: 2_000, maxQuotes: 20, maxNameLength: 200 } as const;

/** Limits of the API's traversals, pages and arguments; a breach is a BAD_USER_INPUT error that says so. */
export const queryLimits = {
  maxNeighborhoodDepth: 4,
  maxPathDepth: 8,
  /** Equally short paths considered before shortestPath picks one the same way every time. */
  shortestPathCandidates: 32,
  maxAllegianceDepth: 4,
  maxPageSize: 500,
  maxSearchLimit: 100,
  maxNeighborhoodLimit: 1000,
  maxSearchTextLength: 200,
  /** Default and maximum `first` of the lists nested in a result (Actor.relationships, Source.*, timeline, figures...). */
  defaultListSize: 50,
  /** List arguments of ids or text; lists of a vocabulary enum hold at most the vocabulary. */
  maxListArgumentLength: 100,
  /** A source's text added through the API (addSource); the request body bounds it too. */
  maxSourceTextLength: 900_000,
  /** A source's suggestions (Source.suggestions): at most this many suggested actors, and as many suggested claims. */
  maxSuggestions: 300,
} as const;

/** What an argument left out means (the SDL states the same defaults; test/limits.test.ts compares them). */
export const argumentDefaults = {
  first: queryLimits.defaultListSize,
  searchLimit: 10,
  neighborhoodDepth: 1,
  neighborhoodLimit: 200,
  pathMaxDepth: 6,
  allegianceDepth: 3,
} as const;
