// Access tokens against the real Neo4j: made by the CLI and shown once, stored only as hashes,
// listed without secrets, revoked for good; and the API's bearer check, with reading open by
// default and closed by READ_REQUIRES_TOKEN.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { authenticate, createToken, revokeToken } from '../src/auth/tokens.ts';
import { projectRoot } from '../src/config.ts';
import { openTestDb, seed, startTestApp, testApiSettings, type TestApp } from './support/testGraph.ts';

const db = openTestDb();
const runToken = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: process.env });
const unique = (name: string) => `${name}-${process.pid}-${Date.now()}`;

before(() => seed(db));
after(() => db.close());

describe('npm run token', () => {
  it('creates a token shown once, stores only its hash, lists it without the secret, and revokes it', async () => {
    const name = unique('analyst');
    const created = runToken('create', '--role', 'editor', '--name', name);
    assert.equal(created.status, 0, created.stderr);
    const token = /agt_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    assert.ok(token, created.stdout);
    const stored = await db.read<{ props: Record<string, unknown> }>('MATCH (t:Token {name: $name}) RETURN properties(t) AS props', { name });
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored[0]!.props).includes(token.slice(4)), 'the token itself is never stored');
    assert.deepEqual(await authenticate(db, token), { name, role: 'editor' });

    const listed = runToken('list');
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${name}\\teditor\\tcreated `));
    assert.ok(!listed.stdout.includes(token));

    assert.equal(runToken('revoke', '--name', name).status, 0);
    assert.equal(await authenticate(db, token), null);
    assert.match(runToken('list').stdout, new RegExp(`${name}\\teditor\\tcreated \\S+\\trevoked `));
  });

  it('explains bad arguments, and refuses a name in use', () => {
    const badRole = runToken('create', '--role', 'owner', '--name', unique('x'));
    assert.equal(badRole.status, 1);
    assert.match(badRole.stderr, /Unknown role "owner": use one of reader, editor, admin/);
    assert.match(runToken('create', '--role', 'reader').stderr, /--name is required/);
    assert.match(runToken('rotate').stderr, /usage: npm run token -- create/);
    const name = unique('twice');
    assert.equal(runToken('create', '--role', 'reader', '--name', name).status, 0);
    assert.match(runToken('create', '--role', 'reader', '--name', name).stderr, /exists already/);
    assert.match(runToken('revoke', '--name', unique('nobody')).stderr, /No live token named/);
  });
});

describe('the bearer check', () => {
  let open: TestApp;
  let closed: TestApp;
  let reader: string;
  let revoked: string;
  before(async () => {
    open = await startTestApp(db);
    closed = await startTestApp(db, { ...testApiSettings, readRequiresToken: true });
    reader = await createToken(db, unique('reader'), 'reader');
    const name = unique('gone');
    revoked = await createToken(db, name, 'editor');
    await revokeToken(db, name);
  });
  after(async () => {
    await open.stop();
    await closed.stop();
  });

  const ask = async (app: TestApp, authorization?: string) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ stats { actors } }' }),
    });
    const body = (await response.json()) as { data?: { stats: { actors: number } }; errors?: { message: string; extensions: { code: string } }[] };
    return { status: response.status, body, challenge: response.headers.get('www-authenticate') };
  };

  it('keeps reading open by default, but refuses a bad or revoked token', async () => {
    assert.ok((await ask(open)).body.data!.stats.actors > 100);
    assert.ok((await ask(open, `Bearer ${reader}`)).body.data!.stats.actors > 100);
    for (const authorization of [`Bearer ${revoked}`, 'Bearer agt_not-a-token', 'Basic bmVvNGo6eA==', `Bearer ${reader}x`]) {
      const { status, body, challenge } = await ask(open, authorization);
      assert.equal(status, 401, authorization);
      assert.equal(body.errors?.[0]?.extensions.code, 'UNAUTHENTICATED');
      assert.equal(challenge, 'Bearer');
      assert.equal(body.data, undefined);
    }
  });

  it('with READ_REQUIRES_TOKEN, answers only requests with a live token', async () => {
    const anonymous = await ask(closed);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.body.errors![0]!.message, /Reading requires a token/);
    assert.ok((await ask(closed, `Bearer ${reader}`)).body.data!.stats.actors > 100);
    assert.equal((await ask(closed, `Bearer ${revoked}`)).status, 401);
  });

  it('keeps tokens when the graph is reset', async () => {
    await seed(db, true);
    assert.ok(await authenticate(db, reader));
  });
});
