// The Python that reads FtM exports with followthemoney, the FtM reference implementation: a
// virtual environment at .venv-ftm/ made from tools/python/requirements.txt with the python3 on
// PATH, the first time a test asks for it, and made again when the requirements change.
// `node --import tsx test/support/python.ts` makes it ahead (.ci/run does).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config.ts';

const venv = path.join(projectRoot, '.venv-ftm');
const requirements = path.join(projectRoot, 'tools', 'python', 'requirements.txt');
/** The requirements the venv was made from, written once pip has installed them all. */
const stamp = path.join(venv, 'installed-requirements.txt');
const python = path.join(venv, 'bin', 'python');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not start: ${result.error.message} (Python 3.11 or later, with venv, must be on PATH as python3)`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The venv's python, with the pinned followthemoney installed (made or remade here when it is not). */
export function ftmPython(): string {
  const wanted = fs.readFileSync(requirements, 'utf8');
  if (fs.existsSync(python) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return python;
  console.log(`Making the Python environment for the FtM checks in ${venv} (pip install -r tools/python/requirements.txt)...`);
  fs.rmSync(venv, { recursive: true, force: true });
  run('python3', ['-m', 'venv', venv]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  fs.writeFileSync(stamp, wanted);
  return python;
}

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
