// A relationship's fields gathered from its claims, in the claims' order: who claims and who
// disputes it, its sources and quotes, its date texts and notes, the relationships its claims
// contradict. One rule for the API's Relationship fields, the export's provenance and the web
// app's exported view, whatever shape each gives a claim's actors and sources.

/** Each item once, by key, where it first occurs. */
export function distinctBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const first = new Map<string, T>();
  for (const item of items) if (!first.has(key(item))) first.set(key(item), item);
  return [...first.values()];
}

/** The claimants (or disputers) of the claims, each once (a claim without the list adds none). */
export const gatheredActors = <A>(
  claims: readonly Partial<Record<'claimedBy' | 'disputedBy', readonly A[]>>[],
  role: 'claimedBy' | 'disputedBy',
  id: (actor: A) => string,
): A[] => distinctBy(claims.flatMap((claim) => claim[role] ?? []), id);

/** The claims' sources, each once. */
export const gatheredSources = <S>(claims: readonly { source: S }[], id: (source: S) => string): S[] =>
  distinctBy(claims.map((claim) => claim.source), id);

/** Every quote of every claim. */
export const gatheredEvidence = <E>(claims: readonly { evidence: readonly E[] }[]): E[] => claims.flatMap((claim) => claim.evidence);

/** Each distinct text once, joined; null when no claim has one. */
const joined = (values: readonly (string | null)[], separator: string): string | null => {
  const kept = [...new Set(values.filter((value): value is string => value !== null))];
  return kept.length > 0 ? kept.join(separator) : null;
};

/** The claims' date texts ("since early 2014"), each once, joined by "; ". */
export const gatheredDateText = (claims: readonly { dateText: string | null }[]): string | null =>
  joined(claims.map((claim) => claim.dateText), '; ');

/** The claims' notes, each once, one per line. */
export const gatheredNote = (claims: readonly { note: string | null }[]): string | null => joined(claims.map((claim) => claim.note), '\n');

/** The relationships the claims' contradicting claims support, each once, this one left out. */
export const gatheredConflicts = (relationshipId: string, contradicted: readonly string[]): string[] =>
  [...new Set(contradicted)].filter((id) => id !== relationshipId);
