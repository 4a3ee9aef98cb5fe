// npm run check: checks the graph's invariants (src/graph/invariants.ts) on the configured
// Neo4j and names each violation (claim, relationship or change-log entry); exits 1 when any.
import { findViolations } from '../graph/invariants.ts';
import { connect } from '../launcher/connect.ts';
import { runningInstanceConfig } from '../launcher/runningInstance.ts';
import { interruption, runMain } from './run.ts';

runMain(async () => {
  const connection = await connect(runningInstanceConfig({ existing: false }), interruption());
  try {
    const violations = await findViolations(connection.db);
    for (const v of violations) console.log(`${v.kind} ${v.id}: ${v.problem}`);
    console.log(violations.length === 0 ? 'Every invariant holds.' : `${violations.length} violation(s).`);
    return violations.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
  }
});
