// Whether two ways answered a question alike: the same ids in the same order, and if not, what
// differs (a few ids each way, and whether only the order does).

export interface Agreement {
  same: boolean;
  /** How many ids each answered: [reference, other]. */
  counts: [number, number];
  /** Set when not the same: up to five ids only the reference answered, and up to five only the other did. */
  onlyInReference?: string[];
  onlyInOther?: string[];
  /** The same ids, in another order. */
  orderDiffers?: boolean;
}

export function compareAnswers(reference: string[], other: string[]): Agreement {
  const counts: [number, number] = [reference.length, other.length];
  if (reference.length === other.length && reference.every((id, i) => id === other[i])) return { same: true, counts };
  const inOther = new Set(other);
  const inReference = new Set(reference);
  const onlyInReference = reference.filter((id) => !inOther.has(id));
  const onlyInOther = other.filter((id) => !inReference.has(id));
  return {
    same: false,
    counts,
    onlyInReference: onlyInReference.slice(0, 5),
    onlyInOther: onlyInOther.slice(0, 5),
    orderDiffers: onlyInReference.length === 0 && onlyInOther.length === 0,
  };
}
