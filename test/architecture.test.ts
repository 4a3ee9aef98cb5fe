// The layering of STYLE.md (Layout): .dependency-cruiser.cjs says who may import whom, and
// dependency-cruiser reads the real imports (type-only ones too). A new backward arrow fails
// here with its rule's name, as "rule-name: from -> to". Needs no database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = path.resolve(import.meta.dirname, '..');
const tsConfigFile = path.join(root, 'tsconfig.json');
/** What `npm run lint:layers` cruises. */
const layers = ['src', 'web/src', 'bench', 'tools'];

/** Cruises `paths` under `baseDir` with the project's rule file. */
async function cruiseWithRules(paths: string[], baseDir: string): Promise<ICruiseResult> {
  const options: ICruiseOptions = {
    ...(await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'))),
    baseDir,
    tsConfig: { fileName: tsConfigFile },
  };
  const { output } = await cruise(paths, options, {}, { tsConfig: extractTSConfig(tsConfigFile) });
  assert.ok(typeof output === 'object', 'dependency-cruiser returned no cruise result');
  return output;
}

/** Each violation as "rule-name: from -> to", a cycle followed by its whole round. */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations
    .map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' -> ')})` : ''}`)
    .sort();
}

describe('layering (.dependency-cruiser.cjs)', () => {
  it('src/, web/src/, bench/ and tools/ break no rule', async () => {
    const result = await cruiseWithRules(layers, root);
    // The cruise did read the code base and resolved its `.ts` imports.
    const start = result.modules.find((m) => m.source === 'src/cli/start.ts');
    assert.ok(start?.dependencies.some((d) => d.resolved === 'src/http/app.ts'), 'src/cli/start.ts -> src/http/app.ts was not found');
    assert.ok(result.summary.totalCruised > 150, `only ${result.summary.totalCruised} modules cruised`);
    const found = violations(result);
    assert.deepEqual(found, [], `layering violations (see .dependency-cruiser.cjs and STYLE.md, Layout):\n${found.join('\n')}`);
  });

  it('names the rule a backward arrow breaks', async () => {
    // A small tree with the arrows the rules forbid: api -> http, the launcher -> http (as
    // localServer.ts once imported browserKit.ts), web -> config, domain -> a Node API, a cycle,
    // graph -> writes, and the bulk import's exception used for more than the launcher.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-layers-'));
    const files: Record<string, string> = {
      'src/config.ts': "export const port = 4000;\n",
      'src/http/app.ts': "export const app = 'app';\n",
      'src/http/browserKit.ts': "export const browserSettings = {};\n",
      'src/api/schema.ts': "import { app } from '../http/app.ts';\nexport const schema = app;\n",
      'src/launcher/localServer.ts': "import { browserSettings } from '../http/browserKit.ts';\nexport const conf = browserSettings;\n",
      'src/domain/dates.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
      'src/graph/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/graph/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      'src/cli/start.ts': "import { app } from '../http/app.ts';\nimport { conf } from '../launcher/localServer.ts';\nexport const started = [app, conf];\n",
      'web/src/main.ts': "import { port } from '../../src/config.ts';\nexport const main = port;\n",
      // A graph read reaching up into the writes; the bulk import's exception reaching past the launcher.
      'src/writes/w.ts': "export const w = 1;\n",
      'src/graph/c.ts': "import { w } from '../writes/w.ts';\nexport const c = w;\n",
      'src/loader/bulk.ts': "import { app } from '../http/app.ts';\nimport { conf } from '../launcher/localServer.ts';\nexport const bulk = [app, conf];\n",
    };
    try {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const found = violations(await cruiseWithRules(['src', 'web/src'], dir));
      assert.deepEqual(found, [
        'api-not-http: src/api/schema.ts -> src/http/app.ts',
        'domain-is-pure: src/domain/dates.ts -> fs',
        'graph-imports-only-below: src/graph/c.ts -> src/writes/w.ts',
        'loader-imports-only-below: src/loader/bulk.ts -> src/http/app.ts',
        'no-cycles: src/graph/a.ts -> src/graph/b.ts (cycle: src/graph/a.ts -> src/graph/b.ts -> src/graph/a.ts)',
        'only-cli-imports-http-and-bench: src/api/schema.ts -> src/http/app.ts',
        'only-cli-imports-http-and-bench: src/launcher/localServer.ts -> src/http/browserKit.ts',
        'only-cli-imports-http-and-bench: src/loader/bulk.ts -> src/http/app.ts',
        'web-imports-web-and-domain: web/src/main.ts -> src/config.ts',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
