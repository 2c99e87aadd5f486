import type { CliIo } from '../io';
import { auditCommand } from './audit';
import { baselineCommand } from './baseline';
import { exportCommand } from './export';
import { fixCommand } from './fix';
import { preflightCommand, templateCommand } from './preflight';
import { undoCommand } from './undo';

/** A CLI command: flags in, exit code out. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Every command by name (design.md §5). */
export const COMMANDS: Record<string, Command> = {
  audit: auditCommand,
  baseline: baselineCommand,
  export: exportCommand,
  fix: fixCommand,
  preflight: preflightCommand,
  template: templateCommand,
  undo: undoCommand,
};
