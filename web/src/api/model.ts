// The app's names for the shapes its queries return, each taken from a query's result type
// (web/src/api/generated/operations.ts, generated from web/src/api/queries.ts). Only what is not
// a query's shape is written here.
import type {
  ActorQuery,
  ActorRegistryQuery,
  ActorRoleClaimsQuery,
  AddClaimMutation,
  EditableActorQuery,
  ClaimRelationshipQuery,
  HistoryQuery,
  NeighborhoodQuery,
  ReadableSourceQuery,
  ReviewQueueQuery,
  SearchMatchesQuery,
  ShortestPathQuery,
  SourcesQuery,
  ViewerQuery,
  VocabularyQuery,
} from './generated/operations.ts';

export type Subgraph = NeighborhoodQuery['neighborhood'];
export type Path = NonNullable<ShortestPathQuery['shortestPath']>;
export type Actor = NonNullable<ActorQuery['actor']>;
/** An actor the pickers found, with how it matched the typed text (EXACT, ALIAS, FUZZY). */
export type ActorMatch = SearchMatchesQuery['searchMatches'][number];
/** An actor as the edit form holds it: with its version, which updateActor expects. */
export type EditableActor = NonNullable<EditableActorQuery['actor']>;
/** A claim the actor makes or disputes, as the panel lists it. */
export type RoleClaim = NonNullable<ActorRoleClaimsQuery['actor']>['claimant'][number];
/** A relationship as derived from its claims; `claims` holds the latest observed, `claimCount` says how many exist. */
export type Relationship = Subgraph['relationships'][number];
/** One source's assertion of a relationship, with its stance, who claims and disputes it, and its quotes. */
export type Claim = Relationship['claims'][number];
export type ActorRef = Claim['claimedBy'][number];
export type SourceRef = Claim['source'];
/** A verbatim quote of a claim's source: `text.slice(start, end)` (UTF-16 offsets) is the quote as printed. */
export type Evidence = Claim['evidence'][number];
/** Another claim as a contradiction names it: what it says and where. */
export type ClaimRef = Claim['contradicts'][number];
/** A relationship loaded on its own (a claim's): with its two actors, and whether every claim of it is retracted. */
export type RelationshipWithEnds = NonNullable<ClaimRelationshipQuery['claim']>['relationship'];
/** A written claim: its id and source, and its relationship as the graph draws it. */
export type WrittenClaim = AddClaimMutation['addClaim'];
/** A source as the Sources list shows it; `origin` says whether the seed files or the API added it. */
export type SourceSummary = SourcesQuery['sources'][number];
/** A source with its text: fetched on its own, only when the analyst opens it to read. */
export type ReadableSource = NonNullable<ReadableSourceQuery['source']>;
/** A claim as the reading view underlines it: what it says, and where its quotes stand in the text. */
export type SourceClaim = ReadableSource['claims'][number];
/** An actor a source mentions, with every name it goes by (found again in the text by the reading view). */
export type MentionedActor = ReadableSource['mentions'][number]['actor'];
/** One write, as the API's change log keeps it; before and after are JSON objects as text. */
export type Change = HistoryQuery['history'][number];
/** The holder of the bearer token. */
export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type Vocabulary = VocabularyQuery['vocabulary'];
export type Term = Vocabulary['actorKinds'][number];
/** What registries say of an actor: its identifiers, designations and the record it was imported from. */
export type ActorRegistry = NonNullable<ActorRegistryQuery['actor']>;
export type Designation = ActorRegistry['designations'][number];
/** A pair of the review queue: a registry record, one of our actors, the matcher's score and reasons. */
export type MatchPair = ReviewQueueQuery['matchQueue'][number];
export type { Judgement } from './generated/operations.ts';
