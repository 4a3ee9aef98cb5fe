// An error meant for a person: its message says what went wrong and what to do, and the
// CLI prints it without a stack trace.
export class UserError extends Error {
  override name = 'UserError';
}

/** A bad argument: `argument` names which one, the message says why. */
export class InputError extends UserError {
  override name = 'InputError';
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** An id that names nothing. */
export class NotFoundError extends UserError {
  override name = 'NotFoundError';
  constructor(
    readonly argument: string,
    readonly id: string,
  ) {
    super(`${argument}: no actor or source with id "${id}"`);
  }
}
