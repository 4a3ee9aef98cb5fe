// Whether a registry record is one of our actors: a judgement on a pair (the record's actor, a
// candidate), SAME, NOT_SAME or UNSURE, by whom, when, with the matcher's score and reasons. A
// pair (:MatchPair) holds the latest judgement, PENDING while nobody has judged it (the review
// queue); every judgement and its undoing is in the change log. SAME merges the record's actor
// into the candidate with the merge machinery (src/writes/actors.ts, registry mode), undone by
// unmerging; NOT_SAME is remembered, so that no import proposes the pair again. A decision is
// automatic only on an identifier both share, or at the score threshold (src/config.ts), and is
// then recorded as automatic with its score, so that an analyst can find and undo it.
import { actorCountries, actorParty } from '../domain/matching/actorParty.ts';
import type { BlockingLimits } from '../domain/matching/block.ts';
import { prepareMatching, matchPrepared } from '../domain/matching/match.ts';
import type { MatchThresholds, Party, ScoredPair } from '../domain/matching/party.ts';
import { ConcurrentChangeError, InputError, NotFoundError } from '../errors.ts';
import type { Database, Transaction } from '../neo4j/database.ts';
import type { RegistryPlan } from '../registries/registryPlan.ts';
import { relationshipId } from '../domain/claimRules.ts';
import { actorNamed, actorNodeNamed, maxMergeChain } from '../graph/actors.ts';
import { deriveRelationships } from '../graph/derive.ts';
import { mergeInTransaction, unmergeInTransaction } from './actors.ts';
import { authorNow, recordChanges, type Author, type ChangeEntry } from './changeLog.ts';

export const matchDecisions = ['PENDING', 'SAME', 'NOT_SAME', 'UNSURE'] as const;
export type MatchDecision = (typeof matchDecisions)[number];

export interface AutomaticJudgement {
  pair: string;
  record: string;
  actor: string;
  score: number;
  certain: boolean;
}

export interface MatchOutcome {
  /** Decided SAME without review (and merged). */
  automatic: AutomaticJudgement[];
  /** Pairs new in the review queue. */
  queued: number;
  /** Records judged the same as one of our actors before (merged): not matched again. */
  decidedBefore: number;
  /** Records with no candidate at or above the review floor: actors of their own. */
  unmatched: number;
}

/** A pair's id: the record's actor and the candidate. */
export const pairId = (record: string, candidate: string) => `${record}--${candidate}`;

/** Claims that place an actor, for its countries (src/domain/matching/actorParty.ts). */
const placingTypes = ['OPERATES_IN', 'CITIZEN_OF', 'PART_OF'];

/**
 * Our actors as the matcher's targets: every actor that is not a record of this registry (nor its
 * listing body), with its countries and its identifiers (those of records judged the same as it too).
 */
async function targetParties(tx: Transaction, registry: string): Promise<Party[]> {
  const actors = await tx.run<{ id: string; kind: string; name: string; aliases: string[] | null; identifiers: { scheme: string; value: string }[] }>(
    `MATCH (a:Actor) WHERE coalesce(a.registry, '') <> $registry
     RETURN a.id AS id, a.kind AS kind, a.name AS name, a.aliases AS aliases,
            [(i:Identifier)-[:IDENTIFIES]->(a) | {scheme: i.scheme, value: i.value}] +
            [(i:Identifier)-[:IDENTIFIES]->(:MergedActor)-[:MERGED_INTO*1..${maxMergeChain}]->(a) | {scheme: i.scheme, value: i.value}] AS identifiers`,
    { registry },
  );
  const claims = await tx.run<{ type: string; subject: string; object: string }>(
    `MATCH (s:Actor)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o:Actor) WHERE c.type IN $types AND c.retracted IS NULL
     RETURN c.type AS type, s.id AS subject, o.id AS object`,
    { types: placingTypes },
  );
  const like = actors.map((actor) => ({ ...actor, aliases: actor.aliases ?? [] }));
  const countries = actorCountries(like, claims);
  return like.map((actor) => ({ ...actorParty(actor, countries.get(actor.id) ?? []), identifiers: actor.identifiers }));
}

