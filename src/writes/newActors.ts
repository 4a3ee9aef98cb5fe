// Actors a claim (or figure) names that do not exist yet: created in the write's own transaction,
// with addActor's checks and audit, so that a refused write leaves none of them behind.
import type { Transaction } from '../neo4j/database.ts';
import { actorFields, createActor, type ActorFields, type ActorInput } from './actors.ts';
import type { Author } from './changeLog.ts';
import { Problems } from './records.ts';

/** A new actor as AddClaimInput.newActors takes it: `ref` ("new:1") is how the write's other fields name it. */
export interface NewActorInput extends ActorInput {
  ref: string;
}

export const newRefPrefix = 'new:';

/** Whether an actor field names a new actor of this write rather than an id. */
export const isNewRef = (value: string) => value.startsWith(newRefPrefix);

/** Checks the new actors (reporting at newActors[i]...), their refs well formed and each once; the valid ones' fields by ref. */
export function checkedNewActors(inputs: readonly NewActorInput[], problems: Problems): Map<string, ActorFields | undefined> {
  const checked = new Map<string, ActorFields | undefined>();
  inputs.forEach(({ ref, ...actor }, i) => {
    if (!isNewRef(ref) || ref.length === newRefPrefix.length) problems.report(['newActors', i, 'ref'], `must start with "${newRefPrefix}" and name the actor ("new:1")`);
    else if (checked.has(ref)) problems.report(['newActors', i, 'ref'], `"${ref}" is given to an earlier new actor too: each new actor needs its own ref`);
    const fields = actorFields(actor, problems, ['newActors', i]);
    if (!checked.has(ref)) checked.set(ref, fields);
  });
  return checked;
}

/**
 * Creates the new actors inside the write's transaction (each audited ADD_ACTOR) and answers
 * each ref's new id. With `problems`, what is wrong is reported there and those actors are not
 * created (the caller throws every problem at once); without, it throws them here.
 */
export async function createNewActors(tx: Transaction, author: Author, inputs: readonly NewActorInput[], problems?: Problems): Promise<Map<string, string>> {
  const collected = problems ?? new Problems('input');
  const checked = checkedNewActors(inputs, collected);
  if (!problems) collected.throwIfAny();
  const ids = new Map<string, string>();
  for (const [ref, fields] of checked) if (fields) ids.set(ref, await createActor(tx, author, fields));
  return ids;
}
