// String similarity of two words: Jaro-Winkler (Winkler 1990), the measure of record linkage for
// short strings such as names; 1 for equal strings, 0 for nothing in common.

/** Jaro similarity: matching characters within half the longer length, and their transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedB = new Array<boolean>(b.length).fill(false);
  const matchesA: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (!matchedB[j] && a[i] === b[j]) {
        matchedB[j] = true;
        matchesA.push(a[i]!);
        break;
      }
    }
  }
  const m = matchesA.length;
  if (!m) return 0;
  const matchesB = [...b].filter((_, j) => matchedB[j]);
  const transpositions = matchesA.filter((char, k) => char !== matchesB[k]).length / 2;
  return (m / a.length + m / b.length + (m - transpositions) / m) / 3;
}

/** Jaro-Winkler: Jaro raised for a common prefix (up to 4 characters, scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}