/**
 * Matches the plan's records (those not judged the same as one of ours already) to our actors and
 * decides what may be decided without review: a record with exactly one candidate that shares its
 * identifier or scores at least `autoSame`, a candidate no other record takes, is judged SAME
 * automatically; every other candidate at or above the review floor waits in the queue. Pairs
 * that exist already, judged or pending, are left as they are.
 */
export async function matchRecords(tx: Transaction, author: Author, plan: RegistryPlan, thresholds: MatchThresholds, limits: BlockingLimits): Promise<MatchOutcome> {
  const ids = plan.records.map((record) => record.actorId);
  const pairs = await tx.run<{ record: string; candidate: string; decision: MatchDecision; merged: boolean }>(
    `UNWIND $ids AS id ${actorNodeNamed('id', 'r')}
     OPTIONAL MATCH (p:MatchPair {record: id})
     RETURN id AS record, p.candidate AS candidate, p.decision AS decision, r:MergedActor AS merged`,
    { ids },
  );
  const existing = new Map<string, MatchDecision>();
  const decided = new Set<string>();
  // A record judged the same as one of ours is decided; a NOT_SAME or UNSURE settles that pair
  // alone (an actor added since may still be proposed for the record).
  for (const pair of pairs) {
    if (pair.candidate) existing.set(pairId(pair.record, pair.candidate), pair.decision);
    if (pair.merged) decided.add(pair.record);
  }
  const outcome: MatchOutcome = { automatic: [], queued: 0, decidedBefore: decided.size, unmatched: 0 };
  const open = plan.records.filter((record) => !decided.has(record.actorId));
  if (open.length === 0) return outcome;
  const targets = await targetParties(tx, plan.registry);
  const matching = prepareMatching(
    open.map((record) => ({ ...record.party, id: record.actorId })),
    targets,
  );
  const queued: ScoredPair[] = [];
  const chosen: ScoredPair[] = [];
  for (const query of matching.queries) {
    const { pairs: scored } = matchPrepared(matching, query, limits);
    const candidates = scored.filter((pair) => pair.certain || pair.score >= thresholds.reviewFloor);
    if (candidates.length === 0) {
      outcome.unmatched += 1;
      continue;
    }
    const sure = candidates.filter((pair) => pair.certain || pair.score >= thresholds.autoSame);
    const certain = sure.filter((pair) => pair.certain);
    const best = certain.length === 1 ? certain[0] : certain.length === 0 && sure.length === 1 ? sure[0] : undefined;
    for (const pair of candidates) {
      if (existing.has(pairId(pair.left, pair.right))) continue;
      (pair === best ? chosen : queued).push(pair);
    }
  }
  // Two records the same actor is the reviewer's to say (the list may hold one group twice): a
  // candidate chosen by two records, or one a record of this registry is judged the same as
  // already, is reviewed instead; so is a merge that would make a claim of an actor about itself.
  const taken = new Set(
    (await tx.run<{ id: string }>('MATCH (:MergedActor {registry: $registry})-[:MERGED_INTO]->(a:Actor) RETURN DISTINCT a.id AS id', { registry: plan.registry })).map(
      (row) => row.id,
    ),
  );
  const choosers = new Map<string, number>();
  for (const pair of chosen) choosers.set(pair.right, (choosers.get(pair.right) ?? 0) + 1);
  const changes: ChangeEntry[] = [];
  const automatic: ScoredPair[] = [];
  for (const pair of chosen) {
    if (taken.has(pair.right) || choosers.get(pair.right)! > 1) {
      queued.push(pair);
      continue;
    }
    try {
      await mergeInTransaction(tx, author, pair.right, pair.left, 'registry');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      queued.push(pair);
      continue;
    }
    automatic.push(pair);
    outcome.automatic.push({ pair: pairId(pair.left, pair.right), record: pair.left, actor: pair.right, score: pair.score, certain: pair.certain });
    changes.push({ action: 'JUDGE_MATCH', target: pairId(pair.left, pair.right), before: null, after: { decision: 'SAME', automatic: true, score: pair.score, certain: pair.certain, reasons: pair.reasons } });
  }
  const rows = [...queued.map((pair) => pairRow(pair, 'PENDING', false, null)), ...automatic.map((pair) => pairRow(pair, 'SAME', true, author))];
  await tx.run('UNWIND $rows AS row CREATE (p:MatchPair) SET p = row', { rows });
  outcome.queued = queued.length;
  await recordChanges(tx, author, changes);
  return outcome;
}

