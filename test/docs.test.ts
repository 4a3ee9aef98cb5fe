// Every analyst question in docs/queries.md still gets the answer written there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readExamples } from '../src/docs/examples.ts';
import { seededApp } from './support/testGraph.ts';

describe('docs/queries.md', () => {
  const setup = seededApp();

  const examples = readExamples();
  it('has at least ten questions, each with a query and an answer', () => {
    assert.ok(examples.length >= 10);
    for (const example of examples) assert.ok(example.query && example.answer, example.title);
  });

  for (const example of examples) {
    it(example.title, async () => {
      const { status, body } = await setup.app.graphql(example.query);
      assert.equal(status, 200, JSON.stringify(body.errors));
      assert.deepEqual(body.data, JSON.parse(example.answer), 'run `npm run docs:queries` if the data changed on purpose');
    });
  }
});
