// An HTTP answer other than 200 that the request itself caused: its status, a message that
// says what was wrong, a GraphQL-style error code, and headers such as Retry-After.
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
