// npm run docs:queries: run every query of docs/queries.md against the seeded graph and
// write the answers into it. The test `docs` checks they still hold.
import fs from 'node:fs';
import { graphql } from 'graphql';
import { loadSeed } from '../loader/load.ts';
import { loadConfig } from '../config.ts';
import { examplesPath, readExamples, writeAnswers } from '../docs/examples.ts';
import { connect } from '../launcher/connect.ts';
import { createContext } from '../api/context.ts';
import { buildSchema } from '../api/schema.ts';
import { interruption, runMain } from './run.ts';

runMain(async () => {
  const config = loadConfig();
  const connection = await connect(config, interruption());
  try {
    await loadSeed(connection.db, { batchSize: config.limits.loaderBatchSize, timeoutMs: config.limits.loaderTimeoutMs });
    const schema = buildSchema();
    const markdown = fs.readFileSync(examplesPath, 'utf8');
    const answers = [];
    for (const example of readExamples(markdown)) {
      const result = await graphql({ schema, source: example.query, contextValue: createContext(connection.db) });
      if (result.errors) throw new Error(`${example.title}: ${result.errors.map((e) => e.message).join('; ')}`);
      answers.push(result.data);
    }
    fs.writeFileSync(examplesPath, writeAnswers(markdown, answers));
    console.log(`Wrote ${answers.length} answers to ${examplesPath}`);
  } finally {
    await connection.close();
  }
});
