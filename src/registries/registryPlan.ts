// What an import of a registry snapshot writes, worked out before anything is written: the
// snapshot as one source (its text byte for byte), and per record its actor, identifier, names
// with their quality, and claims (the designation, the ties its narrative states with a reference
// number), each quote a span of the stored text. Registry-neutral: unScPlan.ts makes one from the
// UN Security Council's list; the writes (src/writes/registryImport.ts) take any.
import type { ClaimEntry } from '../domain/fileSchema.ts';
import type { Party } from '../domain/matching/party.ts';
import type { QuoteSpan } from '../domain/quotes.ts';

/**
 * How a registry gives a name: the record's own name, its name in the original script, an alias
 * of good or low quality (the UN's Good and Low), "also known as", "formerly known as" (a former
 * name), or an alias whose quality the record does not state.
 */
export const nameQualities = ['NAME', 'ORIGINAL_SCRIPT', 'GOOD', 'LOW', 'AKA', 'FKA', 'UNSTATED'] as const;
export type NameQuality = (typeof nameQualities)[number];

/** A name and where the snapshot gives it: one span, or several for a name given in parts (FIRST_NAME, SECOND_NAME). */
export interface PlannedName {
  value: string;
  quality: NameQuality;
  spans: QuoteSpan[];
}

export interface PlannedIdentifier extends QuoteSpan {
  scheme: string;
  value: string;
}

/** A claim as a seed file writes it, with the span each quote stands at in the snapshot. */
export interface PlannedClaim {
  entry: ClaimEntry;
  spans: QuoteSpan[];
}

export interface PlannedRecord {
  /** The record's own actor: a stable id made from the registry and the reference (un-sc-qde-010). */
  actorId: string;
  /** Person, Group or Organization from a list of sanctioned parties; State and Place where the registry says so (FtM). */
  kind: 'Person' | 'Group' | 'Organization' | 'State' | 'Place';
  name: string;
  /** The record's narrative as the list gives it (decoded), or null. */
  description: string | null;
  regime: string | null;
  identifier: PlannedIdentifier;
  names: PlannedName[];
  claims: PlannedClaim[];
  /** The record as the matcher takes it. */
  party: Party;
  /** Line (from 1) of the record in the file, for messages. */
  line: number;
  /** The reference numbers its narrative names whose records this import does not hold (their ties are left out). */
  unresolvedReferences: string[];
}

export interface RegistryPlan {
  /** The registry's scheme (un-sc): the scheme of its identifiers, and its actors' `registry`. */
  registry: string;
  file: string;
  source: { id: string; title: string; publisher: string; published: string; text: string };
  /** The body that lists, subject of every designation, created with the import; none when the designations name their own (FtM's Sanction names its authority). */
  listingBody?: { id: string; name: string; kind: 'Organization' };
  records: PlannedRecord[];
  /** The regimes the import was limited to (null: all); a record of another regime is left out. */
  regimes: string[] | null;
  /** The regimes of the file, each with its number of records, for the report. */
  regimesInFile: Record<string, number>;
  /** What the file holds that the plan leaves out, by reason, with how many (a Sanction whose authority is no entity of the file...). */
  leftOut?: Record<string, number>;
}

/** An entity whose name says it is no armed group: a business, bank, charity, agency or the like. */
const organizationWords =
  /\b(?:bank|banking|company|companies|co\.|corporation|corp\.?|ltd\.?|limited|llc|inc\.?|trading|trade|industr(?:y|ies)|enterprise|establishment|exchange|foundation|charit(?:y|able)|relief|society|association|fund|institute|agency|ministry|office|bureau|committee|commission|department|airlines?|shipping|group of companies)\b/i;

/** A listed entity that is not a person: an Organization when its name says it is a business or an agency, else a Group (the lists are of armed groups and their backers). */
export const entityKind = (name: string): 'Group' | 'Organization' => (organizationWords.test(name) ? 'Organization' : 'Group');

/** "QDe.010" -> "qde-010": a reference number as a part of an id. */
export const idPart = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
