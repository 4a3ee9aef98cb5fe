// npm run bench:load: the command line of bench/load.ts.
import { loadCli } from '../../bench/load.ts';
import { runMain } from './run.ts';

runMain(loadCli);
