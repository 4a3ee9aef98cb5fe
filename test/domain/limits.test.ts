// src/domain/limits.ts: the limits of the API's arguments and of entries, and the defaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argumentDefaults, entryLimits, queryLimits } from '../../src/domain/limits.ts';

describe('limits', () => {
  it('are positive whole numbers', () => {
    for (const [key, value] of Object.entries({ ...entryLimits, ...queryLimits, ...argumentDefaults })) {
      assert.ok(Number.isInteger(value) && value > 0, `${key} is ${value}`);
    }
  });

  it('each default lies within the range its argument accepts', () => {
    const within = (name: string, value: number, max: number) => assert.ok(value >= 1 && value <= max, `${name}: ${value} not in 1..${max}`);
    within('first', argumentDefaults.first, queryLimits.maxPageSize);
    within('searchLimit', argumentDefaults.searchLimit, queryLimits.maxSearchLimit);
    within('neighborhoodDepth', argumentDefaults.neighborhoodDepth, queryLimits.maxNeighborhoodDepth);
    within('neighborhoodLimit', argumentDefaults.neighborhoodLimit, queryLimits.maxNeighborhoodLimit);
    within('pathMaxDepth', argumentDefaults.pathMaxDepth, queryLimits.maxPathDepth);
    within('allegianceDepth', argumentDefaults.allegianceDepth, queryLimits.maxAllegianceDepth);
  });

  it('keep a name within what a Neo4j range index holds (8 KB), at four UTF-8 bytes a character', () => {
    assert.ok(entryLimits.maxNameLength * 4 < 8 * 1024);
  });
});
