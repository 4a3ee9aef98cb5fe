// npm run codegen: regenerate src/domain/generated/vocabulary.ts from schema/vocabulary.yaml
// (tools/vocabulary.ts) first, then src/api/generated/graphql.ts (resolver types),
// web/src/api/generated/operations.ts (what the web app's queries return, and the input types
// they send) from web/src/api/queries.ts (tools/codegen.ts), and web/src/graph/palette.ts and
// neo4j-browser/actorgraph.grass from schema/palette.yaml (tools/palette.ts), and the README's
// list of mutations from the SDL (tools/mutationDocs.ts).
import { writeVocabularyFile } from '../../tools/vocabulary.ts';
import { runMain } from './run.ts';

runMain(async () => {
  for (const file of writeVocabularyFile()) console.log(`Wrote ${file}`);
  // Imported once the vocabulary is written, so that the enums and the palette check see the new one.
  const { writeGeneratedTypes } = await import('../../tools/codegen.ts');
  const { writePaletteFiles } = await import('../../tools/palette.ts');
  const { writeMutationDocs } = await import('../../tools/mutationDocs.ts');
  for (const file of [...(await writeGeneratedTypes()), ...writePaletteFiles(), ...writeMutationDocs()]) console.log(`Wrote ${file}`);
});
