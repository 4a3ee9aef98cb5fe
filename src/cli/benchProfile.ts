// npm run bench:profile: the command line of bench/profile.ts.
import { profileCli } from '../../bench/profile.ts';
import { runMain } from './run.ts';

runMain(profileCli);
