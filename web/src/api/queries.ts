// The GraphQL documents the app sends, each a constant: `npm run codegen` (tools/codegen.ts)
// imports this module and generates what each operation returns, and its variables, into
// web/src/api/generated/operations.ts. Shared selections are field lists, not fragments: the
// API's depth limit counts a fragment spread as a level. No DOM here: the load benchmark
// (bench/load.ts) sends relationshipFields too.
import { queryLimits } from '../../../src/domain/limits.ts';

/** `origin` tells registry actors apart (the filters can hide them, the search badges them). */
export const actorFields = 'id name kind aliases description origin';
const sourceFields = 'id title publisher published';

/**
 * How many claims of each relationship the graph queries bring: the API refuses a query that
 * could return more than 50,000 objects, and a neighbourhood of up to 500 actors with this many
 * claims (each with its claimants, disputers, source, quotes and contradictions: ten objects)
 * stays under it. A relationship's claimCount says when there are more (none in the seed has).
 */
export const claimsPerRelationship = 8;

// What the panel shows of a claim; the source's text is not here (readableSourceQuery reads it).
// grade ("B2") is a code, not its source's reliability object: the neighbourhood of 500 actors must stay under the query cost.
const claimFields = `id stance observedAt since until dateText note grade credibility { reason }
  claimedBy { id name } disputedBy { id name }
  source { ${sourceFields} }
  evidence { quote start end }
  contradicts { id type stance subject { id name } object { id name } source { ${sourceFields} } relationship { id } }`;

export const relationshipFields = `id type from { id } to { id } role since until status firstObserved lastObserved claimCount bestGrade
  endedBySuccession { before reason successor { id name } }
  claims(first: ${claimsPerRelationship}) { ${claimFields} }`;

/** How a claim's relationship is loaded into the graph on its own: with its ends, and whether it is retracted. */
const relationshipWithEndsFields = `${relationshipFields} retracted from { ${actorFields} } to { ${actorFields} }`;

/** A written claim: its id and source, and its relationship as the graph draws it. */
const writtenClaimFields = `id source { id } relationship { ${relationshipWithEndsFields} }`;

/** The search with how each actor matched the typed text (EXACT name, ALIAS, FUZZY): the actor pickers show it. */
export const searchMatchesQuery = `query SearchMatches($text: String!, $limit: Int) { searchMatches(text: $text, limit: $limit) { match actor { ${actorFields} } } }`;

/** An actor as the edit form opens it: with its version (updateActor's expectedVersion). */
export const editableActorQuery = `query EditableActor($id: ID!) { actor(id: $id) { ${actorFields} version } }`;

/** What an actor's claims in a role show in the panel: the sentence and its source. */
const roleClaimFields = `id type stance subject { id name } object { id name } source { ${sourceFields} } relationship { id }`;

/** The claims an actor makes (claimant) and disputes (disputer): the panel lists them beside its relationships. */
export const actorRoleClaimsQuery = `query ActorRoleClaims($id: ID!) { actor(id: $id) { id
      claimant: claims(role: CLAIMANT, first: ${queryLimits.defaultListSize}) { ${roleClaimFields} }
      disputer: claims(role: DISPUTER, first: ${queryLimits.defaultListSize}) { ${roleClaimFields} }
    } }`;

export const neighborhoodQuery = `query Neighborhood($id: ID!, $depth: Int, $limit: Int, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String, $knownAsOf: String) {
      neighborhood(id: $id, depth: $depth, limit: $limit, types: $types, statuses: $statuses, asOf: $asOf, knownAsOf: $knownAsOf) {
        nodes { ${actorFields} }
        relationships { ${relationshipFields} }
      }
    }`;

export const shortestPathQuery = `query ShortestPath($from: ID!, $to: ID!, $types: [RelationshipType!], $statuses: [ClaimStatus!], $asOf: String, $knownAsOf: String) {
      shortestPath(from: $from, to: $to, types: $types, statuses: $statuses, asOf: $asOf, knownAsOf: $knownAsOf) {
        length
        nodes { ${actorFields} }
        relationships { ${relationshipFields} }
      }
    }`;

export const actorQuery = `query Actor($id: ID!) { actor(id: $id) { ${actorFields} } }`;

/** Every source, by publication date (the API's order), without texts: the Sources list. */
export const sourcesQuery = `query Sources { sources(first: ${queryLimits.maxPageSize}) { ${sourceFields} author origin } }`;

/**
 * A source to read: its text, the actors it mentions (with their names and aliases, to find
 * them in the text) and its live claims with their quotes' places (to underline them).
 */
export const readableSourceQuery = `query ReadableSource($id: ID!) { source(id: $id) {
      ${sourceFields} author url origin registry text
      mentions(first: ${queryLimits.maxPageSize}) { origin spans { start end } actor { id name aliases } }
      claims(first: ${queryLimits.maxPageSize}) { id type stance subject { id name } object { id name } evidence { quote start end } }
    } }`;

