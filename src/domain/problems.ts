// Validation problems: each names the file, the line, the path inside the file and what is wrong;
// the seed's (src/loader/) and the API's writes' (src/writes/) alike.
import { UserError } from '../errors.ts';

export interface Problem {
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** A step of a path inside an entry: a key or a list index. */
export type PathPart = string | number;

/** `claims[3].quotes[0]` */
export function formatPath(parts: readonly PathPart[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where} ${problem.path}: ${problem.message}`;
}

const shown = 50;

/** Thrown when the seed data is invalid; nothing has been written to the database. */
export class SeedValidationError extends UserError {
  constructor(readonly problems: Problem[]) {
    const lines = problems.slice(0, shown).map((problem) => `  ${formatProblem(problem)}`);
    if (problems.length > shown) lines.push(`  ...and ${problems.length - shown} more`);
    super(`the seed data has ${problems.length} problem(s); nothing was written:\n${lines.join('\n')}`);
  }
}
