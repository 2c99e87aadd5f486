import { loadBaseline, parseBaseline } from '../audit/baseline/load';
import type { Baseline } from '../audit/baseline/types';
import { parseSnapshot } from '../snapshot/serialize';
import type { Snapshot } from '../snapshot/types';
import { CliError, usageError } from './errors';
import type { CliIo } from './io';
import { FileTooLargeError } from './read-bounded';

/** A file named by a flag; a missing or unreadable one is one clear line (exit 2), never a raw ENOENT. */
export function readInput(io: CliIo, path: string, maxBytes?: number): Uint8Array {
  try {
    return io.readFile(path, maxBytes);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError('fileMissing', { file: path });
    if (code === 'EISDIR') throw usageError('fileIsFolder', { file: path });
    if (code === 'EACCES' || code === 'EPERM') throw usageError('fileDenied', { file: path });
    throw usageError('fileUnreadable', { file: path, reason: code ?? (err as Error).message });
  }
}

function readText(io: CliIo, path: string): string {
  return new TextDecoder().decode(readInput(io, path));
}

/** --baseline FILE, or the default; an invalid file is refused with the path of the bad key. */
export function baselineFrom(io: CliIo, path: string | undefined): Baseline {
  if (path === undefined) return loadBaseline().baseline;
  const result = parseBaseline(readText(io, path));
  if (!result.ok) throw usageError('baselineInvalid', { file: path, reason: result.error.message });
  return result.baseline;
}

/** --snapshot FILE for an offline audit. */
export function snapshotFrom(io: CliIo, path: string): Snapshot {
  const text = readText(io, path);
  try {
    return parseSnapshot(text);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usageError('snapshotInvalid', { file: path, reason: (err as Error).message });
  }
}
