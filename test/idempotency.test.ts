// A write's outcome is never in doubt: a retry with the same Idempotency-Key writes once and
// answers the first outcome (a retry without one writes again), and a write that committed says
// so in its answer (`extensions.writes`) whatever befalls the rest: a request deadline that passes
// while it runs, or an answer too large to send. Against the real Neo4j, through the real app.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createToken } from '../src/auth/tokens.ts';
import { contentHash, reseedAfterwards, seed, seededApp, startTestApp, testApiSettings, type TestApp } from './support/testGraph.ts';

const setup = seededApp();
const tokens = { editor: '', editor2: '' };

before(async () => {
  await seed(setup.db, true);
  const stamp = `${process.pid}-${Date.now()}`;
  tokens.editor = await createToken(setup.db, `idem-editor-${stamp}`, 'editor');
  tokens.editor2 = await createToken(setup.db, `idem-editor2-${stamp}`, 'editor');
});
reseedAfterwards();

interface Receipt {
  field: string;
  mutation: string;
  id: string;
  committed: boolean;
  replayed: boolean;
}
interface Answer<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { writes?: Receipt[] } };
}

/** POST /graphql as an editor, with an Idempotency-Key when given. */
async function post<T>(query: string, variables: Record<string, unknown>, key?: string, options: { app?: TestApp; token?: string } = {}): Promise<Answer<T>> {
  const response = await fetch(`${(options.app ?? setup.app).url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.token ?? tokens.editor}`,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer<T>['body'] };
}

const article = 'Officials in Dushanbe said on Tuesday that Jamaat Ansarullah has sworn allegiance to the Taliban. Others denied it.';
const addSource = 'mutation($input: AddSourceInput!) { addSource(input: $input) { id } }';
const addClaim = 'mutation($input: AddClaimInput!) { addClaim(input: $input) { id stance evidence { quote } } }';
const claimInput = (source: string, note: string | null = null) => ({
  subject: 'jamaat-ansarullah',
  type: 'PLEDGED_ALLEGIANCE_TO',
  object: 'taliban',
  stance: 'ASSERTED',
  note,
  source,
  quotes: ['Jamaat Ansarullah has sworn allegiance to the Taliban'],
});
type ClaimAnswer = { addClaim: { id: string; stance: string; evidence: { quote: string }[] } };

async function claimsFrom(source: string): Promise<string[]> {
  const rows = await setup.db.read<{ id: string }>('MATCH (c:Claim)-[:IN_SOURCE]->(:Source {id: $source}) RETURN c.id AS id ORDER BY id', { source });
  return rows.map((row) => row.id);
}

let sourceId = '';

