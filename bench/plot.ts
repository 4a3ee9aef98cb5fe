// docs/benchmarks.svg: p50 latency against graph size, one line per operation and way, both axes
// logarithmic. A Vega-Lite spec compiled to Vega and rendered headless to SVG by Vega itself.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { operationNames } from './operations.ts';
import type { BenchResults, Way } from './results.ts';

const wayNames: Record<Way, string> = { floor: 'a: Cypher floor', api: 'b: this API', peer: 'c: @neo4j/graphql' };
const ways = Object.values(wayNames);

/** One row per size, operation and way: the p50 in ms. */
function points(results: BenchResults) {
  return results.sizes.flatMap((size) =>
    Object.entries(size.operations).flatMap(([operation, result]) =>
      (['floor', 'api', 'peer'] as const)
        .filter((way) => result.latency[way] !== null)
        .map((way) => ({ relationships: size.relationships, operation, way: wayNames[way], p50: Math.max(0.01, result.latency[way]!.p50) })),
    ),
  );
}

export function plotSpec(results: BenchResults): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'p50 latency against graph size', subtitle: [`${results.date}, ${results.machine.cpus} CPUs; single client, warm`, 'bold: this API (b); dotted: the Cypher floor (a); dashed: @neo4j/graphql (c)'] },
    width: 640,
    height: 440,
    data: { values: points(results) },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'relationships',
        type: 'quantitative',
        title: 'relationships in the graph',
        scale: { type: 'log' },
        axis: { values: results.settings.sizes, format: '~s' },
      },
      y: { field: 'p50', type: 'quantitative', title: 'p50 (ms)', scale: { type: 'log' } },
      color: { field: 'operation', type: 'nominal', title: 'operation', sort: [...operationNames], scale: { scheme: 'category20' }, legend: { labelLimit: 240 } },
      // This API's lines drawn boldest; the floor's and the peer's thin and dashed.
      strokeDash: { field: 'way', type: 'nominal', title: 'asked by', scale: { domain: ways, range: [[2, 2], [1, 0], [6, 3]] } },
      strokeWidth: { condition: { test: `datum.way === '${wayNames.api}'`, value: 2.5 }, value: 1 },
      shape: { field: 'way', type: 'nominal', title: 'asked by', scale: { domain: ways } },
      detail: [{ field: 'operation' }, { field: 'way' }],
    },
  };
}

export async function renderPlot(results: BenchResults): Promise<string> {
  const view = new vega.View(vega.parse(compile(plotSpec(results)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
