// Runs a CLI entry point: a UserError prints as one clear line, anything else with its stack.
import { UserError } from '../errors.ts';

export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof UserError) console.error(`Error: ${error.message}`);
      else console.error(error);
      process.exitCode = 1;
    },
  );
}
