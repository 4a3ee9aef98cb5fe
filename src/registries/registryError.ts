// A registry file that cannot be read as a whole: every problem found, each with the file, the
// line and the record (its reference number) it concerns. Nothing of such a file is used.
import { UserError } from '../errors.ts';
import { formatProblem, type Problem } from '../domain/problems.ts';

const shown = 50;

export class RegistryFileError extends UserError {
  override name = 'RegistryFileError';
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    const lines = problems.slice(0, shown).map((problem) => `  ${formatProblem(problem)}`);
    if (problems.length > shown) lines.push(`  ...and ${problems.length - shown} more`);
    super(`${file} cannot be read: ${problems.length} problem(s); nothing was taken from it:\n${lines.join('\n')}`);
  }
}
