// A UN Security Council snapshot of seed/registries imported in a test, as `npm run import` does,
// at the matcher's default settings (not the shell's MATCH_* variables).
import fs from 'node:fs';
import { matchingSettings } from '../../src/config.ts';
import type { Database } from '../../src/neo4j/database.ts';
import { importRegistryText, type RegistryImportReport } from '../../src/writes/registryImport.ts';
import { snapshotFile } from '../../bench/matching/inputs.ts';

const settings = matchingSettings({});
export const importOptions = { thresholds: settings, limits: settings, timeoutMs: 300_000 };

export function importUnSc(db: Database, date: '2018-10-29' | '2024-09-26', regimes: string[] | null = null, by = 'test'): Promise<RegistryImportReport> {
  const file = snapshotFile(date);
  return importRegistryText(db, by, { format: 'un-sc', text: fs.readFileSync(file, 'utf8'), file, regimes }, importOptions);
}
