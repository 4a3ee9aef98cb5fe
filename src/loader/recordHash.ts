// The hash each record carries, of everything else it writes, so that a reload can tell created,
// updated and unchanged apart; and a source text's identity. node:crypto's, so not in src/domain/.
import { createHash, hash } from 'node:crypto';
import { sortedKeys, type Props } from '../domain/records.ts';

/** Adds `hash` (of everything else the record writes) to its props. */
export function withHash<T extends { props: Props }>(record: T): T {
  // One JSON.stringify of a sorted copy: this runs over every record of a load (half a million at 100k relationships).
  record.props.hash = null;
  record.props.hash = hash('sha256', JSON.stringify(sortedKeys(record))).slice(0, 16);
  return record;
}

/** A source text's identity: the SHA-256 of its UTF-8 bytes, hex. Two sources with the same are the same text. */
export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
