// The two bounds on GraphQL requests. Admission: so many in the server at once, from their
// headers (their body is read within) to the end of both their answer and their work; more
// answer 503 at once. Slots: of those, so many execute at once and the others wait their turn,
// in order. Memory then grows with these numbers and not with the connections: 32 clients
// asking for large answers no longer build 32 of them at once, and the database, which has only
// so many cores, answers no slower.
import type http from 'node:http';
import { HttpError } from './httpError.ts';

/** An admitted request's place in the server. */
export interface Place {
  /** Aborts once its response or its connection has closed: no one will read its answer. */
  readonly closed: AbortSignal;
  /** Says its work has settled (again: no effect). */
  settled(): void;
}

export class Admission {
  private count = 0;
  private emptied: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /**
   * Admits a request unless every place is taken. Its place is given back once both its work has
   * settled and its response has closed (sent, or cut off) or its connection has: a client that
   * closes its socket at once cannot leave its work queued behind it and send more. A request
   * whose connection is already gone is not admitted.
   */
  admit(req: http.IncomingMessage, res: http.ServerResponse): Place | undefined {
    const socket = req.socket;
    if (this.count >= this.limit || socket.destroyed) return undefined;
    this.count += 1;
    const closing = new AbortController();
    let workSettled = false;
    const giveBack = () => {
      if (!closing.signal.aborted || !workSettled) return;
      this.count -= 1;
      if (this.count === 0) for (const resolve of this.emptied.splice(0)) resolve();
    };
    const close = () => {
      // The check, not only off(): the socket's 'close' makes the response emit its own, and an
      // emitter still calls a listener removed while it emits.
      if (closing.signal.aborted) return;
      res.off('close', close);
      socket.off('close', close);
      closing.abort(new HttpError(499, 'CLIENT_CLOSED', 'The client closed its connection before its answer.'));
      giveBack();
    };
    // Both: a pipelined response still queued behind another one emits no 'close' of its own.
    res.once('close', close);
    socket.once('close', close);
    const settled = () => {
      if (workSettled) return;
      workSettled = true;
      giveBack();
    };
    return { closed: closing.signal, settled };
  }

  get admitted(): number {
    return this.count;
  }

  /** Resolves once no request is admitted (at once when none is). */
  whenEmpty(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptied.push(resolve));
  }
}

export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Resolves when a slot is this caller's; rejects, leaving the queue, if `signal` aborts first. */
  take(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abort, { once: true });
      this.waiting.push(turn);
    });
  }

  /** Gives a slot back: to the longest waiting, if any. */
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }

  /** Slots free and callers waiting (for tests). */
  get state(): { free: number; waiting: number } {
    return { free: this.free, waiting: this.waiting.length };
  }
}
