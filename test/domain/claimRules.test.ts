// src/domain/claimRules.ts: a relationship's id, the stance rules and the status rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contestedClaims, relationshipId, stanceProblems, statusOf, type StatusClaim } from '../../src/domain/claimRules.ts';

describe('relationshipId', () => {
  it('joins subject, type (lowercase, hyphens) and object, with no role suffix without a role', () => {
    assert.equal(relationshipId('imu', 'PLEDGED_ALLEGIANCE_TO', 'islamic-state'), 'imu--pledged-allegiance-to--islamic-state');
    assert.equal(relationshipId('imu', 'LEADS', 'b', null), 'imu--leads--b');
    assert.equal(relationshipId('imu', 'LEADS', 'b', ''), 'imu--leads--b');
  });

  it('adds the role as a slug: diacritics dropped, runs of other characters one hyphen, none at the ends', () => {
    assert.equal(relationshipId('a', 'MEMBER_OF', 'b', '  Émir (Deputy)  '), 'a--member-of--b--emir-deputy');
    assert.equal(relationshipId('a', 'LEADS', 'b', 'Minister of Foreign Affairs'), 'a--leads--b--minister-of-foreign-affairs');
    assert.equal(relationshipId('a', 'LEADS', 'b', 'Müdür'), relationshipId('a', 'LEADS', 'b', 'mudur'));
  });

  it('keeps relationships with different roles apart', () => {
    assert.notEqual(relationshipId('a', 'LEADS', 'b', 'chairman'), relationshipId('a', 'LEADS', 'b', 'president'));
    assert.notEqual(relationshipId('a', 'LEADS', 'b', 'chairman'), relationshipId('a', 'LEADS', 'b'));
  });
});

describe('stanceProblems', () => {
  const claim = (stance: string, claimedBy: string[] = [], disputedBy: string[] = [], note?: string) => ({ stance, claimedBy, disputedBy, note });

  it('accepts each stance with the claimants it needs', () => {
    assert.deepEqual(stanceProblems(claim('ASSERTED')), []);
    assert.deepEqual(stanceProblems(claim('ASSERTED', [], ['uzbekistan'])), []);
    assert.deepEqual(stanceProblems(claim('ATTRIBUTED', ['uzbekistan'])), []);
    assert.deepEqual(stanceProblems(claim('DENIED', [], ['imu'])), []);
    assert.deepEqual(stanceProblems(claim('INFERRED', [], [], '"IDU" read as the IMU')), []);
  });

  it('refuses an unknown stance, naming the known ones, and checks nothing else then', () => {
    const problems = stanceProblems(claim('asserted'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]![0], 'stance');
    assert.match(problems[0]![1], /unknown stance "asserted".*ASSERTED, ATTRIBUTED, DENIED, INFERRED/);
  });

  it('an ATTRIBUTED claim needs claimedBy', () => {
    assert.deepEqual(stanceProblems(claim('ATTRIBUTED')).map(([field]) => field), ['claimedBy']);
  });

  it('an ASSERTED claim may not have claimedBy', () => {
    assert.deepEqual(stanceProblems(claim('ASSERTED', ['uzbekistan'])).map(([field]) => field), ['claimedBy']);
  });

  it('a DENIED claim needs disputedBy', () => {
    assert.deepEqual(stanceProblems(claim('DENIED', ['uzbekistan'])).map(([field]) => field), ['disputedBy']);
  });

  it('an INFERRED claim needs a note saying what was inferred from what, and no claimant', () => {
    assert.deepEqual(stanceProblems(claim('INFERRED')).map(([field]) => field), ['note']);
    assert.deepEqual(stanceProblems(claim('INFERRED', [], [], '  ')).map(([field]) => field), ['note']);
    assert.deepEqual(stanceProblems(claim('INFERRED', ['uzbekistan'], [], 'read so')).map(([field]) => field), ['claimedBy']);
  });
});

describe('statusOf and contestedClaims', () => {
  const c = (id: string, stance: string, more: Partial<StatusClaim> & { retracted?: boolean } = {}): StatusClaim => ({
    id,
    disputedBy: more.disputedBy ?? [],
    contradicts: more.contradicts ?? [],
    props: { stance, ...(more.retracted ? { retracted: true } : {}) },
  });
  const status = (claims: StatusClaim[], all: StatusClaim[] = claims) => statusOf(claims, contestedClaims(all));

  it('is REPORTED when a claim asserts it, else ALLEGED', () => {
    assert.equal(status([c('c1', 'ATTRIBUTED'), c('c2', 'ASSERTED')]), 'REPORTED');
    assert.equal(status([c('c1', 'ATTRIBUTED'), c('c2', 'ATTRIBUTED')]), 'ALLEGED');
  });

  it('is INFERRED only when every claim is a curator\'s inference: never REPORTED', () => {
    assert.equal(status([c('c1', 'INFERRED'), c('c2', 'INFERRED')]), 'INFERRED');
    assert.equal(status([c('c1', 'INFERRED'), c('c2', 'ATTRIBUTED')]), 'ALLEGED');
    assert.equal(status([c('c1', 'INFERRED'), c('c2', 'ASSERTED')]), 'REPORTED');
    assert.equal(status([c('c1', 'INFERRED', { disputedBy: ['imu'] })]), 'DISPUTED');
  });

  it('is DISPUTED when a claim denies it or is disputed, even beside an assertion', () => {
    assert.equal(status([c('c1', 'ASSERTED'), c('c2', 'DENIED')]), 'DISPUTED');
    assert.equal(status([c('c1', 'ASSERTED'), c('c2', 'ATTRIBUTED', { disputedBy: ['imu'] })]), 'DISPUTED');
  });

  it('is DISPUTED on both sides of a contradiction, whichever claim names it', () => {
    const x = c('x', 'ASSERTED', { contradicts: ['y'] });
    const y = c('y', 'ASSERTED');
    assert.deepEqual([...contestedClaims([x, y])].sort(), ['x', 'y']);
    assert.equal(status([x], [x, y]), 'DISPUTED');
    assert.equal(status([y], [x, y]), 'DISPUTED');
  });

  it('ignores a contradiction by or of a retracted claim, on the other side only', () => {
    const x = c('x', 'ASSERTED', { contradicts: ['y'] });
    const y = c('y', 'ASSERTED', { retracted: true });
    assert.deepEqual([...contestedClaims([x, y])], ['y']);
    assert.equal(status([x], [x, y]), 'REPORTED');
    const retractedX = c('x', 'ASSERTED', { contradicts: ['y'], retracted: true });
    assert.deepEqual([...contestedClaims([retractedX, c('y', 'ASSERTED')])], ['x']);
  });

  it('counts retracted as anything but undefined or null', () => {
    const y = (retracted: unknown): StatusClaim => ({ id: 'y', disputedBy: [], contradicts: [], props: { stance: 'ASSERTED', retracted } });
    const x = c('x', 'ASSERTED', { contradicts: ['y'] });
    assert.ok(contestedClaims([x, y(null)]).has('x'));
    assert.ok(!contestedClaims([x, y(false)]).has('x'));
  });
});
