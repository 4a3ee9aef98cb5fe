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

/**
 * An AbortSignal that fires on the first Ctrl-C (SIGINT) or SIGTERM. The handlers stay
 * installed, so later signals never kill the process half-way through stopping.
 */
export function interruption(): AbortSignal {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
