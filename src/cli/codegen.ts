// npm run codegen: regenerate src/server/generated/graphql.ts from schema/*.graphql.
import fs from 'node:fs';
import { generateResolverTypes, generatedPath } from '../server/codegen.ts';
import { runMain } from './run.ts';

runMain(async () => {
  fs.writeFileSync(generatedPath, await generateResolverTypes());
  console.log(`Wrote ${generatedPath}`);
});
