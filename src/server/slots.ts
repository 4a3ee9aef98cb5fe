// At most so many GraphQL requests execute at once; the others admitted wait their turn, in
// order. Memory then grows with this number and not with the connections: 32 clients asking
// for large answers no longer build 32 of them at once, and the database, which has only so
// many cores, answers no slower.
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
