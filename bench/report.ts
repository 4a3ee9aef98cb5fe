// npm run bench:report -- bench/results/<date>.json [--docs DIR]
// npm run bench:report -- --compare A.json B.json [--band 0.3]: the two runs side by side
// (compare.ts), printed; exits 1 when this API is slower in B beyond the band.
// npm run bench:report -- A.json B.json --out bench/results/<date>.json: sizes measured in
// separate runs, merged into one results file (mergeResults), then reported.
// Writes docs/benchmarks.md (what was measured and how, the tables, each target met or not, what
// the peer cannot ask) and docs/benchmarks.svg (plot.ts) from one results file of `npm run bench`.
import { describeReplicas } from './replicas.ts';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config.ts';
import { UserError } from '../src/errors.ts';
import { compareResults, compareTable, defaultBand } from './compare.ts';
import type { OperationName } from './operations.ts';
import { renderPlot } from './plot.ts';
import { mergeResults, readResults, writeResults, type BenchResults, type OperationResult, type SizeResult, type Throughput } from './results.ts';
import type { Agreement } from './sameAnswer.ts';

/** The issue's targets. */
export const targets = { apiOverFloor: 1.5, apiOverPeer: 0.5, sizeIndependence: 1.5, loaderVsFloor: 0.8, bulkVsLoader: 10, apiRssMB: 250 };

const mb = (mib: number) => mib * 1.048576;
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const size = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const mark = (met: boolean) => (met ? 'met' : '**not met**');
const flagged = (x: number, ok: boolean) => (ok ? num(x) : `**${num(x)}**`);
const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const ops = (s: SizeResult) => Object.entries(s.operations) as [OperationName, OperationResult][];

function latencyTable(s: SizeResult): string {
  const cells = (p: { p50: number; p95: number; p99: number } | null) => (p ? [num(p.p50), num(p.p95), num(p.p99)] : ['-', '-', '-']);
  return table(
    ['operation', 'a p50', 'a p95', 'a p99', 'b p50', 'b p95', 'b p99', 'c p50', 'c p95', 'c p99'],
    ops(s).map(([op, r]) => [op, ...cells(r.latency.floor), ...cells(r.latency.api), ...(r.peerError ? ['failed', '', ''] : cells(r.latency.peer))]),
  );
}

const answer = (a: Agreement | null) => {
  if (!a) return 'n/a';
  if (a.same) return 'same';
  return a.orderDiffers ? 'order differs' : `differs (${a.counts[0]} vs ${a.counts[1]} ids)`;
};

/**
 * What the API adds to the floor beyond an empty query's round trip (HTTP, parsing, the
 * answer's JSON), as a ratio: (b p50 - {__typename} p50) / a p50. Near 1, the rest of b/a is
 * that fixed cost, which a bare driver call does not pay.
 */
const beyondEmpty = (s: SizeResult, r: OperationResult) => (s.emptyQuery ? num((r.latency.api.p50 - s.emptyQuery.api.p50) / r.latency.floor.p50) : '-');

function ratioTable(s: SizeResult): string {
  return table(
    ['operation', 'b/a p50', 'b/a p95', 'b/a p99', '(b − empty)/a p50', 'b/c p50', 'b/c p95', 'b/c p99', 'answer b vs a', 'answer c vs a'],
    ops(s).map(([op, r]) => {
      const ba = r.ratios.apiOverFloor;
      const bc = r.ratios.apiOverPeer;
      return [
        op,
        flagged(ba.p50, ba.p50 <= targets.apiOverFloor),
        flagged(ba.p95, ba.p95 <= targets.apiOverFloor),
        flagged(ba.p99, ba.p99 <= targets.apiOverFloor),
        beyondEmpty(s, r),
        ...(bc ? [flagged(bc.p50, bc.p50 < targets.apiOverPeer), flagged(bc.p95, bc.p95 < targets.apiOverPeer), flagged(bc.p99, bc.p99 < targets.apiOverPeer)] : ['-', '-', '-']),
        answer(r.sameAnswer.api),
        answer(r.sameAnswer.peer),
      ];
    }),
  );
}

function throughputTable(s: SizeResult): string {
  const connections = ops(s)[0]?.[1].throughput.api.map((t) => t.connections) ?? [];
  const cells = (runs: Throughput[] | null) =>
    connections.flatMap((c) => {
      const t = runs?.find((run) => run.connections === c);
      if (!t) return ['-', '-'];
      const none = t.requestsPerSecond === 0; // nothing answered within the run: no latency to give
      return [`${num(t.requestsPerSecond)}${t.failures > 0 ? ` (${t.failures} failed)` : ''}`, none ? 'none answered' : num(t.p99Ms)];
    });
  const header = (way: string) => connections.flatMap((c) => [`${way} req/s @${c}`, `${way} p99 @${c}`]);
  return table(['operation', ...header('b'), ...header('c')], ops(s).map(([op, r]) => [op, ...cells(r.throughput.api), ...cells(r.throughput.peer)]));
}

