// The limits are written once, in src/domain/limits.ts: the SDL's descriptions take their
// "(1 to N)" from it (src/api/typeDefs.ts fills `{maxPageSize}`), and the defaults the SDL states
// (`first: Int = 50`) are the ones the graph queries apply when an argument is left out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isObjectType, type GraphQLField } from 'graphql';
import { buildSchema } from '../src/api/schema.ts';
import { fillLimits } from '../src/api/typeDefs.ts';
import { projectRoot } from '../src/config.ts';
import { argumentDefaults, queryLimits } from '../src/domain/limits.ts';

const schema = buildSchema();
const fields = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => !type.name.startsWith('__'))
  .flatMap((type) => Object.values(type.getFields()).map((field): [string, GraphQLField<unknown, unknown>] => [`${type.name}.${field.name}`, field]));

/** The limits a field's description states, where it is not the page size. */
const stated: Record<string, number[]> = {
  'Query.search': [queryLimits.maxSearchLimit],
  'Query.searchMatches': [queryLimits.maxSearchLimit],
  'Query.neighborhood': [queryLimits.maxNeighborhoodDepth, queryLimits.maxNeighborhoodLimit],
  'Query.shortestPath': [queryLimits.maxPathDepth],
  'Query.allegianceChain': [queryLimits.maxAllegianceDepth],
};

/** The defaults of the arguments other than `first`. */
const defaults: Record<string, number> = {
  'Query.search.limit': argumentDefaults.searchLimit,
  'Query.searchMatches.limit': argumentDefaults.searchLimit,
  'Query.neighborhood.depth': argumentDefaults.neighborhoodDepth,
  'Query.neighborhood.limit': argumentDefaults.neighborhoodLimit,
  'Query.shortestPath.maxDepth': argumentDefaults.pathMaxDepth,
  'Query.allegianceChain.depth': argumentDefaults.allegianceDepth,
};

describe('The limits of the API', () => {
  it('are never written by hand in schema/*.graphql: each "1 to" names a limit of src/domain/limits.ts', () => {
    const dir = path.join(projectRoot, 'schema');
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.graphql'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      // The Idempotency-Key header's length is HTTP's, not an argument's (src/writes/idempotency.ts).
      const written = [...text.matchAll(/\b1 to (\d+)\b(?! visible ASCII)/g)].map((m) => m[0]);
      assert.deepEqual(written, [], `${name} states a limit by hand: write {maxPageSize} (a key of queryLimits) instead`);
    }
    assert.equal(fillLimits('first (1 to {maxPageSize})'), `first (1 to ${queryLimits.maxPageSize})`);
    assert.throws(() => fillLimits('(1 to {maxPages})'), /\{maxPages\} is not a limit/);
  });

  it('are what each field\'s description states: "(1 to N)"', () => {
    let checked = 0;
    for (const [name, field] of fields) {
      const numbers = [...(field.description ?? '').matchAll(/\b1 to (\d+)\b(?! visible ASCII)/g)].map((m) => Number(m[1]));
      if (numbers.length === 0) continue;
      const expected = stated[name] ?? numbers.map(() => queryLimits.maxPageSize);
      assert.deepEqual(numbers, expected, `${name}: "${field.description}"`);
      checked += 1;
    }
    assert.ok(checked >= 20, `only ${checked} descriptions state a limit`);
    for (const name of Object.keys(stated)) assert.ok(fields.some(([n]) => n === name), `${name} is in the schema`);
  });

  it('have the defaults the SDL states: `first: Int = 50` and the others', () => {
    const seen = new Set<string>();
    for (const [name, field] of fields) {
      for (const arg of field.args) {
        if (arg.defaultValue === undefined || typeof arg.defaultValue !== 'number') continue;
        const key = `${name}.${arg.name}`;
        const expected = arg.name === 'first' ? argumentDefaults.first : defaults[key];
        assert.equal(arg.defaultValue, expected, `${key} defaults to ${arg.defaultValue} in the SDL`);
        seen.add(key);
      }
    }
    for (const key of Object.keys(defaults)) assert.ok(seen.has(key), `${key} states its default in the SDL`);
  });
});
