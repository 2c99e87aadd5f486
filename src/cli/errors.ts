/** Exit codes of design.md §5. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

/** An error that ends the command with one line and a documented exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad flag or a missing argument (exit 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