/** Every target, with the figure that decides it and whether it is met. */
function targetRows(results: BenchResults): string[][] {
  const rows: string[][] = [];
  const all = results.sizes.flatMap((s) => ops(s).map(([op, r]) => ({ s, op, r })));
  const worst = <T>(items: T[], value: (item: T) => number) => items.reduce((a, b) => (value(b) > value(a) ? b : a));
  if (all.length > 0) {
    const w = worst(all, (x) => x.r.ratios.apiOverFloor.p50);
    const misses = all.filter((x) => x.r.ratios.apiOverFloor.p50 > targets.apiOverFloor).length;
    rows.push([`API vs floor, p50 (b/a ≤ ${targets.apiOverFloor})`, `worst ${num(w.r.ratios.apiOverFloor.p50)} (${w.op}, ${size(w.s.relationships)}); ${misses} of ${all.length} above`, mark(misses === 0)]);
    const peered = all.filter((x) => x.r.ratios.apiOverPeer);
    if (peered.length > 0) {
      const wp = worst(peered, (x) => x.r.ratios.apiOverPeer!.p50);
      const missesP = peered.filter((x) => x.r.ratios.apiOverPeer!.p50 >= targets.apiOverPeer).length;
      rows.push([`API vs @neo4j/graphql, p50 (b/c < ${targets.apiOverPeer})`, `worst ${num(wp.r.ratios.apiOverPeer!.p50)} (${wp.op}, ${size(wp.s.relationships)}); ${missesP} of ${peered.length} at or above`, mark(missesP === 0)]);
    }
  }
  const independence = Object.entries(results.sizeIndependence).map(([op, ways]) => ({ op, x: ways.api ?? 0 }));
  if (independence.length > 0) {
    const w = worst(independence, (i) => i.x);
    const misses = independence.filter((i) => i.x > targets.sizeIndependence).length;
    const [small, large] = [results.sizes[0]!.relationships, results.sizes.at(-1)!.relationships];
    rows.push([`size independence, API p50 at ${size(large)} / at ${size(small)} (≤ ${targets.sizeIndependence}×)`, `worst ${num(w.x)}× (${w.op}); ${misses} of ${independence.length} above`, mark(misses === 0)]);
  } else {
    rows.push([`size independence (≤ ${targets.sizeIndependence}×)`, 'needs two sizes or more', 'not measured']);
  }
  for (const s of results.sizes) {
    rows.push([`loader ≥ ${targets.loaderVsFloor}× the floor's speed, ${size(s.relationships)}`, `${num(s.load.loaderVsFloor)}× (floor ${num(s.load.floorSeconds)} s, loader ${num(s.load.loaderSeconds)} s)`, mark(s.load.loaderVsFloor >= targets.loaderVsFloor)]);
    if (s.load.bulkVsLoader !== null) {
      rows.push([`bulk import ≥ ${targets.bulkVsLoader}× the loader, ${size(s.relationships)}`, `${num(s.load.bulkVsLoader)}× (bulk ${num(s.load.bulkSeconds!)} s)`, mark(s.load.bulkVsLoader >= targets.bulkVsLoader)]);
    }
    const api = s.memory.api;
    if (api) rows.push([`API RSS ≤ ${targets.apiRssMB} MB under 32 connections, ${size(s.relationships)}`, `peak ${num(mb(api.peakRssMiB))} MB (VmHWM ${num(mb(api.vmHwmMiB))} MB)`, mark(mb(api.peakRssMiB) <= targets.apiRssMB)]);
  }
  if (!results.sizes.some((s) => s.load.bulkVsLoader !== null)) rows.push([`bulk import ≥ ${targets.bulkVsLoader}× the loader`, 'not run (largest size of a full run, or --bulk)', 'not measured']);
  return rows;
}

