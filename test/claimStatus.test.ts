// The claim-status rule has two forms (src/domain/claimRules.ts): statusOf in TypeScript, for a
// first load's records, and statusOfClaims in Cypher, for every other derivation. Against the real
// Neo4j, both judge every combination of a claim's stance (from the vocabulary), disputedBy, a
// contradiction with a live or a retracted claim, and its own retraction, alone and in pairs
// (one contradicting the other or not), and must give each relationship the same status.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { contestedClaims, statusOf, statusOfClaims, type StatusClaim } from '../src/domain/claimRules.ts';
import { groupBy } from '../src/domain/groupBy.ts';
import { claimStatuses, stances } from '../src/domain/vocabulary.ts';
import { openTestDb } from './support/testGraph.ts';

const db = openTestDb();
after(() => db.close());

interface TestClaim extends StatusClaim {
  group: string;
  props: { stance: string; retracted: true | null };
}

/** Every kind of claim: stance x disputed x contradiction (none, a live claim, a retracted one) x retracted. */
const variants = stances.flatMap((stance) =>
  [false, true].flatMap((disputed) =>
    (['none', 'target-live', 'target-retracted'] as const).flatMap((contradicts) =>
      [false, true].map((retracted) => ({ stance, disputed, contradicts, retracted })),
    ),
  ),
);
type Variant = (typeof variants)[number];

const claims: TestClaim[] = [];
const claim = (id: string, group: string, v: Variant, contradicts: string[] = []): TestClaim => {
  const made: TestClaim = {
    id,
    group,
    disputedBy: v.disputed ? ['status-rule-disputer'] : [],
    contradicts: [...(v.contradicts === 'none' ? [] : [v.contradicts]), ...contradicts],
    props: { stance: v.stance, retracted: v.retracted ? true : null },
  };
  claims.push(made);
  return made;
};

// The claims others contradict, in a relationship of their own.
claim('target-live', 'targets', { stance: 'ATTRIBUTED', disputed: false, contradicts: 'none', retracted: false });
claim('target-retracted', 'targets', { stance: 'ATTRIBUTED', disputed: false, contradicts: 'none', retracted: true });
variants.forEach((v, i) => claim(`single-${i}`, `single-${i}`, v));
variants.forEach((a, i) =>
  variants.forEach((b, j) => {
    if (j < i) return;
    for (const within of [false, true]) {
      const group = `pair-${i}-${j}-${within}`;
      claim(`${group}-a`, group, a, within ? [`${group}-b`] : []);
      claim(`${group}-b`, group, b);
    }
  }),
);

/** The TypeScript form, as src/loader/relationships.ts applies it: over the live claims, or all when none is. */
function statusesInTypeScript(): Map<string, string> {
  const contested = contestedClaims(claims);
  const groups = groupBy(claims, (c) => c.group);
  return new Map([...groups].map(([group, every]) => {
    const live = every.filter((c) => c.props.retracted === null);
    return [group, statusOf(live.length > 0 ? live : every, contested)];
  }));
}

/** The Cypher form, as src/graph/derive.ts applies it, over the claims as nodes; nothing is committed. */
async function statusesInCypher(): Promise<Map<string, string>> {
  const rows = claims.map((c, idx) => ({ idx, id: c.id, group: c.group, stance: c.props.stance, retracted: c.props.retracted, disputed: c.disputedBy.length > 0 }));
  const index = new Map(claims.map((c, idx) => [c.id, idx]));
  const links = claims.flatMap((c) => c.contradicts.map((other) => ({ from: index.get(c.id)!, to: index.get(other)! })));
  return db.rolledBack(async (tx) => {
    await tx.run(`CREATE (:Actor:StatusRuleDisputer {id: 'status-rule-disputer'})`);
    await tx.run(
      `MATCH (d:StatusRuleDisputer)
       UNWIND $rows AS row
       CREATE (x:StatusRuleClaim {idx: row.idx, id: row.id, group: row.group, stance: row.stance, retracted: row.retracted})
       FOREACH (_ IN CASE WHEN row.disputed THEN [1] ELSE [] END | CREATE (x)-[:DISPUTED_BY]->(d))`,
      { rows },
    );
    await tx.run(
      `MATCH (x:StatusRuleClaim) WITH x ORDER BY x.idx WITH collect(x) AS nodes
       UNWIND $links AS link
       WITH nodes[toInteger(link.from)] AS a, nodes[toInteger(link.to)] AS b
       CREATE (a)-[:CONTRADICTS]->(b)`,
      { links },
    );
    const found = await tx.run<{ group: string; status: string }>(
      `MATCH (c:StatusRuleClaim) WITH c ORDER BY c.id
       WITH c.group AS group, collect(c) AS every
       WITH group, every, [x IN every WHERE x.retracted IS NULL] AS live
       WITH group, CASE WHEN size(live) > 0 THEN live ELSE every END AS claims
       RETURN group, ${statusOfClaims('claims')} AS status`,
    );
    return new Map(found.map((row) => [row.group, row.status]));
  });
}

describe('The claim-status rule', () => {
  it('gives the same status in TypeScript and in Cypher for every combination of claims', async () => {
    const expected = statusesInTypeScript();
    const actual = await statusesInCypher();
    assert.equal(actual.size, expected.size);
    const differ = [...expected].filter(([group, status]) => actual.get(group) !== status);
    assert.deepEqual(differ.slice(0, 5).map(([group, status]) => `${group}: TypeScript ${status}, Cypher ${actual.get(group)}`), []);
    // Every status is reached, so the comparison is not vacuous.
    assert.deepEqual(new Set(expected.values()), new Set(claimStatuses));
  });
});
