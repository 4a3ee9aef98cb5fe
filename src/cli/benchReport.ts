// npm run bench:report: the command line of bench/report.ts.
import { reportCli } from '../../bench/report.ts';
import { runMain } from './run.ts';

runMain(reportCli);
