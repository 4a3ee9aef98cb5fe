// What a read brings besides the records it is asked for: the nested lists and linked records a
// question wants, so that one statement answers it (the API builds these from the fields a
// GraphQL query selects, src/api/include.ts). Without one, a read brings the records alone.
import type { Params, RelationshipFilter } from './filters.ts';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/**
 * The fields of a record a question asks for (the API's field names); the others are left out
 * of the read, and absent from the record it gives. Undefined: every field.
 */
export type Fields = ReadonlySet<string> | undefined;

export interface SourceInclude {
  /** The article's text: the bulk of a source, brought only when asked for. */
  text: boolean;
  fields?: Fields;
}

/** How an actor takes part in a claim. */
export type ClaimRole = 'subject' | 'object' | 'claimedBy' | 'disputedBy';

export const claimRoles: Record<ClaimRole, { edge: string; many: boolean }> = {
  subject: { edge: 'SUBJECT', many: false },
  object: { edge: 'OBJECT', many: false },
  claimedBy: { edge: 'CLAIMED_BY', many: true },
  disputedBy: { edge: 'DISPUTED_BY', many: true },
};

export interface ClaimInclude {
  fields?: Fields;
  /** Which of its actors to bring whole, with their fields (the others as ids only, if asked for). */
  actors: Partial<Record<ClaimRole, Fields>>;
  /** The claim's source; the source of each quote. */
  source: SourceInclude | null;
  evidenceSource: SourceInclude | null;
}

/** A nested list asked for under `key` (the GraphQL response key), with its arguments. */
export interface Keyed<A, I> {
  key: string;
  args: A;
  include: I;
}

export interface ClaimListArgs {
  first?: number | null;
  includeRetracted?: boolean | null;
}

export interface RelationshipInclude {
  fields?: Fields;
  /** With `fields`: its ends' fields, or null for an end not asked for (left out). */
  from?: Fields | null;
  to?: Fields | null;
  claims: Keyed<ClaimListArgs, ClaimInclude>[];
  /** Every claim it is derived from (for evidence, claimants, notes gathered over them). */
  gathered: ClaimInclude | null;
}

export interface RelationshipListArgs extends RelationshipFilter {
  direction: Direction;
  first?: number | null;
}

export interface ActorInclude {
  fields?: Fields;
  relationships: Keyed<RelationshipListArgs, RelationshipInclude>[];
}

/** A statement being built: its parameters, and fresh names for the variables and parameters of nested lists. */
export class Statement {
  private count = 0;
  constructor(readonly params: Params = {}) {}
  /** A name not used before in this statement, e.g. `r_3`. */
  fresh(prefix: string): string {
    return `${prefix}_${this.count++}`;
  }
}