function pairRow(pair: ScoredPair, decision: MatchDecision, automatic: boolean, author: Author | null) {
  return {
    id: pairId(pair.left, pair.right),
    record: pair.left,
    candidate: pair.right,
    score: pair.score,
    certain: pair.certain,
    reasons: JSON.stringify(pair.reasons),
    decision,
    automatic,
    by: author?.by ?? null,
    at: author?.at ?? null,
  };
}

interface PairState {
  id: string;
  record: string;
  candidate: string;
  decision: MatchDecision;
  automatic: boolean;
  by: string | null;
  at: string | null;
}

/** The pair, locked for the rest of the transaction. */
async function lockedPair(tx: Transaction, id: string): Promise<PairState> {
  const [pair] = await tx.run<PairState>(
    `MATCH (p:MatchPair {id: $id}) SET p.lockedAt = timestamp() REMOVE p.lockedAt
     RETURN p.id AS id, p.record AS record, p.candidate AS candidate, p.decision AS decision, p.automatic AS automatic, p.by AS by, p.at AS at`,
    { id },
  );
  if (!pair) throw new NotFoundError('pair', id, 'match pair');
  return pair;
}

/** What the merge of a SAME needs: the record's actor not merged elsewhere, the candidate still an actor. */
async function refuseSameElsewhere(tx: Transaction, pair: PairState): Promise<void> {
  const [row] = await tx.run<{ mergedInto: string | null; candidateIsActor: boolean; recordName: string | null; intoName: string | null; candidateName: string | null }>(
    `OPTIONAL MATCH (r:MergedActor {id: $record}) OPTIONAL MATCH (c:Actor {id: $candidate})
     OPTIONAL MATCH (into:Actor {id: r.mergedInto}) OPTIONAL MATCH (cm:MergedActor {id: $candidate})
     RETURN r.mergedInto AS mergedInto, c IS NOT NULL AS candidateIsActor, r.name AS recordName, into.name AS intoName, coalesce(c.name, cm.name) AS candidateName`,
    { record: pair.record, candidate: pair.candidate },
  );
  if (row?.mergedInto) {
    throw new InputError('pair', `the registry record "${row.recordName}" is judged the same as "${row.intoName ?? 'another actor'}" already: undo that judgement (undoJudgement) first`);
  }
  if (!row?.candidateIsActor) throw new InputError('pair', `"${row?.candidateName ?? 'the candidate'}" is no longer an actor (merged into another): judge the pair of that actor instead`);
}

/** Sets the pair's judgement; SAME merges, leaving SAME unmerges. Answers the pair's id. */
async function setJudgement(tx: Transaction, author: Author, pair: PairState, decision: MatchDecision, action: 'JUDGE_MATCH' | 'UNDO_JUDGEMENT'): Promise<string> {
  // The same judgement again changes nothing, but an analyst's SAME on an automatic one confirms it (recorded as the analyst's).
  if (pair.decision === decision && !(pair.automatic && decision !== 'PENDING')) return pair.id;
  if (pair.decision === 'SAME' && decision !== 'SAME') {
    // Unmerged only where the merge is still this pair's (an admin may have unmerged or merged it otherwise since).
    const [merged] = await tx.run<{ into: string | null }>('OPTIONAL MATCH (r:MergedActor {id: $record}) RETURN r.mergedInto AS into', { record: pair.record });
    if (merged?.into === pair.candidate) {
      await unmergeInTransaction(tx, author, pair.record);
      await realignRegistryClaims(tx, [pair.record]);
    }
  }
  if (decision === 'SAME' && pair.decision !== 'SAME') {
    await refuseSameElsewhere(tx, pair);
    await mergeInTransaction(tx, author, pair.candidate, pair.record, 'registry');
  }
  const by = decision === 'PENDING' ? null : author.by;
  const at = decision === 'PENDING' ? null : author.at;
  await tx.run('MATCH (p:MatchPair {id: $id}) SET p.decision = $decision, p.automatic = false, p.by = $by, p.at = $at', { id: pair.id, decision, by, at });
  await recordChanges(tx, author, [
    { action, target: pair.id, before: { decision: pair.decision, automatic: pair.automatic, by: pair.by, at: pair.at }, after: { decision, automatic: false, by, at } },
  ]);
  return pair.id;
}

