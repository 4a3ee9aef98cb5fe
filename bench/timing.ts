// Single-client latency: the same question asked several ways, interleaved (a, b, c, a, b, c...)
// so that whatever drifts during a run (the JIT, the page cache, other processes) touches every
// way alike, and the percentiles of each way's times.

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

/** The nearest-rank percentiles of `times` (ms), rounded to 0.01 ms. */
export function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), samples: sorted.length };
}

/** One way of asking a question: resolves to the answer's ids. */
export type Ask = () => Promise<string[]>;

export interface Interleaved<W extends string> {
  /** Each way's answer ids at its first call (a warm-up call), for the same-answer check. */
  firstAnswers: Partial<Record<W, string[]>>;
  latency: Partial<Record<W, Percentiles>>;
  /** The optional ways that failed (they are asked no more), with the first error's message. */
  failures: Partial<Record<W, string>>;
}

/** Timed calls a way keeps however slow it is. */
const minSamples = 5;

/**
 * Asks every way `warmUp` times, then `iterations` rounds of one call each in turn, timing
 * each call. A call that fails stops the benchmark (a figure of errors is no figure), unless
 * its way is `optional`: that way is then dropped and its error kept. A way that has spent
 * `budgetMs` skips the rest of its warm-up and, once it has minSamples timed calls, the
 * rest of its rounds (a peer taking seconds per call at a million relationships).
 */
export async function interleave<W extends string>(
  ways: Partial<Record<W, Ask>>,
  warmUp: number,
  iterations: number,
  optional: W[] = [],
  budgetMs = Infinity,
): Promise<Interleaved<W>> {
  let names = Object.keys(ways) as W[];
  const firstAnswers: Partial<Record<W, string[]>> = {};
  const failures: Partial<Record<W, string>> = {};
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<W, number[]>;
  const spent = Object.fromEntries(names.map((name) => [name, 0])) as Record<W, number>;
  for (let i = 0; i < warmUp + iterations; i++) {
    for (const name of names) {
      const overBudget = i > 0 && spent[name] > budgetMs;
      if (overBudget && (i < warmUp || times[name].length >= minSamples)) continue;
      const started = performance.now();
      let answer: string[];
      try {
        answer = await ways[name]!();
      } catch (error) {
        if (!optional.includes(name)) throw error;
        failures[name] = (error as Error).message;
        continue;
      }
      const elapsed = performance.now() - started;
      spent[name] += elapsed;
      if (i === 0) firstAnswers[name] = answer;
      if (i >= warmUp) times[name].push(elapsed);
    }
    names = names.filter((name) => failures[name] === undefined);
  }
  const latency: Partial<Record<W, Percentiles>> = {};
  for (const name of names) latency[name] = percentiles(times[name]);
  return { firstAnswers, latency, failures };
}
