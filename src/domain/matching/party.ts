// What the matcher compares: a party (a registry record or one of our actors) with its names,
// kind, countries and identifiers, whatever it came from; and what it says of a pair: a score
// in [0, 1] with the reasons that made it, and a decision by the thresholds it is given.

/** person: a human being; organization: a group, movement, network, company; other: a state, a place. */
export type PartyKind = 'person' | 'organization' | 'other' | 'unknown';

export interface PartyName {
  value: string;
  /** A weak alias (the UN's quality "Low"): it counts less than a good name. */
  weak?: boolean;
}

export interface PartyIdentifier {
  /** e.g. 'un-sc' for a UN reference number; identifiers are compared only within one scheme. */
  scheme: string;
  value: string;
}

export interface Party {
  id: string;
  kind: PartyKind;
  names: PartyName[];
  /** Country names as written (nationality, address); compared case- and accent-insensitively. */
  countries?: string[];
  identifiers?: PartyIdentifier[];
  /** Honorifics and titles (Mullah, Maulavi, Haji): context, not names. */
  titles?: string[];
}

/** One thing that moved a score, for the reviewer: what, on which names, and by how much. */
export interface MatchReason {
  reason: string;
  detail: string;
  /** A name's similarity (0..1), a factor the score was multiplied by, or a bonus added to it. */
  weight: number;
}

export interface ScoredPair {
  left: string;
  right: string;
  score: number;
  /** An identifier of one scheme is equal on both sides: the same party whatever the names say. */
  certain: boolean;
  reasons: MatchReason[];
}

/** The thresholds (src/config.ts `matching`), passed in so that the rules hold no settings. */
export interface MatchThresholds {
  /** At or above: decided SAME without review. */
  autoSame: number;
  /** At or above (and below autoSame): a candidate for a reviewer; below: not proposed. */
  reviewFloor: number;
}

export type MatchDecision = 'same' | 'review' | 'different';

/** Certain, or by the score against the thresholds. */
export function decide(pair: Pick<ScoredPair, 'score' | 'certain'>, thresholds: MatchThresholds): MatchDecision {
  if (pair.certain || pair.score >= thresholds.autoSame) return 'same';
  return pair.score >= thresholds.reviewFloor ? 'review' : 'different';
}
