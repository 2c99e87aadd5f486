import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { writeFileDurably } from '../fix/journal-file';
import { readFileBounded } from './read-bounded';

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, prompts). */
  isTTY: boolean;
  /** True when stderr is a terminal (progress line). */
  stderrTTY: boolean;
  /** Width of the stderr terminal in characters, when known: a progress line wider than it would wrap. */
  stderrColumns?: number;
  env: Record<string, string | undefined>;
  /** With `maxBytes`, never reads more than that: throws FileTooLargeError (see read-bounded.ts) instead. */
  readFile(path: string, maxBytes?: number): Uint8Array;
  /** Writes atomically (temp file + rename) so a crash never leaves half a file. */
  writeFile(path: string, data: string | Uint8Array): void;
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
  /** Fetch used by the API client (tests inject the emulator's). */
  fetch?: typeof fetch;
}

/**
 * A stream write that ends quietly when the reader goes away: `setup-audit audit --format json | head`
 * closes the pipe early, and the rest of the output has nowhere to go (EPIPE), which is not an error of ours.
 */
function quietOnClose(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    stdout: quietOnClose(process.stdout),
    stderr: quietOnClose(process.stderr),
    isTTY: !!process.stdout.isTTY,
    stderrTTY: !!process.stderr.isTTY,
    // Read at each use: the terminal may be resized while an audit runs.
    get stderrColumns() {
      return process.stderr.columns;
    },
    env: process.env,
    readFile: (path, maxBytes) => (maxBytes === undefined ? readFileSync(path) : readFileBounded(path, maxBytes)),
    // fsync before rename, and no temp file left when the disk is full (the journal is written this way).
    writeFile: (path, data) => writeFileDurably(path, data),
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^(y|yes|д|да)$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
  };
}
