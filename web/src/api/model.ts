// The app's names for the shapes its queries return: each is a fragment or a query's result in
// web/src/api/queries.ts, its type generated into web/src/api/generated/operations.ts. Only what
// is not a query's shape is written here.
import type {
  ActorFragment,
  ActorRefFragment,
  ClaimFragment,
  ClaimRefFragment,
  EvidenceFragment,
  HistoryQuery,
  NeighborhoodQuery,
  ReadableSourceQuery,
  RelationshipFragment,
  RelationshipWithEndsFragment,
  ShortestPathQuery,
  SourceRefFragment,
  SourceSummaryFragment,
  ViewerQuery,
  VocabularyQuery,
  WrittenClaimFragment,
} from './generated/operations.ts';

export type ActorRef = ActorRefFragment;
export type Actor = ActorFragment;
export type SourceRef = SourceRefFragment;
export type SourceSummary = SourceSummaryFragment;
export type Evidence = EvidenceFragment;
export type ClaimRef = ClaimRefFragment;
export type Claim = ClaimFragment;
export type Relationship = RelationshipFragment;
export type RelationshipWithEnds = RelationshipWithEndsFragment;
export type WrittenClaim = WrittenClaimFragment;
export type Subgraph = NeighborhoodQuery['neighborhood'];
export type Path = NonNullable<ShortestPathQuery['shortestPath']>;
export type ReadableSource = NonNullable<ReadableSourceQuery['source']>;
export type SourceClaim = ReadableSource['claims'][number];
export type MentionedActor = ReadableSource['mentions'][number]['actor'];
export type Change = HistoryQuery['history'][number];
export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type Vocabulary = VocabularyQuery['vocabulary'];
export type Term = Vocabulary['actorKinds'][number];

/** The vocabulary lists kinds as "Group"; the API's ActorKind enum says GROUP. */
export function kindKey(name: string): string {
  return name.toUpperCase();
}
