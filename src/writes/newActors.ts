// Actors a figure (or claim) names that do not exist yet: created in the write's own transaction,
// with addActor's checks and audit, so that a refused write leaves none of them behind.
// (A minimal version beside helper B's, which has the same exports and replaces it.)
import { z } from 'zod';
import { actorSchema } from '../domain/fileSchema.ts';
import { actorKindLabels, actorKinds, checkedActorKind } from '../domain/vocabulary.ts';
import type { Transaction } from '../neo4j/database.ts';
import type { ActorInput } from './actors.ts';
import { recordChanges, type Author } from './changeLog.ts';
import { mentionsOfActor } from './mentions.ts';
import { givenFields, Problems, slugOf, uniqueId } from './records.ts';

/** A new actor as AddFigureInput.newActors takes it: `ref` ("new:1") is how the write's other fields name it. */
export interface NewActorInput extends ActorInput {
  ref: string;
}

export const newRefPrefix = 'new:';

/** Whether an actor field names a new actor of this write rather than an id. */
export const isNewRef = (value: string) => value.startsWith(newRefPrefix);

const actorInputSchema = actorSchema.omit({ id: true }).extend({ kind: z.enum(actorKinds as [string, ...string[]], { message: `must be one of ${actorKinds.join(', ')}` }) });

interface ActorFields {
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
}

/** Checks one new actor, reporting at newActors[i]; its fields, or undefined. */
function checkedActor(input: NewActorInput, i: number, problems: Problems): ActorFields | undefined {
  const { ref, ...actor } = input;
  if (!isNewRef(ref) || ref.length === newRefPrefix.length) problems.report(['newActors', i, 'ref'], `must start with "${newRefPrefix}" and name the actor ("new:1")`);
  const shape = new Problems('input');
  const parsed = shape.parse(actorInputSchema, givenFields(actor));
  for (const problem of shape.list) problems.report(['newActors', i, problem.argumentName.replace(/^input\.?/, '')], problem.message);
  if (!parsed) return undefined;
  const aliases = [...new Set(parsed.aliases.map((alias) => alias.trim()))].filter((alias) => alias !== parsed.name);
  return { name: parsed.name.trim(), kind: parsed.kind, aliases, description: parsed.description ?? null };
}

/** Creates a checked actor as addActor does: an id slugged from its name, its mentions, its ADD_ACTOR change. */
async function createActor(tx: Transaction, author: Author, fields: ActorFields): Promise<string> {
  const id = await uniqueId(tx, ['Actor', 'MergedActor'], slugOf(fields.name) || 'actor');
  await tx.run(`CREATE (a:Actor {id: $id}) SET a += $fields, a.origin = 'api', a.version = 1 REMOVE a:${actorKindLabels} SET a:${checkedActorKind(fields.kind)}`, { id, fields });
  await mentionsOfActor(tx, id, [fields.name, ...fields.aliases]);
  await recordChanges(tx, author, [{ action: 'ADD_ACTOR', target: id, before: null, after: fields }]);
  return id;
}

/**
 * Creates the new actors inside the write's transaction (each audited ADD_ACTOR) and answers
 * each ref's new id. With `problems`, what is wrong is reported there and those actors are not
 * created (the caller throws every problem at once); without, it throws them here.
 */
export async function createNewActors(tx: Transaction, author: Author, inputs: readonly NewActorInput[], problems?: Problems): Promise<Map<string, string>> {
  const collected = problems ?? new Problems('input');
  const checked = new Map<string, ActorFields | undefined>();
  inputs.forEach((input, i) => {
    if (checked.has(input.ref)) collected.report(['newActors', i, 'ref'], `"${input.ref}" is given to an earlier new actor too: each new actor needs its own ref`);
    const fields = checkedActor(input, i, collected);
    if (!checked.has(input.ref)) checked.set(input.ref, fields);
  });
  if (!problems) collected.throwIfAny();
  const ids = new Map<string, string>();
  for (const [ref, fields] of checked) if (fields) ids.set(ref, await createActor(tx, author, fields));
  return ids;
}
