// The Python of the nomenklatura comparison: .venv-bench/ from tools/python/requirements-bench.txt
// (tools/python/venv.ts), apart from the tests' .venv-ftm/ so that neither the tests nor CI install nomenklatura.
import { venvPython } from '../../tools/python/venv.ts';

export const benchPython = (): string => venvPython('.venv-bench', 'requirements-bench.txt', 'the nomenklatura comparison');
