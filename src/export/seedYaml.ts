// YAML in the seed files' style (seed/README.md): dates double-quoted (so that no YAML 1.1
// reader takes them for numbers or timestamps), short id lists in flow style, every string on
// one line or in a block, never folded. The `yaml` package quotes what it must.
import { Document, isScalar, isSeq, Scalar, visit } from 'yaml';

const quotedKeys = new Set(['published', 'since', 'until', 'date', 'at']);
const flowKeys = new Set(['aliases', 'claimedBy', 'disputedBy', 'contradicts']);

/** `value` without undefined or null fields and without empty lists, at every depth. */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(kept.map(([k, v]) => [k, compact(v)]));
}

/** A YAML document of `value` (keys in its order), with `comment` as its opening comment. */
export function toSeedYaml(value: unknown, comment?: string): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (quotedKeys.has(key) && isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = Scalar.QUOTE_DOUBLE;
      if (flowKeys.has(key) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
