import type { Lang, Translate } from '../../i18n/translate';
import type { CliIo } from '../io';
import type { CommandName } from '../specs';

/** What every command gets besides its flags: the run's language (one rule for every line) and its text. */
export interface RunContext {
  lang: Lang;
  t: Translate;
}

/** A CLI command: flags in, exit code out. */
export type Command = (argv: string[], io: CliIo, run: RunContext) => Promise<number>;

/**
 * Every command by name, each loaded on first use: `--help` and `--version` never load the XLSX writer,
 * the pre-flight or the fix engine, so they answer at once.
 */
export const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  audit: async () => (await import('./audit')).auditCommand,
  baseline: async () => (await import('./baseline')).baselineCommand,
  capture: async () => (await import('./capture')).captureCommand,
  plan: async () => (await import('./plan')).planCommand,
  apply: async () => (await import('./apply')).applyCommand,
  export: async () => (await import('./export')).exportCommand,
  fix: async () => (await import('./fix')).fixCommand,
  preflight: async () => (await import('./preflight')).preflightCommand,
  template: async () => (await import('./preflight')).templateCommand,
  undo: async () => (await import('./undo')).undoCommand,
};
