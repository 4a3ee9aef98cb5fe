// What the loader and the API's writes write: flat property maps, one per node or relationship,
// each with the hash of its content (src/loader/recordHash.ts) so that a reload can tell created,
// updated and unchanged apart.

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface SourceRecord { id: string; props: Props }
export interface ActorRecord { id: string; kind: string; props: Props }
export interface EvidenceRecord { quote: string; start: number; end: number }

/** What a relationship claim and a figure share: its source, who claims and disputes it, its quotes. */
export interface ClaimLinks {
  source: string;
  claimedBy: string[];
  disputedBy: string[];
  contradicts: string[];
  evidence: EvidenceRecord[];
}

export interface ClaimRecord extends ClaimLinks {
  id: string;
  type: string;
  subject: string;
  object: string;
  /** The id of the relationship the claim supports (src/domain/claimRules.ts). */
  relationship: string;
  props: Props;
}

export interface FigureRecord extends ClaimLinks {
  id: string;
  about: string;
  place: string | null;
  props: Props;
}
export interface MentionRecord { id: string; source: string; actor: string; props: Props }

export interface SeedBatch {
  sources: SourceRecord[];
  actors: ActorRecord[];
  claims: ClaimRecord[];
  figures: FigureRecord[];
  mentions: MentionRecord[];
  warnings: string[];
}

/**
 * A copy of `value` whose objects hold their keys in sorted order, so that JSON.stringify writes
 * them sorted: the same content always gives the same text. (JSON.stringify would put keys that
 * are array indices first whatever their order; no record has such a key.)
 */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) sorted[key] = sortedKeys(object[key]);
  return sorted;
}
