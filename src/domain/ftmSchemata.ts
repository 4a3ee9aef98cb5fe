// Our vocabulary in FollowTheMoney's terms, both ways: the FtM schema of each actor kind and of
// each relationship type, and the properties that hold a tie's two ends and its role. The export
// (src/export/ftm.ts) writes entities with it, the registry import (src/registries/ftmPlan.ts)
// reads them back with it, so that the two cannot drift apart.

/**
 * The FtM schema of each actor kind. FtM has no schema for a state: a State is a party to ties
 * (a member of alliances, led by presidents, cooperating and opposing), so it must be a
 * LegalEntity, and OpenSanctions writes governments and their organs as `PublicBody`; FtM 4's
 * `Territory` is reference data for places, not a party, and fits our Place (a region, province
 * or city). Groups, armed or political, are `Organization`s, as in OpenSanctions' terrorist
 * listings; our Organization kind mixes agencies, alliances, outlets and companies, so it stays
 * the general `Organization`.
 */
export const ftmActorSchemata: Readonly<Record<string, ActorSchema>> = {
  Group: 'Organization',
  Person: 'Person',
  State: 'PublicBody',
  Organization: 'Organization',
  Place: 'Territory',
};

/** What each actor schema is, in FtM's model (its own name and every schema it extends). */
export const ancestry = {
  Person: ['Person', 'LegalEntity', 'Thing'],
  Organization: ['Organization', 'LegalEntity', 'Thing'],
  PublicBody: ['PublicBody', 'Organization', 'LegalEntity', 'Thing'],
  Territory: ['Territory', 'Thing'],
} as const;
export type ActorSchema = keyof typeof ancestry;

/** An end of a tie: the entity property it goes in and the schema FtM's model requires there (its range). */
interface EntityRole {
  prop: string;
  range: string;
}

/**
 * The FtM schemata our ties become, with the properties of their two ends (subject, object; the
 * edge's source and target in FtM's terms) and where our `role` goes. Sanction's designating
 * side is no entity in FtM: `authority` holds its name.
 */
export const tieSchemata = {
  Membership: { subject: { prop: 'member', range: 'LegalEntity' }, object: { prop: 'organization', range: 'Organization' }, role: 'role', status: true },
  Directorship: { subject: { prop: 'director', range: 'LegalEntity' }, object: { prop: 'organization', range: 'Organization' }, role: 'role', status: true },
  Associate: { subject: { prop: 'person', range: 'Person' }, object: { prop: 'associate', range: 'Person' }, role: 'relationship', status: false },
  Payment: { subject: { prop: 'payer', range: 'LegalEntity' }, object: { prop: 'beneficiary', range: 'LegalEntity' }, role: 'purpose', status: false },
  Sanction: { subject: { prop: 'authority', range: null }, object: { prop: 'entity', range: 'Thing' }, role: 'program', status: false },
  UnknownLink: { subject: { prop: 'subject', range: 'Thing' }, object: { prop: 'object', range: 'Thing' }, role: 'role', status: true },
} as const satisfies Record<string, { subject: EntityRole | { prop: string; range: null }; object: EntityRole; role: string; status: boolean }>;
export type TieSchema = keyof typeof tieSchemata;

/**
 * Each relationship type's FtM schemata, the first whose ends' ranges admit the two actors'
 * schemata winning (UnknownLink, whose ends are any Thing, last). Why each:
 * - PLEDGED_ALLEGIANCE_TO: bay'ah is joining and subordinating to a group (IS's "provinces"
 *   are the groups that pledged), so a Membership of the group; to a leader, a link.
 * - MEMBER_OF: Membership. LEADS: heads, commands or chairs: Directorship (OpenSanctions writes
 *   heads of organisations so); our `role` says which.
 * - COOPERATES_WITH, AFFILIATED_WITH, MET_WITH between two people: Associate (FtM's non-family
 *   tie of two persons); otherwise FtM has no schema for them: UnknownLink, its role naming ours.
 * - FUNDS: Payment (payer, beneficiary), FtM's money-between-parties schema; amounts unknown.
 * - DESIGNATES: Sanction, the designated actor its `entity`, the designator its `authority` (FtM has no entity for it); our role, where there is one, as `program`.
 * - The rest (PART_OF, SPLIT_FROM, OPERATES_IN, OPPOSES, CITIZEN_OF, ACCUSES, SEEKS_ASSISTANCE_FROM,
 *   THREATENS, ATTACKED, REPRESSES, SPOKE_TO): FtM has no schema that says them (Succession is legal
 *   succession, not a split; Control and Ownership are not structural parts; Territory.partOf
 *   links territories only), so UnknownLink, whose `role` names our type.
 */
export const ftmTieSchemata: Readonly<Record<string, readonly TieSchema[]>> = {
  PLEDGED_ALLEGIANCE_TO: ['Membership', 'UnknownLink'],
  COOPERATES_WITH: ['Associate', 'UnknownLink'],
  MEMBER_OF: ['Membership', 'UnknownLink'],
  LEADS: ['Directorship', 'UnknownLink'],
  PART_OF: ['UnknownLink'],
  SPLIT_FROM: ['UnknownLink'],
  OPERATES_IN: ['UnknownLink'],
  TRAVELLED_TO: ['UnknownLink'],
  OPPOSES: ['UnknownLink'],
  AFFILIATED_WITH: ['Associate', 'UnknownLink'],
  CITIZEN_OF: ['UnknownLink'],
  TRAINED_BY: ['UnknownLink'],
  TRAINED_IN: ['UnknownLink'],
  ACCUSES: ['UnknownLink'],
  SEEKS_ASSISTANCE_FROM: ['UnknownLink'],
  FUNDS: ['Payment', 'UnknownLink'],
  THREATENS: ['UnknownLink'],
  ATTACKED: ['UnknownLink'],
  REPRESSES: ['UnknownLink'],
  MET_WITH: ['Associate', 'UnknownLink'],
  SPOKE_TO: ['UnknownLink'],
  DESIGNATES: ['Sanction'],
};

/** A relationship type as words: PLEDGED_ALLEGIANCE_TO -> "pledged allegiance to". */
export const typePhrase = (type: string) => type.toLowerCase().replace(/_/g, ' ');