describe('an idempotent retry writes once', () => {
  before(async () => {
    const answer = await post<{ addSource: { id: string } }>(addSource, { input: { title: 'Ansarullah pledge', publisher: 'Idem Wire', published: '2016-05', text: article } });
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    sourceId = answer.body.data!.addSource.id;
  });

  it('without a key, a retry writes the claim again (a duplicate): clients that retry send a key', async () => {
    const first = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) });
    const retry = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) });
    const ids = [first.body.data!.addClaim.id, retry.body.data!.addClaim.id];
    assert.notEqual(ids[0], ids[1]);
    assert.deepEqual(await claimsFrom(sourceId), [...ids].sort());
    assert.deepEqual(first.body.extensions?.writes, [{ field: 'addClaim', mutation: 'addClaim', id: ids[0], committed: true, replayed: false }]);
  });

  it('with a key, a retry writes nothing and answers the first outcome', async () => {
    const before = await claimsFrom(sourceId);
    const first = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) }, 'retry-once-1');
    const written = await contentHash(setup.db);
    const retry = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) }, 'retry-once-1');
    assert.equal(await contentHash(setup.db), written, 'the retry wrote nothing');
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body.data, first.body.data);
    const id = first.body.data!.addClaim.id;
    assert.deepEqual(retry.body.extensions?.writes, [{ field: 'addClaim', mutation: 'addClaim', id, committed: true, replayed: true }]);
    assert.deepEqual(await claimsFrom(sourceId), [...before, id].sort());
  });

  it('refuses the same key with another input, naming the key, and writes nothing', async () => {
    const before = await contentHash(setup.db);
    const answer = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId, 'Another reading') }, 'retry-once-1');
    const error = answer.body.errors?.[0];
    assert.equal(error?.extensions?.code, 'IDEMPOTENCY_KEY_REUSED', JSON.stringify(answer.body));
    assert.equal(error?.extensions?.idempotencyKey, 'retry-once-1');
    assert.match(error!.message, /Idempotency-Key "retry-once-1" was used for addClaim with another input/);
    assert.equal(answer.body.extensions?.writes, undefined);
    assert.equal(await contentHash(setup.db), before);
  });

  it('writes once for requests sent at the same time with the same key, and answers each the one outcome', async () => {
    const before = await claimsFrom(sourceId);
    const answers = await Promise.all([1, 2, 3, 4].map(() => post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) }, 'at-once-1')));
    const ids = new Set(answers.map((answer) => answer.body.data?.addClaim.id));
    assert.equal(ids.size, 1, JSON.stringify(answers.map((a) => a.body)));
    assert.deepEqual(answers.map((a) => a.body.extensions?.writes?.[0]?.replayed).sort(), [false, true, true, true]);
    assert.equal((await claimsFrom(sourceId)).length, before.length + 1);
  });

  it("keeps each principal's keys apart", async () => {
    const before = await claimsFrom(sourceId);
    const answer = await post<ClaimAnswer>(addClaim, { input: claimInput(sourceId) }, 'retry-once-1', { token: tokens.editor2 });
    assert.equal(answer.body.extensions?.writes?.[0]?.replayed, false);
    assert.equal((await claimsFrom(sourceId)).length, before.length + 1);
  });

  it('answers a retried retraction as the retraction it made (without a key: "retracted already")', async () => {
    const retract = 'mutation($id: ID!) { retractClaim(id: $id, reason: "misread") { id retracted { by reason } } }';
    const [withKey, withoutKey] = (await claimsFrom(sourceId)).slice(0, 2);
    const first = await post<{ retractClaim: unknown }>(retract, { id: withKey }, 'retract-1');
    const retry = await post<{ retractClaim: unknown }>(retract, { id: withKey }, 'retract-1');
    assert.equal(retry.body.errors, undefined, JSON.stringify(retry.body));
    assert.deepEqual(retry.body.data, first.body.data);
    await post(retract, { id: withoutKey });
    const unkeyed = await post(retract, { id: withoutKey });
    assert.equal(unkeyed.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  it('records each mutation of a request under the key apart, so a retry runs only those that did not commit', async () => {
    const query = (b: string) => `mutation { a: addActor(input: {name: "Keyed Alpha", kind: PERSON}) { id } b: retractClaim(id: "${b}", reason: "r") { id } }`;
    const failed = await post(query('no-such-claim'), {}, 'two-fields-1');
    assert.equal(failed.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.deepEqual(failed.body.extensions?.writes?.map((r) => [r.field, r.id, r.replayed]), [['a', 'keyed-alpha', false]]);
    const retried = await post(query('no-such-claim'), {}, 'two-fields-1');
    assert.deepEqual(retried.body.extensions?.writes?.map((r) => [r.field, r.id, r.replayed]), [['a', 'keyed-alpha', true]]);
    const [actors] = await setup.db.read<{ n: number }>('MATCH (a:Actor) WHERE a.name = "Keyed Alpha" RETURN count(a) AS n');
    assert.equal(actors!.n, 1);
  });

  it('refuses a key that is no visible ASCII token, naming the header', async () => {
    const answer = await post(addClaim, { input: claimInput(sourceId) }, 'two words');
    assert.equal(answer.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(answer.body.errors?.[0]?.extensions?.argumentName, 'Idempotency-Key');
  });
});

describe("a committed write's answer says so", () => {
  it('is not cut by the request deadline, and no mutation after the deadline runs', async () => {
    // A deadline long enough for the request to reach its write on a busy machine, then passed while the write waits.
    const app = await startTestApp(setup.db, { ...testApiSettings, requestTimeoutMs: 2_000 });
    const claim = (await claimsFrom(sourceId)).at(-1)!;
    // Another transaction holds the claim until well past the deadline: the retraction waits for it, then commits.
    const session = setup.db.driver.session({ database: setup.db.name });
    const holder = session.beginTransaction();
    try {
      await holder.run('MATCH (c:Claim {id: $claim}) SET c.heldBy = "test"', { claim });
      const released = new Promise((resolve) => setTimeout(resolve, 4_500)).then(() => holder.rollback());
      const answer = await post<{ a: { id: string; retracted: { reason: string } } }>(
        `mutation { a: retractClaim(id: "${claim}", reason: "late") { id retracted { reason } } b: addActor(input: {name: "After The Deadline", kind: PERSON}) { id } }`,
        {},
        undefined,
        { app },
      ).finally(() => released); // the holder lets go before its session closes, whatever the answer
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.errors?.[0]?.extensions?.code, 'REQUEST_TIMEOUT');
      assert.deepEqual(answer.body.extensions?.writes, [{ field: 'a', mutation: 'retractClaim', id: claim, committed: true, replayed: false }]);
      const [row] = await setup.db.read<{ reason: string; later: number }>(
        'MATCH (c:Claim {id: $claim}) RETURN c.retractedReason AS reason, COUNT { MATCH (a:Actor {name: "After The Deadline"}) } AS later',
        { claim },
      );
      assert.deepEqual(row, { reason: 'late', later: 0 });
    } finally {
      await session.close();
      await app.stop();
    }
  });

  it('names the write when its answer is too large to send', async () => {
    const text = `Jamaat Ansarullah was named in a long report. ${'x'.repeat(160_000)}`;
    const texts = Array.from({ length: 28 }, (_, i) => `t${i}: text`).join(' ');
    const answer = await post<unknown>(`mutation($input: AddSourceInput!) { addSource(input: $input) { id ${texts} } }`, {
      input: { title: 'A long report', publisher: 'Idem Wire', published: '2016-06', text },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.errors?.[0]?.extensions?.code, 'RESPONSE_TOO_LARGE');
    const id = '2016-06-a-long-report';
    assert.deepEqual(answer.body.extensions?.writes, [{ field: 'addSource', mutation: 'addSource', id, committed: true, replayed: false }]);
    const [row] = await setup.db.read<{ title: string }>('MATCH (s:Source {id: $id}) RETURN s.title AS title', { id });
    assert.equal(row?.title, 'A long report');
  });
});
