// A Python virtual environment made from a pinned requirements file with the python3 on PATH, the
// first time it is asked for, and made again when the requirements change: .venv-ftm/ for the
// tests' FtM checks (test/support/python.ts), .venv-bench/ for the nomenklatura comparison
// (bench/matching/benchPython.ts), kept apart so that neither the tests nor CI install nomenklatura.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not start: ${result.error.message} (Python 3.11 or later, with venv, must be on PATH as python3)`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The python of `venvDir` (under the project) with `requirementsFile` (under tools/python/) installed, made or remade here when it is not. */
export function venvPython(venvDir: string, requirementsFile: string, purpose: string): string {
  const venv = path.join(projectRoot, venvDir);
  const requirements = path.join(projectRoot, 'tools', 'python', requirementsFile);
  /** The requirements the venv was made from, written once pip has installed them all. */
  const stamp = path.join(venv, 'installed-requirements.txt');
  const python = path.join(venv, 'bin', 'python');
  const wanted = fs.readFileSync(requirements, 'utf8');
  if (fs.existsSync(python) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return python;
  console.error(`Making the Python environment for ${purpose} in ${venv} (pip install -r tools/python/${requirementsFile})...`);
  fs.rmSync(venv, { recursive: true, force: true });
  run('python3', ['-m', 'venv', venv]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  fs.writeFileSync(stamp, wanted);
  return python;
}
