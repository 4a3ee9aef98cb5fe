// What the loader writes: flat property maps, one per node or relationship, each with the
// hash of its content so that a reload can tell created, updated and unchanged apart.
import { createHash, hash } from 'node:crypto';

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
  /** The id of the relationship the claim supports (src/graph/claimRules.ts). */
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

/** JSON.stringify of `value` with every object's keys sorted: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  // Plain loops: this runs over every record of a load, and was a third of its validation.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return out + ']';
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined) continue;
      out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(object[key]);
    }
    return out + '}';
  }
  return JSON.stringify(value);
}

/** Adds `hash` (of everything else the record writes) to its props. */
export function withHash<T extends { props: Props }>(record: T): T {
  const content = canonicalJson({ ...record, props: { ...record.props, hash: null } });
  record.props.hash = hash('sha256', content).slice(0, 16);
  return record;
}

/** A source text's identity: the SHA-256 of its UTF-8 bytes, hex. Two sources with the same are the same text. */
export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