function differences(results: BenchResults): string {
  const lines = results.sizes.flatMap((s) =>
    ops(s).flatMap(([op, r]) =>
      (['api', 'peer'] as const).flatMap((way) => {
        const a = r.sameAnswer[way];
        if (!a || a.same) return [];
        const detail = a.orderDiffers ? 'the same ids in another order' : `only a: ${a.onlyInReference?.join(', ') || '-'}; only ${way === 'api' ? 'b' : 'c'}: ${a.onlyInOther?.join(', ') || '-'}`;
        return [`- ${size(s.relationships)}, \`${op}\`, ${way === 'api' ? 'b (API)' : 'c (peer)'}: ${a.counts[0]} ids vs ${a.counts[1]}; ${detail}`];
      }),
    ),
  );
  return lines.length > 0 ? lines.join('\n') : 'None: every way that can ask a question answered the same ids.';
}

function peerLimits(results: BenchResults): string {
  const last = results.sizes.at(-1);
  if (!last) return '';
  const unsupported = ops(last).filter(([, r]) => r.peerUnsupported).map(([op, r]) => `- \`${op}\`: ${r.peerUnsupported}`);
  const notes = ops(last).filter(([, r]) => r.peerNote).map(([op, r]) => `- \`${op}\`: ${r.peerNote}`);
  const failed = results.sizes.flatMap((s) => ops(s).filter(([, r]) => r.peerError).map(([op, r]) => `- ${size(s.relationships)}, \`${op}\`: ${r.peerError!.slice(0, 300)}`));
  return [
    '### Questions it cannot ask',
    unsupported.length > 0 ? unsupported.join('\n') : 'None.',
    '',
    '### Questions it can ask but did not answer (it then has no figures)',
    failed.length > 0 ? failed.join('\n') : 'None.',
    '',
    '### How its requests differ from the API’s',
    notes.length > 0 ? notes.join('\n') : 'They do not.',
  ].join('\n');
}

function sizeSection(s: SizeResult): string {
  const m = s.memory;
  const memory = (label: string, p: { peakRssMiB: number; vmHwmMiB: number } | null) => [label, p ? num(mb(p.peakRssMiB)) : '-', p ? num(mb(p.vmHwmMiB)) : '-'];
  return [
    `## ${size(s.relationships)} relationships`,
    '',
    `${s.counts.actors} actors, ${s.counts.claims} claims, ${s.counts.sources} sources, ${s.counts.relationships} relationships. ` +
      `Asked about: hub \`${s.probes.hub}\`, leaf \`${s.probes.leaf}\`, path \`${s.probes.pathFrom}\` → \`${s.probes.pathTo}\`, search "${s.probes.searchText}", ` +
      `claimant \`${s.probes.claimant}\`, source \`${s.probes.source}\`, quote text "${s.probes.quoteText}", asOf ${s.probes.asOf}, types ${s.probes.types.join(', ')}.`,
    '',
    '### Latency, single client (ms)',
    '',
    latencyTable(s),
    '',
    '### Ratios (bold: target missed) and answers',
    '',
    '(b − empty)/a takes from b the p50 of an empty query (`{ __typename }`) in the same run: the HTTP and GraphQL round trip that every request pays and a bare driver call does not.',
    '',
    ratioTable(s),
    '',
    '### Throughput (autocannon)',
    '',
    throughputTable(s),
    '',
    ...(s.emptyQuery
      ? [
          `An empty query (\`{ __typename }\`), what HTTP and GraphQL cost before any Cypher: p50 ${num(s.emptyQuery.api.p50)} ms to the API, ` +
            `${num(s.emptyQuery.peer.p50)} ms to the peer (p95 ${num(s.emptyQuery.api.p95)} and ${num(s.emptyQuery.peer.p95)} ms).`,
          '',
        ]
      : []),
    '### Memory (MB; the API and the peer sampled during the 32-connection runs)',
    '',
    table(['process', 'peak RSS', 'VmHWM'], [
      memory('API (b)', m.api),
      memory('peer (c)', m.peer),
      ['Neo4j (RSS after the runs; VmHWM since it started)', m.neo4j ? num(mb(m.neo4j.rssMiB)) : '-', m.neo4j ? num(mb(m.neo4j.vmHwmMiB)) : '-'],
    ]),
    '',
    `An analyst's \`addClaim\` (one transaction: checks, quote found in the source, claim, relationship derived, change log): ` +
      `p50 ${num(s.addClaim.p50)} ms, p95 ${num(s.addClaim.p95)} ms over ${s.addClaim.samples} writes.`,
  ].join('\n');
}

