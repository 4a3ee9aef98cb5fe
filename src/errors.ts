// An error meant for a person: its message says what went wrong and what to do, and the
// CLI prints it without a stack trace. The API answers each kind with its own code
// (src/api/errors.ts).
import type { QuoteMismatch } from './domain/quotes.ts';

export class UserError extends Error {
  override name = 'UserError';
}

/**
 * One thing wrong with a request's input: which field, as the argument names it ("input.quotes[0]")
 * and as the client wrote it inside the argument ("quotes[0]"), why, and for a quote not verbatim
 * in its source, where it departs from the text.
 */
export interface InputProblem {
  argumentName: string;
  path?: string;
  message: string;
  quote?: QuoteMismatch;
}

/** The field path inside a write's argument: "input.quotes[0]" -> "quotes[0]"; an argument of its own keeps its name. */
export function pathInArgument(argumentName: string): string {
  return argumentName.replace(/^(?:input|patch)(?:\.|(?=\[))/, '');
}

/** Bad input: `argument` names the (first) field at fault; `problems` lists every one found. */
export class InputError extends UserError {
  override name = 'InputError';
  readonly problems: InputProblem[];
  constructor(
    readonly argument: string,
    message: string,
    problems?: InputProblem[],
  ) {
    super(`${argument}: ${message}`);
    this.problems = (problems ?? [{ argumentName: argument, message }]).map((p) => ({ ...p, path: p.path ?? pathInArgument(p.argumentName) }));
  }

  /** Every problem at once; the first names the argument. */
  static of(problems: InputProblem[]): InputError {
    const error = new InputError(problems[0]!.argumentName, problems[0]!.message, problems);
    if (problems.length > 1) error.message = problems.map((p) => `${p.argumentName}: ${p.message}`).join('; ');
    return error;
  }
}

/** An id that names nothing. */
export class NotFoundError extends UserError {
  override name = 'NotFoundError';
  constructor(
    readonly argument: string,
    readonly id: string,
    what = 'actor or source',
  ) {
    super(`${argument}: no ${what} with id "${id}"`);
  }
}

/** A write based on a version that is no longer the current one: nothing was changed. */
export class ConflictError extends UserError {
  override name = 'ConflictError';
  constructor(
    readonly id: string,
    readonly expected: number,
    readonly current: number,
  ) {
    super(`${id} is at version ${current}, not ${expected}: someone changed it since you read it. Nothing was changed; read it again and reapply your change.`);
  }
}

/** What a write depends on kept changing under it (merges, unmerges) until it gave up: nothing was written. */
export class ConcurrentChangeError extends UserError {
  override name = 'ConcurrentChangeError';
  constructor(what: string) {
    super(`${what}. Nothing was written; send the write again.`);
  }
}

/** No credentials, or credentials that name no one. */
export class UnauthenticatedError extends UserError {
  override name = 'UnauthenticatedError';
}

/** Credentials whose role does not allow this. */
export class ForbiddenError extends UserError {
  override name = 'ForbiddenError';
}
