// npm run codegen: regenerate src/api/generated/graphql.ts (resolver types) and
// web/src/generated/inputs.ts (the input types the web app sends) from schema/*.graphql (tools/codegen.ts).
import { writeGeneratedTypes } from '../../tools/codegen.ts';
import { runMain } from './run.ts';

runMain(async () => {
  for (const file of await writeGeneratedTypes()) console.log(`Wrote ${file}`);
});