export const claimRelationshipQuery = `query ClaimRelationship($id: ID!) { claim(id: $id) { relationship { ${relationshipWithEndsFields} } } }`;

export const historyQuery = `query History($id: ID!) { history(id: $id, first: 100) { at by action target before after } }`;

export const viewerQuery = `query Viewer { viewer { name role } }`;

export const vocabularyQuery = `query Vocabulary { vocabulary {
      actorKinds { name definition }
      relationshipTypes { name definition }
      claimStatuses { name definition }
      stances { name definition }
    } }`;

/** Stores a source; a text already stored answers that source instead. */
export const addSourceMutation = `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id title publisher published author origin } }`;

export const addActorMutation = `mutation AddActor($input: AddActorInput!) { addActor(input: $input) { ${actorFields} } }`;

/** Deletes an actor that nothing uses (editors); answers its id. */
export const deleteActorMutation = `mutation DeleteActor($id: ID!, $expectedVersion: Int!) { deleteActor(id: $id, expectedVersion: $expectedVersion) }`;

/** Changes an actor's name, kind, aliases or description; a stale expectedVersion is a CONFLICT. */
export const updateActorMutation = `mutation UpdateActor($id: ID!, $expectedVersion: Int!, $patch: ActorPatch!) { updateActor(id: $id, expectedVersion: $expectedVersion, patch: $patch) { ${actorFields} version } }`;

export const addClaimMutation = `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { ${writtenClaimFields} } }`;

/** Retracts a claim; its relationship comes back retracted when no live claim is left. */
export const retractClaimMutation = `mutation RetractClaim($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { ${writtenClaimFields} } }`;

/** Adds a figure (a number the source gives): the API answers it as stored, its quotes as the text prints them. */
export const addFigureMutation = `mutation AddFigure($input: AddFigureInput!) { addFigure(input: $input) { id measure value qualifier unit status quotes about { id name } source { id } } }`;

/**
 * What the panel adds for one actor, fetched when it is shown (not with every neighbourhood):
 * the identifiers registries give it, its designations with the snapshots that list it and those
 * that no longer do, and the record it was imported from.
 */
export const actorRegistryQuery = `query ActorRegistry($id: ID!) { actor(id: $id) {
      id origin
      identifiers { scheme value }
      designations { by { name } registry referenceNumber regime since listedIn { published } notListedIn { published } }
      registryEntry { registry regime referenceNumber }
    } }`;

/** How many of the candidate's relationships the review shows: enough to recognise it. */
export const reviewTies = 6;

/** A pair of the review queue, both sides as the reviewer compares them, with the matcher's reasons. */
const matchPairFields = `id score certain decision reasons { reason detail weight }
  record { id registry regime referenceNumber name kind narrative names { value quality } sources { id published } }
  candidate { ${actorFields}
    relationships(first: ${reviewTies}) { id type from { id name } to { id name } }
    mentions(first: ${queryLimits.defaultListSize}) { count source { id } } }`;

/** The next pending pair after `after` (best score first), or the first one without it. */
export const reviewQueueQuery = `query ReviewQueue($after: ID) { matchQueue(first: 1, after: $after) { ${matchPairFields} } }`;

/** One pair again (the one a reviewer stopped at), whatever its decision now. */
export const reviewPairQuery = `query ReviewPair($id: ID!) { matchPair(id: $id) { ${matchPairFields} } }`;

export const judgeMatchMutation = `mutation JudgeMatch($pair: ID!, $decision: Judgement!, $expected: MatchDecision) { judgeMatch(pair: $pair, decision: $decision, expected: $expected) { id decision } }`;

/** Undoes a judgement: the pair waits in the queue again, and comes back to be shown. */
export const undoJudgementMutation = `mutation UndoJudgement($pair: ID!) { undoJudgement(pair: $pair) { ${matchPairFields} } }`;

/** An editor's judgements of where a source names an actor (web/src/api/mentionWrites.ts): each answers the source. */
export const rejectMentionMutation = `mutation RejectMention($source: ID!, $actor: ID!, $reason: String!) { rejectMention(source: $source, actor: $actor, reason: $reason) { id } }`;

export const addMentionMutation = `mutation AddMention($source: ID!, $actor: ID!, $text: String!) { addMention(source: $source, actor: $actor, text: $text) { id } }`;

// A source's suggestions (web/src/reading/suggestionList.ts): the actors its text names, then the claims its sentences suggest.
const suggestedActorFields = 'text kind actor { id name kind }';
export const sourceSuggestionsQuery = `query SourceSuggestions($id: ID!) { source(id: $id) { suggestions {
  actors { key text match kind actor { id name kind } candidates { match actor { id name kind } } }
  claims { key type stance role since dateText note quote cue subject { ${suggestedActorFields} } object { ${suggestedActorFields} } claimedBy { ${suggestedActorFields} } }
} } }`;

export const rejectSuggestionMutation = `mutation RejectSuggestion($source: ID!, $key: ID!) { rejectSuggestion(source: $source, key: $key) { id } }`;
