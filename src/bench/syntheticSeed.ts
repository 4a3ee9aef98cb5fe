// Writes a synthetic seed (sources, actors, claims with real quotes) of any size,
// in the same format as seed/, for load benchmarks. Deterministic for a given size.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { actorKinds, relationshipTypes } from '../vocabulary.ts';

export interface SyntheticSize {
  /** Claims, one per relationship except where two land on the same (subject, type, object). */
  relationships: number;
  actors: number;
  sources: number;
  /** The format of the one file that holds every actor and relationship. */
  format: 'yaml' | 'json';
}

/**
 * One data file with every actor and claim (like a bulk import), plus one source
 * text and one source file per `sources`, each quoted by its share of the relationships.
 */
export function writeSyntheticSeed(dir: string, size: SyntheticSize): { dataDir: string; sourcesDir: string } {
  const dataDir = path.join(dir, 'data');
  const sourcesDir = path.join(dir, 'sources');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(sourcesDir, { recursive: true });
  const actorName = (i: number) => `Synthetic Actor ${i}`;
  const actors = Array.from({ length: size.actors }, (_, i) => ({
    id: `synthetic-actor-${i}`,
    kind: actorKinds[i % actorKinds.length],
    name: actorName(i),
    aliases: [`SA${i}`],
    description: `Synthetic actor number ${i}.`,
  }));
  const claims = [];
  const perSource = Math.ceil(size.relationships / size.sources);
  for (let s = 0; s < size.sources; s++) {
    const sourceId = `synthetic-source-${s}`;
    const lines = [`Synthetic source ${s}`, ''];
    for (let r = s * perSource; r < Math.min(size.relationships, (s + 1) * perSource); r++) {
      const from = r % size.actors;
      const to = (r * 7 + 1) % size.actors;
      const quote = `${actorName(from)} is linked to ${actorName(to)} by record ${r}.`;
      lines.push(quote);
      claims.push({
        id: `synthetic-${r}`,
        type: relationshipTypes[r % relationshipTypes.length]!,
        subject: `synthetic-actor-${from}`,
        object: `synthetic-actor-${to}`,
        since: `${2000 + (r % 20)}-${String((r % 12) + 1).padStart(2, '0')}`,
        stance: r % 3 === 0 ? 'ATTRIBUTED' : 'ASSERTED',
        claimedBy: r % 3 === 0 ? [`synthetic-actor-${to}`] : [],
        source: sourceId,
        quotes: [quote],
      });
    }
    const file = `${sourceId}.txt`;
    fs.writeFileSync(path.join(sourcesDir, file), lines.join('\n') + '\n');
    fs.writeFileSync(path.join(dataDir, `${sourceId}.yaml`), stringify({ source: { id: sourceId, file, title: `Synthetic source ${s}`, published: '2020' } }));
  }
  const content = { actors, claims };
  fs.writeFileSync(
    path.join(dataDir, `synthetic.${size.format}`),
    size.format === 'json' ? JSON.stringify(content) : stringify(content),
  );
  return { dataDir, sourcesDir };
}
