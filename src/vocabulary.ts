// The controlled vocabulary (actor kinds, relationship types, claim statuses), read from
// schema/vocabulary.yaml: the single definition the loader, the API and the UI share.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './config.ts';

export interface Vocabulary {
  actorKinds: Record<string, string>;
  claimStatuses: Record<string, string>;
  stances: Record<string, string>;
  relationshipTypes: Record<string, string>;
}

export const vocabularyPath = path.join(projectRoot, 'schema', 'vocabulary.yaml');

export const vocabulary: Vocabulary = parse(fs.readFileSync(vocabularyPath, 'utf8')) as Vocabulary;

export const actorKinds: readonly string[] = Object.keys(vocabulary.actorKinds);

/** An actor kind's name in the GraphQL enum ActorKind: Group -> GROUP. */
export const actorKindEnumValue = (kind: string): string => kind.toUpperCase();
export const claimStatuses: readonly string[] = Object.keys(vocabulary.claimStatuses);
export const stances: readonly string[] = Object.keys(vocabulary.stances);
export const relationshipTypes: readonly string[] = Object.keys(vocabulary.relationshipTypes);

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
