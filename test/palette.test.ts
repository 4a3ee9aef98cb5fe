// The palette is defined once (schema/palette.yaml): the committed web palette and Browser style
// are what `npm run codegen` makes of it today, the two agree colour for colour, and a palette
// with an unknown key, a missing term or a bad colour is refused with the key and its line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { generateGrass, generateWebPalette, grassPath, palettePath, readPalette, webPalettePath } from '../tools/palette.ts';
import { actorKindEnumValue, actorKinds, relationshipTypes } from '../src/domain/vocabulary.ts';
import { kindLook, typeColor } from '../web/src/graph/palette.ts';

const grass = fs.readFileSync(grassPath, 'utf8');
const paletteText = fs.readFileSync(palettePath, 'utf8');

/** The colour a grass rule gives, or undefined. */
const grassColor = (selector: string) =>
  grass.match(new RegExp(`^${selector.replace('.', '\\.')} \\{[^}]*?\\bcolor: (#[0-9A-F]{6});`, 'm'))?.[1];

/** The problems readPalette reports for the palette with `from` replaced by `to`. */
function problemsWith(from: string, to: string): string {
  const text = paletteText.replace(from, to);
  assert.notEqual(text, paletteText, `"${from}" is in the palette`);
  assert.throws(() => readPalette(palettePath, text));
  try {
    readPalette(palettePath, text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const lineOf = (text: string) => paletteText.slice(0, paletteText.indexOf(text)).split('\n').length;

describe('The palette', () => {
  it('generated web/src/graph/palette.ts and neo4j-browser/actorgraph.grass as they are committed (run `npm run codegen`)', () => {
    assert.equal(fs.readFileSync(webPalettePath, 'utf8'), generateWebPalette());
    assert.equal(grass, generateGrass());
  });

  it('gives the web app and Neo4j Browser the same colour for every actor kind and relationship type', () => {
    for (const kind of actorKinds) assert.equal(grassColor(`node.${kind}`), kindLook(actorKindEnumValue(kind)).color.toUpperCase(), kind);
    for (const type of relationshipTypes) assert.equal(grassColor(`relationship.${type}`), typeColor(type).toUpperCase(), type);
  });

  it('refuses an unknown key, naming it and its line', () => {
    assert.match(problemsWith('  FUNDS:', '  FUNDZ:'), new RegExp(`palette\\.yaml:${lineOf('  FUNDS:')}: unknown key "FUNDZ"`));
    assert.match(problemsWith("shape: hexagon", "shade: hexagon"), new RegExp(`palette\\.yaml:${lineOf('shape: hexagon')}: unknown key "shade" in actorKinds\\.Group`));
  });

  it('refuses a missing kind or type and a colour that is not #RRGGBB', () => {
    assert.match(problemsWith("  Place: { color: '#d49a1c', shape: triangle, diameter: 45 }\n", ''), /actorKinds\.Place \(in vocabulary\.yaml\) has no entry/);
    assert.match(problemsWith("  SPOKE_TO: { color: '#95a5a6' }\n", ''), /relationshipTypes\.SPOKE_TO \(in vocabulary\.yaml\) has no entry/);
    assert.match(problemsWith("'#27ae60'", "'#27ae6'"), new RegExp(`palette\\.yaml:${lineOf("'#27ae60'")}: relationshipTypes\\.COOPERATES_WITH\\.color is not a #RRGGBB colour`));
  });
});
