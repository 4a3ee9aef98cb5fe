// The controlled vocabulary (actor kinds, relationship types, claim statuses, stances): the single
// definition the loader, the API and the UI share. Its terms are those of schema/vocabulary.yaml,
// generated into ./generated/vocabulary.ts by `npm run codegen` (tools/vocabulary.ts).
import { vocabulary as generated } from './generated/vocabulary.ts';

export interface Vocabulary {
  actorKinds: Record<string, string>;
  claimStatuses: Record<string, string>;
  stances: Record<string, string>;
  /** Admiralty grading: a source's reliability, A to F. */
  sourceReliability: Record<string, string>;
  /** Admiralty grading: a claim's credibility, 1 to 6. */
  informationCredibility: Record<string, string>;
  relationshipTypes: Record<string, string>;
  /** Each relationship type's cue phrases ("pledged allegiance"), which suggest it in a text. */
  relationshipCues: Record<string, string[]>;
  /** Offices one person holds at a time (a LEADS role), by title (src/domain/succession.ts). */
  singleHolderRoles: Record<string, string>;
  /** Words that make a role one several hold at once ("deputy"). */
  sharedRoleQualifiers: Record<string, string>;
}

export const vocabulary: Vocabulary = generated;

export const actorKinds: readonly string[] = Object.keys(vocabulary.actorKinds);

/** An actor kind's name in the GraphQL enum ActorKind: Group -> GROUP. */
export const actorKindEnumValue = (kind: string): string => kind.toUpperCase();

/** The inverse, every ActorKind enum value to its kind: GROUP -> Group. */
export const actorKindsByEnumValue: Readonly<Record<string, string>> = Object.fromEntries(
  actorKinds.map((kind) => [actorKindEnumValue(kind), kind]),
);

export const claimStatuses: readonly string[] = Object.keys(vocabulary.claimStatuses);
export const stances: readonly string[] = Object.keys(vocabulary.stances);
export const relationshipTypes: readonly string[] = Object.keys(vocabulary.relationshipTypes);
/** A to F, best first. */
export const reliabilityGrades: readonly string[] = Object.keys(vocabulary.sourceReliability);
/** 1 to 6, best first, as numbers. */
export const credibilityGrades: readonly number[] = Object.keys(vocabulary.informationCredibility).map(Number);

/** The titles of offices one person holds at a time: "chairman", "prime minister". */
export const singleHolderTitles: readonly string[] = Object.keys(vocabulary.singleHolderRoles);
/** Words that make a role shared: "deputy", "acting". */
export const sharedRoleQualifiers: readonly string[] = Object.keys(vocabulary.sharedRoleQualifiers);

/** Throws unless `type` is in the whitelist; the only way a relationship type reaches Cypher text. */
export function checkedRelationshipType(type: string): string {
  if (!relationshipTypes.includes(type)) throw new Error(`Unknown relationship type "${type}"`);
  return type;
}

/** Every kind's label, `Group:Person:...`, for `REMOVE a:${actorKindLabels}` before an actor takes its kind. */
export const actorKindLabels = actorKinds.map((kind) => checkedActorKind(kind)).join(':');

export function checkedActorKind(kind: string): string {
  if (!actorKinds.includes(kind)) throw new Error(`Unknown actor kind "${kind}"`);
  return kind;
}
