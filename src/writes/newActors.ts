// Actors a claim (or figure) names that do not exist yet: created in the write's own transaction,
// with addActor's checks and audit, so that a refused write leaves none of them behind.
import type { PathPart } from '../domain/problems.ts';
import type { Transaction } from '../neo4j/database.ts';
import { actorFields, createActor, type ActorFields, type ActorInput } from './actors.ts';
import type { Author } from './changeLog.ts';
import { lockedActors } from './lookup.ts';
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

/** An actor field of a write, with its path (subject, claimedBy[0]...). */
export type NamedField = [value: string, parts: PathPart[]];

/** The actors a write names, each resolved: existing ids to the actor kept, new refs to their new ids. */
export interface ResolvedActors {
  resolved: Map<string, string>;
  /** Refs whose actors could not be made (undeclared, or refused): reported already. */
  unmade: Set<string>;
}

/**
 * Reports the refs the write's fields give that no entry of newActors declares, and new actors
 * that no field names (they would be left behind unused); answers the undeclared refs.
 */
export function reportNewRefs(named: readonly NamedField[], declared: readonly NewActorInput[], problems: Problems, what: string): Set<string> {
  const refs = new Set(declared.map((actor) => actor.ref));
  const undeclared = new Set<string>();
  for (const [value, parts] of named) {
    if (!isNewRef(value) || refs.has(value)) continue;
    problems.report(parts, `"${value}" names no entry of newActors: add the new actor there with this ref`);
    undeclared.add(value);
  }
  declared.forEach((actor, i) => {
    const wellFormed = isNewRef(actor.ref) && actor.ref.length > newRefPrefix.length; // else checkedNewActors reports the ref
    if (wellFormed && !named.some(([value]) => value === actor.ref)) problems.report(['newActors', i, 'ref'], `"${actor.ref}" is named by no field of the ${what}: the actor would be left behind unused`);
  });
  return undeclared;
}

/**
 * Checks the write's new actors and refs (reporting in `problems`), makes the valid new actors and
 * locks the existing actors named: what each field's value resolves to, and the refs left unmade.
 */
export async function resolveNamedActors(
  tx: Transaction,
  author: Author,
  named: readonly NamedField[],
  declared: readonly NewActorInput[],
  problems: Problems,
  what: string,
): Promise<ResolvedActors> {
  const undeclared = reportNewRefs(named, declared, problems, what);
  const made = await createNewActors(tx, author, declared, problems);
  const unmade = new Set([...undeclared, ...declared.map((actor) => actor.ref).filter((ref) => !made.has(ref))]);
  const existing = named.map(([value]) => value).filter((value) => !isNewRef(value));
  return { resolved: new Map([...(await lockedActors(tx, existing)), ...made]), unmade };
}

/**
 * How a checked record names each actor field: its resolved id, or for a ref that could not be
 * made a placeholder no actor holds (so that its field is reported once, not as an unknown actor).
 */
export function actorOf({ resolved, unmade }: ResolvedActors): { actor: (ref: string) => string; known: string[] } {
  const placeholder = (ref: string) => `unmade-${[...unmade].indexOf(ref) + 1}`;
  return {
    actor: (ref) => resolved.get(ref) ?? (unmade.has(ref) ? placeholder(ref) : ref),
    known: [...resolved.values(), ...[...unmade].map(placeholder)],
  };
}
