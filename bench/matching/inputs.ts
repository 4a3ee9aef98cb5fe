// The evaluation's inputs from their files: the labelled key (bench/matching/un-sc-key.yaml), the
// UN list snapshots (seed/registries/) as parties, and our actors from
// every seed/data/*.yaml (an actor named in several files once, its aliases gathered).
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { projectRoot } from '../../src/config.ts';
import { actorCountries, actorParty, type ActorLike, type ClaimLike } from '../../src/domain/matching/actorParty.ts';
import type { Party } from '../../src/domain/matching/party.ts';
import type { Problem } from '../../src/domain/problems.ts';
import { UserError } from '../../src/errors.ts';
import { defaultDataDir } from '../../src/loader/load.ts';
import { listDataFiles, readDataFile } from '../../src/loader/readFiles.ts';
import { unScParty } from '../../src/registries/unScParty.ts';
import { readUnScList, type UnScRecord } from '../../src/registries/unSc.ts';
import type { KeyLabel, KeyPair } from './evaluate.ts';

export const keyFile = path.join(projectRoot, 'bench', 'matching', 'un-sc-key.yaml');
export const registriesDir = path.join(projectRoot, 'seed', 'registries');
/** The snapshots the key was built on. */
export const keySnapshots = ['2018-10-29', '2024-09-26'] as const;

const labels = new Set<KeyLabel>(['SAME', 'NOT_SAME', 'UNSURE']);

export function readKey(file = keyFile): KeyPair[] {
  const data = load(fs.readFileSync(file, 'utf8'), { schema: CORE_SCHEMA, filename: file }) as { pairs?: unknown };
  if (!Array.isArray(data?.pairs)) throw new UserError(`${file}: no pairs list`);
  return data.pairs.map((raw: unknown, i: number) => {
    const pair = raw as Partial<Record<keyof KeyPair, unknown>>;
    if (typeof pair.actor !== 'string' || typeof pair.record !== 'string' || !labels.has(pair.label as KeyLabel) || !Array.isArray(pair.snapshots)) {
      throw new UserError(`${file}: pairs[${i}] needs actor, record, label (SAME, NOT_SAME, UNSURE) and snapshots`);
    }
    return { actor: pair.actor, record: pair.record, label: pair.label as KeyLabel, snapshots: pair.snapshots.map(String) };
  });
}

export function snapshotFile(date: string): string {
  return path.join(registriesDir, `un-sc-consolidated-${date}.xml`);
}

/** A snapshot's records, and how long reading the XML took. */
export function readSnapshotRecords(date: string): { records: UnScRecord[]; readMs: number } {
  const file = snapshotFile(date);
  if (!fs.existsSync(file)) throw new UserError(`${file} is missing: the UN list snapshots are read from seed/registries/`);
  const started = performance.now();
  const list = readUnScList(fs.readFileSync(file, 'utf8'), path.basename(file));
  return { records: list.records, readMs: performance.now() - started };
}

/** A snapshot's records as parties, and how long reading the XML took. */
export function readSnapshotParties(date: string): { parties: Party[]; readMs: number } {
  const { records, readMs } = readSnapshotRecords(date);
  return { parties: records.map(unScParty), readMs };
}

export type SeedActor = ActorLike & { aliases: string[]; description?: string | null };

/** Every actor of the seed data files, once each (aliases of its several entries gathered), and every claim. */
export function readSeedActors(dataDir = defaultDataDir): { actors: SeedActor[]; claims: ClaimLike[] } {
  const problems: Problem[] = [];
  const actors = new Map<string, SeedActor>();
  const claims: ClaimLike[] = [];
  for (const file of listDataFiles(dataDir)) {
    const parsed = readDataFile(file, path.relative(projectRoot, file), problems);
    claims.push(...(parsed?.data.claims ?? []));
    for (const actor of parsed?.data.actors ?? []) {
      const seen = actors.get(actor.id);
      if (seen) seen.aliases.push(...[actor.name, ...actor.aliases].filter((name) => name !== seen.name && !seen.aliases.includes(name)));
      else actors.set(actor.id, { ...actor, aliases: [...actor.aliases] });
    }
  }
  if (problems.length) throw new UserError(`seed data: ${problems.map((p) => `${p.file}:${p.line ?? ''} ${p.path} ${p.message}`).join('; ')}`);
  return { actors: [...actors.values()], claims };
}

/** Every actor of the seed data files as parties with their countries. */
export function readActorParties(dataDir = defaultDataDir): Party[] {
  const { actors, claims } = readSeedActors(dataDir);
  const countries = actorCountries(actors, claims);
  return actors.map((actor) => actorParty(actor, countries.get(actor.id)));
}
