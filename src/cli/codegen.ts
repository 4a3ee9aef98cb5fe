// npm run codegen: regenerate src/api/generated/graphql.ts (resolver types),
// web/src/api/generated/inputs.ts (the input types the web app sends) from schema/*.graphql, and
// web/src/api/generated/operations.ts (what the web app's queries return) from
// web/src/api/queries.ts (tools/codegen.ts), and web/src/graph/palette.ts and
// neo4j-browser/actorgraph.grass from schema/palette.yaml (tools/palette.ts).
import { writeGeneratedTypes } from '../../tools/codegen.ts';
import { writePaletteFiles } from '../../tools/palette.ts';
import { runMain } from './run.ts';

runMain(async () => {
  for (const file of [...(await writeGeneratedTypes()), ...writePaletteFiles()]) console.log(`Wrote ${file}`);
});
