// The Python that reads FtM exports with followthemoney, the FtM reference implementation: a
// virtual environment at .venv-ftm/ made from tools/python/requirements.txt with the python3 on
// PATH, the first time a test asks for it, and made again when the requirements change
// (tools/python/venv.ts).
// `node --import tsx test/support/python.ts` makes it ahead (.ci/run does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config.ts';
import { venvPython } from '../../tools/python/venv.ts';

/** The venv's python, with the pinned followthemoney installed (made or remade here when it is not). */
export const ftmPython = (): string => venvPython('.venv-ftm', 'requirements.txt', 'the FtM checks');

export interface FtmCheckReport {
  entities: number;
  schemata: Record<string, number>;
  statements: number | null;
  rejections: string[];
}

/** Reads entities (JSON lines) and optionally their statements (CSV) with tools/python/ftm_check.py. */
export function ftmCheck(entitiesFile: string, statementsFile?: string): { status: number | null; report: FtmCheckReport; stderr: string } {
  const script = path.join(projectRoot, 'tools', 'python', 'ftm_check.py');
  const result = spawnSync(ftmPython(), [script, entitiesFile, ...(statementsFile ? [statementsFile] : [])], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`ftm_check.py failed (exit ${result.status}): ${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) as FtmCheckReport, stderr: result.stderr };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(ftmPython());
