// A validated batch as the graph a first load makes of it: every node (with its labels and
// properties) and every edge (with the ids of its ends and its properties), grouped so that one
// statement, or one CSV file, writes each group. The loader's CREATE statements (create.ts),
// the bulk import's CSV files (bulkCsv.ts) and the benchmark's floor all write these rows.
import type { Integer } from 'neo4j-driver';
import { int } from '../neo4j/database.ts';
import { groupBy } from '../domain/groupBy.ts';
import { checkedActorKind, checkedRelationshipType } from '../domain/vocabulary.ts';
import type { ClaimLinks, SeedBatch } from '../domain/records.ts';
import type { DerivedRelationship } from './relationships.ts';

/** A property value as written; null is not stored. */
export type Value = string | number | boolean | string[] | Integer | null;
export type Row = Record<string, Value>;

/** Nodes with the same labels; each row is the node's properties (id among them). */
export interface NodeSet { labels: string[]; rows: Row[] }

/**
 * Edges of one type between nodes of two labels, each end found by its id, grouped on the end
 * with fewer nodes (a source's mentions together): a statement then looks each of those up once.
 */
export interface EdgeSet {
  type: string;
  from: string;
  to: string;
  grouped: 'from' | 'to';
  /** A grouped end's id -> the other ends' ids and each edge's properties. */
  groups: Map<string, { ids: string[]; props: Row[] }>;
  size: number;
}

export interface GraphRows { nodes: NodeSet[]; edges: EdgeSet[] }

/** What the loader keeps of itself: the model's version, and that no load is under way. */
// heldSpans: every relationship was derived with when it holds and its office's successions (src/graph/derive.ts).
export const graphModelProps = (): Row => ({ version: int(2), loading: false, heldSpans: true });

const none: Row = Object.freeze({}) as Row;

class Edges {
  readonly set: EdgeSet;
  constructor(type: string, from: string, to: string, grouped: 'from' | 'to') {
    this.set = { type, from, to, grouped, groups: new Map(), size: 0 };
  }
  add(from: string, to: string, props: Row = none): void {
    const [key, other] = this.set.grouped === 'from' ? [from, to] : [to, from];
    let group = this.set.groups.get(key);
    if (!group) this.set.groups.set(key, (group = { ids: [], props: [] }));
    group.ids.push(other);
    group.props.push(props);
    this.set.size += 1;
  }
}

/** The edges every claim or figure has: its ends, source, quotes, claimants, disputers and contradictions. */
function claimEdges<T extends ClaimLinks & { id: string }>(label: 'Claim' | 'Figure', records: T[], ends: (record: T, add: (type: string, actor: string) => void) => void): EdgeSet[] {
  const sets = new Map<string, Edges>();
  const edges = (type: string, to: string, grouped: 'from' | 'to' = 'to') => {
    if (!sets.has(type)) sets.set(type, new Edges(type, label, to, grouped));
    return sets.get(type)!;
  };
  for (const r of records) {
    ends(r, (type, actor) => edges(type, 'Actor').add(r.id, actor));
    edges('IN_SOURCE', 'Source').add(r.id, r.source);
    for (const e of r.evidence) edges('EVIDENCE', 'Source').add(r.id, r.source, e as unknown as Row);
    for (const id of r.claimedBy) edges('CLAIMED_BY', 'Actor').add(r.id, id);
    for (const id of r.disputedBy) edges('DISPUTED_BY', 'Actor').add(r.id, id);
    for (const id of r.contradicts) edges('CONTRADICTS', label, 'from').add(r.id, id);
  }
  return [...sets.values()].map((edges) => edges.set);
}

export function graphRows(batch: SeedBatch, derived: DerivedRelationship[]): GraphRows {
  const nodes: NodeSet[] = [
    { labels: ['Source'], rows: batch.sources.map((s) => s.props) },
    ...[...groupBy(batch.actors, (a) => a.kind)].map(([kind, actors]) => ({ labels: ['Actor', checkedActorKind(kind)], rows: actors.map((a) => a.props) })),
    { labels: ['Claim'], rows: batch.claims.map((c) => c.props) },
    { labels: ['Figure'], rows: batch.figures.map((f) => f.props) },
    { labels: ['GraphModel'], rows: [graphModelProps()] },
  ];
  const mentions = new Edges('MENTIONS', 'Source', 'Actor', 'from');
  for (const m of batch.mentions) mentions.add(m.source, m.actor, m.props);
  const relationships = new Map<string, Edges>();
  for (const r of derived) {
    const type = checkedRelationshipType(r.type);
    if (!relationships.has(type)) relationships.set(type, new Edges(type, 'Actor', 'Actor', 'from'));
    relationships.get(type)!.add(r.from, r.to, r.props);
  }
  return {
    nodes,
    edges: [
      ...claimEdges('Claim', batch.claims, (c, add) => {
        add('SUBJECT', c.subject);
        add('OBJECT', c.object);
      }),
      ...claimEdges('Figure', batch.figures, (f, add) => {
        add('ABOUT', f.about);
        if (f.place !== null) add('IN_PLACE', f.place);
      }),
      mentions.set,
      ...[...relationships.values()].map((edges) => edges.set),
    ].filter((set) => set.size > 0),
  };
}

/** Statement rows {id, edges: [{id, props}]} of a set, in chunks of about batchSize edges. */
export function* edgeChunks(set: EdgeSet, batchSize: number): Generator<{ id: string; edges: { id: string; props: Row }[] }[]> {
  let chunk: { id: string; edges: { id: string; props: Row }[] }[] = [];
  let size = 0;
  for (const [id, group] of set.groups) {
    for (let i = 0; i < group.ids.length; i += batchSize) {
      const edges = group.ids.slice(i, i + batchSize).map((other, k) => ({ id: other, props: group.props[i + k]! }));
      if (size > 0 && size + edges.length > batchSize) {
        yield chunk;
        [chunk, size] = [[], 0];
      }
      chunk.push({ id, edges });
      size += edges.length;
    }
  }
  if (chunk.length > 0) yield chunk;
}
