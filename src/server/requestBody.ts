// Reads a request body of at most `maxBytes` as UTF-8 text. Too large answers 413 as soon as
// that is known (from Content-Length, or while reading), and the rest of the body is read and
// dropped so the client gets the answer rather than a reset connection.
import type http from 'node:http';
import { HttpError } from './httpError.ts';

const tooLarge = (maxBytes: number) => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${maxBytes} bytes.`);

/** Whether a declared Content-Length is over the limit (checked before a 100 Continue too). */
export function declaredTooLarge(req: http.IncomingMessage, maxBytes: number): boolean {
  return Number(req.headers['content-length'] ?? 0) > maxBytes;
}

export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (error: HttpError) => {
      req.removeAllListeners('data').removeAllListeners('end');
      req.resume();
      reject(error);
    };
    if (declaredTooLarge(req, maxBytes)) return fail(tooLarge(maxBytes));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(maxBytes));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.'));
      }
    });
    req.on('error', () => reject(new HttpError(400, 'BAD_REQUEST', 'The request body was cut off.')));
  });
}
