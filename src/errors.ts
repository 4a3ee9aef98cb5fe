// An error meant for a person: its message says what went wrong and what to do, and the
// CLI prints it without a stack trace.
export class UserError extends Error {
  override name = 'UserError';
}
