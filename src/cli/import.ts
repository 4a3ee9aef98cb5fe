// npm run import -- un-sc FILE [--regime NAME ...]
// npm run import -- ftm FILE [--published YYYY-MM-DD]
// Imports a registry snapshot (the UN Security Council Consolidated List, its XML as published;
// or FollowTheMoney entities as JSON lines, as OpenSanctions and `npm run export -- --format ftm` write them)
// into the graph: the snapshot as a source stored byte for byte, each record an actor with its
// identifier, names and claims, matched to our actors (src/writes/registryImport.ts). --regime
// limits it to records of that UN_LIST_TYPE (Al-Qaida, Taliban, ...; again for several).
// --published gives an FtM file's publication day when none of its entities states one.
// Importing the same file again changes nothing. The file must be UTF-8: its bytes are the source's text.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { matchingSettings } from '../config.ts';
import { UserError } from '../errors.ts';
import { connect } from '../launcher/connect.ts';
import { runningInstanceConfig } from '../launcher/runningInstance.ts';
import { importRegistryText, registryFormats, type RegistryFormat, type RegistryImportReport } from '../writes/registryImport.ts';
import { runMain } from './run.ts';

/** The file's bytes as text, refused unless they are UTF-8 (a byte-order mark kept, so that the text is the file byte for byte). */
export function readUtf8File(file: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserError(`${file}: no such file`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(file));
  } catch {
    throw new UserError(`${file}: not UTF-8 text: a registry snapshot is imported byte for byte and must be UTF-8. Nothing was imported.`);
  }
}

export function formatImportReport(report: RegistryImportReport): string {
  const { actors, claims, matching } = report;
  return [
    `Source ${report.source} (${report.registry})${report.sourceAdded ? ', stored' : ', stored before'}; ${report.records} records${report.regimes ? ` of ${report.regimes.join(', ')}` : ''}.`,
    `Actors: ${actors.created} created, ${actors.amended} amended, ${actors.unchanged} unchanged.`,
    `Claims: ${claims.created} created, ${claims.updated} updated, ${claims.unchanged} unchanged; ${report.tiesLeftOut} narrative ties to records not imported left out.`,
    ...Object.entries(report.leftOut).map(([reason, count]) => `Left out: ${count} ${reason}.`),
    `Observations new in this snapshot: ${report.identifiersObserved} identifiers, ${report.namesObserved} names.`,
    `Matching: ${matching.automatic.length} decided SAME automatically, ${matching.queued} pairs added to the review queue, ${matching.unmatched} records with no candidate, ${matching.decidedBefore} judged before.`,
    ...matching.automatic.map((a) => `  SAME (automatic, ${a.certain ? 'identifier' : `score ${a.score.toFixed(3)}`}): ${a.record} -> ${a.actor}`),
  ].join('\n');
}

runMain(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { regime: { type: 'string', multiple: true }, published: { type: 'string' } } });
  const [format, file, ...rest] = positionals;
  if (!format || !registryFormats.includes(format as RegistryFormat) || !file || rest.length) {
    throw new UserError('usage: npm run import -- un-sc FILE [--regime NAME ...] | npm run import -- ftm FILE [--published YYYY-MM-DD]');
  }
  const text = readUtf8File(file);
  const config = runningInstanceConfig({ existing: false });
  const settings = matchingSettings();
  const connection = await connect(config);
  try {
    const started = Date.now();
    const report = await importRegistryText(
      connection.db,
      `import:${os.userInfo().username}`,
      { format: format as RegistryFormat, text, file, regimes: values.regime ?? null, published: values.published ?? null },
      { thresholds: settings, limits: settings, timeoutMs: config.limits.loaderTimeoutMs },
    );
    console.log(formatImportReport(report));
    const steps = Object.entries(report.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ');
    console.log(`Imported in ${((Date.now() - started) / 1000).toFixed(1)} s (${steps}).`);
  } finally {
    await connection.close();
  }
});
