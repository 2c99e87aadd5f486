import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** What a fake terminal is set up with. Files are kept as bytes; strings are stored as UTF-8. */
export interface MemoryIoOptions {
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  files?: Map<string, Uint8Array>;
  /** stdout is a terminal (colour, prompts). */
  tty?: boolean;
  /** The answer to every yes/no question. */
  answer?: boolean;
}

/**
 * The CLI's I/O in memory: output collected, files in a map (a missing one throws ENOENT like the disk),
 * the API reached through the given fetch. One fake for every CLI test, so they all see the same edge.
 */
export function memoryIo(opts: MemoryIoOptions = {}) {
  const files = opts.files ?? new Map<string, Uint8Array>();
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (s) => {
      out.stdout += s;
    },
    stderr: (s) => {
      out.stderr += s;
    },
    isTTY: opts.tty ?? false,
    stderrTTY: false,
    env: opts.env ?? { AMO_TOKEN: 'dev-token', LANG: 'en_US.UTF-8' },
    readFile: (p) => {
      const v = files.get(p);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return v;
    },
    writeFile: (p, d) => {
      files.set(p, typeof d === 'string' ? new TextEncoder().encode(d) : d);
    },
    confirm: async () => opts.answer ?? false,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  /** A file's text as the CLI wrote it. */
  const text = (p: string): string | undefined => {
    const v = files.get(p);
    return v === undefined ? undefined : new TextDecoder().decode(v);
  };
  /** Stores a text file for the CLI to read. */
  const put = (p: string, v: string) => files.set(p, new TextEncoder().encode(v));
  /** Runs the CLI once; the output is only this run's. */
  const run = async (...argv: string[]) => {
    out.stdout = '';
    out.stderr = '';
    const code = await main(argv, io);
    return { code, out: out.stdout, err: out.stderr };
  };
  return { io, out, files, text, put, run };
}
