// The README's list of mutations (tools/mutationDocs.ts): current with the SDL, every mutation
// there, and every request body it shows a valid operation of the schema.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, validate } from 'graphql';
import { readTypeDefs } from '../src/api/typeDefs.ts';
import { mutationDocs, readmePath, webMutations, withMutationDocs } from '../tools/mutationDocs.ts';

const schema = makeExecutableSchema({ typeDefs: readTypeDefs() });
const readme = fs.readFileSync(readmePath, 'utf8');

describe("the README's mutations", () => {
  it('are what the SDL generates today (run `npm run codegen` after changing schema/*.graphql)', () => {
    assert.equal(withMutationDocs(readme, mutationDocs(schema)), readme);
  });

  it('list every mutation with its signature', () => {
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      assert.ok(readme.includes(`#### \`${field.name}(`), `${field.name} is not documented`);
    }
  });

  it('show request bodies that are valid operations of the schema', () => {
    const bodies = [...mutationDocs(schema).matchAll(/^gql '(.*)'$/gm)].map((m) => JSON.parse(m[1]!.replace(/'\\''/g, "'")) as { query: string });
    assert.equal(bodies.length, Object.keys(schema.getMutationType()!.getFields()).length);
    for (const { query } of bodies) assert.deepEqual(validate(schema, parse(query)).map((e) => e.message), [], query);
  });

  it("say which mutations the web app sends, from its own queries", () => {
    const web = webMutations();
    assert.ok(web.has('addClaim') && web.has('addSource'), [...web].join(', '));
    assert.match(mutationDocs(schema), /\*\*Curation mode\*\* \(the web app, signed in\) sends [^.]*`addClaim`/);
  });
});
