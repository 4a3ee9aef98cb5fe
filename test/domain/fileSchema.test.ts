// src/domain/fileSchema.ts: the shape of a seed file's entries, each refusal at its field's path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { actorSchema, claimSchema, dataFileSchema, sourceSchema } from '../../src/domain/fileSchema.ts';
import { formatPath } from '../../src/domain/problems.ts';

const claim = {
  id: 'imu--pledged-allegiance-to--islamic-state--rferl-2015',
  type: 'PLEDGED_ALLEGIANCE_TO',
  subject: 'islamic-movement-of-uzbekistan',
  object: 'islamic-state',
  stance: 'ASSERTED',
  quotes: ['the IMU pledged allegiance to IS'],
};

/** Each refusal as "path: message". */
const refusals = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  assert.ok(!result.success, 'refused');
  return result.error.issues.map((issue) => `${formatPath(issue.path as (string | number)[])}: ${issue.message}`);
};

describe('claimSchema', () => {
  it('takes a valid claim, filling the lists left out', () => {
    const parsed = claimSchema.parse({ ...claim, since: '2014-10', until: '2015-01-31' });
    assert.deepEqual([parsed.claimedBy, parsed.disputedBy, parsed.contradicts], [[], [], []]);
    assert.equal(parsed.since, '2014-10');
  });

  it('takes dates as YYYY, YYYY-MM or YYYY-MM-DD and refuses other shapes and year 0000', () => {
    for (const since of ['2014', '2014-10', '2014-10-05']) assert.ok(claimSchema.safeParse({ ...claim, since }).success, since);
    assert.deepEqual(refusals(claimSchema, { ...claim, since: '2014-1' }), ['since: must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD']);
    assert.deepEqual(refusals(claimSchema, { ...claim, until: '14/10/2014' }), ['until: must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD']);
    assert.match(refusals(claimSchema, { ...claim, since: '0000' })[0]!, /^since: has year 0000/);
  });

  it('refuses a lone surrogate anywhere, naming the path', () => {
    assert.deepEqual(refusals(claimSchema, { ...claim, quotes: ['fine', 'bad \uD800 half'] }), [
      'quotes[1]: holds an unpaired UTF-16 surrogate: it is not text that UTF-8 can store',
    ]);
    assert.match(refusals(claimSchema, { ...claim, stance: 'ASSERTED\uDC00' })[0]!, /^stance: holds an unpaired/);
    assert.ok(claimSchema.safeParse({ ...claim, quotes: ['a pair is fine: 😀'] }).success);
  });

  it('refuses no quote, a blank one, one too long, and unknown keys', () => {
    assert.deepEqual(refusals(claimSchema, { ...claim, quotes: [] }), ['quotes: needs at least one quote']);
    assert.deepEqual(refusals(claimSchema, { ...claim, quotes: [' \n '] }), ['quotes[0]: must not be empty']);
    assert.match(refusals(claimSchema, { ...claim, quotes: ['x'.repeat(2001)] })[0]!, /^quotes\[0\]: a quote is at most 2000 characters/);
    assert.ok(claimSchema.safeParse({ ...claim, quotes: ['x'.repeat(2000)] }).success);
    assert.match(refusals(claimSchema, { ...claim, qoutes: ['x'] })[0]!, /qoutes/);
  });

  it('refuses ids that are not lowercase slugs, at their path', () => {
    assert.match(refusals(claimSchema, { ...claim, subject: 'IMU' })[0]!, /^subject: must be a lowercase slug/);
    assert.match(refusals(claimSchema, { ...claim, claimedBy: ['ok', 'not ok'] })[0]!, /^claimedBy\[1\]: must be a lowercase slug/);
    assert.match(refusals(claimSchema, { ...claim, id: 'a---b' })[0]!, /^id: must be a lowercase id/);
    assert.ok(claimSchema.safeParse({ ...claim, contradicts: ['a--leads--b--src'] }).success, 'claim ids may hold double hyphens');
  });

  it('refuses invisible characters in a role, but keeps the Persian zero-width non-joiner', () => {
    assert.deepEqual(refusals(claimSchema, { ...claim, role: 'com\u200Bmander' }), [
      'role: holds U+200B, a control or invisible character: a name must be only what is seen',
    ]);
    assert.match(refusals(claimSchema, { ...claim, role: 'chief\nof staff' })[0]!, /^role: holds U\+000A/);
    assert.ok(claimSchema.safeParse({ ...claim, role: 'می\u200Cگوید' }).success);
    assert.match(refusals(claimSchema, { ...claim, role: 'abc\u200Cdef' })[0]!, /U\+200C/, 'not between Latin letters');
  });

  it('needs every field of a retraction', () => {
    assert.match(refusals(claimSchema, { ...claim, retracted: { at: '2020-01-01', by: 'analyst' } })[0]!, /^retracted\.reason: /);
  });
});

describe('actorSchema and sourceSchema', () => {
  it('take a valid actor and source', () => {
    assert.deepEqual(actorSchema.parse({ id: 'uzbekistan', kind: 'State', name: 'Uzbekistan' }).aliases, []);
    assert.ok(sourceSchema.safeParse({ id: 'rferl', file: 'rferl.txt', title: 'T', published: '2015-01', url: 'https://www.rferl.org/a/x.html' }).success);
  });

  it('refuse a name too long, an alias with a BOM, and a URL that is not http(s)', () => {
    assert.deepEqual(refusals(actorSchema, { id: 'x', kind: 'Group', name: 'A'.repeat(201) }), ['name: must be at most 200 characters']);
    assert.match(refusals(actorSchema, { id: 'x', kind: 'Group', name: 'X', aliases: ['ok', 'IM\uFEFFU'] })[0]!, /^aliases\[1\]: holds U\+FEFF/);
    assert.deepEqual(refusals(sourceSchema, { id: 's', file: 'f', title: 't', url: 'javascript:alert(1)' }), ['url: must be an http or https URL']);
  });
});

describe('dataFileSchema', () => {
  it('names the path inside the file', () => {
    const file = { actors: [{ id: 'x', kind: 'Group', name: 'X' }], claims: [claim, { ...claim, quotes: ['ok', 'a\uDC00'] }] };
    assert.deepEqual(refusals(dataFileSchema, file), ['claims[1].quotes[1]: holds an unpaired UTF-16 surrogate: it is not text that UTF-8 can store']);
    assert.deepEqual(dataFileSchema.parse({}), { actors: [], claims: [], figures: [] });
  });
});
