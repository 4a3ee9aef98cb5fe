// Who may import whom (STYLE.md, Layout; issue #23). dependency-cruiser reads the imports of
// src/, web/src/, bench/ and tools/ (type-only imports included) and reports each forbidden
// arrow as "rule-name: from -> to". Checked by test/architecture.test.ts and `npm run lint:layers`.
// test/ is not cruised: tests may import anything.
//
// An exception is a path in a rule's pathNot, with the reason beside it. Prefer moving the code.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // The app is built for the browser by Vite: it shares only the pure rules of src/domain/
      // (no Node API, driver, GraphQL or HTTP), and packages from node_modules (cytoscape).
      name: 'web-imports-web-and-domain',
      comment: 'web/ imports only web/ and src/domain/ (and packages)',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        pathNot: [
          '^web/',
          '^src/domain/',
          '^node_modules/',
        ],
      },
    },
    {
      // The knowledge model's pure rules, shared with the browser: nothing of the project but
      // the error types, no Node API, and no package but zod. src/errors.ts, which the domain
      // (and so the web app) imports, is held to the same.
      name: 'domain-is-pure',
      comment: 'src/domain/ imports nothing but src/domain/, src/errors.ts, zod, compromise and chrono-node (no other package, no Node API)',
      severity: 'error',
      from: { path: ['^src/domain/', '^src/errors\\.ts$'] },
      to: {
        pathNot: [
          '^src/domain/',
          '^src/errors\\.ts$',
          // The entry schema (fileSchema.ts) is zod's: pure, and it runs in the browser too.
          '^node_modules/zod/',
          // The suggestion engine's sentences, terms and dates (src/domain/suggestions.ts): pure JavaScript, browser-safe.
          '^node_modules/(compromise|chrono-node|efrt|grad-school|suffix-thumb)/',
        ],
      },
    },
    {
      // Registry readers (src/registries/): published registry files in, records out, for the
      // loader to write; they stand beside the domain, below everything that touches the graph.
      name: 'registries-below-loader',
      comment: 'src/registries/ imports only itself, src/domain/, src/errors.ts and src/config.ts (and packages, Node APIs)',
      severity: 'error',
      from: { path: '^src/registries/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^src/registries/', '^src/domain/', '^src/errors\\.ts$', '^src/config\\.ts$', '^node_modules/'],
      },
    },
    {
      // GraphQL without transport: src/http/ feeds src/api/, never the other way round.
      name: 'api-not-http',
      comment: 'src/api/ never imports src/http/',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/http/' },
    },
    {
      // The transport and the benchmark are wired together by the entry points in src/cli/ only;
      // each may import its own files ($1).
      name: 'only-cli-imports-http-and-bench',
      comment: 'only src/cli/ imports src/http/ and bench/',
      severity: 'error',
      from: { path: '^(src/[^/]+|bench|tools|web)', pathNot: '^src/cli/' },
      to: { path: '^(src/http|bench)/', pathNot: '^$1/' },
    },
    {
      // The local Neo4j process likewise, with two exceptions that may reach the launcher (and
      // nothing more of this rule's targets).
      name: 'only-cli-imports-launcher',
      comment: 'only src/cli/ imports src/launcher/',
      severity: 'error',
      from: {
        path: '^(src/[^/]+|bench|tools|web)',
        pathNot: [
          '^src/(cli|launcher)/',
          // Exception: the bulk import (npm run seed -- --bulk) stops the local server, runs
          // neo4j-admin (launcher/localServer.ts: runNeo4jAdmin) and starts it again, on the
          // Connection of launcher/connect.ts.
          '^src/loader/bulk\\.ts$',
          // Exception: the benchmark's load and profile rounds connect to Neo4j themselves
          // (launcher/connect.ts), as every entry point does; they run only through src/cli/bench*.ts.
          '^bench/(loadThroughput|profile)\\.ts$',
        ],
      },
      to: { path: '^src/launcher/' },
    },
    // The layers of src/ point down (docs/architecture.md): each folder below may not import
    // a folder above it. One rule per folder, named "<folder>-imports-only-below".
    ...Object.entries({
      neo4j: ['graph', 'loader', 'writes', 'export', 'api', 'http', 'auth', 'docs', 'registries'],
      graph: ['loader', 'writes', 'export', 'api', 'http', 'auth', 'docs', 'registries'],
      loader: ['writes', 'export', 'api', 'http', 'auth', 'docs'],
      writes: ['export', 'api', 'http', 'docs'],
      export: ['writes', 'api', 'http', 'auth', 'docs'],
      auth: ['graph', 'loader', 'writes', 'export', 'api', 'http', 'docs'],
      docs: ['graph', 'loader', 'writes', 'export', 'api', 'http', 'auth'],
    }).map(([folder, above]) => ({
      name: `${folder}-imports-only-below`,
      comment: `src/${folder}/ imports none of src/${above.join('/, src/')}/`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${above.join('|')})/` },
    })),
    {
      name: 'no-cycles',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      // An import the cruiser cannot resolve would slip past every rule above (its path would be
      // the bare specifier): each must resolve, to a project file, a package or a Node module.
      name: 'imports-resolve',
      comment: 'every import resolves to a file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(web/dist|tools/neo4j)/' },
    // `import type` arrows count: a type import is a dependency on the layer too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // Packages resolved through their "exports" (vega-lite has no "main").
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
