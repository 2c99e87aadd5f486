/** Exit codes of design.md §5. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

/** A CLI message as data: an i18n key under `cli.` and its parameters, rendered in the run's language. */
export interface CliMessage {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * An error that ends the command with one line and a documented exit code. It carries a message key, not
 * text, so the line comes out in the run's language however early it was raised.
 */
export class CliError extends Error {
  constructor(
    readonly text: CliMessage,
    readonly exitCode: number,
  ) {
    super(text.key);
    this.name = 'CliError';
  }
}

/** A bad flag or a missing argument (exit 2); `key` is under `cli.errors.`. */
export function usageError(key: string, params?: Record<string, string | number>): CliError {
  return new CliError({ key: `cli.errors.${key}`, params }, EXIT.usage);
}

/** The account cannot be reached or refuses the token (exit 3). */
export function unreachableError(key: string, params?: Record<string, string | number>): CliError {
  return new CliError({ key: `cli.errors.${key}`, params }, EXIT.unreachable);
}