export function reportMarkdown(results: BenchResults, resultsPath: string): string {
  const { machine: m, versions: v, settings: st } = results;
  const load = table(
    ['relationships', 'claims', 'rounds', 'floor (s)', 'loader (s)', 'loader / floor speed', 'bulk (s)', 'bulk / loader speed'],
    results.sizes.map((s) => [size(s.relationships), String(s.load.claims), String(s.load.rounds?.length ?? 1), num(s.load.floorSeconds), num(s.load.loaderSeconds), num(s.load.loaderVsFloor), s.load.bulkSeconds === null ? '-' : num(s.load.bulkSeconds), s.load.bulkVsLoader === null ? '-' : num(s.load.bulkVsLoader)]),
  );
  const independence = Object.entries(results.sizeIndependence);
  return `# Benchmarks

Measured ${results.date} by \`npm run bench\`${st.quick ? ' (--quick)' : ''} on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os};
Node ${v.node}, Neo4j ${v.neo4j}, @neo4j/graphql ${v.neo4jGraphql}, this project ${v.project}. Raw figures: \`${resultsPath}\`.
${results.runs ? `\nThe sizes come from ${results.runs.length} runs with the same settings: ${results.runs.map((r) => `${r.sizes.map(size).join(' and ')} (${r.date})`).join('; ')}. Each b/a and b/c ratio compares figures of one run; the size ratios compare runs.\n` : ''}
![p50 latency against graph size, per operation and way](benchmarks.svg)

## What is measured

For each size (${st.sizes.map(size).join(', ')} relationships), a graph generated like the real one (\`bench/generate.ts\`, seed ${st.seed}:
hubs and leaves, several claims per relationship, denials, contradictions, partial dates, aliases) is loaded through the
real loader and, in the same run, by the raw floor (plain \`UNWIND ... CREATE\` of the same graph, \`bench/floor.ts\`)${
    st.loadRoundsWithinSeconds ? `, each from an emptied database; floor and loader take turns for three rounds when three fit in ${st.loadRoundsWithinSeconds} s (else one), and the figures are the medians` : ''
  }.
Then each operation of \`bench/operations.ts\` is asked three ways about the same actors, sources and words:

- **a**, the floor: the best single Cypher statement we could write by hand for the same question and answer content, over the bare neo4j-driver (\`bench/floorQueries.ts\`);
- **b**, this project's API: its GraphQL query over HTTP, in its own process (\`bench/apiQueries.ts\`);
- **c**, the peer: the same question to an API that @neo4j/graphql ${v.neo4jGraphql} generates over the same graph, in its own process (\`bench/peer.ts\`).

Single-client latency: ${st.serverWarmUpSeconds ? `first, every question asked each way for up to ${st.serverWarmUpSeconds} s, untimed (the JIT compiles each server's code paths as a server that has run a while has them); then, per operation, ` : ''}${st.warmUp} warm-up calls, then ${st.iterations} rounds of a, b, c in turn (interleaved, so that drift touches all alike${
    st.budgetSeconds ? `; a way that has spent ${st.budgetSeconds} s on one operation takes no more samples once it has 5` : ''
  }); p50, p95 and p99 of each. The first call's answers are compared (the same ids in the same order). Then autocannon puts
${st.connections.join(' and ')} connections on b and c for ${st.durationSeconds} s per operation; the API's and the peer's resident memory are
sampled during the ${Math.max(...st.connections)}-connection runs. Neo4j's memory is its process's, read from /proc.

## How to reproduce

\`\`\`
npm run bench                                   # 10k, 100k and 1M; resets the database, leaves the seed in it
npm run bench -- --sizes 10000,100000 --duration 5 --iterations 100
npm run bench -- --quick                        # CI: the smallest size once, short runs
npm run bench:report -- ${resultsPath}   # this page and the plot again
\`\`\`

## Targets

${table(['target', 'figure', ''], targetRows(results))}

## Load

${load}

${results.sizes.map(sizeSection).join('\n\n')}

## Size independence (p50 at ${size(results.sizes.at(-1)?.relationships ?? 0)} / p50 at ${size(results.sizes[0]?.relationships ?? 0)})

${independence.length > 0 ? table(['operation', 'a', 'b', 'c'], independence.map(([op, w]) => [op, w.floor ? num(w.floor) : '-', w.api ? flagged(w.api, w.api <= targets.sizeIndependence) : '-', w.peer ? num(w.peer) : '-'])) : 'One size only.'}

## Answers that differ from the floor's

${differences(results)}

## The @neo4j/graphql peer

${peerLimits(results)}

## Registries

${registrySection(results)}

## API replicas behind the proxy

${results.replicas ? `\`\`\`\n${describeReplicas(results.replicas)}\n\`\`\`\n${replicaGain(results.replicas, results.machine.cpus)}` : 'Not measured in this run.'}
`;
}

/** Two replicas against one, both through the proxy, as measured (the CPUs are shared with Neo4j and nginx). */
function replicaGain(r: NonNullable<BenchResults['replicas']>, cpus: number): string {
  const rate = (name: string) => r.runs.find((run) => run.name === name)?.figures.requestsPerSecond ?? NaN;
  const gain = rate('proxy, two replicas') / rate('proxy, one replica');
  return `Two replicas against one, both through nginx: ${num(gain)}x the requests per second on this machine (${cpus} CPUs, shared with Neo4j and nginx; docs/scaling.md).`;
}

/** The registry import end to end and matching at scale (bench/registries.ts). */
function registrySection(results: BenchResults): string {
  const r = results.registries;
  if (!r) return 'Not measured in this run.';
  const steps = Object.entries(r.import.steps).map(([step, ms]) => `${step} ${num(ms / 1000)} s`).join(', ');
  const sc = r.scale;
  return `The UN Security Council list of ${r.import.snapshot} (${r.import.records} records) imported onto the seed and matched end to end, as
