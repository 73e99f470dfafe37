/**
 * User-facing input errors. Every problem with a scenario, a trace or a command-line
 * value is reported as an `InputError` naming the file, the place in it (a dotted
 * path like `hierarchy.redis.capacity`, or `line 1043`) and what was expected.
 * The CLI prints them without a stack trace and exits with code 2.
 */
export interface InputProblem {
  /** The file the problem is in, as the user named it ('' for command-line flags). */
  file: string;
  /** Dotted path (`layers.redis.capacity`), `line N`, or a flag (`--capacity`). */
  place: string;
  /** What was expected and what was found. */
  message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly InputProblem[]) : [problems as InputProblem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.place].filter((s) => s.length > 0).join(': ');
  return where.length > 0 ? `${where}: ${p.message}` : p.message;
}

/** Shorthand for a single problem. */
export function inputError(file: string, place: string, message: string): InputError {
  return new InputError({ file, place, message });
}
