import { terminalOutput } from '../../export/terminal-safe';
import type { CliIo } from '../io';

/**
 * The CLI's I/O with a guard on both streams: whatever a command prints, only line breaks, tabs and the
 * product's own colour and progress codes reach the terminal raw; any other control character (from a
 * name, an error body, a file cell that a renderer did not escape) is shown visibly. JSON output is
 * unchanged in meaning: the only characters JSON.stringify leaves raw and the guard rewrites (C1, U+2028,
 * bidi controls) sit inside strings, where their `\uXXXX` form reads back as the same text.
 */
export function guardedIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalOutput(text)),
    stderr: (text) => io.stderr(terminalOutput(text)),
  };
}
