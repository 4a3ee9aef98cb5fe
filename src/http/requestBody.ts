// Reads a request body of at most `maxBytes` as UTF-8 text, before the request's deadline, and
// only so many at once per client. Too large answers 413 as soon as that is known (from
// Content-Length, or while reading), and the rest of the body is read and dropped so the client
// gets the answer rather than a reset connection. A body unfinished at the deadline answers 408.
import type http from 'node:http';
import { HttpError } from './httpError.ts';

const tooLarge = (maxBytes: number) => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${maxBytes} bytes.`);
const tooSlow = () => new HttpError(408, 'BODY_TIMEOUT', 'The request body did not arrive before the deadline (REQUEST_TIMEOUT_MS); send it whole, at once.');

/** Whether a declared Content-Length is over the limit (checked before a 100 Continue too). */
export function declaredTooLarge(req: http.IncomingMessage, maxBytes: number): boolean {
  return Number(req.headers['content-length'] ?? 0) > maxBytes;
}

export function readBody(req: http.IncomingMessage, maxBytes: number, deadline: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.'));
      }
    };
    const onError = () => fail(new HttpError(400, 'BAD_REQUEST', 'The request body was cut off.'));
    const onDeadline = () => fail(tooSlow());
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      deadline.removeEventListener('abort', onDeadline);
    };
    const fail = (error: HttpError) => {
      stop();
      req.resume();
      reject(error);
    };
    if (declaredTooLarge(req, maxBytes)) return fail(tooLarge(maxBytes));
    if (deadline.aborted) return fail(tooSlow());
    deadline.addEventListener('abort', onDeadline, { once: true });
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * Bodies being received, counted per client (remote address): one client's unfinished bodies
 * cannot take every admission. It holds only clients with a body pending.
 */
export class PendingBodies {
  private readonly byClient = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** Reads the body as `client`'s, or answers 429 while that client has `perClient` bodies unfinished. */
  async read(req: http.IncomingMessage, client: string, maxBytes: number, deadline: AbortSignal): Promise<string> {
    const pending = this.byClient.get(client) ?? 0;
    if (pending >= this.perClient) {
      throw new HttpError(429, 'RATE_LIMITED', `This client is already sending ${pending} request bodies, the most the server receives at once from one client; finish them first.`, { 'retry-after': '1' });
    }
    this.byClient.set(client, pending + 1);
    try {
      return await readBody(req, maxBytes, deadline);
    } finally {
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    }
  }
}
