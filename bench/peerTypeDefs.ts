// Type definitions for the benchmark's peer: an API that @neo4j/graphql 7 generates over the
// graph exactly as the loader and src/graph/derive.ts store it, written the way a competent
// user of that library would. Read-only (no mutations or subscriptions, no aggregations), and
// the relationship fields come from schema/vocabulary.yaml. Figures are left out: no benchmark
// operation asks about them.
import type { Neo4jGraphQLConstructor } from '@neo4j/graphql';
import { claimStatuses, relationshipTypes, stances } from '../src/domain/vocabulary.ts';

/** PLEDGED_ALLEGIANCE_TO -> pledgedAllegianceTo. */
export const fieldName = (type: string): string => type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The Actor fields of a relationship type: `<name>Out` (this actor is its start) and `<name>In`. */
export const relationshipFields = (type: string): { out: string; in: string } => ({ out: `${fieldName(type)}Out`, in: `${fieldName(type)}In` });

const enumType = (name: string, values: readonly string[]) => `enum ${name} {\n  ${values.join('\n  ')}\n}`;

const actorRelationshipFields = relationshipTypes
  .flatMap((type) => {
    const { out, in: incoming } = relationshipFields(type);
    return [
      `${out}: [Actor!]! @relationship(type: "${type}", direction: OUT, properties: "DerivedRelationship")`,
      `${incoming}: [Actor!]! @relationship(type: "${type}", direction: IN, properties: "DerivedRelationship")`,
    ];
  })
  .join('\n  ');

export const peerTypeDefs = `
${enumType('RelationshipType', relationshipTypes)}
${enumType('ClaimStatus', claimStatuses)}
${enumType('Stance', stances)}

# One schema-wide switch: queries only, without aggregations, mutations or subscriptions.
extend schema @query(read: true, aggregate: false) @mutation(operations: []) @subscription(events: [])

# The full-text index actor_names covers name and aliases; the library only lets String or ID
# fields be named here (aliases is a list), but it queries the index by its name, so the
# aliases are searched all the same.
type Actor
  @node
  @fulltext(indexes: [{ indexName: "actor_names", queryName: "actorsByName", fields: ["name"] }]) {
  id: ID!
  name: String!
  kind: String!
  aliases: [String!]
  description: String
  version: Int
  origin: String
  ${actorRelationshipFields}
  subjectOf: [Claim!]! @relationship(type: "SUBJECT", direction: IN)
  objectOf: [Claim!]! @relationship(type: "OBJECT", direction: IN)
  claims: [Claim!]! @relationship(type: "CLAIMED_BY", direction: IN)
  disputes: [Claim!]! @relationship(type: "DISPUTED_BY", direction: IN)
  mentionedIn: [Source!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
}

# What src/graph/derive.ts writes on every actor-to-actor relationship (its type is the field).
type DerivedRelationship @relationshipProperties {
  id: ID!
  status: ClaimStatus!
  role: String
  since: String
  sincePrecision: String
  sinceStart: String
  until: String
  untilPrecision: String
  untilEnd: String
  firstObserved: String
  firstObservedStart: String
  lastObserved: String
  lastObservedEnd: String
  claimCount: Int!
  retracted: Boolean
  heldFromStart: String
  heldUntilEnd: String
}

type Claim @node {
  id: ID!
  type: RelationshipType!
  "The id of the relationship it is derived into (an edge, which a node field cannot point to)."
  relationship: ID!
  role: String
  since: String
  sincePrecision: String
  sinceStart: String
  until: String
  untilPrecision: String
  untilEnd: String
  dateText: String
  stance: Stance!
  observedAt: String
  observedPrecision: String
  observedStart: String
  observedEnd: String
  note: String
  version: Int
  origin: String
  retracted: Boolean
  retractedAt: String
  retractedBy: String
  retractedReason: String
  subject: Actor @relationship(type: "SUBJECT", direction: OUT)
  object: Actor @relationship(type: "OBJECT", direction: OUT)
  claimedBy: [Actor!]! @relationship(type: "CLAIMED_BY", direction: OUT)
  disputedBy: [Actor!]! @relationship(type: "DISPUTED_BY", direction: OUT)
  source: Source @relationship(type: "IN_SOURCE", direction: OUT)
  evidence: [Source!]! @relationship(type: "EVIDENCE", direction: OUT, properties: "Evidence")
  contradicts: [Claim!]! @relationship(type: "CONTRADICTS", direction: OUT)
  contradictedBy: [Claim!]! @relationship(type: "CONTRADICTS", direction: IN)
}

# A quote of a claim, with its offsets in the source's text. The full-text index
# evidence_quotes is on these edges: @fulltext is for node types only.
type Evidence @relationshipProperties {
  quote: String!
  start: Int!
  end: Int!
}

type Source @node {
  id: ID!
  title: String!
  publisher: String
  author: String
  published: String
  publishedPrecision: String
  dateNote: String
  url: String
  textHash: String!
  origin: String
  text: String!
  claims: [Claim!]! @relationship(type: "IN_SOURCE", direction: IN)
  quotedBy: [Claim!]! @relationship(type: "EVIDENCE", direction: IN, properties: "Evidence")
  mentions: [Actor!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Mention")
}

type Mention @relationshipProperties {
  count: Int!
  sentences: [String!]!
}
`;

/**
 * The library's options: comparisons on strings (partial dates are compared as text, as the API
 * does for asOf), case-insensitive ones (to search quotes without the full-text index), and none
 * of the deprecated filter spellings, which only make the schema larger.
 */
export const peerFeatures: Neo4jGraphQLConstructor['features'] = {
  filters: { String: { LT: true, LTE: true, GT: true, GTE: true, CASE_INSENSITIVE: true } },
  excludeDeprecatedFields: { mutationOperations: true, aggregationFilters: true, aggregationFiltersOutsideConnection: true, relationshipFilters: true, attributeFilters: true },
};
