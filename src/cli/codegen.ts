// npm run codegen: regenerate src/server/generated/graphql.ts (resolver types) and
// web/src/generated/inputs.ts (the input types the web app sends) from schema/*.graphql.
import fs from 'node:fs';
import path from 'node:path';
import { generateResolverTypes, generateWebInputTypes, generatedPath, webGeneratedPath } from '../server/codegen.ts';
import { runMain } from './run.ts';

runMain(async () => {
  for (const [file, generate] of [[generatedPath, generateResolverTypes], [webGeneratedPath, generateWebInputTypes]] as const) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await generate());
    console.log(`Wrote ${file}`);
  }
});