\`npm run import -- un-sc\` does it: **${num(r.import.seconds)} s** (${steps}); ${r.import.automatic} pairs decided SAME automatically,
${r.import.queued} put in the review queue, ${r.import.unmatched} records with no candidate. The same file again: ${num(r.reimport.seconds)} s, ${r.reimport.claimsWritten} claims written.

Matching at scale: ${size(sc.records)} registry-like records (the list's words, varied) against ${size(sc.actors)} actors, candidates through
the blocking index: **${Math.round(sc.recordsPerSecond)} records/s** (prepare ${num(sc.prepareMs / 1000)} s, index ${num(sc.indexMs / 1000)} s, block ${num(sc.blockMs / 1000)} s,
score ${num(sc.scoreMs / 1000)} s), ${num(sc.candidatesPerRecord.mean)} candidates per record (at most ${sc.candidatesPerRecord.max}), peak memory of the process ${Math.round(sc.peakRssMiB)} MiB.
All pairs on a sample of ${sc.allPairs.sample} records: ${num(sc.allPairs.msPerRecord)} ms per record against ${num(sc.allPairs.blockedMsPerRecord)} ms through blocking,
**${Math.round(sc.allPairs.ratio)}x** slower (the ratio grows with the number of actors). The matcher's precision and recall on the labelled key: \`npm run bench:match\` (\`bench/matching/README.md\`).`;
}

/** Writes benchmarks.md and benchmarks.svg into `docsDir`; returns their paths. */
export async function writeReport(results: BenchResults, docsDir: string, resultsPath = `bench/results/${results.date}.json`): Promise<string[]> {
  fs.mkdirSync(docsDir, { recursive: true });
  const md = path.join(docsDir, 'benchmarks.md');
  const svg = path.join(docsDir, 'benchmarks.svg');
  fs.writeFileSync(md, reportMarkdown(results, resultsPath));
  fs.writeFileSync(svg, await renderPlot(results));
  return [md, svg];
}

/** The command line of `npm run bench:report` (src/cli/benchReport.ts); 1 when a comparison finds B slower. */
export async function reportCli(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { docs: { type: 'string', default: path.join(projectRoot, 'docs') }, out: { type: 'string' }, compare: { type: 'boolean', default: false }, band: { type: 'string' } },
  });
  const usage = 'usage: npm run bench:report -- bench/results/<date>.json [--docs DIR], or A.json B.json --out MERGED.json [--docs DIR], or --compare A.json B.json [--band 0.3]';
  if (positionals.length === 0 || (positionals.length > 1 && !values.out && !values.compare) || (values.compare && positionals.length !== 2)) throw new UserError(usage);
  const missing = positionals.find((file) => !fs.existsSync(file));
  if (missing) throw new UserError(`No results file ${missing}`);
  if (values.compare) {
    const band = values.band === undefined ? defaultBand : Number(values.band);
    if (!(band > 0)) throw new UserError(`--band must be a positive number (0.3: ratios within 0.77–1.30 are noise), got "${values.band}"`);
    const rows = compareResults(readResults(positionals[0]!), readResults(positionals[1]!), band);
    console.log(compareTable(rows, band, [positionals[0]!, positionals[1]!]));
    return rows.some((r) => r.verdict === 'slower') ? 1 : 0;
  }
  let file = positionals[0]!;
  if (positionals.length > 1) {
    file = values.out!;
    writeResults(file, mergeResults(positionals.map(readResults)));
    console.log(`Merged ${positionals.join(' and ')} into ${file}`);
  }
  const written = await writeReport(readResults(file), values.docs, path.relative(projectRoot, path.resolve(file)));
  console.log(`Wrote ${written.map((f) => path.relative(process.cwd(), f)).join(' and ')}`);
  return 0;
}
