// Where the reviewer stopped: the id of the pair last shown, kept in localStorage (it names a
// pair, never a token), so that reopening the queue, in this tab or a later one, continues there.
const storageKey = 'actorgraph.review.at';

export function savedPosition(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled: the queue starts from the top
  }
}

export function savePosition(pairId: string): void {
  try {
    localStorage.setItem(storageKey, pairId);
  } catch {
    // storage disabled: nothing is kept
  }
}
