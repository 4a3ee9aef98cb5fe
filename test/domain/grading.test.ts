// The grading rules of src/domain/grading.ts: grade codes, what a min filter lets through, and which
// of a relationship's claims gives its best grading (the rule derive.ts states in Cypher, held equal
// to this one by test/grading.test.ts's loads: a first load derives in memory, a reload in Cypher).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestGradeCode, credibilityAtLeast, gradeCode, gradeProps, gradingOf, parseGradeCode, reliabilityAtLeast } from '../../src/domain/grading.ts';

describe('grade codes', () => {
  it('read as the Admiralty code, "-" for an ungraded half, and back', () => {
    assert.equal(gradeCode('B', 2), 'B2');
    assert.equal(gradeCode(null, 6), '-6');
    assert.equal(gradeCode('F', null), 'F-');
    assert.deepEqual(parseGradeCode('-6'), { reliability: null, credibility: 6 });
    assert.deepEqual(parseGradeCode('C-'), { reliability: 'C', credibility: null });
  });
});

describe('min filters', () => {
  it('let through the grades at least as good, best first', () => {
    assert.deepEqual(reliabilityAtLeast('A'), ['A']);
    assert.deepEqual(reliabilityAtLeast('C'), ['A', 'B', 'C']);
    assert.deepEqual(credibilityAtLeast(2), [1, 2]);
    assert.deepEqual(credibilityAtLeast(6), [1, 2, 3, 4, 5, 6]);
  });
});

describe('the best grading of a relationship', () => {
  it('is the best credibility, then the best reliability among the claims with it', () => {
    assert.equal(bestGradeCode(['A3', 'C2']), 'C2');
    assert.equal(bestGradeCode(['C2', 'B2', 'E1']), 'E1');
    assert.equal(bestGradeCode(['C2', 'B2']), 'B2');
  });
  it('ranks an ungraded half after every grade of its kind, and is null when nothing is graded', () => {
    assert.equal(bestGradeCode(['-2', 'F6']), '-2', 'a credibility of 2 from an ungraded source beats 6');
    assert.equal(bestGradeCode(['B-', 'F6']), 'F6', 'an ungraded credibility ranks after 6');
    assert.equal(bestGradeCode(['B-', '--']), 'B-');
    assert.equal(bestGradeCode(['--']), null);
    assert.equal(bestGradeCode([]), null);
  });
});

describe('grading properties', () => {
  it('are all null when ungraded, so that a write over a node clears an old grade', () => {
    assert.deepEqual(gradeProps('credibility', null), { credibility: null, credibilityReason: null, credibilityBy: null, credibilityAt: null });
  });
  it('read back as the grading, null when ungraded', () => {
    const props = gradeProps('reliability', { grade: 'B', reason: 'Named outlet.', by: 'ed', at: '2026-01-01T00:00:00Z' });
    assert.deepEqual(gradingOf('reliability', props), { grade: 'B', reason: 'Named outlet.', by: 'ed', at: '2026-01-01T00:00:00Z' });
    assert.equal(gradingOf('credibility', gradeProps('credibility', undefined)), null);
    assert.deepEqual(gradingOf('credibility', { credibility: 2.0, credibilityReason: 'x' }), { grade: 2, reason: 'x', by: null, at: null });
  });
});
