// npm run bench:profile -- --probes DIR/probes.json [--out FILE]
// Asks each benchmark operation through the API's schema (in this process, no HTTP) on the
// database loaded now, with every Cypher statement it sends run under PROFILE: how many
// statements each operation takes and how many database hits they cost. For a graph made by
// `npm run bench:generate` and loaded with `npm run seed`.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { graphql } from 'graphql';
import neo4j, { type RecordShape } from 'neo4j-driver';
import { loadConfig } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import { connect } from '../src/launcher/connect.ts';
import { Database, type Params } from '../src/neo4j/database.ts';
import { createContext } from '../src/api/context.ts';
import { buildSchema } from '../src/api/schema.ts';
import { apiQuery } from './apiQueries.ts';
import { operationNames, type OperationName, type Probes } from './operations.ts';

interface PlanNode {
  dbHits: number;
  children: PlanNode[];
}

const hits = (plan: PlanNode): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0);

/** The real database, with every read run under PROFILE and its db hits added up. */
class ProfilingDatabase extends Database {
  sent = 0;
  dbHits = 0;
  override async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`PROFILE ${cypher}`, params);
      this.sent++;
      this.dbHits += hits(result.summary.profile as unknown as PlanNode);
      return result.records.map((record) => record.toObject() as T);
    } finally {
      await session.close();
    }
  }
}

export interface OperationProfile {
  statements: number;
  dbHits: number;
}

export async function profileOperations(db: Database, probes: Probes): Promise<Record<OperationName, OperationProfile>> {
  const schema = buildSchema();
  const profiles = {} as Record<OperationName, OperationProfile>;
  for (const op of operationNames) {
    const { query, variables } = apiQuery(op, probes);
    const profiling = new ProfilingDatabase(db.driver, db.name, db.limits);
    const result = await graphql({ schema, source: query, variableValues: variables, contextValue: createContext(profiling) });
    if (result.errors?.length) throw new UserError(`${op}: ${result.errors[0]!.message}`);
    profiles[op] = { statements: profiling.sent, dbHits: profiling.dbHits };
  }
  return profiles;
}

/** The command line of `npm run bench:profile` (src/cli/benchProfile.ts). */
export async function profileCli(): Promise<void> {
  const { values } = parseArgs({ options: { probes: { type: 'string' }, out: { type: 'string' } } });
  if (!values.probes) throw new UserError('--probes FILE is required: the probes.json that npm run bench:generate wrote');
  const probes = JSON.parse(fs.readFileSync(values.probes, 'utf8')) as Probes;
  const connection = await connect(loadConfig(), new AbortController().signal);
  try {
    const profiles = await profileOperations(connection.db, probes);
    for (const [op, { statements, dbHits }] of Object.entries(profiles)) console.log(`${op.padEnd(24)} ${String(statements).padStart(3)} statements ${String(dbHits).padStart(12)} db hits`);
    if (values.out) fs.writeFileSync(values.out, `${JSON.stringify(profiles, null, 2)}\n`);
  } finally {
    await connection.close();
  }
}
