// The GraphQL documents the app sends, each an operation with the fragments it spreads:
// `npm run codegen` (tools/codegen.ts) reads them and generates their result and variable types,
// and each fragment's shape, into web/src/generated/operations.ts. No DOM here: the load
// benchmark (bench/load.ts) sends the Relationship fragment too.

/**
 * How many claims of each relationship the graph queries bring: the API refuses a query that
 * could return more than 50,000 objects, and a neighbourhood of up to 500 actors with this many
 * claims (each with its claimants, disputers, source, quotes and contradictions: ten objects)
 * stays under it. A relationship's claimCount says when there are more (none in the seed has).
 */
export const claimsPerRelationship = 8;

const actorFragment = /* GraphQL */ `
  fragment Actor on Actor { id name kind aliases description }`;

const sourceRefFragment = /* GraphQL */ `
  fragment SourceRef on Source { id title publisher published }`;

/** A source as the Sources list shows it; `origin` says whether the seed files or the API added it. */
const sourceSummaryFragment = /* GraphQL */ `
  fragment SourceSummary on Source { ...SourceRef author origin }`;

const actorRefFragment = /* GraphQL */ `
  fragment ActorRef on Actor { id name }`;

/** A verbatim quote of a claim's source: `text.slice(start, end)` (UTF-16 offsets) is the quote as printed. */
const evidenceFragment = /* GraphQL */ `
  fragment Evidence on Evidence { quote start end }`;

/** Another claim as a contradiction names it: what it says and where. */
const claimRefFragment = /* GraphQL */ `
  fragment ClaimRef on Claim { id type stance subject { ...ActorRef } object { ...ActorRef } source { ...SourceRef } relationship { id } }`;

/** One source's assertion of a relationship as the panel shows it; the source's text is not here (fetchReadableSource reads it). */
const claimFragment = /* GraphQL */ `
  fragment Claim on Claim {
    id stance observedAt since until dateText note
    claimedBy { ...ActorRef } disputedBy { ...ActorRef }
    source { ...SourceRef }
    evidence { ...Evidence }
    contradicts { ...ClaimRef }
  }`;

/** A relationship as derived from its claims; `claims` holds the latest observed, `claimCount` says how many exist. */
const relationshipFragment = /* GraphQL */ `
  fragment Relationship on Relationship {
    id type from { id } to { id } role since until status firstObserved lastObserved claimCount
    claims(first: ${claimsPerRelationship}) { ...Claim }
  }`;

/** A relationship loaded on its own (a claim's): with its two actors, and whether every claim of it is retracted. */
const relationshipWithEndsFragment = /* GraphQL */ `
  fragment RelationshipWithEnds on Relationship { ...Relationship retracted from { ...Actor } to { ...Actor } }`;

/** A written claim: its id and source, and its relationship as the graph draws it. */
const writtenClaimFragment = /* GraphQL */ `
  fragment WrittenClaim on Claim { id source { id } relationship { ...RelationshipWithEnds } }`;

/** What a Relationship fragment spreads, itself first. */
export const relationshipFragments = [relationshipFragment, claimFragment, claimRefFragment, actorRefFragment, sourceRefFragment, evidenceFragment];
const relationshipWithEndsFragments = [relationshipWithEndsFragment, actorFragment, ...relationshipFragments];

/** An operation with the fragments it spreads, each once. */
const documentOf = (operation: string, ...fragments: string[][]): string => [operation, ...new Set(fragments.flat())].join('');

export const searchQuery = documentOf(
  /* GraphQL */ `
  query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { ...Actor } }`,
  [actorFragment],
);

export const neighborhoodQuery = documentOf(
  /* GraphQL */ `
  query Neighborhood($id: ID!, $depth: Int, $limit: Int, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String) {
    neighborhood(id: $id, depth: $depth, limit: $limit, types: $types, statuses: $statuses, asOf: $asOf) {
      nodes { ...Actor }
      relationships { ...Relationship }
    }
  }`,
  [actorFragment], relationshipFragments,
);

export const shortestPathQuery = documentOf(
  /* GraphQL */ `
  query ShortestPath($from: ID!, $to: ID!, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String) {
    shortestPath(from: $from, to: $to, types: $types, statuses: $statuses, asOf: $asOf) {
      length
      nodes { ...Actor }
      relationships { ...Relationship }
    }
  }`,
  [actorFragment], relationshipFragments,
);

export const actorQuery = documentOf(
  /* GraphQL */ `
  query Actor($id: ID!) { actor(id: $id) { ...Actor } }`,
  [actorFragment],
);

/** Every source, by publication date (the API's order), without texts: the Sources list. */
export const sourcesQuery = documentOf(
  /* GraphQL */ `
  query Sources { sources(first: 500) { ...SourceSummary } }`,
  [sourceSummaryFragment, sourceRefFragment],
);

/**
 * A source to read: its text, the actors it mentions (with their names and aliases, to find
 * them in the text) and its live claims with their quotes' places (to underline them).
 */
export const readableSourceQuery = documentOf(
  /* GraphQL */ `
  query ReadableSource($id: ID!) {
    source(id: $id) {
      ...SourceSummary url text
      mentions(first: 500) { actor { id name aliases } }
      claims(first: 500) { id type stance subject { ...ActorRef } object { ...ActorRef } evidence { ...Evidence } }
    }
  }`,
  [sourceSummaryFragment, sourceRefFragment, actorRefFragment, evidenceFragment],
);

export const claimRelationshipQuery = documentOf(
  /* GraphQL */ `
  query ClaimRelationship($id: ID!) { claim(id: $id) { relationship { ...RelationshipWithEnds } } }`,
  relationshipWithEndsFragments,
);

export const historyQuery = /* GraphQL */ `
  query History($id: ID!) { history(id: $id, first: 100) { at by action target before after } }`;

export const viewerQuery = /* GraphQL */ `
  query Viewer { viewer { name role } }`;

export const vocabularyQuery = /* GraphQL */ `
  query Vocabulary {
    vocabulary {
      actorKinds { name definition }
      relationshipTypes { name definition }
      claimStatuses { name definition }
      stances { name definition }
    }
  }`;

export const addSourceMutation = documentOf(
  /* GraphQL */ `
  mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { ...SourceSummary } }`,
  [sourceSummaryFragment, sourceRefFragment],
);

export const addActorMutation = documentOf(
  /* GraphQL */ `
  mutation AddActor($input: AddActorInput!) { addActor(input: $input) { ...Actor } }`,
  [actorFragment],
);

export const addClaimMutation = documentOf(
  /* GraphQL */ `
  mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { ...WrittenClaim } }`,
  [writtenClaimFragment], relationshipWithEndsFragments,
);

/** Retracts a claim; its relationship comes back retracted when no live claim is left. */
export const retractClaimMutation = documentOf(
  /* GraphQL */ `
  mutation RetractClaim($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { ...WrittenClaim } }`,
  [writtenClaimFragment], relationshipWithEndsFragments,
);
