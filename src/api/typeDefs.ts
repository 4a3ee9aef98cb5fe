// The API's contract: the SDL files of schema/, and the enums of the controlled vocabulary
// (schema/vocabulary.yaml), generated with its definitions as their descriptions so that the
// vocabulary is written once. The SDL's descriptions name the limits they state, "(1 to
// {maxPageSize})", and take their values from src/domain/limits.ts, so that those too are written once.
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLEnumType, printType } from 'graphql';
import { projectRoot } from '../config.ts';
import { actorKindEnumValue, vocabulary } from '../domain/vocabulary.ts';
import { queryLimits } from '../domain/limits.ts';

function vocabularyEnum(name: string, description: string, terms: Record<string, string>, value = (term: string) => term): string {
  const values = Object.fromEntries(Object.entries(terms).map(([term, definition]) => [value(term), { description: definition }]));
  return printType(new GraphQLEnumType({ name, description, values }));
}

/** ActorKind, ClaimStatus, Stance, RelationshipType and Reliability, from schema/vocabulary.yaml. */
export function vocabularyTypeDefs(): string {
  return [
    vocabularyEnum('ActorKind', 'The kinds of actor (schema/vocabulary.yaml).', vocabulary.actorKinds, actorKindEnumValue),
    vocabularyEnum('ClaimStatus', 'How a relationship is claimed (schema/vocabulary.yaml).', vocabulary.claimStatuses),
    vocabularyEnum('Stance', 'How a source makes a claim (schema/vocabulary.yaml).', vocabulary.stances),
    vocabularyEnum('RelationshipType', 'The relationship types (schema/vocabulary.yaml), where each is defined.', vocabulary.relationshipTypes),
    vocabularyEnum('Reliability', 'Admiralty source reliability grades, A (best) to F (schema/vocabulary.yaml).', vocabulary.sourceReliability),
  ].join('\n\n');
}

/** The SDL with each `{maxPageSize}` (a key of queryLimits) replaced by its value; an unknown key throws. */
export function fillLimits(sdl: string, file = 'schema'): string {
  return sdl.replace(/\{(max\w+)\}/g, (_, key: string) => {
    if (!(key in queryLimits)) throw new Error(`${file}: {${key}} is not a limit of src/domain/limits.ts (queryLimits)`);
    return String(queryLimits[key as keyof typeof queryLimits]);
  });
}

export function readTypeDefs(): string[] {
  const dir = path.join(projectRoot, 'schema');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fillLimits(fs.readFileSync(path.join(dir, name), 'utf8'), `schema/${name}`));
  return [...files, vocabularyTypeDefs()];
}