/**
 * Moves the registry claims whose own ends are these records' actors (registrySubject,
 * registryObject) to the actors those ends resolve to now, where they differ: after an unmerge,
 * the claims a later import wrote straight onto the actor a record was judged the same as go
 * back to the record. Their relationships are derived again.
 */
export async function realignRegistryClaims(tx: Transaction, recordIds: string[]): Promise<void> {
  const rows = await tx.run<{ id: string; subject: string; object: string; relationship: string; type: string; role: string | null }>(
    `UNWIND $ids AS rid
     CALL (rid) { MATCH (c:Claim {registrySubject: rid}) RETURN c UNION MATCH (c:Claim {registryObject: rid}) RETURN c }
     WITH DISTINCT c WHERE c.origin = 'registry'
     MATCH (s:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(o:Actor)
     WITH c, s, o, c.registrySubject AS ownSubject, c.registryObject AS ownObject
     ${actorNamed('ownSubject')} WITH c, s, o, ownObject, a AS toSubject
     ${actorNamed('ownObject')} WITH c, s, o, toSubject, a AS toObject
     WHERE (toSubject <> s OR toObject <> o) AND toSubject <> toObject
     RETURN c.id AS id, toSubject.id AS subject, toObject.id AS object, c.relationship AS relationship, c.type AS type, c.role AS role`,
    { ids: recordIds },
  );
  if (rows.length === 0) return;
  const moved = rows.map((row) => ({ ...row, now: relationshipId(row.subject, row.type, row.object, row.role) }));
  await tx.run(
    `UNWIND $rows AS row MATCH (c:Claim {id: row.id})
     CALL (c) { MATCH (c)-[e:SUBJECT|OBJECT]->() DELETE e }
     WITH c, row MATCH (s:Actor {id: row.subject}), (o:Actor {id: row.object})
     CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
     SET c.relationship = row.now, c.version = coalesce(c.version, 1) + 1`,
    { rows: moved },
  );
  await deriveRelationships(tx, moved.flatMap((row) => [{ id: row.relationship, type: row.type }, { id: row.now, type: row.type }]), { batchSize: 100 });
}

/**
 * An analyst's judgement of a pair (SAME, NOT_SAME, UNSURE). With `expected` (the decision the
 * analyst saw), a pair judged otherwise meanwhile is a conflict: nothing is written.
 */
export async function judgeMatch(db: Database, by: string, id: string, decision: string, expected?: string | null): Promise<string> {
  if (!matchDecisions.includes(decision as MatchDecision) || decision === 'PENDING') {
    throw new InputError('decision', `must be SAME, NOT_SAME or UNSURE (undoJudgement puts a pair back in the queue)`);
  }
  const author = authorNow(by);
  return db.transaction(async (tx) => {
    const pair = await lockedPair(tx, id);
    if (expected && pair.decision !== expected) {
      throw new ConcurrentChangeError(`Pair ${id} is ${pair.decision} now${pair.by ? ` (judged by ${pair.by} at ${pair.at})` : ''}, not ${expected} as expected`);
    }
    return setJudgement(tx, author, pair, decision as MatchDecision, 'JUDGE_MATCH');
  });
}

/** Undoes a pair's judgement, automatic or not: it waits in the queue again (a SAME is unmerged). */
export async function undoJudgement(db: Database, by: string, id: string): Promise<string> {
  const author = authorNow(by);
  return db.transaction(async (tx) => setJudgement(tx, author, await lockedPair(tx, id), 'PENDING', 'UNDO_JUDGEMENT'));
}
