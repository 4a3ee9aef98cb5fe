// src/domain/fileSchema.ts: a source's via, language (BCP 47) and access date, in the seed format and the API alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceSchema } from '../../src/domain/fileSchema.ts';

const source = (fields: Record<string, unknown>) => sourceSchema.safeParse({ id: 'meduza-2015-05-28', file: 'meduza.txt', title: 'T', ...fields });
const problems = (fields: Record<string, unknown>) => {
  const result = source(fields);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a source block', () => {
  it('takes via, a BCP 47 language and a partial access date', () => {
    assert.deepEqual(problems({ via: 'Fergana', language: 'ru', accessed: '2026-01' }), []);
    assert.deepEqual(problems({ language: 'uz-Cyrl' }), []);
  });

  it('refuses a language that is no BCP 47 tag', () => {
    assert.deepEqual(problems({ language: 'Russian language' }), ['language: must be a BCP 47 language tag such as "ru", "en" or "uz-Cyrl"']);
    assert.deepEqual(problems({ language: 'r' }), ['language: must be a BCP 47 language tag such as "ru", "en" or "uz-Cyrl"']);
  });

  it('refuses an access date that is no real date or is after today', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const nextYear = String(new Date().getUTCFullYear() + 1);
    assert.deepEqual(problems({ accessed: tomorrow }), ['accessed: is after today']);
    assert.deepEqual(problems({ accessed: nextYear }), ['accessed: is after today']);
    assert.deepEqual(problems({ accessed: '2015-02-30' }), ['accessed: is not a real date']);
    assert.deepEqual(problems({ accessed: 'May 2015' }), ['accessed: must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD']);
    assert.deepEqual(problems({ accessed: new Date().toISOString().slice(0, 7) }), [], 'this month is not after today');
  });
});
