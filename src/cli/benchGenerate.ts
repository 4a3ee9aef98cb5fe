// npm run bench:generate: the command line of bench/generate.ts.
import { generateCli } from '../../bench/generate.ts';
import { runMain } from './run.ts';

runMain(generateCli);
