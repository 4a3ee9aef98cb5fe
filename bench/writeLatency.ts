// How long an analyst's addClaim takes (the whole write: checks, the quote found in the source's
// text, the claim, its relationship derived, the change log; one transaction), between actors
// taken in turn, each quoting a sentence of a source added for the purpose.
import type { Database } from '../src/neo4j/database.ts';
import { addClaim } from '../src/writes/claims.ts';
import { addSource } from '../src/writes/sources.ts';
import { percentiles, type Percentiles } from './timing.ts';

/** `actors`: two or more distinct ids; claim i is between actor i and the next one. */
export async function addClaimLatency(db: Database, actors: string[], count: number): Promise<Percentiles> {
  const sentences = Array.from({ length: count }, (_, i) => `Sentence ${i} of the benchmark article says that one actor works with another.`);
  const { id: source } = await addSource(db, 'bench', { title: `Benchmark article ${Date.now()}`, published: '2020-01', text: sentences.join(' ') });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await addClaim(db, 'bench', {
      subject: actors[i % actors.length]!,
      type: 'COOPERATES_WITH',
      object: actors[(i + 1) % actors.length]!,
      stance: 'ASSERTED',
      source,
      quotes: [sentences[i]!],
    });
    times.push(performance.now() - started);
  }
  return percentiles(times);
}
